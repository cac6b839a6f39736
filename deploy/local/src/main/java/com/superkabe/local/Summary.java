package com.superkabe.local;

import java.util.List;

/** The closing block: where everything is and how to reach it. */
final class Summary {

    private Summary() {
    }

    static void print(StackLayout layout, Database db, String dnsServer, DemoSeeder.Seeded seeded,
                      List<String> demoLines, List<ServiceSpec> skipped, boolean prometheus) {
        print(layout, db, dnsServer, seeded, demoLines, skipped, prometheus, 1);
    }

    /** With {@code --replicas 2} the second instances are listed too (their ports: the first's plus 10). */
    static void print(StackLayout layout, Database db, String dnsServer, DemoSeeder.Seeded seeded,
                      List<String> demoLines, List<ServiceSpec> skipped, boolean prometheus, int replicas) {
        StringBuilder sb = new StringBuilder("----------------------------------------------------------------\n");
        sb.append("API:         ").append(ServiceSpec.GATEWAY.baseUrl())
                .append("  (api-gateway: /api, /admin, /t to the services below, /console to :8087)\n");
        sb.append("services (health | metrics):\n");
        for (ServiceSpec s : ServiceSpec.withGateway(ServiceSpec.replicated(ServiceSpec.ALL, replicas))) {
            sb.append(String.format("  %-23s %s | %s%n", s.label(), s.healthUrl(), s.prometheusUrl()));
        }
        sb.append("console:     ").append(ServiceSpec.CONSOLE.baseUrl()).append("/console/")
                .append("  (through the front door: http://localhost:8080/console/; sign in with the API key)\n");
        sb.append("Kafka:       ").append(KafkaBroker.BOOTSTRAP).append("  (SASL/SCRAM-SHA-512, ACLs on; intake topic superkabe.lead-intake)\n");
        sb.append("operator:    ").append(layout.show(KafkaBroker.operatorProperties(layout)))
                .append("  (./superkabe ... --command-config <this file>: reads every topic, writes none)\n");
        sb.append("PostgreSQL:  ").append(db.url()).append("  user ").append(db.user()).append('\n');
        sb.append("mail:        SMTP ").append(MailServer.HOST).append(':').append(MailServer.SMTP_PORT)
                .append(", IMAP ").append(MailServer.HOST).append(':').append(MailServer.IMAP_PORT)
                .append("  (").append(MailServer.DEMO_ADDRESS).append(" / ").append(MailServer.DEMO_PASSWORD).append(")\n");
        sb.append("logs:        ").append(layout.show(layout.logsDir())).append("/<service>.log, kafka.log")
                .append(db.embedded() ? ", postgres.log" : "").append('\n');
        sb.append("DNS:         udp ").append(dnsServer).append("  (the demo domains; protection-service and ingestion-service's MX check resolve here)\n");
        if (prometheus) {
            sb.append(LocalPrometheus.whereToLook(layout));
        }
        sb.append("admin token: ").append(ServiceSpec.ADMIN_TOKEN).append("  (header X-Admin-Token)\n");
        if (seeded != null) {
            sb.append("API key:     ").append(seeded.apiKey()).append("  (header X-Api-Key, org ").append(seeded.orgId()).append(")\n");
            sb.append("try:         curl -H 'X-Api-Key: ").append(seeded.apiKey()).append("' ")
                    .append(ServiceSpec.GATEWAY.baseUrl()).append("/api/v1/campaigns/")
                    .append(seeded.campaignId()).append("/runs\n");
        }
        demoLines.stream().filter(l -> !l.isEmpty()).forEach(l -> sb.append(l).append('\n'));
        for (ServiceSpec s : skipped) {
            sb.append("run ").append(s.name()).append(" yourself (skipped):\n  SUPERKABE_SECRETS_KEY=$(cat ")
                    .append(layout.show(layout.secretKeyFile())).append(") SPRING_DATASOURCE_PASSWORD=")
                    .append(db.embedded() ? db.password() : "<password>");
            s.service().ifPresent(svc -> KafkaUsers.launcher().serviceEnvironment(svc).forEach((k, v) ->
                    sb.append(' ').append(k).append("='").append(v).append('\'')));
            sb.append(" java -jar ").append(s.name())
                    .append("/target/").append(s.name()).append("-0.1.0-SNAPSHOT-exec.jar ")
                    .append(String.join(" ", s.args(db, dnsServer))).append('\n');
        }
        sb.append("----------------------------------------------------------------");
        Console.info(sb.toString());
    }
}
