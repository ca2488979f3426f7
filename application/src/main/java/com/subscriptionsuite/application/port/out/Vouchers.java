package com.subscriptionsuite.application.port.out;

import com.subscriptionsuite.domain.voucher.Campaign;
import com.subscriptionsuite.domain.voucher.CodeState;
import com.subscriptionsuite.domain.voucher.Hold;
import com.subscriptionsuite.domain.voucher.Redemption;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;

/**
 * Campaigns, their codes, holds and redemptions, per tenant. Codes are stored normalised (upper
 * case). Holds expire by time alone: a hold whose {@code expiresAt} has passed counts for nothing,
 * without any job having to remove it.
 */
public interface Vouchers {
    /**
     * The state of a code as seen by {@code userId} at {@code now}, with the code locked until the
     * running unit of work ({@link Transactions}) ends, so that a decision taken on it and the write
     * that follows are atomic against every other server instance. None for an unknown code.
     */
    Option<CodeState> lockCode(long tenantId, String code, long userId, Instant now);

    /** The same state, read without a lock (for previews, which change nothing). */
    Option<CodeState> readCode(long tenantId, String code, long userId, Instant now);

    /** Stores a new hold (the caller decided on the locked state). */
    void addHold(Hold hold);

    /** Turns the user's active hold of the code into this redemption (the caller decided on the locked state). */
    void redeem(Redemption redemption);

    /** Creates or updates a campaign (its codes stay as they are). */
    void defineCampaign(long tenantId, Campaign campaign);

    /**
     * Adds codes to a campaign in one unit: codes the campaign already has are left alone; returns
     * how many were new. The caller has checked that none belongs to another campaign.
     */
    int addCodes(long tenantId, long campaignId, List<String> codes);

    /** Of these codes, those that the tenant already has in a campaign other than {@code campaignId}. */
    List<String> codesOfOtherCampaigns(long tenantId, long campaignId, List<String> codes);

    Option<Campaign> campaign(long tenantId, long campaignId);

    List<Campaign> campaigns(long tenantId);
}
