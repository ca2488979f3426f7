package com.subscriptionsuite.zuora.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What the simulator prices, as a Zuora tenant set to "actual number of days" proration and line-level rounding:
 * <ul>
 * <li>One period: PerUnit = price x quantity, FlatFee = price, Tiered = each tier's units at its price (or its flat
 * fee), Volume = the tier holding the quantity, for all units.</li>
 * <li>Recurring IN_ADVANCE charges are billed in periods aligned to the account's bill cycle day (31 = the month's
 * last day, shorter months clamp; 0 = the charge's own start day); Quarter, Annual... periods count from the bill
 * cycle date of the charge's first month. A first partial period is prorated: factor = days billed / days of the
 * full period holding them, scale 9 HALF_UP, amount rounded at the line to the currency's decimals.</li>
 * <li>A change inside a period already billed credits the unused part of the old segment and charges the rest of
 * the period at the new one (each line rounded); the lines wait in the subscription's pending items for the next
 * billing run whose target date reaches them. A removal or cancellation credits the days left.</li>
 * <li>Discounts (DiscountPercentage, DiscountFixedAmount) make one discount item per item of their subscription
 * they apply to ({@code applyDiscountTo}): a percentage of the item (so a prorated item gets a prorated
 * discount), a fixed amount times the item's factor. A credit item gets its discount back if the discount had
 * been billed over the credited days, even when the discount plan is removed with it.</li>
 * </ul>
 * Tax is added per item afterwards ({@link TaxRates}).
 */
final class Billing {
    private Billing() {}

    private static final int FACTOR_SCALE = 9;

    /** The months of a billing period; 0 for Week. */
    static int months(String billingPeriod) {
        String p = billingPeriod == null ? "Month" : billingPeriod;
        switch (p) {
            case "Week": return 0;
            case "Quarter": return 3;
            case "Semi_Annual": return 6;
            case "Annual": return 12;
            case "Eighteen_Months": return 18;
            case "Two_Years": return 24;
            case "Three_Years": return 36;
            case "Five_Years": return 60;
            default: return 1;
        }
    }

    /** The end (exclusive) of a full period from {@code start} (no bill cycle day): used for display and tests. */
    static LocalDate periodEnd(LocalDate start, String billingPeriod) {
        int m = months(billingPeriod);
        return m == 0 ? start.plusWeeks(1) : start.plusMonths(m);
    }

    /** The bill cycle date of a month: day {@code bcd}, or the month's last day when it is shorter. */
    static LocalDate cycleDate(YearMonth month, int bcd) {
        return month.atDay(Math.min(bcd, month.lengthOfMonth()));
    }

    private static int day(Model.Charge c, int bcd) {
        LocalDate anchor = anchor(c);
        return bcd >= 1 && bcd <= 31 ? bcd : anchor.getDayOfMonth();
    }

    private static LocalDate anchor(Model.Charge c) {
        return c.cycleAnchor != null ? c.cycleAnchor : c.effectiveStartDate;
    }

    /** The first period boundary of the charge strictly after {@code from}. */
    static LocalDate nextBoundary(Model.Charge c, int bcd, LocalDate from) {
        LocalDate anchor = anchor(c);
        int m = months(c.billingPeriod);
        if (m == 0) {
            long weeks = Math.floorDiv(ChronoUnit.DAYS.between(anchor, from), 7) + 1;
            return anchor.plusWeeks(weeks);
        }
        int day = day(c, bcd);
        YearMonth base = YearMonth.from(anchor);
        if (cycleDate(base, day).isBefore(anchor)) {
            base = base.plusMonths(1);
        }
        // boundaries: the cycle dates of base, base + m, base + 2m, ...
        long k = Math.max(0, ChronoUnit.MONTHS.between(base, YearMonth.from(from)) / m - 1);
        LocalDate b = cycleDate(base.plusMonths(k * m), day);
        while (!b.isAfter(from)) {
            k++;
            b = cycleDate(base.plusMonths(k * m), day);
        }
        return b;
    }

    /** The first day of the full period that ends at the boundary {@code end}. */
    static LocalDate fullPeriodStart(Model.Charge c, int bcd, LocalDate end) {
        int m = months(c.billingPeriod);
        if (m == 0) {
            return end.minusWeeks(1);
        }
        return cycleDate(YearMonth.from(end).minusMonths(m), day(c, bcd));
    }

    /** One piece of [from, to) inside one period: its days as a share of that full period. */
    record Piece(LocalDate from, LocalDate to, BigDecimal factor) {}

