package com.subscriptionsuite.domain.voucher;

import java.util.List;
import java.util.Objects;

/**
 * A campaign as a tenant file defines it, with the codes it lists (as written: normalising them is
 * part of the checks). A single-use campaign may list none and get its codes by import later.
 */
public record CampaignCodes(Campaign campaign, List<String> codes) {
    public CampaignCodes {
        Objects.requireNonNull(campaign, "campaign");
        codes = List.copyOf(codes);
    }
}
