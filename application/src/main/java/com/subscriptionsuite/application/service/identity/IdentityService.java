package com.subscriptionsuite.application.service.identity;

import com.subscriptionsuite.application.port.in.identity.Authenticate;
import com.subscriptionsuite.application.port.in.identity.IdentityFailure;
import com.subscriptionsuite.application.port.in.identity.LogIn;
import com.subscriptionsuite.application.port.in.identity.LogInAsGuest;
import com.subscriptionsuite.application.port.in.identity.LogOut;
import com.subscriptionsuite.application.port.in.identity.Principal;
import com.subscriptionsuite.application.port.in.identity.Register;
import com.subscriptionsuite.application.port.in.identity.ResetPassword;
import com.subscriptionsuite.application.port.in.identity.SignedIn;
import com.subscriptionsuite.application.port.out.CommonPasswords;
import com.subscriptionsuite.application.port.out.LoginAttempts;
import com.subscriptionsuite.application.port.out.Mailer;
import com.subscriptionsuite.application.port.out.PasswordHasher;
import com.subscriptionsuite.application.port.out.PasswordResets;
import com.subscriptionsuite.application.port.out.Secrets;
import com.subscriptionsuite.application.port.out.Sessions;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.port.out.Users;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.identity.EmailAddress;
import com.subscriptionsuite.domain.identity.IdentityRejection;
import com.subscriptionsuite.domain.identity.LoginThrottle;
import com.subscriptionsuite.domain.identity.PasswordPolicy;
import com.subscriptionsuite.domain.identity.PasswordReset;
import com.subscriptionsuite.domain.identity.SecretHash;
import com.subscriptionsuite.domain.identity.Session;
import com.subscriptionsuite.domain.identity.User;
import com.subscriptionsuite.domain.identity.UserKind;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** Customers, guests, sessions and password resets of every tenant. */
final class IdentityService implements IdentityCases {
    /** At most this many reset mails per email address within the throttle window (anti mail-bombing). */
    static final int RESET_MAILS_PER_WINDOW = 3;
    /** Per client and window (product decisions): registrations, guest users, reset requests. */
    static final LoginThrottle.Budget REGISTRATIONS = new LoginThrottle.Budget(20);
    static final LoginThrottle.Budget GUESTS = new LoginThrottle.Budget(30);
    static final LoginThrottle.Budget RESET_REQUESTS = new LoginThrottle.Budget(10);

    private final TenantDirectory directory;
    private final Users users;
    private final Sessions sessions;
    private final PasswordResets resets;
    private final LoginAttempts attempts;
    private final Transactions transactions;
    private final PasswordHasher hasher;
    private final Secrets secrets;
    private final CommonPasswords commonPasswords;
    private final Mailer mailer;
    private final Clock clock;
    private volatile String decoyHash;

    IdentityService(IdentityPorts ports, TenantDirectory directory, Clock clock) {
        this.directory = directory;
        this.users = ports.users();
        this.sessions = ports.sessions();
        this.resets = ports.passwordResets();
        this.attempts = ports.loginAttempts();
        this.transactions = ports.transactions();
        this.hasher = ports.passwordHasher();
        this.secrets = ports.secrets();
        this.commonPasswords = ports.commonPasswords();
        this.mailer = ports.mailer();
        this.clock = clock;
    }

    @Override
    public Either<IdentityFailure, SignedIn> register(RegisterCommand command) {
        Either<IdentityRejection, EmailAddress> email = EmailAddress.parse("user.email", command.email());
        if (email.isLeft()) {
            return Either.left(new IdentityFailure.InputRejected(email.getLeft()));
        }
        Option<IdentityRejection> weak = PasswordPolicy.check("user.password", command.password(), email.get(),
                command.password() != null && commonPasswords.isCommon(command.password()));
        if (weak.isDefined()) {
            return Either.left(new IdentityFailure.InputRejected(weak.get()));
        }
        Option<IdentityFailure> spent = spend(command.tenantId(), "register-client:", command.client(), REGISTRATIONS);
        if (spent.isDefined()) {
            return Either.left(spent.get());
        }
        TenantDefinition tenant = directory.require(command.tenantId());
        String language = tenant.tenant().language(command.language()).map(l -> l.code())
                .getOrElse(tenant.tenant().defaultLanguage());
        String hash = hasher.hash(command.password());
        Instant now = clock.instant();
        String token = secrets.token();
        Either<IdentityFailure, User> added = transactions.inTransaction(() -> {
            Either<Users.EmailAlreadyRegistered, User> user = users.add(command.tenantId(), secrets.guid(),
                    UserKind.CUSTOMER, email.get(), hash, language, now);
            user.forEach(u -> sessions.add(Session.start(SecretHash.of(token), u, now)));
            return user.mapLeft(taken -> new IdentityFailure.EmailTaken());
        });
        added.forEach(user -> sendWelcome(tenant, user, command.redirectUrl()));
        return added.map(user -> new SignedIn(token, user));
    }

