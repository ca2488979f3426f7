package com.subscriptionsuite.adapters.persistence.voucher;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The voucher tables (schema {@code V3__vouchers}). */
interface VoucherDao {

    /** {@code kind} is the {@code CodeKind} name; null limits and dates mean "none". */
    record CampaignRow(long tenantId, long id, String name, long discountRatePlanId, Instant validFrom,
            Instant validUntil, String kind, Integer totalLimit, Integer perCustomerLimit) {
    }

    record PageRow(long tenantId, long campaignId, int position, long pageId) {
    }

    record CodeRow(String code, long campaignId) {
    }

    record CountsRow(long activeHolds, long redemptions, long callerRedemptions) {
    }

    /** A code's row as decisions read it: its campaign. */
    record LockedCodeRow(long campaignId) {
    }

    record HoldRow(long tenantId, String code, long campaignId, long userId, Instant heldAt, Instant expiresAt) {
    }

    /**
     * One row of {@link #VIEW}: the code's campaign, one of its pages (null: none), the caller's active
     * hold (nulls: none) and the caller's redemptions.
     */
    record ViewRow(long campaignId, String name, long discountRatePlanId, Instant validFrom, Instant validUntil,
            String kind, Integer totalLimit, Integer perCustomerLimit, Long pageId, Long holdCampaignId,
            Instant holdHeldAt, Instant holdExpiresAt, long callerRedemptions) {
    }


    // --- statements of the hot path, also run through the fluent API by JdbiVouchers ------------

    String VIEW = """
            SELECT c.campaign_id, k.name, k.discount_rate_plan_id, k.valid_from, k.valid_until, k.kind,
                   k.total_limit, k.per_customer_limit, p.page_id,
                   h.campaign_id AS hold_campaign_id, h.held_at AS hold_held_at, h.expires_at AS hold_expires_at,
                   (SELECT COUNT(*)
                      FROM voucher_redemption r
                     WHERE r.tenant_id = c.tenant_id AND r.code = c.code AND r.user_id = :userId)
                       AS caller_redemptions
              FROM voucher_code c
              JOIN voucher_campaign k ON k.tenant_id = c.tenant_id AND k.id = c.campaign_id
              LEFT JOIN voucher_campaign_page p ON p.tenant_id = k.tenant_id AND p.campaign_id = k.id
              LEFT JOIN voucher_hold h ON h.id = (SELECT x.id
                                                    FROM voucher_hold x
                                                   WHERE x.tenant_id = :tenantId AND x.code = :code
                                                     AND x.user_id = :userId AND x.consumed_at IS NULL
                                                     AND x.released_at IS NULL AND x.expires_at > :now
                                                   ORDER BY x.expires_at DESC, x.id DESC
                                                   LIMIT 1)
             WHERE c.tenant_id = :tenantId AND c.code = :code
             ORDER BY p.position
            """;

    String RESERVE = """
            UPDATE voucher_code
               SET reserved = reserved + 1
             WHERE tenant_id = :tenantId AND code = :code AND reserved < :limit
            """;

    String CONSUME_HOLDS = """
            UPDATE voucher_hold
               SET consumed_at = :at
             WHERE tenant_id = :tenantId AND code = :code AND user_id = :userId
               AND expires_at > :at AND consumed_at IS NULL AND released_at IS NULL
            """;

    String INSERT_REDEMPTION = """
            INSERT INTO voucher_redemption (tenant_id, code, campaign_id, user_id, redeemed_at)
            VALUES (:tenantId, :code, :campaignId, :userId, :at)
            """;

    String ADD_CUSTOMER_COUNT = """
            INSERT INTO voucher_code_user (tenant_id, code, user_id, redeemed)
            VALUES (:tenantId, :code, :userId, (SELECT COUNT(*)
                                                  FROM voucher_redemption
                                                 WHERE tenant_id = :tenantId AND code = :code AND user_id = :userId))
            ON CONFLICT DO NOTHING
            """;

