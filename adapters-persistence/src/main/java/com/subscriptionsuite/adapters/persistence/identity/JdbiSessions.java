package com.subscriptionsuite.adapters.persistence.identity;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.adapters.persistence.identity.SessionDao.SessionRow;
import com.subscriptionsuite.application.port.out.Sessions;
import com.subscriptionsuite.domain.identity.Session;
import com.subscriptionsuite.domain.identity.UserKind;
import io.vavr.control.Option;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link Sessions} in the {@code user_session} table (schema {@code V2__identity}), keyed by the
 * token's hash. Revoking is one conditional update, so of two concurrent revokes one reports it.
 */
public final class JdbiSessions implements Sessions {
    private final Handles handles;

    public JdbiSessions(Jdbi jdbi) {
        Handles.prepare(jdbi, SessionDao.class);
        this.handles = new Handles(jdbi);
    }

    /** Adds the session; a token hash already in use is refused with an {@link IllegalStateException}. */
    @Override
    public void add(Session session) {
        SessionRow row = new SessionRow(session.tokenHash(), session.tenantId(), session.userId(),
                session.kind().name(), session.issuedAt(), session.expiresAt(), session.revokedAt());
        try {
            handles.with(handle -> {
                Handles.savepointed(handle, () -> {
                    Handles.attach(handle, SessionDao.class).insert(row);
                    return null;
                });
                return null;
            });
        } catch (RuntimeException e) {
            if (Handles.uniqueViolation(e)) {
                throw new IllegalStateException("token hash already in use", e);
            }
            throw e;
        }
    }

    @Override
    public Option<Session> byTokenHash(String tokenHash) {
        return Option.ofOptional(handles.with(SessionDao.class, dao -> dao.byTokenHash(tokenHash)))
                .map(JdbiSessions::session);
    }

    @Override
    public boolean revoke(String tokenHash, Instant at) {
        return handles.with(SessionDao.class, dao -> dao.revoke(tokenHash, at)) == 1;
    }

    @Override
    public int revokeAllOf(long tenantId, long userId, Instant at) {
        return handles.with(SessionDao.class, dao -> dao.revokeAllOf(tenantId, userId, at));
    }

    private static Session session(SessionRow row) {
        return new Session(row.tokenHash(), row.tenantId(), row.userId(), UserKind.valueOf(row.kind()),
                row.issuedAt(), row.expiresAt(), row.revokedAt());
    }
}
