package com.subscriptionsuite.application.port.in.admin;

import com.subscriptionsuite.application.port.in.identity.IdentityFailure;
import io.vavr.control.Either;

/** Checks an admin API key against the tenant's keys (kept as hashes). */
public interface AuthorizeAdmin {
    Either<IdentityFailure, Admin> authorize(long tenantId, String apiKey);

    /** The admin key that was presented, by its name. */
    record Admin(long tenantId, String keyName) {
    }
}
