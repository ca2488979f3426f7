package com.subscriptionsuite.adapters.persistence.tenant;

import static com.subscriptionsuite.application.fixtures.SampleTenants.full;
import static com.subscriptionsuite.application.fixtures.SampleTenants.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.adapters.persistence.TestPostgres;
import com.subscriptionsuite.application.port.out.Tenants;
import com.subscriptionsuite.application.port.out.TenantsContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract on a real PostgreSQL (17): the shared server, a fresh schema per test. */
class JdbiTenantsPostgresIT extends TenantsContract {
    private static TestPostgres postgres;
    private Database database;

    @BeforeAll
    static void sharedPostgres() {
        postgres = TestPostgres.shared();
    }

    @Override
    protected Tenants tenants() {
        database = new Database(postgres.freshSchemaUrl(), TestPostgres.USER, TestPostgres.PASSWORD);
        return new JdbiTenants(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void reads_under_row_locks_once_it_gave_up_reading_without_them() {
        Tenants locking = new JdbiTenants(database.jdbi(), 0);
        locking.store(full(1, "alpha"));
        locking.store(minimal(2, "beta"));

        assertSameDefinition(locking.byKey("alpha").getOrElseThrow(AssertionError::new), full(1, "alpha"));
        assertThat(locking.all()).hasSize(2);
        assertSameDefinition(locking.all().get(1), minimal(2, "beta"));
        assertThat(locking.byKey("gamma").isEmpty()).isTrue();
    }
}
