package com.subscriptionsuite.application.port.in.voucher;

import com.subscriptionsuite.domain.voucher.Campaign;
import io.vavr.control.Either;
import java.util.List;

/**
 * Defines a tenant's voucher campaigns with their codes (from the tenant file) and imports more
 * codes into a campaign (a CSV import), each all or nothing: any problem (a discount rate plan the
 * catalog lacks, a malformed or duplicate code, a code of another campaign, a multi-use campaign
 * with more than one code ...) stores nothing and is reported with its path.
 */
public interface DefineCampaigns {
    Either<VoucherFailure, Defined> define(long tenantId, List<CampaignWithCodes> campaigns);

    Either<VoucherFailure, Imported> importCodes(long tenantId, long campaignId, List<String> codes);

    record CampaignWithCodes(Campaign campaign, List<String> codes) {
        public CampaignWithCodes {
            codes = List.copyOf(codes);
        }
    }

    record Defined(int campaigns, int newCodes) {
    }

    record Imported(int newCodes, int alreadyPresent) {
    }
}
