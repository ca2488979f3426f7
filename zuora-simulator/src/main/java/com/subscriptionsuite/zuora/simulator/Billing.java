package com.subscriptionsuite.zuora.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the simulator prices. Per charge and billing period: PerUnit = price x quantity, FlatFee = price,
 * Tiered = each tier's units at its price (or its flat fee), Volume = the tier holding the quantity, for all units;
 * DiscountPercentage = minus the percentage of the subscription's other items on the same invoice. One-time
 * charges are billed once; recurring IN_ADVANCE charges period by period from their start (aligned to the charge,
 * not to the bill cycle day) while the period starts on or before the target date; IN_ARREARS periods once they
 * have ended; usage never. A change of an IN_ADVANCE recurring charge inside a period already billed (quantity or
 * price update, removal, cancellation) is prorated by day over that period and invoiced with the next billing run
 * (a credit is a negative line). No tax, no credit memos.
 */
final class Billing {
    private Billing() {}

    static LocalDate periodEnd(LocalDate start, String billingPeriod) {
        String p = billingPeriod == null ? "Month" : billingPeriod;
        switch (p) {
            case "Week": return start.plusWeeks(1);
            case "Quarter": return start.plusMonths(3);
            case "Semi_Annual": return start.plusMonths(6);
            case "Annual": return start.plusYears(1);
            case "Eighteen_Months": return start.plusMonths(18);
            case "Two_Years": return start.plusYears(2);
            case "Three_Years": return start.plusYears(3);
            case "Five_Years": return start.plusYears(5);
            default: return start.plusMonths(1);
        }
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

    static LocalDate periodStartBefore(LocalDate end, String billingPeriod) {
        String p = billingPeriod == null ? "Month" : billingPeriod;
        switch (p) {
            case "Week": return end.minusWeeks(1);
            case "Quarter": return end.minusMonths(3);
            case "Semi_Annual": return end.minusMonths(6);
            case "Annual": return end.minusYears(1);
            case "Eighteen_Months": return end.minusMonths(18);
            case "Two_Years": return end.minusYears(2);
            case "Three_Years": return end.minusYears(3);
            case "Five_Years": return end.minusYears(5);
            default: return end.minusMonths(1);
        }
    }

    /**
     * Records the proration of a change from {@code oldAmount} to the charge's amount now ({@code ended}: the charge
     * stops, amount 0) effective {@code date}, when the charge was already billed past that date.
     */
    static void prorate(Model.Subscription s, Model.Charge c, BigDecimal oldAmount, LocalDate date, boolean ended) {
        if (!"Recurring".equals(c.type) || c.isDiscount() || "IN_ARREARS".equals(c.billingTiming)
                || c.chargedThroughDate == null || !date.isBefore(c.chargedThroughDate)) {
            return;
        }
        LocalDate ctd = c.chargedThroughDate;
        LocalDate periodStart = periodStartBefore(ctd, c.billingPeriod);
        long periodDays = java.time.temporal.ChronoUnit.DAYS.between(periodStart, ctd);
        long days = java.time.temporal.ChronoUnit.DAYS.between(date, ctd);
        BigDecimal newAmount = ended ? BigDecimal.ZERO : amount(c);
        BigDecimal delta = newAmount.subtract(oldAmount).multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(periodDays), 2, RoundingMode.HALF_UP);
        if (delta.signum() != 0) {
            s.pendingItems.add(new Model.InvoiceItem(Ids.newId(), s.number, c.number, c.name + " (proration)", c.type,
                    c.quantity == null ? BigDecimal.ONE : c.quantity, delta, date, ctd.minusDays(1)));
        }
        if (ended) {
            c.chargedThroughDate = date;
        }
    }

    /** Bills what is due on the subscription up to the target date, moving charged-through dates; answers the items. */
    static List<Model.InvoiceItem> billDue(Model.Subscription s, LocalDate targetDate) {
        List<Model.InvoiceItem> items = new ArrayList<>();
        java.util.Iterator<Model.InvoiceItem> pending = s.pendingItems.iterator();
        while (pending.hasNext()) {
            Model.InvoiceItem p = pending.next();
            if (!p.serviceStartDate().isAfter(targetDate)) {
                items.add(p);
                pending.remove();
            }
        }
        List<Model.Charge> discounts = new ArrayList<>();
        for (Model.RatePlan rp : s.ratePlans) {
            for (Model.Charge c : rp.charges) {
                if (c.isDiscount()) {
                    if (!rp.removed) {
                        discounts.add(c);
                    }
                    continue;
                }
                if ("Usage".equals(c.type) || c.effectiveStartDate == null || c.effectiveStartDate.isAfter(targetDate)) {
                    continue;
                }
                if ("OneTime".equals(c.type)) {
                    if (c.chargedThroughDate == null) {
                        items.add(item(s, c, c.effectiveStartDate, c.effectiveStartDate));
                        c.chargedThroughDate = c.effectiveStartDate.plusDays(1);
                    }
                    continue;
                }
                boolean arrears = "IN_ARREARS".equals(c.billingTiming);
                LocalDate start = c.chargedThroughDate == null ? c.effectiveStartDate : c.chargedThroughDate;
                while (c.effectiveEndDate == null || start.isBefore(c.effectiveEndDate)) {
                    LocalDate end = periodEnd(start, c.billingPeriod);
                    boolean due = arrears ? !end.isAfter(targetDate) : !start.isAfter(targetDate);
                    if (!due) {
                        break;
                    }
                    items.add(item(s, c, start, end.minusDays(1)));
                    c.chargedThroughDate = end;
                    start = end;
                }
            }
        }
        if (!items.isEmpty()) {
            BigDecimal base = items.stream().map(Model.InvoiceItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            for (Model.Charge d : discounts) {
                BigDecimal pct = d.discountPercentage != null ? d.discountPercentage : nz(d.price);
                BigDecimal off = base.multiply(pct).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP).negate();
                items.add(new Model.InvoiceItem(Ids.newId(), s.number, d.number, d.name, d.type, BigDecimal.ONE, off,
                        items.get(0).serviceStartDate(), items.get(0).serviceEndDate()));
                d.chargedThroughDate = items.get(0).serviceEndDate().plusDays(1);
            }
        }
        return items;
    }

    private static Model.InvoiceItem item(Model.Subscription s, Model.Charge c, LocalDate from, LocalDate to) {
        BigDecimal amount = amount(c).setScale(2, RoundingMode.HALF_UP);
        return new Model.InvoiceItem(Ids.newId(), s.number, c.number, c.name, c.type,
                c.quantity == null ? BigDecimal.ONE : c.quantity, amount, from, to);
    }

    /** Monthly recurring revenue of a charge (for contractedMrr), rough: the period amount scaled to a month. */
    static BigDecimal mrr(Model.Charge c) {
        if (!"Recurring".equals(c.type) || c.isDiscount()) {
            return BigDecimal.ZERO;
        }
        BigDecimal a = amount(c);
        String p = c.billingPeriod == null ? "Month" : c.billingPeriod;
        int months;
        switch (p) {
            case "Quarter": months = 3; break;
            case "Semi_Annual": months = 6; break;
            case "Annual": months = 12; break;
            case "Eighteen_Months": months = 18; break;
            case "Two_Years": months = 24; break;
            case "Three_Years": months = 36; break;
            case "Five_Years": months = 60; break;
            default: months = 1;
        }
        return a.divide(BigDecimal.valueOf(months), 2, RoundingMode.HALF_UP);
    }
}
