package com.subscriptionsuite.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.application.fixtures.CountingSecrets;
import com.subscriptionsuite.application.fixtures.InMemoryLoginAttempts;
import com.subscriptionsuite.application.fixtures.InMemoryPasswordResets;
import com.subscriptionsuite.application.fixtures.InMemorySessions;
import com.subscriptionsuite.application.fixtures.InMemoryTenants;
import com.subscriptionsuite.application.fixtures.InMemoryTransactions;
import com.subscriptionsuite.application.fixtures.InMemoryUsers;
import com.subscriptionsuite.application.fixtures.InMemoryVatChecks;
import com.subscriptionsuite.application.fixtures.InMemoryVatRegistry;
import com.subscriptionsuite.application.fixtures.PlainTestHasher;
import com.subscriptionsuite.application.fixtures.RecordingMailer;
import com.subscriptionsuite.application.fixtures.SampleTenants;
import com.subscriptionsuite.application.port.in.vat.ValidateVatId.VatValidation;
import com.subscriptionsuite.application.port.in.vat.VatOutcome;
import com.subscriptionsuite.application.port.out.VatChecks.Evidence;
import com.subscriptionsuite.application.port.out.VatRegistry.Confirmed;
import com.subscriptionsuite.application.port.out.VatRegistry.Unavailable;
import com.subscriptionsuite.domain.tax.VatId;
import com.subscriptionsuite.domain.tenant.SellerSettings;
import com.subscriptionsuite.domain.tenant.Tenant;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * GET /account/vat-validate/{vatId} as a use case: offline check, then the register with the
 * tenant's own VAT ID as requester, evidence kept for every answer of the register.
 */
class ValidateVatIdTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final String SELLER = "DE136695976";

    private final InMemoryVatRegistry registry = new InMemoryVatRegistry();
    private final InMemoryVatChecks checks = new InMemoryVatChecks();
    private final Engine engine;

    ValidateVatIdTest() {
        InMemoryTenants tenants = new InMemoryTenants();
        tenants.store(withSellerVatId(SampleTenants.full(1, "acme"), "DE 136 695 976"));
        tenants.store(SampleTenants.minimal(2, "bare"));
        engine = identityPorts(Engine.builder().tenants(tenants).clock(Clock.fixed(NOW, ZoneOffset.UTC)))
                .vatRegistry(registry).vatChecks(checks).build();
    }

    private static Engine.Builder identityPorts(Engine.Builder b) {
        return b.users(new InMemoryUsers()).sessions(new InMemorySessions())
                .passwordResets(new InMemoryPasswordResets()).loginAttempts(new InMemoryLoginAttempts())
                .transactions(new InMemoryTransactions()).passwordHasher(new PlainTestHasher())
                .secrets(new CountingSecrets()).commonPasswords(p -> false).mailer(new RecordingMailer());
    }

    private static TenantDefinition withSellerVatId(TenantDefinition d, String vatId) {
        Tenant t = d.tenant();
        Tenant tenant = new Tenant(t.id(), t.key(), t.name(), t.hosts(),
                new SellerSettings(t.seller().country(), vatId, t.seller().ossThresholdApplies()), t.languages(),
                t.currencies(), t.cartSettings(), t.checkoutSettings(), t.customerCenterSettings());
        return new TenantDefinition(tenant, d.catalog(), d.translations(), d.access());
    }

    private VatValidation validate(long tenantId, String raw) {
        return engine.validateVatId().validate(tenantId, 7, raw).getOrElseThrow(f -> new AssertionError(f.code()));
    }

    @Test
    void confirms_a_registered_vat_id_with_the_registers_proof_and_keeps_it() {
        registry.registered("ATU13585627", "Acme GmbH", "Ring 1, 1010 Wien");

        VatValidation v = validate(1, "atu 1358.5627");

        assertThat(v).isEqualTo(new VatValidation(VatOutcome.VALID, null, "ATU13585627", "AT", NOW, "WAPIAAAAW1",
                "Acme GmbH", "Ring 1, 1010 Wien"));
        assertThat(v.success()).isTrue();
        assertThat(registry.asked()).containsExactly(new InMemoryVatRegistry.Asked("ATU13585627", SELLER));
        assertThat(checks.latest(1, "ATU13585627").toJavaOptional()).contains(new Evidence(1, 7, "ATU13585627",
                VatOutcome.VALID, null, "WAPIAAAAW1", "Acme GmbH", "Ring 1, 1010 Wien", NOW));
    }

    @Test
    void asks_without_requester_for_a_tenant_without_a_vat_id_and_so_gets_no_consultation_number() {
        registry.registered("ATU13585627", "Acme GmbH", "Ring 1, 1010 Wien");

        VatValidation v = validate(2, "ATU13585627");

        assertThat(v.outcome()).isEqualTo(VatOutcome.VALID);
        assertThat(v.consultationNumber()).isNull();
        assertThat(registry.asked()).containsExactly(new InMemoryVatRegistry.Asked("ATU13585627", null));
    }

    @Test
    void calls_a_vat_id_the_register_does_not_know_invalid_and_keeps_the_evidence() {
        VatValidation v = validate(1, "EL094259216");

        assertThat(v.outcome()).isEqualTo(VatOutcome.INVALID);
        assertThat(v.success()).isFalse();
        assertThat(v.vatId()).isEqualTo("EL094259216");
        assertThat(v.country()).isEqualTo("GR");
        assertThat(checks.all()).hasSize(1);
    }

    @Test
    void calls_a_vat_id_failing_the_offline_check_invalid_without_asking_the_register() {
        VatValidation v = validate(1, "DE136695978");

        assertThat(v).isEqualTo(new VatValidation(VatOutcome.INVALID, "vat_id_bad_checksum", "DE136695978", "DE", NOW,
                null, null, null));
        assertThat(validate(1, "XX123").reason()).isEqualTo("vat_id_unknown_prefix");
        assertThat(validate(1, "XX123").country()).isNull();
        assertThat(registry.asked()).isEmpty();
        assertThat(checks.all()).isEmpty();
    }

    @Test
    void calls_a_vat_id_the_register_could_not_check_unverified_with_the_reason_and_keeps_the_evidence() {
        registry.answer("ATU13585627", new Unavailable(Unavailable.MS_UNAVAILABLE));

        VatValidation v = validate(1, "ATU13585627");

        assertThat(v).isEqualTo(new VatValidation(VatOutcome.UNVERIFIED, "ms_unavailable", "ATU13585627", "AT", NOW,
                null, null, null));
        assertThat(v.success()).isFalse();
        assertThat(checks.latest(1, "ATU13585627").map(Evidence::outcome).toJavaOptional())
                .contains(VatOutcome.UNVERIFIED);
    }

    @Test
    void passes_on_the_registers_refusal_of_the_input_as_invalid_with_its_reason() {
        registry.answer("ATU13585627", Confirmed.invalidInput());

        VatValidation v = validate(1, "ATU13585627");

        assertThat(v.outcome()).isEqualTo(VatOutcome.INVALID);
        assertThat(v.reason()).isEqualTo("invalid_input");
    }

    @Test
    void refuses_an_empty_vat_id() {
        assertThat(engine.validateVatId().validate(1, 7, " .- ").getLeft().code()).isEqualTo("vat_id_empty");
        assertThat(engine.validateVatId().validate(1, 7, null).getLeft().code()).isEqualTo("vat_id_empty");
    }

    @Test
    void is_offered_only_when_the_registry_and_the_store_are_given_with_the_identity_ports() {
        InMemoryTenants tenants = new InMemoryTenants();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Engine without = Engine.builder().tenants(tenants).clock(clock).build();

        assertThat(without.vatValidation()).isEmpty();
        assertThatThrownBy(without::validateVatId).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Engine.builder().tenants(tenants).clock(clock).vatRegistry(registry).vatChecks(checks)
                .build()).hasMessageContaining("identity ports");
        assertThatThrownBy(() -> identityPorts(Engine.builder().tenants(tenants).clock(clock)).vatRegistry(registry)
                .build()).hasMessageContaining("vatChecks");
        assertThat(VatId.parse(SELLER).isRight()).isTrue();
    }
}
