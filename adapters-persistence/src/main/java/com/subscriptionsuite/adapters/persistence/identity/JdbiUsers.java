package com.subscriptionsuite.adapters.persistence.identity;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.adapters.persistence.identity.UserDao.UserRow;
import com.subscriptionsuite.application.port.out.Users;
import com.subscriptionsuite.domain.identity.EmailAddress;
import com.subscriptionsuite.domain.identity.User;
import com.subscriptionsuite.domain.identity.UserKind;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link Users} in the {@code app_user} table (schema {@code V2__identity}). Ids come from the
 * table's identity column. An email is unique per tenant by the unique index
 * {@code uq_app_user_email}: two registrations that race are decided by it, and the loser's insert,
 * rolled back to a savepoint, leaves nothing behind and its transaction usable.
 */
public final class JdbiUsers implements Users {
    /** The index whose violation means "this tenant has the email already". */
    private static final String EMAIL_INDEX = "uq_app_user_email";

    private final Handles handles;

    public JdbiUsers(Jdbi jdbi) {
        Handles.prepare(jdbi, UserDao.class);
        this.handles = new Handles(jdbi);
    }

    @Override
    public Either<EmailAlreadyRegistered, User> add(long tenantId, String guid, UserKind kind, EmailAddress email,
            String passwordHash, String language, Instant createdAt) {
        UserRow row = new UserRow(tenantId, 0, guid, kind.name(), email == null ? null : email.value(),
                passwordHash, null, language, createdAt);
        user(row); // the domain's checks (a customer has an email and a hash) before anything is written
        return handles.with(handle -> {
            try {
                long id = Handles.savepointed(handle, () -> Handles.attach(handle, UserDao.class).insert(row));
                return Either.right(user(row.withId(id)));
            } catch (RuntimeException e) {
                if (email != null && takenEmail(e)) {
                    return Either.left(new EmailAlreadyRegistered(email));
                }
                throw e;
            }
        });
    }

    /** A unique violation of the email index (both databases name the index in the message). */
    private static boolean takenEmail(RuntimeException e) {
        if (!Handles.uniqueViolation(e)) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(EMAIL_INDEX)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Option<User> byEmail(long tenantId, EmailAddress email) {
        return found(handles.with(UserDao.class, dao -> dao.byEmail(tenantId, email.value())));
    }

    @Override
    public Option<User> byId(long tenantId, long userId) {
        return found(handles.with(UserDao.class, dao -> dao.byId(tenantId, userId)));
    }

    @Override
    public void changePassword(long tenantId, long userId, String passwordHash) {
        handles.with(UserDao.class, dao -> dao.changePassword(tenantId, userId, passwordHash));
    }

    private static Option<User> found(Optional<UserRow> row) {
        return Option.ofOptional(row).map(JdbiUsers::user);
    }

    private static User user(UserRow row) {
        EmailAddress email = row.email() == null ? null : new EmailAddress(row.email());
        return new User(row.tenantId(), row.id(), row.guid(), UserKind.valueOf(row.kind()), email,
                row.passwordHash(), row.crmId(), row.language(), row.createdAt());
    }
}
