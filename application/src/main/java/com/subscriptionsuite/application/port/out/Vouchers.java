package com.subscriptionsuite.application.port.out;

import com.subscriptionsuite.domain.voucher.Campaign;
import com.subscriptionsuite.domain.voucher.CodeState;
import com.subscriptionsuite.domain.voucher.CodeView;
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

    /**
     * The code as {@code userId} sees it at {@code now} (its campaign, the caller's active hold and
     * redemptions), read without any lock and without counting the code's holds or redemptions: what
     * {@link #hold} and {@link #consume} are decided on. None for an unknown code.
     */
    Option<CodeView> view(long tenantId, String code, long userId, Instant now);

    /**
     * Stores a new hold, in a unit of its own or the caller's. With {@code reservedLimit} null (a code
     * without a total limit) the hold is only inserted: nothing shared is written or locked. With a
     * limit the hold takes one of the code's {@code reservedLimit} slots in the same unit (one
     * conditional update), which it keeps until it is consumed (the slot becomes the redemption's) or
     * expires; when none is free, expired holds give theirs back and the slot is tried once more. False
     * (nothing stored) when the code is full: a slot is never given twice.
     */
    boolean hold(Hold hold, Integer reservedLimit);

    /** What {@link #consume} did. */
    enum Consumed {
        /** The user's active hold became the redemption. */
        REDEEMED,
        /** The user had no active hold at the redemption's instant (consumed, expired or given back): nothing written. */
        NOT_HELD,
        /** The user has redeemed the code {@code perCustomerLimit} times: nothing written. */
        CUSTOMER_LIMIT_REACHED
    }

    /**
     * Turns the user's active hold of the code into this redemption, exactly once, in a unit of its
     * own or the caller's: of concurrent calls for one hold one redeems and the others find it
     * {@link Consumed#NOT_HELD}. With a {@code perCustomerLimit} the user's count of redemptions of the
     * code is raised by one conditional update, refused at the limit. Writes nothing shared by all
     * users of the code.
     */
    Consumed consume(Redemption redemption, Integer perCustomerLimit);

    /**
     * Stores a new hold without a reservation (the caller decided on the locked state; a code with a
     * limit gets its holds through {@link #hold}).
     */
    void addHold(Hold hold);

    /**
     * Turns the user's active hold of the code into this redemption (the caller decided on the locked
     * state), keeping the user's count of redemptions of the code.
     */
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
