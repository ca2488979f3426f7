package com.subscriptionsuite.domain.voucher;

import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.tenant.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of voucher campaigns (domain-rules §6) as a tenant file defines them, and of a code
 * import (a CSV file) into one campaign. Like {@code TenantRules}, each check reports every problem
 * it finds, never only the first, each with its path: {@code $.campaigns[2].valid_until},
 * {@code $.campaigns[1].codes[17]} in a tenant file, {@code line 42} in an import.
 *
 * <p>What needs stored data (a code another campaign of the tenant already has) is the caller's to
 * check; these rules see only their input and the catalog.
 */
public final class CampaignRules {
    /** At most this many codes per imported file (split bigger imports). */
    public static final int MAX_CODES_PER_IMPORT = 100_000;

    private static final String SHAPE = "3 to 64 letters, digits, '-' or '_'; case does not matter";

    private CampaignRules() {
    }

    /** Where the {@code code}-th code of the {@code campaign}-th campaign is written (both from 0). */
    @FunctionalInterface
    public interface CodePaths {
        String of(int campaign, int code);

        /** {@code $.campaigns[i].codes[j]}: every code is in the campaign's {@code codes} array. */
        CodePaths IN_CODES_ARRAY = (campaign, code) -> campaignPath(campaign) + ".codes[" + code + "]";
    }

    /** The path of the {@code index}-th campaign (from 0) in a tenant file. */
    public static String campaignPath(int index) {
        return "$.campaigns[" + index + "]";
    }

    /** {@link #check(Catalog, List, CodePaths)} with every code in its campaign's {@code codes} array. */
    public static List<Problem> check(Catalog catalog, List<CampaignCodes> campaigns) {
        return check(catalog, campaigns, CodePaths.IN_CODES_ARRAY);
    }

    /**
     * Checks campaigns against the catalog they belong to and against each other.
     *
     * @param codePaths where each code was written (a tenant file may list codes in a separate CSV
     *                  file, whose lines are the better place to point at)
     * @return every problem found, campaign by campaign; empty when the campaigns may be defined
     */
    public static List<Problem> check(Catalog catalog, List<CampaignCodes> campaigns, CodePaths codePaths) {
        List<Problem> problems = new ArrayList<>();
        Map<Long, Integer> ids = new HashMap<>();
        Map<String, String> codes = new HashMap<>();
        for (int i = 0; i < campaigns.size(); i++) {
            Campaign c = campaigns.get(i).campaign();
            String path = campaignPath(i);
            Integer first = ids.putIfAbsent(c.id(), i);
            if (first != null) {
                problems.add(new Problem(path + ".id", "campaign id " + c.id() + " is listed twice (also at "
                        + campaignPath(first) + ")"));
            }
            if (c.name().isBlank()) {
                problems.add(new Problem(path + ".name", "a campaign name must not be blank"));
            }
            discountRatePlan(catalog, c, path, problems);
            if (c.validFrom() != null && c.validUntil() != null && !c.validUntil().isAfter(c.validFrom())) {
                problems.add(new Problem(path + ".valid_until", "valid_until " + c.validUntil()
                        + " must be after valid_from " + c.validFrom() + " (valid_until is exclusive)"));
            }
            pages(catalog, c, path, problems);
            limits(c, path, problems);
            List<String> raw = campaigns.get(i).codes();
            if (c.kind() == CodeKind.MULTI_USE && raw.size() != 1) {
                problems.add(new Problem(path + ".codes", "a multi-use campaign has exactly one code; found "
                        + (raw.isEmpty() ? "none" : raw.size())));
            }
            for (int j = 0; j < raw.size(); j++) {
                String codePath = codePaths.of(i, j);
                String written = raw.get(j);
                VoucherRules.normalize(written)
                        .peekLeft(malformed -> problems.add(new Problem(codePath, malformed(written))))
                        .forEach(code -> {
                            String firstAt = codes.putIfAbsent(code, codePath);
                            if (firstAt != null) {
                                problems.add(new Problem(codePath, twice(code, firstAt)));
                            }
                        });
            }
        }
        return List.copyOf(problems);
    }

    private static void discountRatePlan(Catalog catalog, Campaign c, String path, List<Problem> problems) {
        String at = path + ".discount_rate_plan_id";
        catalog.ratePlan(c.discountRatePlanId())
                .onEmpty(() -> problems.add(new Problem(at, "no rate plan with id " + c.discountRatePlanId())))
                .forEach(plan -> discountCharges(plan, at, problems));
    }