    String COUNT_CUSTOMER_REDEMPTION = """
            UPDATE voucher_code_user
               SET redeemed = redeemed + 1
             WHERE tenant_id = :tenantId AND code = :code AND user_id = :userId AND redeemed < :limit
            """;

    String UNCOUNT_CUSTOMER_REDEMPTION = """
            UPDATE voucher_code_user
               SET redeemed = redeemed - 1
             WHERE tenant_id = :tenantId AND code = :code AND user_id = :userId
            """;

    /** Gives back {@code :released} of the code's taken slots. */
    String GIVE_BACK = """
            UPDATE voucher_code
               SET reserved = reserved - :released
             WHERE tenant_id = :tenantId AND code = :code
            """;

    /**
     * Whether the user has an active hold of the code already. Asked after the code's slot was taken: the
     * reservation's update holds the code's row lock, so a concurrent hold of the same user (another request,
     * another instance) has committed by then and is seen here.
     */
    String HOLDS_ALREADY = """
            SELECT COUNT(*) > 0
              FROM voucher_hold
             WHERE tenant_id = :tenantId AND code = :code AND user_id = :userId
               AND consumed_at IS NULL AND released_at IS NULL AND expires_at > :now
            """;

    String INSERT_HOLD = """
            INSERT INTO voucher_hold (tenant_id, code, campaign_id, user_id, held_at, expires_at, reserves)
            VALUES (:tenantId, :code, :campaignId, :userId, :heldAt, :expiresAt, :reserves)
            """;

    // --- one code -------------------------------------------------------------------------------

    /** The code's campaign, the code's row locked until the transaction ends (waits for another's lock). */
    @SqlQuery("""
            SELECT campaign_id
              FROM voucher_code
             WHERE tenant_id = :tenantId AND code = :code
               FOR UPDATE
            """)
    Optional<LockedCodeRow> lockCode(@Bind("tenantId") long tenantId, @Bind("code") String code);

    @SqlQuery("""
            SELECT campaign_id
              FROM voucher_code
             WHERE tenant_id = :tenantId AND code = :code
            """)
    Optional<LockedCodeRow> readCode(@Bind("tenantId") long tenantId, @Bind("code") String code);

    /**
     * Locks the code's row until the transaction ends, changing nothing (on PostgreSQL a no-key lock,
     * which, unlike {@code FOR UPDATE}, lets concurrent inserts of holds and redemptions check their
     * foreign key).
     */
    @SqlUpdate("""
            UPDATE voucher_code
               SET reserved = reserved
             WHERE tenant_id = :tenantId AND code = :code
            """)
    int lockReservations(@Bind("tenantId") long tenantId, @Bind("code") String code);

    /** Gives back the slots of the code's holds that expired unconsumed by {@code now}: how many. */
    @SqlUpdate("""
            UPDATE voucher_hold
               SET released_at = :now
             WHERE tenant_id = :tenantId AND code = :code AND consumed_at IS NULL AND released_at IS NULL
               AND expires_at <= :now AND reserves
            """)
    int releaseExpired(@Bind("tenantId") long tenantId, @Bind("code") String code, @Bind("now") Instant now);

    @SqlUpdate(GIVE_BACK)
    int giveBack(@Bind("tenantId") long tenantId, @Bind("code") String code, @Bind("released") long released);

    /**
     * After a campaign became limited: its unsettled holds reserve a slot, and each code's slots are
     * counted anew (redemptions and those holds).
     */
    @SqlUpdate("""
            UPDATE voucher_hold
               SET reserves = TRUE
             WHERE tenant_id = :tenantId AND consumed_at IS NULL AND released_at IS NULL AND NOT reserves
               AND code IN (SELECT code FROM voucher_code WHERE tenant_id = :tenantId AND campaign_id = :campaignId)
            """)
    int reserveUnsettledHolds(@Bind("tenantId") long tenantId, @Bind("campaignId") long campaignId);

