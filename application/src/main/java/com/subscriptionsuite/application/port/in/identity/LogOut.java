package com.subscriptionsuite.application.port.in.identity;

import io.vavr.control.Either;

/** Revokes the presented token at once, for every server instance (seed POST /logout). */
public interface LogOut {
    Either<IdentityFailure, LoggedOut> logOut(long tenantId, String token);

    record LoggedOut() {
    }
}
