package com.subscriptionsuite.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.adapters.http.archviolation.ReachesAcross;
import com.subscriptionsuite.adapters.http.archviolation.UsesASharedRule;
import com.subscriptionsuite.adapters.persistence.archviolation.AttachesOnItsOwn;
import com.subscriptionsuite.application.port.archviolation.ClassPort;
import com.subscriptionsuite.application.service.archreachesacross.UsesAnotherFeaturesHelper;
import com.subscriptionsuite.application.service.archviolation.PublicHelper;
import com.subscriptionsuite.application.service.archviolation.PublicService;
import com.subscriptionsuite.domain.archviolation.BreaksEveryDomainRule;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** Each rule, shown a class that breaks it, reports a violation: no rule passes vacuously. */
class RulesCatchViolationsTest {

    private static EvaluationResult evaluate(ArchRule rule, Class<?>... violators) {
        JavaClasses classes = new ClassFileImporter().importClasses(violators);
        return rule.evaluate(classes);
    }

    private static void assertCaught(ArchRule rule, String expectedText, Class<?>... violators) {
        EvaluationResult result = evaluate(rule, violators);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(result.getFailureReport().toString()).contains(expectedText);
    }

    @Test
    void the_domain_rule_catches_a_dependency_on_jackson() {
        assertCaught(ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_ITSELF_JAVA_VAVR_AND_JODA_MONEY, "ObjectMapper",
                BreaksEveryDomainRule.class);
    }

    @Test
    void the_application_rule_catches_a_dependency_on_jackson() {
        assertCaught(ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_DOMAIN_JAVA_VAVR_AND_JODA_MONEY, "ObjectMapper",
                PublicService.class);
    }

    @Test
    void the_adapter_isolation_rule_catches_http_using_persistence() {
        assertCaught(ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER, "Database", ReachesAcross.class,
                com.subscriptionsuite.adapters.persistence.Database.class);
    }

    @Test
    void the_dao_rule_catches_an_attach_outside_handles_and_a_mapper_registered_on_a_dao() {
        assertCaught(ArchitectureRules.DAOS_ATTACHED_ONCE_PER_HANDLE_AND_MAPPED_BY_THE_JDBI, "Handle.attach",
                AttachesOnItsOwn.class);
        assertCaught(ArchitectureRules.DAOS_ATTACHED_ONCE_PER_HANDLE_AND_MAPPED_BY_THE_JDBI,
                "RegisterConstructorMapper", AttachesOnItsOwn.RowDao.class);
    }

    @Test
    void the_ports_rule_catches_an_adapter_using_a_service() {
        assertCaught(ArchitectureRules.ADAPTERS_USE_PORTS_NOT_SERVICES, "TenantDirectory", ReachesAcross.class);
    }

    @Test
    void the_bootstrap_rule_catches_a_dependency_on_bootstrap() {
        assertCaught(ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP, "ServerConfig", BreaksEveryDomainRule.class);
    }

    @Test
    void the_clock_rule_catches_instant_now() {
        assertCaught(ArchitectureRules.DOMAIN_AND_APPLICATION_DO_NOT_READ_THE_CLOCK_OR_RANDOMNESS, "Instant.now()",
                BreaksEveryDomainRule.class);
    }

    @Test
    void the_floating_point_rule_catches_a_double_field() {
        assertCaught(ArchitectureRules.NO_FLOATING_POINT_IN_DOMAIN_OR_APPLICATION, "share",
                BreaksEveryDomainRule.class);
    }

    @Test
    void the_bigdecimal_rule_catches_equals() {
        assertCaught(ArchitectureRules.NO_BIGDECIMAL_EQUALS, "BigDecimal.equals", BreaksEveryDomainRule.class);
    }

    @Test
    void the_ledger_store_rule_catches_a_service_using_the_store() {
        assertCaught(ArchitectureRules.LEDGER_STORE_ONLY_BEHIND_THE_LEDGER, "LedgerStore", PublicService.class);
    }

    @Test
    void the_gateway_vocabulary_rule_catches_a_storage_verb() {
        assertCaught(ArchitectureRules.BILLING_GATEWAY_HAS_NO_STORAGE_VERBS, "nextNumber",
                com.subscriptionsuite.application.port.out.billing.archviolation.StorageGateway.class);
    }

    @Test
    void the_ports_shape_rule_catches_a_class() {
        assertCaught(ArchitectureRules.PORTS_ARE_INTERFACES_OR_RECORDS, "ClassPort", ClassPort.class);
    }

    @Test
    void the_services_rule_catches_a_public_service() {
        assertCaught(ArchitectureRules.SERVICES_ARE_PACKAGE_PRIVATE, "PublicService", PublicService.class);
    }

    @Test
    void the_feature_package_rule_catches_a_public_helper_used_by_another_feature() {
        assertCaught(ArchitectureRules.FEATURE_SERVICE_PACKAGES_SERVE_ONLY_THEMSELVES_AND_THE_ENGINE,
                "UsesAnotherFeaturesHelper", PublicHelper.class, UsesAnotherFeaturesHelper.class);
    }

    @Test
    void the_shared_rules_rule_catches_an_adapter_using_a_shared_rule() {
        assertCaught(ArchitectureRules.SHARED_RULES_ARE_USED_ONLY_BY_SERVICES, "CartResolution",
                UsesASharedRule.class);
    }

    @Test
    void the_library_placement_rules_catch_jackson_jdbi_feign_and_javalin_in_the_domain() {
        assertCaught(ArchitectureRules.JACKSON_ONLY_IN_HTTP_ZUORA_AND_BOOTSTRAP, "jackson", BreaksEveryDomainRule.class);
        assertCaught(ArchitectureRules.JDBI_ONLY_IN_PERSISTENCE_AND_BOOTSTRAP, "jdbi", BreaksEveryDomainRule.class);
        assertCaught(ArchitectureRules.FEIGN_ONLY_IN_ZUORA_AND_BOOTSTRAP, "feign", BreaksEveryDomainRule.class);
        assertCaught(ArchitectureRules.JAVALIN_ONLY_IN_HTTP_AND_BOOTSTRAP, "javalin", BreaksEveryDomainRule.class);
    }

    @Test
    void the_cycle_rules_catch_a_package_cycle() {
        assertCaught(ArchitectureRules.DOMAIN_CONCEPTS_ARE_FREE_OF_CYCLES, "Cycle",
                com.subscriptionsuite.domain.archcyclea.CycleA.class,
                com.subscriptionsuite.domain.archcycleb.CycleB.class);
        assertCaught(ArchitectureRules.APPLICATION_FEATURES_ARE_FREE_OF_CYCLES, "Cycle",
                com.subscriptionsuite.application.service.archcyclea.CycleA.class,
                com.subscriptionsuite.application.service.archcycleb.CycleB.class);
        assertCaught(ArchitectureRules.HTTP_FEATURES_ARE_FREE_OF_CYCLES, "Cycle",
                com.subscriptionsuite.adapters.http.archcyclea.CycleA.class,
                com.subscriptionsuite.adapters.http.archcycleb.CycleB.class);
    }
}