    @SqlUpdate("""
            UPDATE voucher_code
               SET reserved = (SELECT COUNT(*)
                                 FROM voucher_redemption r
                                WHERE r.tenant_id = voucher_code.tenant_id AND r.code = voucher_code.code)
                            + (SELECT COUNT(*)
                                 FROM voucher_hold h
                                WHERE h.tenant_id = voucher_code.tenant_id AND h.code = voucher_code.code
                                  AND h.reserves AND h.consumed_at IS NULL AND h.released_at IS NULL)
             WHERE tenant_id = :tenantId AND campaign_id = :campaignId
            """)
    int recountReservations(@Bind("tenantId") long tenantId, @Bind("campaignId") long campaignId);

    /** The user's count of redemptions of the code, made from the redemptions if missing. */
    @SqlUpdate(ADD_CUSTOMER_COUNT)
    int addCustomerCount(@Bind("tenantId") long tenantId, @Bind("code") String code, @Bind("userId") long userId);

    /** Raises the user's count of redemptions of the code if it is below {@code limit}: 1, else 0. */
    @SqlUpdate(COUNT_CUSTOMER_REDEMPTION)
    int countCustomerRedemption(@Bind("tenantId") long tenantId, @Bind("code") String code,
            @Bind("userId") long userId, @Bind("limit") long limit);

    @SqlUpdate("""
            DELETE FROM voucher_code_user
             WHERE tenant_id = :tenantId
               AND code IN (SELECT code FROM voucher_code WHERE tenant_id = :tenantId AND campaign_id = :campaignId)
            """)
    int forgetCustomerCounts(@Bind("tenantId") long tenantId, @Bind("campaignId") long campaignId);

    /** A hold counts while it is unconsumed, not given back and {@code now < expires_at} (as {@code Hold.activeAt}). */
    @SqlQuery("""
            SELECT (SELECT COUNT(*)
                      FROM voucher_hold
                     WHERE tenant_id = :tenantId AND code = :code
                       AND consumed_at IS NULL AND released_at IS NULL AND expires_at > :now) AS active_holds,
                   (SELECT COUNT(*)
                      FROM voucher_redemption
                     WHERE tenant_id = :tenantId AND code = :code) AS redemptions,
                   (SELECT COUNT(*)
                      FROM voucher_redemption
                     WHERE tenant_id = :tenantId AND code = :code AND user_id = :userId) AS caller_redemptions
            """)
    CountsRow counts(@Bind("tenantId") long tenantId, @Bind("code") String code, @Bind("userId") long userId,
            @Bind("now") Instant now);

    /** The user's active hold of the code; of several (which the rules never make), the longest-lived. */
    @SqlQuery("""
            SELECT tenant_id, code, campaign_id, user_id, held_at, expires_at
              FROM voucher_hold
             WHERE tenant_id = :tenantId AND code = :code AND user_id = :userId
               AND expires_at > :now AND consumed_at IS NULL AND released_at IS NULL
             ORDER BY expires_at DESC, id DESC
             LIMIT 1
            """)
    Optional<HoldRow> callerHold(@Bind("tenantId") long tenantId, @Bind("code") String code,
            @Bind("userId") long userId, @Bind("now") Instant now);

    @SqlUpdate(INSERT_HOLD)
    void insertHold(@BindMethods HoldRow row, @Bind("reserves") boolean reserves);

    /**
     * Marks the user's active holds of the code consumed at {@code at}; how many. Of concurrent calls
     * one marks a hold, the others wait for its row and then find it consumed.
     */
    @SqlUpdate(CONSUME_HOLDS)
    int consumeHolds(@Bind("tenantId") long tenantId, @Bind("code") String code, @Bind("userId") long userId,
            @Bind("at") Instant at);

