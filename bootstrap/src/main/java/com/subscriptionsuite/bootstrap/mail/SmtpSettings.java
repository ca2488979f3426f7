package com.subscriptionsuite.bootstrap.mail;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how {@link SmtpMailer} hands mail over.
 *
 * @param host     the SMTP server
 * @param port     its port (25, 587 with STARTTLS, ...)
 * @param username the login, or null (or blank) for a server that needs none
 * @param password the login's password; never shown by {@link #toString()}
 * @param startTls whether to upgrade the connection with STARTTLS; when true the upgrade is
 *                 required, so a server (or a man in the middle) that does not offer it gets no
 *                 mail and no password
 * @param from     the sender address, e.g. {@code "Acme <no-reply@acme.example>"}
 * @param timeout  the limit for connecting, and for each read and each write on the connection
 */
public record SmtpSettings(String host, int port, String username, String password, boolean startTls, String from,
        Duration timeout) {
    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(timeout, "timeout");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout must be positive and below 24 days: " + timeout);
        }
    }

    /** Whether to log in, i.e. a username is set. */
    public boolean authenticates() {
        return username != null && !username.isBlank();
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password == null ? "null" : "***") + ", startTls=" + startTls + ", from=" + from + ", timeout="
                + timeout + "]";
    }
}
