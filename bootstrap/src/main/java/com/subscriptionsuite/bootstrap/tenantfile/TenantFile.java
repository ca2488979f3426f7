package com.subscriptionsuite.bootstrap.tenantfile;

import com.subscriptionsuite.domain.tenant.Problem;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.domain.voucher.CampaignCodes;
import com.subscriptionsuite.domain.voucher.CampaignRules;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a tenant file defines: the tenant's definition and its voucher campaigns with their codes
 * (those listed in the file and those of each campaign's codes file, in that order).
 *
 * @param codePaths where each code is written: {@code $.campaigns[i].codes[j]} or
 *                  {@code $.campaigns[i].codes_file line N}
 */
public record TenantFile(TenantDefinition definition, List<CampaignCodes> campaigns,
        CampaignRules.CodePaths codePaths, List<WebhooksSection.Entry> webhooks) {
    private static final Pattern CODE_PATH = Pattern.compile("\\$\\.campaigns\\[([0-9]{1,9})]\\.codes\\[([0-9]{1,9})]");

    public TenantFile {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(codePaths, "codePaths");
        campaigns = List.copyOf(campaigns);
        webhooks = List.copyOf(webhooks);
    }

    public TenantFile(TenantDefinition definition, List<CampaignCodes> campaigns, CampaignRules.CodePaths codePaths) {
        this(definition, campaigns, codePaths, List.of());
    }

    /** How many codes the campaigns have in all. */
    public int codeCount() {
        return campaigns.stream().mapToInt(c -> c.codes().size()).sum();
    }

    /**
     * A problem at {@code $.campaigns[i].codes[j]} (how the campaign use case names the j-th code of
     * the i-th campaign) moved to where that code is written; any other problem as it is.
     */
    public Problem locate(Problem problem) {
        Matcher m = CODE_PATH.matcher(problem.path());
        if (m.matches()) {
            int campaign = Integer.parseInt(m.group(1));
            int code = Integer.parseInt(m.group(2));
            if (campaign < campaigns.size() && code < campaigns.get(campaign).codes().size()) {
                return new Problem(codePaths.of(campaign, code), problem.reason());
            }
        }
        return problem;
    }
}
