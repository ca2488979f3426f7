package com.subscriptionsuite.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of {@link ArchitectureRules} holds for the product's classes (tests excluded). */
class LayeringTest {
    static JavaClasses productClasses;

    /**
     * Excludes test classes, also those that arrive through another module's test-jar, and the Zuora
     * simulator (test tooling that plays Zuora, not part of the product; bootstrap's tests start it).
     */
    static final ImportOption PRODUCT_ONLY = (Location location) -> new ImportOption.DoNotIncludeTests()
            .includes(location) && !location.contains("-tests.jar") && !location.contains("zuora-simulator");

    @BeforeAll
    static void importProduct() {
        productClasses = new ClassFileImporter().withImportOption(PRODUCT_ONLY)
                .importPackages(ArchitectureRules.ROOT);
    }

    static Stream<ArchRule> rules() throws IllegalAccessException {
        List<ArchRule> rules = new ArrayList<>();
        for (Field f : ArchitectureRules.class.getDeclaredFields()) {
            if (f.getType() == ArchRule.class) {
                rules.add((ArchRule) f.get(null));
            }
        }
        return rules.stream();
    }

    @Test
    void the_import_sees_every_module() {
        for (String pkg : List.of(".domain.", ".application.", ".adapters.http.", ".adapters.persistence.",
                ".bootstrap.")) {
            assertThat(productClasses.stream().anyMatch(c -> c.getName().contains(pkg))).as(pkg).isTrue();
        }
        assertThat(productClasses.stream().anyMatch(c -> c.getName().contains("archviolation"))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void the_product_keeps_the_rule(ArchRule rule) {
        rule.allowEmptyShould(false).check(productClasses);
    }
}
