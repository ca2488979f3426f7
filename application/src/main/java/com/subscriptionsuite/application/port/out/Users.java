package com.subscriptionsuite.application.port.out;

import com.subscriptionsuite.domain.identity.EmailAddress;
import com.subscriptionsuite.domain.identity.User;
import com.subscriptionsuite.domain.identity.UserKind;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/** The users (customers and guests) of every tenant; an email is unique per tenant. */
public interface Users {
    /**
     * Adds a user with a new id. A customer whose email the tenant already has is refused (also
     * when two registrations race: the store's uniqueness decides).
     */
    Either<EmailAlreadyRegistered, User> add(long tenantId, String guid, UserKind kind, EmailAddress email,
            String passwordHash, String language, Instant createdAt);

    Option<User> byEmail(long tenantId, EmailAddress email);

    Option<User> byId(long tenantId, long userId);

    void changePassword(long tenantId, long userId, String passwordHash);

    record EmailAlreadyRegistered(EmailAddress email) {
    }
}
