package com.subscriptionsuite.application.service.revenue;

import com.subscriptionsuite.application.port.in.revenue.RecordRevenueLines;
import com.subscriptionsuite.application.port.in.revenue.RevenueFailure;
import com.subscriptionsuite.application.port.in.revenue.RevenueLine;
import com.subscriptionsuite.application.port.out.events.BusinessEvent;
import com.subscriptionsuite.application.port.out.events.EventListener;
import com.subscriptionsuite.application.port.out.events.EventPayload;
import com.subscriptionsuite.application.port.out.events.EventType;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The revenue feed's consumer of the business events (docs/revenue-feed.md, "From bookings to lines"):
 * what was booked becomes revenue lines, recorded through {@link RecordRevenueLines} (idempotent by
 * source id = the event's id and the line's index, so an event handed over twice records its lines
 * once).
 * <ul>
 * <li>{@code subscription.created}: a sales-order line (SO) per booked charge of the subscription
 * (order = the subscription number), at the price of one billing period net of the voucher's discount
 * (the list price beside it), from the charge's start;</li>
 * <li>{@code subscription.quantity_changed / upgraded / downgraded}: a sales-order line per charge
 * segment the change starts (order = subscription number and version), from the effective date;</li>
 * <li>{@code invoice.raised}: an invoice line (INV; CM for a credit) per invoice line (order = the
 * invoice number), net with its tax, over the line's service period.</li>
 * </ul>
 * Discount charges carry no line of their own (they are in the prices they reduce); cancels, payment
 * methods, accounts and quotes carry no revenue (the cancel's effect reaches Zuora Revenue with the
 * lines that follow it; see the docs). Lines this mapping makes invalid are a defect: they are logged
 * at ERROR with the event's id and skipped, so one event cannot stop the feed.
 */
public final class RevenueFromEvents implements EventListener {
    private static final System.Logger LOG = System.getLogger(RevenueFromEvents.class.getName());
    /** The consumer's name in the outbox. */
    public static final String CONSUMER = "revenue-feed";

    private final RecordRevenueLines record;
    private final TenantDirectory tenants;

    /** {@code tenants}: where an invoice line's charge is looked up for the suite product it belongs to. */
    public RevenueFromEvents(RecordRevenueLines record, TenantDirectory tenants) {
        this.record = Objects.requireNonNull(record, "record");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
    }

    @Override
    public void on(FeedEvent feed) {
        BusinessEvent event = feed.event();
        List<RevenueLine> lines = lines(event);
        if (lines.isEmpty()) {
            return;
        }
        Either<RevenueFailure, RecordRevenueLines.Recorded> recorded = record.record(event.tenantId(), lines);
        if (recorded.isLeft()) {
            LOG.log(System.Logger.Level.ERROR, "revenue lines of event {0} ({1}) refused, skipped: {2}", event.id(),
                    event.type().wireName(), recorded.getLeft());
        }
    }

    /** The revenue lines of one event; none for an event that carries no revenue. */
    List<RevenueLine> lines(BusinessEvent event) {
        LocalDate booked = LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC);
        List<RevenueLine> out = new ArrayList<>();
        EventPayload payload = event.payload();
        if (payload instanceof EventPayload.SubscriptionCreated c) {
            for (EventPayload.ChargeLine charge : c.charges()) {
                if (!charge.discount()) {
                    out.add(orderLine(event, out.size(), c.subscriptionNumber(), c.accountId(), charge, booked));
                }
            }
        } else if (payload instanceof EventPayload.SubscriptionChanged c) {
            if (event.type() != EventType.SUBSCRIPTION_CANCEL_BOOKED) {
                String order = c.subscriptionNumber() + "-v" + c.version();
                for (EventPayload.ChargeLine charge : c.newCharges()) {
                    if (!charge.discount()) {
                        out.add(orderLine(event, out.size(), order, c.accountId(), charge, booked));
                    }
                }
            }
        } else if (payload instanceof EventPayload.InvoiceRaised i) {
            for (EventPayload.InvoiceLineItem line : i.lines()) {
                BigDecimal net = new BigDecimal(line.amounts().netto());
                LocalDate start = line.serviceStartDate() != null ? line.serviceStartDate() : i.invoiceDate();
                LocalDate end = line.serviceEndDate() == null || !line.serviceEndDate().isAfter(start) ? null
                        : line.serviceEndDate().minusDays(1);
                int n = out.size() + 1;
                out.add(new RevenueLine(sourceId(event, n), net.signum() < 0 ? RevenueLine.Kind.CREDIT
                        : RevenueLine.Kind.INVOICE, i.invoiceNumber(), n, i.accountId(), null,
                        suiteProductOf(event.tenantId(), line.productRatePlanChargeId()), null,
                        String.valueOf(line.productRatePlanChargeId()), BigDecimal.ONE, i.currency(), net, net,
                        net, net, new BigDecimal(line.amounts().tax()), i.invoiceDate(), start, end));
            }
        }
        // accounts, payment methods, cancels and quotes carry no revenue of their own
        return out;
    }

    /** The suite product whose rate plan holds the catalog charge (its id as text), else "charge-<id>". */
    private String suiteProductOf(long tenantId, long chargeId) {
        var catalog = tenants.require(tenantId).catalog();
        return catalog.ratePlans().stream().filter(p -> p.charges().stream().anyMatch(c -> c.id() == chargeId))
                .flatMap(p -> catalog.suiteProducts().stream().filter(sp -> sp.ratePlanId() == p.id()))
                .map(sp -> String.valueOf(sp.id())).findFirst().orElse("charge-" + chargeId);
    }

    private static RevenueLine orderLine(BusinessEvent event, int index, String order, String account,
            EventPayload.ChargeLine charge, LocalDate booked) {
        int n = index + 1;
        BigDecimal quantity = BigDecimal.valueOf(charge.quantity());
        BigDecimal sell = new BigDecimal(charge.periodPrice());
        BigDecimal list = new BigDecimal(charge.listPrice());
        LocalDate end = charge.effectiveEndDate() == null || !charge.effectiveEndDate().isAfter(
                charge.effectiveStartDate()) ? null : charge.effectiveEndDate().minusDays(1);
        return new RevenueLine(sourceId(event, n), RevenueLine.Kind.SALES_ORDER, order, n, account, null,
                String.valueOf(charge.suiteProductId()), String.valueOf(charge.ratePlanId()),
                String.valueOf(charge.productRatePlanChargeId()), quantity, charge.currency(), unit(list, quantity),
                unit(sell, quantity), list, sell, null, booked, charge.effectiveStartDate(), end);
    }

    /** The price of one unit, to at most six decimals (Zuora Revenue's precision). */
    static BigDecimal unit(BigDecimal amount, BigDecimal quantity) {
        if (quantity.signum() == 0) {
            return amount;
        }
        BigDecimal unit = amount.divide(quantity, 6, RoundingMode.HALF_UP).stripTrailingZeros();
        return unit.scale() < 0 ? unit.setScale(0) : unit;
    }

    private static String sourceId(BusinessEvent event, int line) {
        return event.id() + ":" + line;
    }
}
