package com.subscriptionsuite.adapters.persistence.identity;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.adapters.persistence.identity.PasswordResetDao.ResetRow;
import com.subscriptionsuite.application.port.out.PasswordResets;
import com.subscriptionsuite.domain.identity.PasswordReset;
import io.vavr.control.Option;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link PasswordResets} in the {@code password_reset} table (schema {@code V2__identity}).
 * {@link #use} is a single conditional {@code UPDATE ... WHERE used_at IS NULL}: the database's row
 * lock lets exactly one of any number of racing callers change the row, and only that one sees an
 * update count of 1.
 */
public final class JdbiPasswordResets implements PasswordResets {
    private final Handles handles;

    public JdbiPasswordResets(Jdbi jdbi) {
        Handles.prepare(jdbi, PasswordResetDao.class);
        this.handles = new Handles(jdbi);
    }

    @Override
    public void add(PasswordReset reset) {
        ResetRow row = new ResetRow(reset.keyHash(), reset.tenantId(), reset.userId(), reset.createdAt(),
                reset.expiresAt(), reset.usedAt());
        handles.with(PasswordResetDao.class, dao -> {
            dao.insert(row);
            return null;
        });
    }

    @Override
    public Option<PasswordReset> byKeyHash(String keyHash) {
        return Option.ofOptional(handles.with(PasswordResetDao.class, dao -> dao.byKeyHash(keyHash)))
                .map(r -> new PasswordReset(r.keyHash(), r.tenantId(), r.userId(), r.createdAt(), r.expiresAt(),
                        r.usedAt()));
    }

    @Override
    public boolean use(String keyHash, Instant at) {
        return handles.with(PasswordResetDao.class, dao -> dao.use(keyHash, at)) == 1;
    }
}