    @SqlUpdate(INSERT_REDEMPTION)
    void insertRedemption(@Bind("tenantId") long tenantId, @Bind("code") String code,
            @Bind("campaignId") long campaignId, @Bind("userId") long userId, @Bind("at") Instant at);

    // --- campaigns ------------------------------------------------------------------------------

    @SqlQuery("""
            SELECT tenant_id, id, name, discount_rate_plan_id, valid_from, valid_until, kind, total_limit,
                   per_customer_limit
              FROM voucher_campaign
             WHERE tenant_id = :tenantId AND id = :id
            """)
    Optional<CampaignRow> campaign(@Bind("tenantId") long tenantId, @Bind("id") long id);

    @SqlQuery("""
            SELECT tenant_id, id, name, discount_rate_plan_id, valid_from, valid_until, kind, total_limit,
                   per_customer_limit
              FROM voucher_campaign
             WHERE tenant_id = :tenantId
             ORDER BY id
            """)
    List<CampaignRow> campaigns(@Bind("tenantId") long tenantId);

    @SqlQuery("""
            SELECT tenant_id, campaign_id, position, page_id
              FROM voucher_campaign_page
             WHERE tenant_id = :tenantId AND campaign_id = :campaignId
             ORDER BY position
            """)
    List<PageRow> pages(@Bind("tenantId") long tenantId, @Bind("campaignId") long campaignId);

    @SqlQuery("""
            SELECT tenant_id, campaign_id, position, page_id
              FROM voucher_campaign_page
             WHERE tenant_id = :tenantId
             ORDER BY campaign_id, position
            """)
    List<PageRow> pagesOfTenant(@Bind("tenantId") long tenantId);

    @SqlUpdate("""
            UPDATE voucher_campaign
               SET name = :name, discount_rate_plan_id = :discountRatePlanId, valid_from = :validFrom,
                   valid_until = :validUntil, kind = :kind, total_limit = :totalLimit,
                   per_customer_limit = :perCustomerLimit
             WHERE tenant_id = :tenantId AND id = :id
            """)
    int updateCampaign(@BindMethods CampaignRow row);

    @SqlUpdate("""
            INSERT INTO voucher_campaign (tenant_id, id, name, discount_rate_plan_id, valid_from, valid_until,
                                          kind, total_limit, per_customer_limit)
            VALUES (:tenantId, :id, :name, :discountRatePlanId, :validFrom, :validUntil,
                    :kind, :totalLimit, :perCustomerLimit)
            """)
    void insertCampaign(@BindMethods CampaignRow row);

    @SqlUpdate("""
            DELETE FROM voucher_campaign_page
             WHERE tenant_id = :tenantId AND campaign_id = :campaignId
            """)
    int deletePages(@Bind("tenantId") long tenantId, @Bind("campaignId") long campaignId);

    @SqlBatch("""
            INSERT INTO voucher_campaign_page (tenant_id, campaign_id, position, page_id)
            VALUES (:tenantId, :campaignId, :position, :pageId)
            """)
    void insertPages(@BindMethods List<PageRow> rows);

    // --- codes ----------------------------------------------------------------------------------

    /** Which of these codes the tenant has, with their campaigns (at most a few thousand codes per call). */
    @SqlQuery("""
            SELECT code, campaign_id
              FROM voucher_code
             WHERE tenant_id = :tenantId AND code IN (<codes>)
            """)
    List<CodeRow> existing(@Bind("tenantId") long tenantId, @BindList("codes") Collection<String> codes);

    /**
     * Inserts the codes; one the tenant has by now (a concurrent import committed it) is skipped
     * (0 in its count) instead of failing the transaction.
     */
    @SqlBatch("""
            INSERT INTO voucher_code (tenant_id, code, campaign_id)
            VALUES (:tenantId, :code, :campaignId)
            ON CONFLICT DO NOTHING
            """)
    int[] insertCodes(@Bind("tenantId") long tenantId, @Bind("code") List<String> codes,
            @Bind("campaignId") long campaignId);
}