    /** [from, to) cut at the charge's period boundaries, each piece with its factor (1 for a whole period). */
    static List<Piece> pieces(Model.Charge c, int bcd, LocalDate from, LocalDate to) {
        List<Piece> out = new ArrayList<>();
        LocalDate a = from;
        while (a.isBefore(to)) {
            LocalDate boundary = nextBoundary(c, bcd, a);
            LocalDate e = boundary.isAfter(to) ? to : boundary;
            out.add(new Piece(a, e, factor(c, bcd, a, e, boundary)));
            a = e;
        }
        return out;
    }

    private static BigDecimal factor(Model.Charge c, int bcd, LocalDate from, LocalDate to, LocalDate boundary) {
        LocalDate periodStart = fullPeriodStart(c, bcd, boundary);
        if (from.equals(periodStart) && to.equals(boundary)) {
            return BigDecimal.ONE;
        }
        long days = ChronoUnit.DAYS.between(from, to);
        long periodDays = ChronoUnit.DAYS.between(periodStart, boundary);
        return BigDecimal.valueOf(days).divide(BigDecimal.valueOf(periodDays), FACTOR_SCALE, RoundingMode.HALF_UP);
    }

    /** The amount of one period (or of a one-time charge) before discounts. */
    static BigDecimal amount(Model.Charge c) {
        BigDecimal qty = c.quantity == null ? BigDecimal.ONE : c.quantity;
        String model = c.model == null ? "FlatFee" : c.model;
        switch (model) {
            case "PerUnit":
                return nz(c.price).multiply(qty);
            case "Tiered": {
                BigDecimal total = BigDecimal.ZERO;
                for (Catalog.Tier t : c.tiers) {
                    BigDecimal from = t.startingUnit().max(BigDecimal.ONE).subtract(BigDecimal.ONE);
                    BigDecimal to = t.endingUnit() == null ? qty : t.endingUnit().min(qty);
                    BigDecimal units = to.subtract(from);
                    if (units.signum() > 0) {
                        total = total.add("FlatFee".equals(t.priceFormat()) ? t.price() : t.price().multiply(units));
                    }
                }
                return total;
            }
            case "Volume":
                for (Catalog.Tier t : c.tiers) {
                    if (qty.compareTo(t.startingUnit()) >= 0 && (t.endingUnit() == null || qty.compareTo(t.endingUnit()) <= 0)) {
                        return "FlatFee".equals(t.priceFormat()) ? t.price() : t.price().multiply(qty);
                    }
                }
                return BigDecimal.ZERO;
            default:
                return nz(c.price);
        }
    }

    private static BigDecimal nz(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }

    /** The currency's decimals (ISO 4217: EUR 2, JPY 0, KWD 3); 2 when unknown. */
    static int decimals(String currency) {
        try {
            int d = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
            return d < 0 ? 2 : d;
        } catch (RuntimeException e) {
            return 2;
        }
    }

    static BigDecimal round(BigDecimal amount, String currency) {
        return amount.setScale(decimals(currency), RoundingMode.HALF_UP);
    }

    private static boolean prorated(Model.Charge c) {
        return "Recurring".equals(c.type) && !c.isDiscount() && !"IN_ARREARS".equals(c.billingTiming);
    }

    /**
     * A charge update effective {@code date}: {@code before} is the charge as it was (its segment ends at
     * {@code date}), {@code c} the charge as it is now (its new segment starts then). Inside a billed period, the
     * unused part of the old segment is credited and the rest of the period charged at the new one.
     */
    static void update(Model.Subscription s, int bcd, Model.Charge before, Model.Charge c, LocalDate date) {
        LocalDate ctd = before.chargedThroughDate;
        boolean billedPast = ctd != null && date.isBefore(ctd);
        if (billedPast && prorated(c)) {
            for (Piece p : pieces(c, bcd, date, ctd)) {
                addPending(s, item(s, before, p.from(), p.to(), amount(before).multiply(p.factor()).negate(), p.factor().negate()));
                addPending(s, item(s, c, p.from(), p.to(), amount(c).multiply(p.factor()), p.factor()));
            }
        }
        before.effectiveEndDate = date;
        if (ctd != null && ctd.isAfter(date)) {
            before.chargedThroughDate = date;
        }
        c.chargedThroughDate = billedPast ? ctd : null;
    }

