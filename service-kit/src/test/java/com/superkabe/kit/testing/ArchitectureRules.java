package com.superkabe.kit.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The hexagonal rules every service obeys: the domain is plain Java (no Spring, Kafka, JDBC,
 * Axon, Jakarta), the domain reaches no outer layer, and inbound adapters never call outbound ones.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        noClasses().that().resideInAPackage(basePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "java.sql..", "javax.sql..", "org.axonframework..", "jakarta..", "tools.jackson..",
                        "com.fasterxml..", basePackage + ".application..", basePackage + ".adapter..",
                        "com.superkabe.kit..")
                .because("the domain is a pure function of events and commands")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage(basePackage + ".domain..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Math.class, "random")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(java.util.Random.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(java.security.SecureRandom.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        java.util.concurrent.ThreadLocalRandom.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(java.time.Clock.class.getName())
                .because("time comes from the logical clock and ids are derived, so replay decides the same")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage(basePackage + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(basePackage + ".adapter..", "org.apache.kafka..",
                        "java.sql..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage(basePackage + ".adapter.in..")
                .should().dependOnClassesThat().resideInAPackage(basePackage + ".adapter.out..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
