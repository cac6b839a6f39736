{{/* Common labels of every object. */}}
{{- define "superkabe.labels" -}}
app.kubernetes.io/part-of: superkabe
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* Labels of one component's objects: the common ones and its name. Call with (dict "root" $ "name" $name). */}}
{{- define "superkabe.componentLabels" -}}
{{ include "superkabe.labels" .root }}
app.kubernetes.io/name: {{ .name }}
{{- end -}}

{{/* Selector labels of one component: call with (dict "root" $ "name" $name). */}}
{{- define "superkabe.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "superkabe.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}{{ default "superkabe" .Values.serviceAccount.name }}{{- else -}}{{ default "default" .Values.serviceAccount.name }}{{- end -}}
{{- end -}}

{{/* A component's settings: its own block merged over .Values.defaults. Call with (dict "root" $ "name" $name). */}}
{{- define "superkabe.component" -}}
{{- $svc := index .root.Values.services .name -}}
{{- toYaml (mergeOverwrite (deepCopy .root.Values.defaults) (deepCopy $svc)) -}}
{{- end -}}

{{- define "superkabe.image" -}}
{{- $tag := default .root.Chart.AppVersion .svc.image.tag -}}
{{- printf "%s%s:%s" .root.Values.image.registry .svc.image.repository $tag -}}
{{- end -}}

{{/* How many replicas of a component can have work: the fewest partitions among its lagTopic and the
     shareTopics whose partitions split its work (the reply poller polls the mailboxes of its share of
     superkabe.mailboxes). Call with (dict "root" $ "svc" $svc); yields a map with partitions and topic. */}}
{{- define "superkabe.replicaCap" -}}
{{- $topic := .svc.lagTopic -}}
{{- $cap := include "superkabe.partitions" (dict "root" .root "topic" $topic) | int -}}
{{- range (default (list) .svc.shareTopics) -}}
{{- $p := include "superkabe.partitions" (dict "root" $.root "topic" .) | int -}}
{{- if lt $p $cap -}}{{- $cap = $p -}}{{- $topic = . -}}{{- end -}}
{{- end -}}
{{- dict "partitions" $cap "topic" $topic | toYaml -}}
{{- end -}}

{{/* Partition count of a topic (the catalogue, or its override). Call with (dict "root" $ "topic" $t). */}}
{{- define "superkabe.partitions" -}}
{{- $found := "" -}}
{{- range .root.Values.kafka.topics.catalogue -}}
{{- if eq .name $.topic -}}{{- $found = (index $.root.Values.kafka.topics.partitionOverrides .name | default .partitions) -}}{{- end -}}
{{- end -}}
{{- if eq (toString $found) "" -}}{{- fail (printf "topic %s is not in kafka.topics.catalogue" .topic) -}}{{- end -}}
{{- $found -}}
{{- end -}}

{{/* Kafka security.protocol from the tls/sasl switches. */}}
{{- define "superkabe.kafkaProtocol" -}}
{{- $k := .Values.kafka -}}
{{- if and $k.tls.enabled $k.sasl.enabled -}}SASL_SSL{{- else if $k.tls.enabled -}}SSL{{- else if $k.sasl.enabled -}}SASL_PLAINTEXT{{- else -}}PLAINTEXT{{- end -}}
{{- end -}}

{{- define "superkabe.saslLoginModule" -}}
{{- if eq .Values.kafka.sasl.mechanism "PLAIN" -}}org.apache.kafka.common.security.plain.PlainLoginModule{{- else -}}org.apache.kafka.common.security.scram.ScramLoginModule{{- end -}}
{{- end -}}

{{/* Pod-level security context shared by every pod. */}}
{{- define "superkabe.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .uid }}
runAsGroup: {{ .uid }}
fsGroup: {{ .uid }}
seccompProfile: {type: RuntimeDefault}
{{- end -}}

{{/* Container-level security context shared by every container. */}}
{{- define "superkabe.containerSecurityContext" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities: {drop: [ALL]}
seccompProfile: {type: RuntimeDefault}
{{- end -}}

{{/* Kafka client settings that hold secrets or files: env entries and volume mounts (pod spec only). */}}
{{- define "superkabe.kafkaSecretEnv" -}}
{{- $k := .Values.kafka -}}
{{- if $k.sasl.enabled }}
- name: SUPERKABE_KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ $k.sasl.passwordSecret.name | quote }}, key: {{ $k.sasl.passwordSecret.key | quote }}}
# spring.kafka.properties.sasl.jaas.config, assembled by the kubelet from the variable above
- name: SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG
  value: {{ printf "%s required username=\"%s\" password=\"$(SUPERKABE_KAFKA_SASL_PASSWORD)\";" (include "superkabe.saslLoginModule" .) $k.sasl.username | quote }}
{{- end }}
{{- if and $k.tls.enabled $k.tls.clientCertSecret.name }}
- name: SPRING_KAFKA_SSL_KEYSTOREPASSWORD
  valueFrom:
    secretKeyRef: {name: {{ $k.tls.clientCertSecret.name | quote }}, key: {{ $k.tls.clientCertSecret.passwordKey | quote }}}
{{- end }}
{{- end -}}

{{- define "superkabe.kafkaVolumeMounts" -}}
{{- $k := .Values.kafka -}}
{{- if and $k.tls.enabled $k.tls.caSecret.name }}
- {name: kafka-ca, mountPath: /etc/superkabe/kafka/ca, readOnly: true}
{{- end }}
{{- if and $k.tls.enabled $k.tls.clientCertSecret.name }}
- {name: kafka-client, mountPath: /etc/superkabe/kafka/client, readOnly: true}
{{- end }}
{{- end -}}

{{- define "superkabe.kafkaVolumes" -}}
{{- $k := .Values.kafka -}}
{{- if and $k.tls.enabled $k.tls.caSecret.name }}
- name: kafka-ca
  secret:
    secretName: {{ $k.tls.caSecret.name | quote }}
    items: [{key: {{ $k.tls.caSecret.key | quote }}, path: ca.crt}]
{{- end }}
{{- if and $k.tls.enabled $k.tls.clientCertSecret.name }}
- name: kafka-client
  secret:
    secretName: {{ $k.tls.clientCertSecret.name | quote }}
    items: [{key: {{ $k.tls.clientCertSecret.keystoreKey | quote }}, path: keystore.p12}]
{{- end }}
{{- end -}}

{{/* Required values and cross-field rules the schema cannot express. */}}
{{- define "superkabe.validate" -}}
{{- $k := .Values.kafka -}}
{{- if not .Values.database.url }}{{ fail "database.url is required (jdbc:postgresql://host:5432/db)" }}{{ end -}}
{{- if not $k.bootstrapServers }}{{ fail "kafka.bootstrapServers is required" }}{{ end -}}
{{- if and $k.sasl.enabled (or (not $k.sasl.username) (not $k.sasl.passwordSecret.name)) }}{{ fail "kafka.sasl.enabled needs kafka.sasl.username and kafka.sasl.passwordSecret.name" }}{{ end -}}
{{- if and (eq $k.topics.mode "strimzi") (not $k.topics.strimzi.clusterName) }}{{ fail "kafka.topics.mode strimzi needs kafka.topics.strimzi.clusterName" }}{{ end -}}
{{- if gt (int $k.topics.minInsyncReplicas) (int $k.topics.replicationFactor) }}{{ fail "kafka.topics.minInsyncReplicas may not exceed kafka.topics.replicationFactor" }}{{ end -}}
{{- end -}}

{{/* In-cluster base URL of a component's Service. Call with (dict "root" $ "name" $name). */}}
{{- define "superkabe.url" -}}
{{- printf "http://%s.%s.svc:%v" .name .root.Release.Namespace (index .root.Values.services .name).port -}}
{{- end -}}

{{/* Where the gateway and the console find the other components (env entries; empty for the rest). */}}
{{- define "superkabe.discoveryEnv" -}}
{{- $root := .root -}}
{{- if eq .name "api-gateway" }}
{{- $routes := dict -}}
{{- range $n, $c := $root.Values.services }}
{{- if and $c.enabled (ne $n "api-gateway") }}{{ $_ := set $routes $n (include "superkabe.url" (dict "root" $root "name" $n)) }}{{ end }}
{{- end }}
# superkabe.gateway.routes: a map keyed by component name; env var names cannot carry its dashes
- name: SPRING_APPLICATION_JSON
  value: {{ dict "superkabe" (dict "gateway" (dict "routes" $routes)) | toJson | quote }}
{{- else if eq .name "console" }}
{{- range $n, $prop := dict "ingestion-service" "INGESTION" "gate-service" "GATE" "sequencer-service" "SEQUENCER" "send-adapter-service" "SENDADAPTER" "reply-poller-service" "REPLYPOLLER" "protection-service" "PROTECTION" }}
{{- if (index $root.Values.services $n).enabled }}
- name: SUPERKABE_CONSOLE_{{ $prop }}
  value: {{ include "superkabe.url" (dict "root" $root "name" $n) | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- end -}}
