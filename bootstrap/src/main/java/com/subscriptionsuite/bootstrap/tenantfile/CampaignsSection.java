package com.subscriptionsuite.bootstrap.tenantfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.domain.voucher.Campaign;
import com.subscriptionsuite.domain.voucher.CodeKind;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads the optional top-level {@code campaigns} array: voucher campaigns with their codes, listed
 * in {@code codes} and/or in a CSV file named by {@code codes_file} (relative to the tenant file;
 * the reader opens it once the structure is clean).
 */
final class CampaignsSection {
    static final List<String> KINDS = List.of("single_use", "multi_use");

    private CampaignsSection() {
    }

    /** One campaign as written: the codes listed inline, and the codes file to add, if any. */
    record Entry(Campaign campaign, List<String> codes, String codesFile) {
        Entry {
            codes = List.copyOf(codes);
        }
    }

    static Option<Entry> campaign(Fields f) {
        long id = f.requiredLong("id");
        String name = f.requiredString("name");
        long ratePlanId = f.requiredLong("discount_rate_plan_id");
        Instant validFrom = instant(f, "valid_from");
        Instant validUntil = instant(f, "valid_until");
        List<Long> pageIds = f.ids("page_ids", false);
        String kind = f.requiredChoice("kind", KINDS);
        Integer totalLimit = f.optionalInteger("total_limit");
        Integer perCustomerLimit = f.optionalInteger("per_customer_limit");
        List<String> codes = f.strings("codes");
        String codesFile = f.optionalString("codes_file", null);
        if (codesFile != null && codesFile.isBlank()) {
            f.problem(f.path("codes_file"), "codes_file must name a file (relative to the tenant file)");
        }
        if (!f.finish()) {
            return Option.none();
        }
        CodeKind codeKind = kind.equals("multi_use") ? CodeKind.MULTI_USE : CodeKind.SINGLE_USE;
        return Option.some(new Entry(new Campaign(id, name, ratePlanId, validFrom, validUntil, pageIds, codeKind,
                totalLimit, perCustomerLimit), codes, codesFile));
    }

    /**
     * An optional moment: an ISO-8601 instant with {@code Z} or an offset
     * ({@code 2026-01-01T00:00:00Z}), or a date ({@code 2026-01-01}) meaning its midnight UTC.
     */
    private static Instant instant(Fields f, String name) {
        return f.field(name).map(v -> parseInstant(f, name, v)).getOrNull();
    }

    private static Instant parseInstant(Fields f, String name, JsonNode v) {
        String text = f.string(f.path(name), v);
        if (!v.isTextual()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            f.problem(f.path(name), "'" + text + "' is neither an instant (2026-01-01T00:00:00Z) nor a date "
                    + "(2026-01-01, meaning midnight UTC)");
            return null;
        }
    }
}
