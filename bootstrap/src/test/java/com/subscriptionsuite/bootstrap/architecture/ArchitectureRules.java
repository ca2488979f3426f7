package com.subscriptionsuite.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The layering rules of STYLE.md as values, so that {@code LayeringTest} checks the product's
 * classes with them and {@code RulesCatchViolationsTest} proves each one fails on a violation.
 */
final class ArchitectureRules {
    static final String ROOT = "com.subscriptionsuite";
    static final String DOMAIN = ROOT + ".domain..";
    static final String APPLICATION = ROOT + ".application..";
    static final String HTTP = ROOT + ".adapters.http..";
    static final String PERSISTENCE = ROOT + ".adapters.persistence..";
    static final String ZUORA = ROOT + ".adapters.zuora..";
    static final String BOOTSTRAP = ROOT + ".bootstrap..";
    static final String SERVICES = ROOT + ".application.service..";
    static final String SHARED_RULES = ROOT + ".application.service.common..";
    /** The one shared state of the features (the tenants in memory), made and handed to them by the Engine. */
    static final String TENANT_DIRECTORY = ROOT + ".application.service.tenant.TenantDirectory";
    private static final String ENGINE_PACKAGE = ROOT + ".application";

    private ArchitectureRules() {
    }

    static final ArchRule DOMAIN_DEPENDS_ONLY_ON_ITSELF_JAVA_VAVR_AND_JODA_MONEY = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..", "io.vavr..", "org.joda.money..")
            .as("the domain depends only on itself, java, vavr and joda-money");

    static final ArchRule APPLICATION_DEPENDS_ONLY_ON_DOMAIN_JAVA_VAVR_AND_JODA_MONEY = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage(APPLICATION, DOMAIN, "java..", "io.vavr..", "org.joda.money..")
            .as("the application depends only on the domain, java, vavr and joda-money");

    static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER = slices()
            .matching(ROOT + ".adapters.(*)..").should().notDependOnEachOther()
            .as("adapters do not depend on each other");

