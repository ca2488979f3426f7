package com.subscriptionsuite.application.port.out.quote;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The engine's own record of each quote link it handed out, whatever the source: the SHA-256 of the
 * link's secret guid (the guid itself is never stored), the quote's id at its source, and the
 * acceptance's progress (claimed by a customer, booked, marked accepted at the source). Lookups are
 * by the hash and the tenant, so a link of another tenant is not found.
 */
public interface QuoteLinks {
    /** Records a new link; joins the running unit of work. A link whose hash is taken is a bug. */
    void add(QuoteLink link);

    /** The link with this guid hash in the tenant. */
    Option<QuoteLink> find(long tenantId, String guidHash);

    /**
     * Claims the quote for the customer unless another customer claimed it first: the claimant
     * afterwards (this customer or the earlier one). Commits on its own; atomic across instances.
     */
    long claim(long tenantId, String guidHash, long userId, Instant at);

    /** Gives up a claim that booked nothing (a refused confirmation); commits on its own. */
    void release(long tenantId, String guidHash, long userId);

    /** Records what the acceptance booked; joins the unit of work that commits the booking. */
    void booked(long tenantId, String guidHash, long userId, List<String> subscriptionIds, Instant at);

    /** Records that the quote is marked accepted at its source; commits on its own. */
    void marked(long tenantId, String guidHash, Instant at);

    /** Links booked but not yet marked at their source, of every tenant, oldest booking first. */
    List<QuoteLink> bookedUnmarked(int limit);

    /**
     * One link: {@code claimedBy} the customer who confirmed it, {@code subscriptionIds} what its
     * acceptance booked (empty until booked), {@code bookedAt} and {@code markedAt} when.
     */
    record QuoteLink(long tenantId, String guidHash, String sourceId, Instant createdAt, Option<Long> claimedBy,
            List<String> subscriptionIds, Option<Instant> bookedAt, Option<Instant> markedAt) {
        public QuoteLink {
            Objects.requireNonNull(guidHash, "guidHash");
            Objects.requireNonNull(sourceId, "sourceId");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(claimedBy, "claimedBy");
            subscriptionIds = List.copyOf(subscriptionIds);
            Objects.requireNonNull(bookedAt, "bookedAt");
            Objects.requireNonNull(markedAt, "markedAt");
        }

        public boolean booked() {
            return bookedAt.isDefined();
        }

        /** A new link, not claimed. */
        public static QuoteLink fresh(long tenantId, String guidHash, String sourceId, Instant createdAt) {
            return new QuoteLink(tenantId, guidHash, sourceId, createdAt, Option.none(), List.of(), Option.none(),
                    Option.none());
        }
    }
}
