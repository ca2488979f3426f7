package com.subscriptionsuite.application.service.quote;

import com.subscriptionsuite.application.port.out.events.BusinessEvent;
import com.subscriptionsuite.application.port.out.events.BusinessEvents;
import com.subscriptionsuite.application.port.out.events.EventPayload;
import com.subscriptionsuite.application.port.out.events.EventType;
import com.subscriptionsuite.application.port.in.checkout.Checkout;
import com.subscriptionsuite.application.port.in.checkout.CheckoutFailure;
import com.subscriptionsuite.application.port.in.operation.Operation;
import com.subscriptionsuite.application.port.in.quote.ConfirmQuote;
import com.subscriptionsuite.application.port.in.quote.MarkAcceptedQuotes;
import com.subscriptionsuite.application.port.in.quote.PublishQuote;
import com.subscriptionsuite.application.port.in.quote.QuoteFailure;
import com.subscriptionsuite.application.port.in.quote.ShowQuote;
import com.subscriptionsuite.application.port.out.Secrets;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.port.out.quote.QuoteLinks;
import com.subscriptionsuite.application.port.out.quote.QuoteLinks.QuoteLink;
import com.subscriptionsuite.application.port.out.quote.QuoteSource;
import com.subscriptionsuite.application.port.out.quote.QuoteSourceFailure;
import com.subscriptionsuite.application.port.out.quote.SourceQuote;
import com.subscriptionsuite.application.port.out.quote.StoredQuotes;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Quotes by their links (docs/quotes.md). A link is a random guid handed out once; the engine keeps
 * its SHA-256 with the quote's id at its source ({@link QuoteLinks}) and reads the quote from the
 * source each time.
 * <p>
 * Confirming runs in this order, so that nothing is half-booked and nothing is booked twice:
 * <ol>
 * <li>the link, then the quote at its source (a source that cannot be reached: 503, nothing booked);
 * a link the same customer booked already answers that booking again;</li>
 * <li>the rules: not accepted, open, not expired, every item in the catalog;</li>
 * <li>the quote is claimed for the customer (one customer per quote, across instances);</li>
 * <li>the checkout's booking (the customer's lease, the pending operation, the billing commands with
 * request keys derived from the quote's link, one local unit), in whose unit the link records what
 * was booked ({@link #ACCEPTANCE_UNIT});</li>
 * <li>only then the quote is marked accepted at its source; a mark that fails is retried by the next
 * confirmation and by {@link MarkAcceptedQuotes}, the booking stands.</li>
 * </ol>
 */
final class QuoteService implements ShowQuote, ConfirmQuote, PublishQuote, MarkAcceptedQuotes {
    private static final System.Logger LOG = System.getLogger(QuoteService.class.getName());
    /** The unit of work an acceptance's booking commits in: where the quote-accepted event will be appended. */
    static final String ACCEPTANCE_UNIT = "QuoteService.recordAcceptance";
    private static final int MARK_BATCH = 100;

    private final TenantDirectory directory;
    private final Checkout checkout;
    private final QuoteSource source;
    private final Option<StoredQuotes> stored;
    private final QuoteLinks links;
    private final Transactions transactions;
    private final Secrets secrets;
    private final Clock clock;
    private final BusinessEvents events;

    QuoteService(TenantDirectory directory, Checkout checkout, QuoteSource source, Option<StoredQuotes> stored,
            QuoteLinks links, Transactions transactions, Secrets secrets, Clock clock) {
        this(directory, checkout, source, stored, links, transactions, secrets, clock, BusinessEvents.NONE);
    }

    QuoteService(TenantDirectory directory, Checkout checkout, QuoteSource source, Option<StoredQuotes> stored,
            QuoteLinks links, Transactions transactions, Secrets secrets, Clock clock, BusinessEvents events) {
        this.events = Objects.requireNonNull(events, "events");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.checkout = Objects.requireNonNull(checkout, "checkout");
        this.source = Objects.requireNonNull(source, "source");
        this.stored = Objects.requireNonNull(stored, "stored");
        this.links = Objects.requireNonNull(links, "links");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---- GET /quote/{guid} ----------------------------------------------------------------------

    @Override
    public Either<QuoteFailure, ShownQuote> show(long tenantId, String guid) {
        Option<QuoteLink> link = links.find(tenantId, QuoteLinkHash.of(guid));
        if (link.isEmpty()) {
            return Either.left(new QuoteFailure.QuoteNotFound());
        }
        return read(link.get()).map(quote -> {
            Catalog catalog = directory.require(tenantId).catalog();
            LocalDate today = LocalDate.now(clock);
            List<Long> suiteProducts = new ArrayList<>();
            for (SourceQuote.RatePlan plan : quote.ratePlans()) {
                suiteProducts.add(QuoteBooking.suiteProductOf(catalog, plan.productRatePlanId(), today)
                        .map(SuiteProduct::id).getOrNull());
            }
            return new ShownQuote(quote, suiteProducts, link.get().booked()
                    || quote.status() == SourceQuote.Status.ACCEPTED);
        });
    }

    private Either<QuoteFailure, SourceQuote> read(QuoteLink link) {
        return source.quote(link.tenantId(), link.sourceId()).mapLeft(QuoteService::widen);
    }

    private static QuoteFailure widen(QuoteSourceFailure failure) {
        return failure instanceof QuoteSourceFailure.NotFound ? new QuoteFailure.QuoteNotFound()
                : new QuoteFailure.SourceFailed(failure);
    }

    // ---- POST /quote/{guid}/confirm -------------------------------------------------------------

    @Override
    public Either<QuoteFailure, Confirmed> confirm(ConfirmCommand command, Operation<Confirmed> operation) {
        String hash = QuoteLinkHash.of(command.guid());
        Option<QuoteLink> found = links.find(command.tenantId(), hash);
        if (found.isEmpty()) {
            return Either.left(new QuoteFailure.QuoteNotFound());
        }
        QuoteLink link = found.get();
        if (link.claimedBy().isDefined() && link.claimedBy().get() != command.userId()) {
            return Either.left(new QuoteFailure.QuoteAlreadyAccepted());
        }
        if (link.booked()) {
            // a repeat by the customer who accepted it: the same subscriptions, and the mark if it is missing
            boolean marked = link.markedAt().isDefined() || mark(link);
            return Either.right(new Confirmed(link.subscriptionIds(), marked));
        }
        Either<QuoteFailure, SourceQuote> read = read(link);
        if (read.isLeft()) {
            return Either.left(read.getLeft());
        }
        SourceQuote quote = read.get();
        LocalDate today = LocalDate.now(clock);
        if (quote.status() == SourceQuote.Status.ACCEPTED) {
            return Either.left(new QuoteFailure.QuoteAlreadyAccepted());
        }
        if (quote.status() == SourceQuote.Status.CLOSED) {
            return Either.left(new QuoteFailure.QuoteNotAcceptable(String.valueOf(quote.sourceStatus())));
        }
        // A confirmation this customer began (claimed) while the quote was valid is finished even after its
        // validity: its booking may have taken effect in the billing system (docs/quotes.md).
        boolean begun = link.claimedBy().contains(command.userId());
        if (!begun && (quote.validUntil() == null || quote.validUntil().isBefore(today))) {
            return Either.left(new QuoteFailure.QuoteExpired(String.valueOf(quote.validUntil())));
        }
        Either<QuoteFailure, List<Checkout.Item>> items = QuoteBooking.items(quote,
                directory.require(command.tenantId()).catalog(), today);
        if (items.isLeft()) {
            return Either.left(items.getLeft());
        }
        Instant now = clock.instant();
        long claimant = links.claim(command.tenantId(), hash, command.userId(), now);
        if (claimant != command.userId()) {
            return Either.left(new QuoteFailure.QuoteAlreadyAccepted());
        }
        Checkout.SubscribeCommand subscribe = new Checkout.SubscribeCommand(command.tenantId(), command.userId(),
                command.guest(), items.get(), QuoteBooking.account(quote), null, null, null);
        // The booking's operation key comes from the quote's link (the checkout hashes it with the tenant and
        // the customer): a repeat, with or without an Idempotency-Key, repeats every billing command with the
        // same request key, so what the billing system booked the first time is answered again.
        Either<CheckoutFailure, Checkout.Subscribed> booked = checkout.subscribe(subscribe,
                Operation.keyed("quote:" + hash, subscribed -> recordAcceptance(command, hash, quote, subscribed,
                        now, operation)));
        if (booked.isLeft()) {
            if (!(booked.getLeft() instanceof CheckoutFailure.BillingFailed billing)
                    || !(billing.failure() instanceof BillingFailure.Unavailable)) {
                // refused, or refused by the billing system: nothing was booked, the quote is free again
                links.release(command.tenantId(), hash, command.userId());
            }
            return Either.left(new QuoteFailure.BookingFailed(booked.getLeft()));
        }
        QuoteLink bookedLink = links.find(command.tenantId(), hash).getOrElseThrow(() -> new IllegalStateException(
                "the quote link booked a moment ago is gone"));
        boolean marked = mark(bookedLink);
        return Either.right(new Confirmed(booked.get().ids(), marked));
    }

    /**
     * Runs inside the checkout's unit of work that commits the booking ({@link #ACCEPTANCE_UNIT}): the
     * link records the booked subscriptions and the request keeps its answer, together with the booking
     * or not at all. The quote-accepted business event is to be appended here, in this same unit.
     */
    private void recordAcceptance(ConfirmCommand command, String hash, SourceQuote quote,
            Checkout.Subscribed subscribed, Instant at, Operation<Confirmed> operation) {
        links.booked(command.tenantId(), hash, command.userId(), subscribed.ids(), at);
        // the quote-accepted event, in the booking's unit; its id from the link, so a repeat makes none more.
        // The quote is named by its number and the link's hash, never by the guid (the link is a credential)
        List<String> ids = subscribed.subscriptions().stream().map(Checkout.NewSubscription::id).toList();
        List<String> numbers = subscribed.subscriptions().stream().map(Checkout.NewSubscription::number).toList();
        events.append(List.of(new BusinessEvent(BusinessEvent.idOf(command.tenantId(), "quote-accepted", hash),
                EventType.QUOTE_ACCEPTED, command.tenantId(), at, ids.isEmpty() ? "quote:" + hash : ids.get(0),
                new EventPayload.QuoteAccepted(hash, quote.number(), null, command.userId(), ids, numbers,
                        quote.currency(), null))));
        operation.keepAnswer().accept(new Confirmed(subscribed.ids(), false));
    }

    /** Marks the booked quote accepted at its source; false (logged) when the source did not. */
    private boolean mark(QuoteLink link) {
        Either<QuoteSourceFailure, QuoteSource.Accepted> marked = source.markAccepted(link.tenantId(),
                link.sourceId(), LocalDate.now(clock));
        if (marked.isLeft()) {
            LOG.log(System.Logger.Level.WARNING, "quote {0} of tenant {1} is booked but not marked accepted at its"
                    + " source yet (retried by the next confirmation and the mark job): {2}", link.sourceId(),
                    link.tenantId(), marked.getLeft().describe());
            return false;
        }
        links.marked(link.tenantId(), link.guidHash(), clock.instant());
        return true;
    }

    @Override
    public int markPending() {
        int marked = 0;
        for (QuoteLink link : links.bookedUnmarked(MARK_BATCH)) {
            if (mark(link)) {
                marked++;
            }
        }
        return marked;
    }

    // ---- admin: publishing a quote's link --------------------------------------------------------

    @Override
    public Either<QuoteFailure, Published> store(long tenantId, SourceQuote quote) {
        if (stored.isEmpty()) {
            return Either.left(new QuoteFailure.QuotesNotStored());
        }
        Option<QuoteFailure> invalid = invalid(quote);
        if (invalid.isDefined()) {
            return Either.left(invalid.get());
        }
        String guid = secrets.token();
        return Either.right(transactions.inTransaction(() -> {
            String sourceId = stored.get().add(tenantId, quote);
            links.add(QuoteLink.fresh(tenantId, QuoteLinkHash.of(guid), sourceId, clock.instant()));
            return new Published(guid, sourceId);
        }));
    }

    @Override
    public Either<QuoteFailure, Published> link(long tenantId, String sourceId) {
        if (sourceId == null || sourceId.isBlank() || sourceId.length() > 64) {
            return Either.left(new QuoteFailure.QuoteInvalid("source_id", "is required, at most 64 characters"));
        }
        Either<QuoteSourceFailure, SourceQuote> quote = source.quote(tenantId, sourceId.strip());
        if (quote.isLeft()) {
            return Either.left(quote.getLeft() instanceof QuoteSourceFailure.NotFound
                    ? new QuoteFailure.QuoteInvalid("source_id", "the quote source has no quote '" + sourceId + "'")
                    : new QuoteFailure.SourceFailed(quote.getLeft()));
        }
        String guid = secrets.token();
        return Either.right(transactions.inTransaction(() -> {
            links.add(QuoteLink.fresh(tenantId, QuoteLinkHash.of(guid), sourceId.strip(), clock.instant()));
            return new Published(guid, sourceId.strip());
        }));
    }

    /** What a quote to store must have: a currency, a validity, at least one rate plan with charges. */
    private static Option<QuoteFailure> invalid(SourceQuote quote) {
        if (quote.currency() == null || !quote.currency().strip().matches("[A-Z]{3}")) {
            return Option.some(new QuoteFailure.QuoteInvalid("currency", "is required, an ISO 4217 code"));
        }
        if (quote.validUntil() == null) {
            return Option.some(new QuoteFailure.QuoteInvalid("valid_until_date", "is required"));
        }
        if (quote.ratePlans().isEmpty()) {
            return Option.some(new QuoteFailure.QuoteInvalid("rate_plans", "at least one rate plan is required"));
        }
        for (int i = 0; i < quote.ratePlans().size(); i++) {
            SourceQuote.RatePlan plan = quote.ratePlans().get(i);
            if (plan.productRatePlanId().isBlank()) {
                return Option.some(new QuoteFailure.QuoteInvalid("rate_plans[" + i + "].id", "is required"));
            }
            if (plan.charges().isEmpty()) {
                return Option.some(new QuoteFailure.QuoteInvalid("rate_plans[" + i + "].charges",
                        "at least one charge is required"));
            }
            for (int k = 0; k < plan.charges().size(); k++) {
                SourceQuote.Charge charge = plan.charges().get(k);
                String at = "rate_plans[" + i + "].charges[" + k + "]";
                if (charge.productRatePlanChargeId().isBlank()) {
                    return Option.some(new QuoteFailure.QuoteInvalid(at + ".id", "is required"));
                }
                if (charge.quantity() != null && charge.quantity().signum() <= 0) {
                    return Option.some(new QuoteFailure.QuoteInvalid(at + ".quantity", "must be positive"));
                }
                if (charge.effectivePrice() != null && charge.effectivePrice().signum() < 0) {
                    return Option.some(new QuoteFailure.QuoteInvalid(at + ".price", "must not be negative"));
                }
            }
        }
        return Option.none();
    }
}