    /** The charge ends on {@code date} (removal, cancellation): the days already billed after it are credited. */
    static void end(Model.Subscription s, int bcd, Model.Charge c, LocalDate date) {
        LocalDate ctd = c.chargedThroughDate;
        if (ctd != null && date.isBefore(ctd) && prorated(c)) {
            for (Piece p : pieces(c, bcd, date, ctd)) {
                addPending(s, item(s, c, p.from(), p.to(), amount(c).multiply(p.factor()).negate(), p.factor().negate()));
            }
            c.chargedThroughDate = date;
        }
        c.effectiveEndDate = date;
    }

    private static void addPending(Model.Subscription s, Model.InvoiceItem item) {
        if (item.amount.signum() != 0) {
            s.pendingItems.add(item);
        }
    }

    /** Bills what is due on the subscription up to the target date (bill cycle day 0: align to each charge). */
    static List<Model.InvoiceItem> billDue(Model.Subscription s, LocalDate targetDate) {
        return billDue(s, 0, targetDate, List.of());
    }

    /**
     * Bills what is due on the subscription up to the target date, moving charged-through dates; answers the items
     * (charges, then their discounts). {@code excludeTypes}: charge types a bill run leaves out.
     */
    static List<Model.InvoiceItem> billDue(Model.Subscription s, int bcd, LocalDate targetDate, List<String> excludeTypes) {
        List<Model.InvoiceItem> items = new ArrayList<>();
        Iterator<Model.InvoiceItem> pending = s.pendingItems.iterator();
        while (pending.hasNext()) {
            Model.InvoiceItem p = pending.next();
            if (!p.serviceStartDate.isAfter(targetDate) && !excludeTypes.contains(p.chargeType)) {
                items.add(p);
                pending.remove();
            }
        }
        List<Model.Charge> discounts = new ArrayList<>();
        for (Model.RatePlan rp : s.ratePlans) {
            for (Model.Charge current : rp.charges) {
                if (current.isDiscount()) {
                    discounts.addAll(current.earlierSegments);
                    discounts.add(current);
                    continue;
                }
                if (excludeTypes.contains(current.type)) {
                    continue;
                }
                List<Model.Charge> segments = new ArrayList<>(current.earlierSegments);
                segments.add(current);
                for (Model.Charge c : segments) {
                    billSegment(s, bcd, c, targetDate, items);
                }
            }
        }
        List<Model.InvoiceItem> discountItems = new ArrayList<>();
        for (Model.InvoiceItem item : items) {
            if (!"Charge".equals(item.processingType)) {
                continue;
            }
            for (Model.Charge d : discounts) {
                if (!appliesTo(d, item.chargeType) || d.effectiveStartDate == null
                        || d.effectiveStartDate.isAfter(item.serviceStartDate)) {
                    continue;
                }
                boolean credit = item.amount.signum() < 0;
                boolean active = credit
                        ? d.chargedThroughDate != null && d.chargedThroughDate.isAfter(item.serviceStartDate)
                        : d.effectiveEndDate == null || item.serviceStartDate.isBefore(d.effectiveEndDate);
                if (!active) {
                    continue;
                }
                BigDecimal off;
                if ("DiscountFixedAmount".equals(d.model)) {
                    BigDecimal fixed = nz(d.price).multiply(item.factor.abs());
                    off = fixed.min(item.amount.abs()).multiply(BigDecimal.valueOf(-item.amount.signum()));
                } else {
                    BigDecimal pct = d.discountPercentage != null ? d.discountPercentage : nz(d.price);
                    off = item.amount.multiply(pct).divide(BigDecimal.valueOf(100)).negate();
                }
                Model.InvoiceItem di = item(s, d, item.serviceStartDate, item.serviceEndDate.plusDays(1), off, item.factor);
                di.processingType = "Discount";
                di.appliedToItemId = item.id;
                di.quantity = BigDecimal.ONE;
                di.unitPrice = d.discountPercentage != null ? d.discountPercentage : nz(d.price);
                // the discount is taxed like the item it reduces
                di.taxable = item.taxable;
                di.taxCode = item.taxCode;
                di.taxMode = item.taxMode;
                if (di.amount.signum() != 0) {
                    discountItems.add(di);
                }
                if (!credit) {
                    LocalDate through = item.serviceEndDate.plusDays(1);
                    if (d.chargedThroughDate == null || through.isAfter(d.chargedThroughDate)) {
                        d.chargedThroughDate = through;
                    }
                }
            }
        }
        items.addAll(discountItems);
        return items;
    }