    private static void discountCharges(RatePlan plan, String at, List<Problem> problems) {
        if (plan.charges().isEmpty()) {
            problems.add(new Problem(at, "rate plan " + plan.id() + " has no charges; a campaign's rate plan "
                    + "must consist of discount charges (DiscountPercentage or DiscountFixedAmount)"));
            return;
        }
        for (Charge charge : plan.charges()) {
            if (!charge.model().isDiscount()) {
                problems.add(new Problem(at, "rate plan " + plan.id() + " is not a discount rate plan: its charge "
                        + charge.id() + " is a " + charge.model().wireName() + " charge; a campaign's rate plan must "
                        + "consist of discount charges (DiscountPercentage or DiscountFixedAmount)"));
                return;
            }
        }
    }

    private static void pages(Catalog catalog, Campaign c, String path, List<Problem> problems) {
        Map<Long, Integer> seen = new HashMap<>();
        for (int k = 0; k < c.pageIds().size(); k++) {
            long pageId = c.pageIds().get(k);
            String at = path + ".page_ids[" + k + "]";
            if (catalog.page(pageId).isEmpty()) {
                problems.add(new Problem(at, "no page with id " + pageId));
            }
            Integer first = seen.putIfAbsent(pageId, k);
            if (first != null) {
                problems.add(new Problem(at, "page " + pageId + " is listed twice (also at " + path + ".page_ids["
                        + first + "])"));
            }
        }
    }

    private static void limits(Campaign c, String path, List<Problem> problems) {
        if (c.kind() == CodeKind.SINGLE_USE) {
            if (c.totalLimit() != null) {
                problems.add(new Problem(path + ".total_limit", "a single-use campaign takes no total_limit: each of "
                        + "its codes is redeemable once"));
            }
            if (c.perCustomerLimit() != null) {
                problems.add(new Problem(path + ".per_customer_limit", "a single-use campaign takes no "
                        + "per_customer_limit: each of its codes is redeemable once"));
            }
            return;
        }
        positive(c.totalLimit(), path + ".total_limit", "total_limit", problems);
        positive(c.perCustomerLimit(), path + ".per_customer_limit", "per_customer_limit", problems);
    }

    private static void positive(Integer limit, String path, String name, List<Problem> problems) {
        if (limit != null && limit <= 0) {
            problems.add(new Problem(path, name + " must be greater than 0 (leave it out for no limit); found " + limit));
        }
    }

    private static String twice(String code, String firstAt) {
        return "code " + code + " is listed twice (also at " + firstAt + "; codes are compared without regard to case)";
    }

    private static String malformed(String raw) {
        return "'" + (raw == null ? "" : raw.strip()) + "' is not a voucher code (" + SHAPE + ")";
    }

    /**
     * Checks the codes of one file to be imported into {@code campaign}. Problems about the file as
     * a whole (path {@code file}: a multi-use campaign, which has its one code already; no codes;
     * more than {@link #MAX_CODES_PER_IMPORT}) are reported alone, without checking each line;
     * otherwise every malformed code and every repetition within the file, at {@code line N}
     * (the code's position in {@code codes}, from 1).
     */
    public static List<Problem> checkImport(Campaign campaign, List<String> codes) {
        List<Problem> problems = new ArrayList<>();
        if (campaign.kind() == CodeKind.MULTI_USE) {
            problems.add(new Problem("file", "campaign " + campaign.id() + " is a multi-use campaign: it has exactly "
                    + "one code, defined in the tenant file; only single-use campaigns import codes"));
        }
        if (codes.isEmpty()) {
            problems.add(new Problem("file", "the file holds no codes"));
        }
        if (codes.size() > MAX_CODES_PER_IMPORT) {
            problems.add(new Problem("file", "the file holds " + codes.size() + " codes; at most "
                    + MAX_CODES_PER_IMPORT + " may be imported at once (split the file)"));
        }
        if (!problems.isEmpty()) {
            return List.copyOf(problems);
        }
        Map<String, String> seen = new HashMap<>();
        for (int n = 0; n < codes.size(); n++) {
            String line = "line " + (n + 1);
            String written = codes.get(n);
            VoucherRules.normalize(written)
                    .peekLeft(malformed -> problems.add(new Problem(line, malformed(written))))
                    .forEach(code -> {
                        String firstAt = seen.putIfAbsent(code, line);
                        if (firstAt != null) {
                            problems.add(new Problem(line, twice(code, firstAt)));
                        }
                    });
        }
        return List.copyOf(problems);
    }
}