    static final ArchRule ADAPTERS_USE_PORTS_NOT_SERVICES = noClasses()
            .that().resideInAPackage(ROOT + ".adapters..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".application.service..")
            .as("adapters use ports, never services");

    static final ArchRule NOTHING_DEPENDS_ON_BOOTSTRAP = noClasses()
            .that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
            .as("nothing depends on bootstrap");

    static final ArchRule DOMAIN_AND_APPLICATION_DO_NOT_READ_THE_CLOCK_OR_RANDOMNESS = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(UUID.class, "randomUUID")
            .orShould().callMethod(Math.class, "random")
            .orShould().callConstructor(Random.class)
            .orShould().callConstructor(SecureRandom.class)
            .as("the domain and the application read neither the clock nor randomness (a Clock is injected)");

    static final ArchRule NO_FLOATING_POINT_IN_DOMAIN_OR_APPLICATION = classes()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should(useNoFloatingPoint())
            .as("no double or float in the domain or the application");

    static final ArchRule NO_BIGDECIMAL_EQUALS = noClasses()
            .that().resideInAPackage(ROOT + "..")
            .should().callMethod(BigDecimal.class, "equals", Object.class)
            .as("BigDecimal is compared with compareTo, never equals (2.0 and 2.00 are not equal)");

    static final ArchRule PORTS_ARE_INTERFACES_OR_RECORDS = classes()
            .that().resideInAnyPackage(ROOT + ".application.port..")
            .should(beAnInterfaceRecordOrEnum())
            .as("ports and their messages are interfaces, records or enums");

    static final ArchRule SERVICES_ARE_PACKAGE_PRIVATE = classes()
            .that().resideInAPackage(SERVICES)
            .and().haveSimpleNameEndingWith("Service")
            .should().notBePublic()
            .as("services are package-private; hosts reach them only through ports");

    /**
     * The helpers of the services are covered too: a public class of one feature's service package
     * (its factory, the use-case bundle the Engine assembles) serves its own package and the Engine,
     * never another feature. A rule two features apply lives in {@code service.common} (or, when it
     * needs no port, in the domain) instead of as a public helper of one of them.
     */
    static final ArchRule FEATURE_SERVICE_PACKAGES_SERVE_ONLY_THEMSELVES_AND_THE_ENGINE = classes()
            .that().resideInAPackage(SERVICES)
            .and().resideOutsideOfPackage(SHARED_RULES)
            .and().arePublic()
            .and().doNotHaveFullyQualifiedName(TENANT_DIRECTORY)
            .should(beUsedOnlyByTheirOwnPackageAndTheEngine())
            .as("a feature's service package shares no public helper with another feature: shared rules live "
                    + "in service.common");

    static final ArchRule SHARED_RULES_ARE_USED_ONLY_BY_SERVICES = noClasses()
            .that().resideOutsideOfPackage(SERVICES)
            .should().dependOnClassesThat().resideInAPackage(SHARED_RULES)
            .as("the services' shared rules (service.common) are used by services only; hosts reach them through "
                    + "ports");

    /**
     * The built-in ledger's store is its own (issue 12): the services reach the billing system only
     * through the billing gateway, so no service can lean on what only a local store does.
     */
    static final ArchRule LEDGER_STORE_ONLY_BEHIND_THE_LEDGER = noClasses()
            .that().resideOutsideOfPackages(ROOT + ".application.ledger..", PERSISTENCE, BOOTSTRAP)
            .and().haveNameNotMatching(ENGINE_PACKAGE.replace(".", "\\.") + "\\.(Engine|port\\.out\\.LedgerStore)(\\$.*)?")
            .should().dependOnClassesThat().haveNameMatching(ROOT.replace(".", "\\.")
                    + "\\.application\\.port\\.out\\.LedgerStore(\\$.*)?")
            .as("the ledger store is used only by the built-in ledger, its adapter and the wiring");

    /**
     * A port to a billing system speaks in business commands and reads (STYLE.md, "Remote systems
     * behind ports"): no storage verbs a remote system cannot honour.
     */
    static final ArchRule BILLING_GATEWAY_HAS_NO_STORAGE_VERBS = methods()
            .that().areDeclaredInClassesThat().resideInAPackage(ROOT + ".application.port.out.billing..")
            .and().areDeclaredInClassesThat().areInterfaces()
            .should().haveNameNotMatching("(save|lock|next|new|insert|delete|dueFor|addInvoice|addAmendment).*")
            .as("the billing gateway has no lock, id or number minting, whole-version save or invoice insert");

    /**
     * The persistence adapter writes the business events' JSON (issue 14: the outbox stores the body a
     * webhook posts), so it uses Jackson too; the domain and the application still do not.
     */
    static final ArchRule JACKSON_ONLY_IN_HTTP_ZUORA_AND_BOOTSTRAP = noClasses()
            .that().resideOutsideOfPackages(HTTP, ZUORA, PERSISTENCE, BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .as("Jackson only in the HTTP, Zuora and persistence adapters and bootstrap");

    /**
     * The persistence adapter attaches its DAOs through {@code Handles.attach}, once per handle, and
     * maps rows with the Jdbi's own {@code RecordMappers}: {@code Handle.attach} builds an invoker for
     * every method of the DAO, and a DAO's {@code @RegisterConstructorMapper} or
     * {@code @RegisterColumnMapper} is applied again for each of them and makes every result set match
     * its columns anew (docs/benchmarks.md section 4, issue 15).
     */
    static final ArchRule DAOS_ATTACHED_ONCE_PER_HANDLE_AND_MAPPED_BY_THE_JDBI = noClasses()
            .that().resideInAPackage(PERSISTENCE)
            .and().doNotHaveFullyQualifiedName(ROOT + ".adapters.persistence.Handles")
            .should().callMethod(org.jdbi.v3.core.Handle.class, "attach", Class.class)
            .orShould().dependOnClassesThat().haveFullyQualifiedName(
                    "org.jdbi.v3.sqlobject.config.RegisterConstructorMapper")
            .orShould().dependOnClassesThat().haveFullyQualifiedName(
                    "org.jdbi.v3.sqlobject.config.RegisterColumnMapper")
            .as("persistence attaches DAOs only through Handles.attach and registers no row or column mapper"
                    + " on a DAO");

    static final ArchRule JDBI_ONLY_IN_PERSISTENCE_AND_BOOTSTRAP = noClasses()
            .that().resideOutsideOfPackages(PERSISTENCE, BOOTSTRAP)
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..", "org.flywaydb..")
            .as("Jdbi, JDBC and Flyway only in the persistence adapter and bootstrap");

    static final ArchRule FEIGN_ONLY_IN_ZUORA_AND_BOOTSTRAP = noClasses()
            .that().resideOutsideOfPackages(ZUORA, BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage("feign..")
            .as("Feign only in the Zuora adapter and bootstrap");

    static final ArchRule JAVALIN_ONLY_IN_HTTP_AND_BOOTSTRAP = noClasses()
            .that().resideOutsideOfPackages(HTTP, BOOTSTRAP)
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
            .as("Javalin and Jetty only in the HTTP adapter and bootstrap");

    static final ArchRule DOMAIN_CONCEPTS_ARE_FREE_OF_CYCLES = slices()
            .matching(ROOT + ".domain.(*)..").should().beFreeOfCycles()
            .as("domain concept packages are free of cycles");

    static final ArchRule APPLICATION_FEATURES_ARE_FREE_OF_CYCLES = slices()
            .matching(ROOT + ".application.service.(*)..").should().beFreeOfCycles()
            .as("application feature packages are free of cycles");

    static final ArchRule HTTP_FEATURES_ARE_FREE_OF_CYCLES = slices()
            .matching(ROOT + ".adapters.http.(*)..").should().beFreeOfCycles()
            .as("HTTP adapter feature packages are free of cycles");

    private static final Set<String> FLOATING = Set.of("double", "float", "java.lang.Double", "java.lang.Float");

    private static ArchCondition<JavaClass> useNoFloatingPoint() {
        return new ArchCondition<>("use no floating point") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaField f : javaClass.getFields()) {
                    if (FLOATING.contains(f.getRawType().getName())) {
                        events.add(SimpleConditionEvent.violated(f, f.getFullName() + " is floating point"));
                    }
                }
                for (JavaMethod m : javaClass.getMethods()) {
                    if (FLOATING.contains(m.getRawReturnType().getName())
                            || m.getRawParameterTypes().stream().anyMatch(p -> FLOATING.contains(p.getName()))) {
                        events.add(SimpleConditionEvent.violated(m, m.getFullName() + " takes or returns floating point"));
                    }
                }
                javaClass.getMethodCallsFromSelf().stream()
                        .filter(call -> call.getTargetOwner().isEquivalentTo(BigDecimal.class)
                                && (call.getName().equals("doubleValue") || call.getName().equals("floatValue")
                                        || call.getName().equals("valueOf")
                                                && call.getTarget().getRawParameterTypes().stream()
                                                        .anyMatch(p -> FLOATING.contains(p.getName()))))
                        .forEach(call -> events.add(SimpleConditionEvent.violated(call, call.getDescription())));
                javaClass.getConstructorCallsFromSelf().stream()
                        .filter(call -> call.getTargetOwner().isEquivalentTo(BigDecimal.class)
                                && call.getTarget().getRawParameterTypes().stream()
                                        .anyMatch(p -> FLOATING.contains(p.getName())))
                        .forEach(call -> events.add(SimpleConditionEvent.violated(call, call.getDescription())));
            }
        };
    }

    private static ArchCondition<JavaClass> beUsedOnlyByTheirOwnPackageAndTheEngine() {
        return new ArchCondition<>("be used only by their own package and the Engine") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (Dependency d : javaClass.getDirectDependenciesToSelf()) {
                    String from = d.getOriginClass().getPackageName();
                    if (!from.equals(javaClass.getPackageName()) && !from.equals(ENGINE_PACKAGE)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaClass> beAnInterfaceRecordOrEnum() {
        DescribedPredicate<JavaClass> ok = DescribedPredicate.describe("interface, record or enum",
                c -> c.isInterface() || c.isRecord() || c.isEnum()
                        || c.getModifiers().contains(JavaModifier.SYNTHETIC) || c.isAnonymousClass());
        return new ArchCondition<>("be an interface, record or enum") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                if (!ok.test(javaClass)) {
                    events.add(SimpleConditionEvent.violated(javaClass,
                            javaClass.getName() + " is a class; ports and their messages are interfaces or records"));
                }
            }
        };
    }
}
