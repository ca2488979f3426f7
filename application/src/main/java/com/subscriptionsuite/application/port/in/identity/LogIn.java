package com.subscriptionsuite.application.port.in.identity;

import io.vavr.control.Either;

/**
 * Email and password sign-in (seed POST /login), throttled per account and per client
 * ({@code client} is the caller's address as the HTTP adapter sees it).
 */
public interface LogIn {
    Either<IdentityFailure, SignedIn> logIn(LogInCommand command);

    record LogInCommand(long tenantId, String email, String password, String client) {
    }
}
