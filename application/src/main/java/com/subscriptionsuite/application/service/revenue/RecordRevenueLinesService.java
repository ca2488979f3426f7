package com.subscriptionsuite.application.service.revenue;

import com.subscriptionsuite.application.port.in.revenue.RecordRevenueLines;
import com.subscriptionsuite.application.port.in.revenue.RevenueFailure;
import com.subscriptionsuite.application.port.in.revenue.RevenueLine;
import com.subscriptionsuite.application.port.out.revenue.RevenueBatches;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.joda.money.CurrencyUnit;
import org.joda.money.IllegalCurrencyException;

/** Checks every line, then records the new ones in one statement batch. */
final class RecordRevenueLinesService implements RecordRevenueLines {
    private static final int MAX_TEXT = 255;

    private final RevenueBatches batches;
    private final Clock clock;

    RecordRevenueLinesService(RevenueBatches batches, Clock clock) {
        this.batches = batches;
        this.clock = clock;
    }

    @Override
    public Either<RevenueFailure, Recorded> record(long tenantId, List<RevenueLine> lines) {
        List<RevenueFailure.Problem> problems = new ArrayList<>();
        if (lines == null || lines.isEmpty()) {
            problems.add(new RevenueFailure.Problem(0, "lines", "at least one line is required"));
            return Either.left(new RevenueFailure.LinesInvalid(problems));
        }
        Set<String> seen = new HashSet<>();
        List<RevenueLine> unique = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            RevenueLine line = lines.get(i);
            if (line == null) {
                problems.add(new RevenueFailure.Problem(i, "line", "is null"));
                continue;
            }
            check(i, line, problems);
            if (line.sourceId() != null && seen.add(line.sourceId())) {
                unique.add(line);
            }
        }
        if (!problems.isEmpty()) {
            return Either.left(new RevenueFailure.LinesInvalid(problems));
        }
        int recorded = batches.record(tenantId, unique, clock.instant());
        return Either.right(new Recorded(recorded, lines.size() - recorded));
    }

    private static void check(int i, RevenueLine l, List<RevenueFailure.Problem> problems) {
        text(i, "source_id", l.sourceId(), true, problems);
        if (l.sourceId() != null && !l.sourceId().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            problems.add(new RevenueFailure.Problem(i, "source_id", "must be printable ASCII without spaces"));
        }
        if (l.kind() == null) {
            problems.add(new RevenueFailure.Problem(i, "kind", "is required"));
        }
        text(i, "order_number", l.orderNumber(), true, problems);
        if (l.lineNumber() < 1) {
            problems.add(new RevenueFailure.Problem(i, "line_number", "must be positive"));
        }
        text(i, "customer_number", l.customerNumber(), true, problems);
        text(i, "customer_name", l.customerName(), false, problems);
        text(i, "suite_product", l.suiteProduct(), true, problems);
        text(i, "rate_plan", l.ratePlan(), false, problems);
        text(i, "charge", l.charge(), false, problems);
        if (l.quantity() == null) {
            problems.add(new RevenueFailure.Problem(i, "quantity", "is required"));
        }
        if (l.currency() == null) {
            problems.add(new RevenueFailure.Problem(i, "currency", "is required"));
        } else {
            try {
                CurrencyUnit.of(l.currency());
            } catch (IllegalCurrencyException e) {
                problems.add(new RevenueFailure.Problem(i, "currency", "is not an ISO 4217 currency code"));
            }
        }
        amount(i, "unit_list_price", l.unitListPrice(), true, problems);
        amount(i, "unit_sell_price", l.unitSellPrice(), true, problems);
        amount(i, "extended_list_price", l.extendedListPrice(), true, problems);
        amount(i, "extended_sell_price", l.extendedSellPrice(), true, problems);
        amount(i, "tax_amount", l.taxAmount(), false, problems);
        if (l.bookedOn() == null) {
            problems.add(new RevenueFailure.Problem(i, "booked_on", "is required"));
        }
        if (l.startsOn() == null) {
            problems.add(new RevenueFailure.Problem(i, "starts_on", "is required"));
        }
        if (l.startsOn() != null && l.endsOn() != null && l.endsOn().isBefore(l.startsOn())) {
            problems.add(new RevenueFailure.Problem(i, "ends_on", "is before starts_on"));
        }
    }

    private static void text(int i, String field, String value, boolean required,
            List<RevenueFailure.Problem> problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new RevenueFailure.Problem(i, field, "is required"));
            }
        } else if (value.length() > MAX_TEXT) {
            problems.add(new RevenueFailure.Problem(i, field, "is longer than " + MAX_TEXT + " characters"));
        }
    }

    private static void amount(int i, String field, BigDecimal value, boolean required,
            List<RevenueFailure.Problem> problems) {
        if (value == null) {
            if (required) {
                problems.add(new RevenueFailure.Problem(i, field, "is required"));
            }
        } else if (value.scale() > 6 || value.precision() - value.scale() > 14) {
            problems.add(new RevenueFailure.Problem(i, field, "has more than 14 integer or 6 decimal digits"));
        }
    }
}
