#!/usr/bin/env sh
# Renders prometheus-rule.yaml (a Prometheus Operator PrometheusRule) from prometheus-rules.yaml, the
# one file to edit: the rule file's `groups:` become the object's `spec.groups`, unchanged.
# PrometheusRuleFileTest (deploy/observability) fails when the two differ; run this after every change.
set -eu
cd "$(dirname "$0")"
{
  echo "# GENERATED from prometheus-rules.yaml by render-prometheusrule.sh; do not edit by hand."
  echo "# For the Prometheus Operator: kubectl apply -f prometheus-rule.yaml (needs its CRDs; the"
  echo "# release label must match your Prometheus's ruleSelector)."
  echo "apiVersion: monitoring.coreos.com/v1"
  echo "kind: PrometheusRule"
  echo "metadata:"
  echo "  name: superkabe"
  echo "  namespace: superkabe"
  echo "  labels: {app.kubernetes.io/part-of: superkabe, role: alert-rules}"
  echo "spec:"
  sed -n '/^groups:/,$p' prometheus-rules.yaml | sed 's/^\(.\)/  \1/'
} > prometheus-rule.yaml
