package com.subscriptionsuite.adapters.persistence.identity;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.adapters.persistence.identity.LoginFailureDao.CountRow;
import com.subscriptionsuite.application.port.out.LoginAttempts;
import com.subscriptionsuite.domain.identity.LoginThrottle.Failures;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link LoginAttempts} in the {@code login_failure} table (schema {@code V2__identity}), one row
 * per failure, shared by every server on the database. Recording a failure also deletes the key's
 * failures older than {@link #KEPT} before it, so the table holds no more than a day of any key
 * that keeps failing (the throttle looks back 15 minutes).
 */
public final class JdbiLoginAttempts implements LoginAttempts {
    /** How long before a new failure of a key its older failures are kept. */
    static final Duration KEPT = Duration.ofDays(1);

    private final Handles handles;

    public JdbiLoginAttempts(Jdbi jdbi) {
        Handles.prepare(jdbi, LoginFailureDao.class);
        this.handles = new Handles(jdbi);
    }

    @Override
    public void recordFailure(long tenantId, String key, Instant at) {
        handles.with(LoginFailureDao.class, dao -> {
            dao.deleteBefore(tenantId, key, at.minus(KEPT));
            dao.insert(tenantId, key, at);
            return null;
        });
    }

    @Override
    public Failures failuresSince(long tenantId, String key, Instant since) {
        CountRow row = handles.with(LoginFailureDao.class, dao -> dao.since(tenantId, key, since));
        return row.failures() == 0 ? Failures.none() : new Failures(Math.toIntExact(row.failures()), row.latest());
    }

    @Override
    public void clear(long tenantId, String key) {
        handles.with(LoginFailureDao.class, dao -> dao.delete(tenantId, key));
    }
}
