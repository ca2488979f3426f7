package com.subscriptionsuite.application.port.out;

import static com.subscriptionsuite.application.fixtures.SampleTenants.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.port.in.vat.VatOutcome;
import com.subscriptionsuite.application.port.out.VatChecks.Evidence;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link VatChecks} adapter must do. */
public abstract class VatChecksContract {
    protected static final long ALPHA = 1;
    protected static final long BETA = 2;
    private static final Instant T0 = Instant.parse("2025-05-01T08:00:00.123456Z");

    /** The store under test and the {@link Tenants} of the same store (a database may require the tenant). */
    public record Stores(Tenants tenants, VatChecks vatChecks) {
    }

    /** Fresh, empty stores; called once before each test. */
    protected abstract Stores freshStores();

    private VatChecks checks;

    @BeforeEach
    void freshStoreWithTwoTenants() {
        Stores stores = freshStores();
        stores.tenants().store(minimal(ALPHA, "alpha"));
        stores.tenants().store(minimal(BETA, "beta"));
        checks = stores.vatChecks();
    }

    private static Evidence valid(long tenantId, String vatId, Instant at) {
        return new Evidence(tenantId, 7, vatId, VatOutcome.VALID, null, "WAPIAAAAW1234567",
                "Acme GmbH", "Hauptstr. 1\n10115 Berlin", at);
    }

    @Test
    void finds_no_check_of_a_vat_id_never_checked() {
        checks.add(valid(ALPHA, "DE136695976", T0));

        assertThat(checks.latest(ALPHA, "ATU13585627").isEmpty()).isTrue();
    }

    @Test
    void keeps_every_field_of_a_check() {
        Evidence evidence = valid(ALPHA, "DE136695976", T0);
        checks.add(evidence);

        assertThat(checks.latest(ALPHA, "DE136695976").toJavaOptional()).contains(evidence);
    }

    @Test
    void keeps_a_check_without_the_registers_details() {
        Evidence unverified = new Evidence(ALPHA, 7, "DE136695976", VatOutcome.UNVERIFIED, "ms_unavailable", null,
                null, null, T0);
        checks.add(unverified);

        assertThat(checks.latest(ALPHA, "DE136695976").toJavaOptional()).contains(unverified);
    }

    @Test
    void answers_the_most_recent_check_whatever_the_order_they_were_stored_in() {
        Evidence later = new Evidence(ALPHA, 8, "DE136695976", VatOutcome.INVALID, null, "WAPIAAAAW2", null, null,
                T0.plusSeconds(3600));
        checks.add(later);
        checks.add(valid(ALPHA, "DE136695976", T0));

        assertThat(checks.latest(ALPHA, "DE136695976").toJavaOptional()).contains(later);
    }

    @Test
    void keeps_each_tenants_checks_apart() {
        checks.add(valid(ALPHA, "DE136695976", T0));

        assertThat(checks.latest(BETA, "DE136695976").isEmpty()).isTrue();
    }
}
