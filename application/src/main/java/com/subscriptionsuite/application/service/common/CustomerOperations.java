package com.subscriptionsuite.application.service.common;

import com.subscriptionsuite.application.ServerBusy;
import com.subscriptionsuite.application.port.out.AccountLinks;
import com.subscriptionsuite.application.port.out.BillingOperations;
import com.subscriptionsuite.application.port.out.BillingOperations.PendingOperation;
import com.subscriptionsuite.application.port.out.CustomerLocks;
import com.subscriptionsuite.application.port.out.Secrets;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.port.out.billing.AccountRef;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import com.subscriptionsuite.application.port.out.billing.BillingGateway;
import com.subscriptionsuite.application.port.out.billing.RequestKey;
import com.subscriptionsuite.application.port.out.events.BusinessEvent;
import com.subscriptionsuite.application.port.out.events.BusinessEvents;
import com.subscriptionsuite.application.port.out.events.EventPayload;
import com.subscriptionsuite.application.port.out.events.EventType;
import com.subscriptionsuite.domain.billing.BillingAccount;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How every use case that changes a customer's state in the billing system runs (docs/billing-boundary.md):
 * <ol>
 * <li>it takes the customer's lease ({@link CustomerLocks}) for its operation key, waiting while
 * another operation of the customer runs (a wait past {@link #MAX_WAIT} is {@link ServerBusy});</li>
 * <li>it reads and decides (the account through its link, the billing system's reads);</li>
 * <li>it records the operation as pending ({@link #begin}) before its first billing command;</li>
 * <li>it sends its commands, each with the request key of its step ({@link Keyed#step});</li>
 * <li>it commits its local effects in one unit of work that also finishes the operation
 * ({@link #commit}), keeps the answer and releases the lease ({@link CustomerLocks#releaseWithUnit}):
 * one commit instead of two, and the customer is free exactly when the operation's effects are
 * visible;</li>
 * <li>an operation that did not get there (refused, failed, threw) releases the lease on its own,
 * whatever happened.</li>
 * </ol>
 * The operation key comes from the client's {@code Idempotency-Key} when there is one (hashed with
 * the tenant, the user and the kind of operation, so it fits a request key and names nobody), so a
 * retry repeats every command with the same request key; without one it is random.
 */
public final class CustomerOperations {
    /** The longest an operation holds the customer (its billing calls time out well before). */
    public static final Duration LEASE = Duration.ofSeconds(60);
    /** The longest an operation waits for the customer's previous one. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private final CustomerLocks locks;
    private final AccountLinks links;
    private final BillingOperations operations;
    private final BillingGateway gateway;
    private final Transactions transactions;
    private final Secrets secrets;
    private final Clock clock;
    private final BusinessEvents events;

    public CustomerOperations(CustomerLocks locks, AccountLinks links, BillingOperations operations,
            BillingGateway gateway, Transactions transactions, Secrets secrets, Clock clock) {
        this(locks, links, operations, gateway, transactions, secrets, clock, BusinessEvents.NONE);
    }

    /** With the outbox the operations' business events are written to, in their final unit ({@link #commit}). */
    public CustomerOperations(CustomerLocks locks, AccountLinks links, BillingOperations operations,
            BillingGateway gateway, Transactions transactions, Secrets secrets, Clock clock, BusinessEvents events) {
        this.events = Objects.requireNonNull(events, "events");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.links = Objects.requireNonNull(links, "links");
        this.operations = Objects.requireNonNull(operations, "operations");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public BillingGateway gateway() {
        return gateway;
    }

    public AccountLinks links() {
        return links;
    }

    /** The customer's account, read (no lease): none before the first checkout. */
    public Either<BillingFailure, Option<BillingAccount>> account(long tenantId, long userId) {
        return linkedAccount(tenantId, userId).map(linked -> linked.map(LinkedAccount::account));
    }

    /**
     * The customer's account link and the account the billing system holds for it (no lease): none
     * before the first checkout.
     */
    public Either<BillingFailure, Option<LinkedAccount>> linkedAccount(long tenantId, long userId) {
        return linkedAccount(links.accountOf(tenantId, userId));
    }

    /**
     * The customer's account as {@link #linkedAccount(long, long)}, from the link {@link #run} read when it
     * took the lease (the lease keeps it current: only an operation under it links an account).
     */
    public Either<BillingFailure, Option<LinkedAccount>> linkedAccount(Keyed op) {
        return linkedAccount(op.link());
    }

    /** The billing system's account behind {@code link}, if there is a link. */
    private Either<BillingFailure, Option<LinkedAccount>> linkedAccount(Option<AccountRef> link) {
        if (link.isEmpty()) {
            return Either.right(Option.none());
        }
        return gateway.account(link.get()).map(account -> Option.some(new LinkedAccount(link.get(), account)));
    }

    /** A customer's account: the engine's link to it and the billing system's account. */
    public record LinkedAccount(AccountRef ref, BillingAccount account) {
    }

    /**
     * Links the customer to {@code account} in a unit of its own; true when the customer is linked to
     * it now (or was already), false when linked to another account.
     */
    public boolean linkOnce(AccountRef account) {
        return transactions.inTransaction(() -> links.link(account)
                || links.accountOf(account.tenantId(), account.userId()).contains(account));
    }

    /**
     * Runs {@code work} as the operation {@code kind} of the customer, holding the customer's lease
     * until it returns or throws. Its commits (the lease, the pending record, the built-in ledger's
     * commands, the last unit) are durable together when it returns ({@link Transactions#durableOnReturn}):
     * a remote billing system is called only behind {@link Transactions#makeCommittedDurable}.
     */
    public <T> T run(long tenantId, long userId, String kind, Option<String> clientKey, Function<Keyed, T> work) {
        return transactions.durableOnReturn(() -> runLeased(tenantId, userId, kind, clientKey, work));
    }

    private <T> T runLeased(long tenantId, long userId, String kind, Option<String> clientKey,
            Function<Keyed, T> work) {
        String key = clientKey.map(k -> "k-" + hash(tenantId + "/" + userId + "/" + kind + "/" + k))
                .getOrElse(() -> "r-" + secrets.guid().replace("-", ""));
        Option<CustomerLocks.Lease> lease = locks.acquire(tenantId, userId, key, LEASE, MAX_WAIT);
        if (lease.isEmpty()) {
            throw new ServerBusy("customer " + userId + " of tenant " + tenantId + " is busy with another operation"
                    + " for longer than " + MAX_WAIT.toSeconds() + " s", 2, null);
        }
        Held held = new Held(lease.get());
        try {
            // whether the key ran before, and the customer's link, in one read (one connection)
            Keyed op = transactions.inTransaction(() -> new Keyed(tenantId, userId, kind, key,
                    operations.operation(tenantId, key).isDefined(), held, links.accountOf(tenantId, userId)));
            return work.apply(op);
        } finally {
            if (!held.released) {
                locks.release(lease.get());
            }
        }
    }

    /** Records the operation as pending: called once its decision is taken, before its first command. */
    public void begin(Keyed op) {
        operations.begin(new PendingOperation(op.tenantId(), op.userId(), op.key(), op.kind(), clock.instant(), 1,
                false));
    }

    /**
     * Commits the operation's local effects ({@code effects}) and finishes it, in one unit of work;
     * {@code effects} returns the answer, which is then handed to {@code keep} inside the same unit.
     */
    public <T> T commit(Keyed op, Supplier<T> effects, java.util.function.Consumer<T> keep) {
        return commit(op, effects, keep, List.of());
    }

    /**
     * Like {@link #commit(Keyed, Supplier, java.util.function.Consumer)}, also writing the operation's
     * business events in the same unit (docs/events.md): each gets the id derived from the tenant, the
     * operation key and its index ({@link BusinessEvent#idOf}), so a replayed operation never makes a
     * second one, and occurs now by the clock; an event with a due date is scheduled for it instead.
     */
    public <T> T commit(Keyed op, Supplier<T> effects, java.util.function.Consumer<T> keep, List<Booked> booked) {
        Instant now = clock.instant();
        List<BusinessEvent> appended = new ArrayList<>();
        List<Booked> scheduled = new ArrayList<>();
        List<BusinessEvent> scheduledEvents = new ArrayList<>();
        for (int i = 0; i < booked.size(); i++) {
            Booked b = booked.get(i);
            String id = b.id() != null ? b.id() : BusinessEvent.idOf(op.tenantId(), op.key(), Integer.toString(i));
            BusinessEvent event = new BusinessEvent(id,
                    b.type(), op.tenantId(), now, b.orderingKey(), b.payload());
            if (b.dueOn() == null) {
                appended.add(event);
            } else {
                scheduled.add(b);
                scheduledEvents.add(event);
            }
        }
        Held held = op.held();
        T committed = transactions.inTransaction(() -> {
            T answer = effects.get();
            operations.finish(op.tenantId(), op.key());
            if (!appended.isEmpty()) {
                events.append(appended);
            }
            for (int i = 0; i < scheduled.size(); i++) {
                events.schedule(scheduledEvents.get(i), scheduled.get(i).dueOn());
            }
            keep.accept(answer);
            if (held != null && !held.released) {
                locks.releaseWithUnit(held.lease);
            }
            return answer;
        });
        if (held != null) {
            held.released = true;
        }
        return committed;
    }

    /**
     * A business event an operation booked: its type, ordering key (the subscription's id, else the
     * account's) and payload, and the day it is due when it is to be emitted later (null: at once).
     */
    public record Booked(EventType type, String orderingKey, EventPayload payload, LocalDate dueOn, String id) {
        public Booked {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(orderingKey, "orderingKey");
            Objects.requireNonNull(payload, "payload");
        }

        public Booked(EventType type, String orderingKey, EventPayload payload, LocalDate dueOn) {
            this(type, orderingKey, payload, dueOn, null);
        }

        public static Booked now(EventType type, String orderingKey, EventPayload payload) {
            return new Booked(type, orderingKey, payload, null, null);
        }

        /**
         * An event whose id is derived from what it is about ({@code parts}) rather than from the
         * operation: written by whichever operation commits first, skipped by the outbox after.
         */
        public Booked once(long tenantId, String... parts) {
            return new Booked(type, orderingKey, payload, dueOn, BusinessEvent.idOf(tenantId, parts));
        }
    }

    /**
     * One operation of one customer: its key, whether it ran before with this key (a retry of an
     * operation whose outcome its client did not learn: its commands may have taken effect), and the
     * customer's account link as read when the lease was taken (none before the first checkout).
     */
    public record Keyed(long tenantId, long userId, String kind, String key, boolean repeat, Held held,
            Option<AccountRef> link) {
        public Keyed {
            Objects.requireNonNull(link, "link");
        }

        /** The request key of one step of the operation. */
        public RequestKey step(String step) {
            return RequestKey.of(key, step);
        }
    }

    /**
     * The lease {@link #run} took for an operation, and whether the operation's last unit
     * ({@link #commit}) has released it: then {@link #run} does not release it again (the same key's
     * next operation may hold the lease by then).
     */
    public static final class Held {
        private final CustomerLocks.Lease lease;
        private volatile boolean released;

        Held(CustomerLocks.Lease lease) {
            this.lease = Objects.requireNonNull(lease, "lease");
        }

        @Override
        public String toString() {
            return "lease of " + lease.holder() + (released ? " (released)" : "");
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