    private static void billSegment(Model.Subscription s, int bcd, Model.Charge c, LocalDate targetDate,
                                    List<Model.InvoiceItem> items) {
        if ("Usage".equals(c.type) || c.effectiveStartDate == null || c.effectiveStartDate.isAfter(targetDate)) {
            return;
        }
        if ("OneTime".equals(c.type)) {
            if (c.chargedThroughDate == null && (c.effectiveEndDate == null || c.effectiveEndDate.isAfter(c.effectiveStartDate))) {
                items.add(item(s, c, c.effectiveStartDate, c.effectiveStartDate.plusDays(1), amount(c), BigDecimal.ONE));
                c.chargedThroughDate = c.effectiveStartDate.plusDays(1);
            }
            return;
        }
        boolean arrears = "IN_ARREARS".equals(c.billingTiming);
        LocalDate start = c.chargedThroughDate == null ? c.effectiveStartDate : c.chargedThroughDate;
        while (c.effectiveEndDate == null || start.isBefore(c.effectiveEndDate)) {
            LocalDate boundary = nextBoundary(c, bcd, start);
            LocalDate end = c.effectiveEndDate != null && c.effectiveEndDate.isBefore(boundary) ? c.effectiveEndDate : boundary;
            boolean due = arrears ? !end.isAfter(targetDate) : !start.isAfter(targetDate);
            if (!due) {
                break;
            }
            BigDecimal f = factor(c, bcd, start, end, boundary);
            items.add(item(s, c, start, end, amount(c).multiply(f), f));
            c.chargedThroughDate = end;
            start = end;
        }
    }

    /** Whether a discount applies to items of a charge type ({@code applyDiscountTo}; none given: all types). */
    static boolean appliesTo(Model.Charge discount, String chargeType) {
        String to = discount.applyDiscountTo;
        if (to == null || to.isBlank()) {
            return true;
        }
        String u = to.toUpperCase(java.util.Locale.ROOT);
        switch (chargeType == null ? "" : chargeType) {
            case "OneTime": return u.contains("ONETIME");
            case "Recurring": return u.contains("RECURRING");
            case "Usage": return u.contains("USAGE");
            default: return false;
        }
    }

    /** An item of charge {@code c} for [from, to) (to exclusive), its amount rounded to the currency. */
    private static Model.InvoiceItem item(Model.Subscription s, Model.Charge c, LocalDate from, LocalDate to,
                                          BigDecimal amount, BigDecimal factor) {
        Model.InvoiceItem i = new Model.InvoiceItem();
        i.subscriptionNumber = s.number;
        i.subscriptionId = s.id;
        i.chargeId = c.id;
        i.chargeNumber = c.number;
        i.chargeName = c.name;
        i.chargeType = c.type;
        i.productRatePlanChargeId = c.productRatePlanChargeId;
        i.uom = c.uom;
        i.quantity = c.quantity == null ? BigDecimal.ONE : c.quantity;
        i.unitPrice = c.price;
        i.amount = round(amount, c.currency == null ? "USD" : c.currency);
        i.factor = factor;
        i.serviceStartDate = from;
        i.serviceEndDate = to.isAfter(from) ? to.minusDays(1) : from;
        i.taxable = c.taxable;
        i.taxCode = c.taxCode;
        i.taxMode = c.taxMode;
        return i;
    }

    /** Monthly recurring revenue of a charge (for contractedMrr): the period amount scaled to a month. */
    static BigDecimal mrr(Model.Charge c) {
        if (!"Recurring".equals(c.type) || c.isDiscount()) {
            return BigDecimal.ZERO;
        }
        int months = months(c.billingPeriod);
        BigDecimal a = amount(c);
        if (months == 0) {
            return a.multiply(BigDecimal.valueOf(52)).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
        }
        return a.divide(BigDecimal.valueOf(months), 2, RoundingMode.HALF_UP);
    }

    /**
     * Monthly recurring revenue of the charges in force of a subscription, percentage discounts taken off the
     * recurring charges they apply to (Zuora's contractedMrr is net of discounts).
     */
    static BigDecimal mrr(Model.Subscription s) {
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal off = BigDecimal.ZERO;
        List<Model.Charge> active = s.ratePlans.stream().filter(rp -> !rp.removed).flatMap(rp -> rp.charges.stream()).toList();
        for (Model.Charge c : active) {
            gross = gross.add(mrr(c));
        }
        for (Model.Charge d : active) {
            if ("DiscountPercentage".equals(d.model) && appliesTo(d, "Recurring")) {
                BigDecimal pct = d.discountPercentage != null ? d.discountPercentage : nz(d.price);
                off = off.add(gross.multiply(pct).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
            }
        }
        return gross.subtract(off);
    }
}
