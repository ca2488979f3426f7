package com.subscriptionsuite.adapters.persistence.billing;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.application.port.out.AccountLinks;
import com.subscriptionsuite.application.port.out.billing.AccountRef;
import io.vavr.control.Option;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link AccountLinks} in {@code account_link} (migration {@code V10__billing_boundary}), one row per
 * customer under the primary key (tenant, user).
 *
 * <p>{@link #link} is an {@code INSERT ... ON CONFLICT DO NOTHING} through {@link Handles}, so it
 * joins the running unit and the link commits with the rest of the unit or not at all. The primary
 * key makes it atomic on every connection and server instance: an insert that meets another
 * transaction's uncommitted link of the customer waits for it and then inserts nothing (false), or,
 * should that transaction roll back, links. The insert runs at a savepoint: if H2 reports the
 * collision as a unique violation instead, the unit stays usable and the answer is false as well.
 */
public final class JdbiAccountLinks implements AccountLinks {
    private final Handles handles;

    public JdbiAccountLinks(Jdbi jdbi) {
        this.handles = new Handles(jdbi);
        Handles.prepare(jdbi, AccountLinkDao.class);
    }

    @Override
    public Option<AccountRef> accountOf(long tenantId, long userId) {
        return handles.with(AccountLinkDao.class, dao -> Option.ofOptional(dao.accountOf(tenantId, userId))
                .map(accountId -> new AccountRef(tenantId, userId, accountId)));
    }

    @Override
    public boolean link(AccountRef account) {
        return handles.with(handle -> {
            AccountLinkDao dao = Handles.attach(handle, AccountLinkDao.class);
            try {
                return Handles.savepointed(handle, () -> Handles.waitingForLock(
                        () -> dao.link(account.tenantId(), account.userId(), account.accountId()))) > 0;
            } catch (RuntimeException e) {
                if (Handles.uniqueViolation(e)) {
                    return false;
                }
                throw e;
            }
        });
    }
}
