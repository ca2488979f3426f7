package com.subscriptionsuite.application.service.identity;

import com.subscriptionsuite.application.port.out.CommonPasswords;
import com.subscriptionsuite.application.port.out.LoginAttempts;
import com.subscriptionsuite.application.port.out.Mailer;
import com.subscriptionsuite.application.port.out.PasswordHasher;
import com.subscriptionsuite.application.port.out.PasswordResets;
import com.subscriptionsuite.application.port.out.Secrets;
import com.subscriptionsuite.application.port.out.Sessions;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.port.out.Users;
import java.util.Objects;

/** The outbound ports identity needs, gathered so the service does not take nine parameters. */
public record IdentityPorts(Users users, Sessions sessions, PasswordResets passwordResets,
        LoginAttempts loginAttempts, Transactions transactions, PasswordHasher passwordHasher, Secrets secrets,
        CommonPasswords commonPasswords, Mailer mailer) {
    public IdentityPorts {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(passwordResets, "passwordResets");
        Objects.requireNonNull(loginAttempts, "loginAttempts");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(passwordHasher, "passwordHasher");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(commonPasswords, "commonPasswords");
        Objects.requireNonNull(mailer, "mailer");
    }
}