    /**
     * The welcome mail. The redirect link is included only when it points to one of the tenant's
     * allowed origins: anyone can register anyone's address, and the shop's own mail must not
     * carry a stranger's link.
     */
    private void sendWelcome(TenantDefinition tenant, User user, String redirectUrl) {
        String link = trustedLink(tenant, redirectUrl)
                .map(url -> MailTexts.text(tenant, user.language(), MailTexts.WELCOME_LINK, Map.of("url", url)))
                .getOrElse("");
        Map<String, String> values = Map.of("shop", tenant.tenant().name(), "email", user.email().value(),
                "link", link);
        mailer.send(new Mailer.Mail(user.tenantId(), user.email().value(), user.language(),
                MailTexts.text(tenant, user.language(), MailTexts.WELCOME_SUBJECT, values),
                MailTexts.text(tenant, user.language(), MailTexts.WELCOME_BODY, values)));
    }

    static Option<String> trustedLink(TenantDefinition tenant, String url) {
        if (url == null || url.isBlank()) {
            return Option.none();
        }
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http"))) {
                return Option.none();
            }
            String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
            return tenant.access().allowsOrigin(origin) ? Option.some(uri.toString()) : Option.none();
        } catch (IllegalArgumentException e) {
            return Option.none();
        }
    }

    @Override
    public Either<IdentityFailure, SignedIn> logIn(LogInCommand command) {
        Either<IdentityRejection, EmailAddress> email = EmailAddress.parse("email", command.email());
        if (email.isLeft()) {
            return Either.left(new IdentityFailure.InputRejected(email.getLeft()));
        }
        long tenantId = command.tenantId();
        String accountKey = "account:" + email.get().value();
        String clientKey = "client:" + (command.client() == null ? "" : command.client());
        Instant now = clock.instant();
        Option<Duration> wait = LoginThrottle.waitBeforeTrying(failures(tenantId, accountKey, now),
                failures(tenantId, clientKey, now), now);
        if (wait.isDefined()) {
            return Either.left(new IdentityFailure.LoginThrottled(seconds(wait.get())));
        }
        String password = command.password() == null ? "" : command.password();
        Option<User> user = users.byEmail(tenantId, email.get()).filter(u -> !u.guest());
        boolean valid;
        if (user.isDefined()) {
            valid = hasher.verify(password, user.get().passwordHash());
        } else {
            // an unknown email costs one hash verification too, so timing does not tell accounts apart
            hasher.verify(password, decoyHash());
            valid = false;
        }
        if (!valid) {
            attempts.recordFailure(tenantId, accountKey, now);
            attempts.recordFailure(tenantId, clientKey, now);
            return Either.left(new IdentityFailure.CredentialsInvalid());
        }
        attempts.clear(tenantId, accountKey);
        return Either.right(startSession(user.get(), now));
    }

    /**
     * The failures of a key in the window up to its latest failure: the latest one must be within
     * the window from now, and the count looks back a window from it.
     */
    private LoginThrottle.Failures failures(long tenantId, String key, Instant now) {
        LoginThrottle.Failures recent = attempts.failuresSince(tenantId, key, now.minus(LoginThrottle.WINDOW));
        if (recent.count() == 0) {
            return recent;
        }
        return attempts.failuresSince(tenantId, key, recent.last().minus(LoginThrottle.WINDOW));
    }

    /** Counts one request of a kind against the client's budget; a failure when the budget is spent. */
    private Option<IdentityFailure> spend(long tenantId, String kind, String client, LoginThrottle.Budget budget) {
        String key = kind + (client == null ? "" : client);
        Instant now = clock.instant();
        Option<Duration> wait = budget.waitBeforeNext(failures(tenantId, key, now), now);
        if (wait.isDefined()) {
            return Option.some(new IdentityFailure.RequestsThrottled(seconds(wait.get())));
        }
        attempts.recordFailure(tenantId, key, now);
        return Option.none();
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }

    private String decoyHash() {
        String h = decoyHash;
        if (h == null) {
            h = hasher.hash(secrets.token());
            decoyHash = h;
        }
        return h;
    }

    private SignedIn startSession(User user, Instant now) {
        String token = secrets.token();
        sessions.add(Session.start(SecretHash.of(token), user, now));
        return new SignedIn(token, user);
    }

    @Override
    public Either<IdentityFailure, SignedIn> logInAsGuest(long tenantId, String client) {
        TenantDefinition tenant = directory.require(tenantId);
        if (!tenant.tenant().checkoutSettings().hasGuestCheckout()) {
            return Either.left(new IdentityFailure.GuestCheckoutDisabled());
        }
        Option<IdentityFailure> spent = spend(tenantId, "guest-client:", client, GUESTS);
        if (spent.isDefined()) {
            return Either.left(spent.get());
        }
        Instant now = clock.instant();
        String token = secrets.token();
        return Either.right(transactions.inTransaction(() -> {
            User guest = users.add(tenantId, secrets.guid(), UserKind.GUEST, null, null,
                    tenant.tenant().defaultLanguage(), now).getOrElseThrow(
                            taken -> new IllegalStateException("a guest has no email to collide"));
            sessions.add(Session.start(SecretHash.of(token), guest, now));
            return new SignedIn(token, guest);
        }));
    }

    @Override
    public Either<IdentityFailure, LoggedOut> logOut(long tenantId, String token) {
        return activeSession(tenantId, token).map(session -> {
            sessions.revoke(session.tokenHash(), clock.instant());
            return new LoggedOut();
        });
    }

    @Override
    public Either<IdentityFailure, Principal> authenticate(long tenantId, String token) {
        if (token == null || token.isBlank()) {
            return Either.left(new IdentityFailure.NotAuthenticated());
        }
        // both reads in one unit: one connection per authenticated request instead of two (every
        // customer request pays it; docs/benchmarks.md section 4)
        return transactions.inTransaction(() -> activeSession(tenantId, token).flatMap(session -> users.byId(
                tenantId, session.userId()).map(u -> new Principal(tenantId, u.id(), u.guid(), u.kind()))
                .toEither(IdentityFailure.NotAuthenticated::new)));
    }

    private Either<IdentityFailure, Session> activeSession(long tenantId, String token) {
        if (token == null || token.isBlank()) {
            return Either.left(new IdentityFailure.NotAuthenticated());
        }
        Instant now = clock.instant();
        return sessions.byTokenHash(SecretHash.of(token))
                .filter(s -> s.tenantId() == tenantId && s.activeAt(now))
                .toEither(IdentityFailure.NotAuthenticated::new);
    }

    @Override
    public Either<IdentityFailure, ResetRequested> start(StartResetCommand command) {
        Either<IdentityRejection, EmailAddress> email = EmailAddress.parse("email", command.email());
        if (email.isLeft()) {
            return Either.left(new IdentityFailure.InputRejected(email.getLeft()));
        }
        long tenantId = command.tenantId();
        Option<IdentityFailure> spent = spend(tenantId, "reset-client:", command.client(), RESET_REQUESTS);
        if (spent.isDefined()) {
            return Either.left(spent.get());
        }
        Instant now = clock.instant();
        String resetKey = "reset:" + email.get().value();
        if (attempts.failuresSince(tenantId, resetKey, now.minus(LoginThrottle.WINDOW)).count()
                >= RESET_MAILS_PER_WINDOW) {
            return Either.right(new ResetRequested());
        }
        attempts.recordFailure(tenantId, resetKey, now);
        Option<User> user = users.byEmail(tenantId, email.get()).filter(u -> !u.guest());
        for (User u : user) {
            String key = secrets.token();
            resets.add(PasswordReset.issue(SecretHash.of(key), u, now));
            TenantDefinition tenant = directory.require(tenantId);
            Map<String, String> values = Map.of("shop", tenant.tenant().name(), "email", u.email().value(),
                    "key", key);
            mailer.send(new Mailer.Mail(tenantId, u.email().value(), u.language(),
                    MailTexts.text(tenant, u.language(), MailTexts.RESET_SUBJECT, values),
                    MailTexts.text(tenant, u.language(), MailTexts.RESET_BODY, values)));
        }
        return Either.right(new ResetRequested());
    }

    @Override
    public Either<IdentityFailure, PasswordChanged> confirm(ConfirmResetCommand command) {
        if (command.confirmKey() == null || command.confirmKey().isBlank()) {
            return Either.left(new IdentityFailure.ResetKeyInvalid());
        }
        Instant now = clock.instant();
        String keyHash = SecretHash.of(command.confirmKey());
        Option<User> user = resets.byKeyHash(keyHash)
                .filter(r -> r.tenantId() == command.tenantId() && r.usableAt(now))
                .flatMap(r -> users.byId(r.tenantId(), r.userId()));
        if (user.isEmpty()) {
            return Either.left(new IdentityFailure.ResetKeyInvalid());
        }
        User u = user.get();
        Option<IdentityRejection> weak = PasswordPolicy.check("password", command.password(), u.email(),
                command.password() != null && commonPasswords.isCommon(command.password()));
        if (weak.isDefined()) {
            return Either.left(new IdentityFailure.InputRejected(weak.get()));
        }
        String hash = hasher.hash(command.password());
        return transactions.inTransaction(() -> {
            if (!resets.use(keyHash, now)) {
                return Either.<IdentityFailure, PasswordChanged>left(new IdentityFailure.ResetKeyInvalid());
            }
            users.changePassword(u.tenantId(), u.id(), hash);
            sessions.revokeAllOf(u.tenantId(), u.id(), now);
            attempts.clear(u.tenantId(), "account:" + u.email().value());
            return Either.<IdentityFailure, PasswordChanged>right(new PasswordChanged());
        });
    }
}
