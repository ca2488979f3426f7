package com.subscriptionsuite.adapters.http.identity;

import com.subscriptionsuite.adapters.http.error.RequestFailure;
import com.subscriptionsuite.application.port.in.identity.LogIn.LogInCommand;
import com.subscriptionsuite.application.port.in.identity.Register.RegisterCommand;
import com.subscriptionsuite.application.port.in.identity.ResetPassword.ConfirmResetCommand;
import com.subscriptionsuite.application.port.in.identity.ResetPassword.StartResetCommand;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's auth request bodies. The seed marks the fields optional; without them none of the
 * operations can do anything, so they are required here ({@code field_required}, naming each
 * missing field). Whether an email or a password is acceptable is the use case's rule.
 */
final class IdentityRequests {
    private IdentityRequests() {
    }

    /** POST /register. */
    record RegisterRequest(UserRequest user, String redirectUrl, String language) {
        record UserRequest(String email, String password) {
        }

        Either<RequestFailure, RegisterCommand> toCommand(long tenantId, String client) {
            List<String> missing = new ArrayList<>();
            if (user == null) {
                missing.add("user");
            } else {
                require(user.email(), "user.email", missing);
                require(user.password(), "user.password", missing);
            }
            return missing.isEmpty()
                    ? Either.right(new RegisterCommand(tenantId, user.email(), user.password(), redirectUrl, language,
                            client))
                    : Either.left(RequestFailure.FieldRequired.bodyFields(missing));
        }
    }

    /** POST /login (the seed's User schema). */
    record LogInRequest(String email, String password) {
        Either<RequestFailure, LogInCommand> toCommand(long tenantId, String client) {
            List<String> missing = new ArrayList<>();
            require(email, "email", missing);
            require(password, "password", missing);
            return missing.isEmpty()
                    ? Either.right(new LogInCommand(tenantId, email, password, client))
                    : Either.left(RequestFailure.FieldRequired.bodyFields(missing));
        }
    }

    /** POST /password-reset/init. */
    record StartResetRequest(String email) {
        Either<RequestFailure, StartResetCommand> toCommand(long tenantId, String client) {
            return email == null
                    ? Either.left(RequestFailure.FieldRequired.bodyFields(List.of("email")))
                    : Either.right(new StartResetCommand(tenantId, email, client));
        }
    }

    /** POST /password-reset/confirm. */
    record ConfirmResetRequest(String confirmKey, String password) {
        Either<RequestFailure, ConfirmResetCommand> toCommand(long tenantId) {
            List<String> missing = new ArrayList<>();
            require(confirmKey, "confirm_key", missing);
            require(password, "password", missing);
            return missing.isEmpty()
                    ? Either.right(new ConfirmResetCommand(tenantId, confirmKey, password))
                    : Either.left(RequestFailure.FieldRequired.bodyFields(missing));
        }
    }

    private static void require(String value, String field, List<String> missing) {
        if (value == null) {
            missing.add(field);
        }
    }
}
