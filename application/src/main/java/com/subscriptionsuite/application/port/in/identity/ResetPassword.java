package com.subscriptionsuite.application.port.in.identity;

import io.vavr.control.Either;

/**
 * Password reset by mail (seed POST /password-reset/init and /confirm). {@code start} answers the
 * same whether or not the email has an account (product decision: the seed's 400 "Not found" would
 * let anyone probe for accounts). {@code confirm} sets the new password and revokes every session
 * of the user.
 */
public interface ResetPassword {
    Either<IdentityFailure, ResetRequested> start(StartResetCommand command);

    Either<IdentityFailure, PasswordChanged> confirm(ConfirmResetCommand command);

    record StartResetCommand(long tenantId, String email, String client) {
    }

    record ConfirmResetCommand(long tenantId, String confirmKey, String password) {
    }

    record ResetRequested() {
    }

    record PasswordChanged() {
    }
}
