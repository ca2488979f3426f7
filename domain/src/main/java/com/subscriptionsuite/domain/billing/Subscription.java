package com.subscriptionsuite.domain.billing;

import com.subscriptionsuite.domain.subscription.TermSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One subscribed suite product of an account: the seed's {@code uuid} names it in
 * {@code /product/{uuid}/...}, {@code number} is the human subscription number (S00000001).
 * <p>
 * Its history is in {@code charges}: every segment of every charge with its effective dates, so a
 * change booked for a later date (end of period or term) is a segment that starts then, and the
 * state on any day is the segments active that day. A replacement moves the subscription to another
 * suite product (the segments carry the suite product), the uuid stays.
 * <p>
 * Dates: {@code startDate} is the contract effective date; {@code billingAnchor} the day billing
 * periods are counted from; {@code terms} the term schedule fixed at subscribe time;
 * {@code chargedThroughDate} the end (exclusive) of the last billing period invoiced;
 * {@code cancelDate} the day a booked cancel takes effect (null when none). {@code version} counts
 * the amendments, starting at 1.
 */
public record Subscription(
        String id,
        long tenantId,
        String accountId,
        String number,
        String uuid,
        LocalDate startDate,
        LocalDate billingAnchor,
        TermSchedule terms,
        boolean autoRenew,
        LocalDate chargedThroughDate,
        LocalDate cancelDate,
        int version,
        Instant createdAt,
        List<SubscribedCharge> charges) {

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(billingAnchor, "billingAnchor");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(chargedThroughDate, "chargedThroughDate");
        Objects.requireNonNull(createdAt, "createdAt");
        charges = List.copyOf(charges);
        if (version < 1) {
            throw new IllegalArgumentException("versions count from 1: " + version);
        }
    }

    /** Active until the cancel date, cancelled from it (a booked future cancel keeps it active till then). */
    public SubscriptionStatus statusOn(LocalDate day) {
        return cancelDate != null && !day.isBefore(cancelDate) ? SubscriptionStatus.CANCELLED : SubscriptionStatus.ACTIVE;
    }

    /** The charge segments in force on {@code day}. */
    public List<SubscribedCharge> chargesOn(LocalDate day) {
        return charges.stream().filter(c -> c.activeOn(day)).toList();
    }

    /** Segments that start after {@code day}: a change booked for later. */
    public List<SubscribedCharge> pendingAfter(LocalDate day) {
        return charges.stream().filter(c -> c.effectiveStart().isAfter(day)).toList();
    }

    /** A copy with other charges, dates and version (an amendment's result). */
    public Subscription amended(List<SubscribedCharge> newCharges, LocalDate newChargedThrough, LocalDate newCancelDate) {
        return new Subscription(id, tenantId, accountId, number, uuid, startDate, billingAnchor, terms, autoRenew,
                newChargedThrough, newCancelDate, version + 1, createdAt, newCharges);
    }

    /** A copy invoiced up to {@code through} (exclusive); no new version: billing is not an amendment. */
    public Subscription chargedThrough(LocalDate through) {
        return new Subscription(id, tenantId, accountId, number, uuid, startDate, billingAnchor, terms, autoRenew,
                through, cancelDate, version, createdAt, charges);
    }
}
