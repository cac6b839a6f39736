package com.superkabe.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Service;
import com.superkabe.events.Topic;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The ACL plan is the topic catalogue's single-writer rule, and nothing more generous. */
class AclPlanTest {

    private final List<AclPlan.Grant> plan = AclPlan.grants(List.of("acme-producer"));

    @Test
    void eachServiceWritesExactlyTheTopicsTheCatalogueNamesItTheWriterOfAndItsDeadLetterTopic() {
        for (Service s : AclPlan.services()) {
            Set<String> owned = Arrays.stream(Topic.values()).filter(t -> t.writer() == s).map(Topic::topicName)
                    .collect(Collectors.toSet());
            owned.add(s.deadLetterTopic());
            assertThat(AclPlan.writableTopics(plan, AclPlan.principalOf(s))).as(s.id()).isEqualTo(owned);
        }
        assertThat(AclPlan.writableTopics(plan, "superkabe-send-adapter")).doesNotContain("superkabe.organizations");
        assertThat(AclPlan.writableTopics(plan, "superkabe-ingestion")).contains("superkabe.organizations",
                "superkabe.leads", "superkabe.dlt.ingestion-service");
    }

    @Test
    void noServiceAndNoOperatorMayWriteThePublicIntakeTopicOnlyCustomersMay() {
        String intake = Topic.LEAD_INTAKE.topicName();
        assertThat(plan).filteredOn(g -> g.operation() == AclPlan.Operation.WRITE && g.name().equals(intake))
                .extracting(AclPlan.Grant::principal).containsExactly("User:acme-producer");
        assertThat(AclPlan.writableTopics(plan, "acme-producer")).containsExactly(intake);
        assertThat(plan).filteredOn(g -> g.principal().equals("User:acme-producer"))
                .noneMatch(g -> g.operation() == AclPlan.Operation.READ);
    }

    @Test
    void theOperatorReadsEveryTopicIncludingDeadLettersAndWritesNothing() {
        assertThat(AclPlan.operator()).contains(new AclPlan.Grant("User:superkabe-operator", AclPlan.Resource.TOPIC,
                "superkabe.", AclPlan.Pattern.PREFIXED, AclPlan.Operation.READ));
        assertThat(AclPlan.operator()).noneMatch(g -> g.operation() == AclPlan.Operation.WRITE);
    }

    @Test
    void servicesReadTheCatalogueAndJoinOnlyGroupsNamedAfterThemselves() {
        List<AclPlan.Grant> gate = AclPlan.service(Service.GATE);
        assertThat(gate).filteredOn(g -> g.operation() == AclPlan.Operation.READ && g.resource() == AclPlan.Resource.TOPIC)
                .extracting(AclPlan.Grant::name)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Topic.values()).map(Topic::topicName).toList());
        assertThat(gate).filteredOn(g -> g.resource() == AclPlan.Resource.GROUP)
                .allMatch(g -> g.name().equals("gate-service") && g.pattern() == AclPlan.Pattern.PREFIXED);
    }

    @Test
    void onlyIngestionGetsTransactionalIdsUnderItsOwnPrefix() {
        assertThat(plan).filteredOn(g -> g.resource() == AclPlan.Resource.TRANSACTIONAL_ID)
                .extracting(AclPlan.Grant::principal, AclPlan.Grant::name)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("User:superkabe-ingestion", "superkabe-ingestion-"));
        assertThat(AclPlan.principalOf(Service.SEND_ADAPTER)).isEqualTo("superkabe-send-adapter");
    }

    @Test
    void printsEachGrantAsAKafkaAclsCommandForClustersTheStackDoesNotRun() {
        assertThat(AclPlan.kafkaAcls(new AclPlan.Grant("User:superkabe-ingestion", AclPlan.Resource.TRANSACTIONAL_ID,
                "superkabe-ingestion-", AclPlan.Pattern.PREFIXED, AclPlan.Operation.WRITE)))
                .isEqualTo("kafka-acls.sh --bootstrap-server \"$BOOTSTRAP\" --command-config \"$ADMIN_CONFIG\" --add "
                        + "--allow-principal User:superkabe-ingestion --operation Write --transactional-id "
                        + "superkabe-ingestion- --resource-pattern-type prefixed");
        assertThat(AclPlan.kafkaAcls(new AclPlan.Grant("User:acme", AclPlan.Resource.CLUSTER, AclPlan.CLUSTER_NAME,
                AclPlan.Pattern.LITERAL, AclPlan.Operation.IDEMPOTENT_WRITE)))
                .endsWith("--allow-principal User:acme --operation IdempotentWrite --cluster");
    }
}
