package com.subscriptionsuite.adapters.persistence.voucher;

import com.subscriptionsuite.adapters.persistence.UtcInstants;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterColumnMapper;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The voucher tables (schema {@code V3__vouchers}). */
@RegisterArgumentFactory(UtcInstants.Binding.class)
@RegisterColumnMapper(UtcInstants.Reading.class)
@RegisterConstructorMapper(VoucherDao.CampaignRow.class)
@RegisterConstructorMapper(VoucherDao.PageRow.class)
@RegisterConstructorMapper(VoucherDao.CodeRow.class)
@RegisterConstructorMapper(VoucherDao.CountsRow.class)
@RegisterConstructorMapper(VoucherDao.HoldRow.class)
interface VoucherDao {

    /** {@code kind} is the {@code CodeKind} name; null limits and dates mean "none". */
    record CampaignRow(long tenantId, long id, String name, long discountRatePlanId, Instant validFrom,
            Instant validUntil, String kind, Integer totalLimit, Integer perCustomerLimit) {
    }

    record PageRow(long tenantId, long campaignId, int position, long pageId) {
    }

    record CodeRow(String code, long campaignId) {
    }

    record CountsRow(long activeHolds, long callerRedemptions) {
    }

    /** A code's row as decisions read it: its campaign and how often it was redeemed (kept by {@code redeem}). */
    record LockedCodeRow(long campaignId, long redemptions) {
    }

    record HoldRow(long tenantId, String code, long campaignId, long userId, Instant heldAt, Instant expiresAt) {
    }

    // --- one code -------------------------------------------------------------------------------

    /** The code's campaign, the code's row locked until the transaction ends (waits for another's lock). */
    @SqlQuery("""
            SELECT campaign_id, redemptions
              FROM voucher_code
             WHERE tenant_id = :tenantId AND code = :code
               FOR UPDATE
            """)
    @RegisterConstructorMapper(LockedCodeRow.class)
    Optional<LockedCodeRow> lockCode(@Bind("tenantId") long tenantId, @Bind("code") String code);

    @SqlQuery("""
            SELECT campaign_id, redemptions
              FROM voucher_code
             WHERE tenant_id = :tenantId AND code = :code
            """)
    @RegisterConstructorMapper(LockedCodeRow.class)
    Optional<LockedCodeRow> readCode(@Bind("tenantId") long tenantId, @Bind("code") String code);

    @SqlUpdate("""
            UPDATE voucher_code
               SET redemptions = redemptions + 1
             WHERE tenant_id = :tenantId AND code = :code
            """)
    int countRedemption(@Bind("tenantId") long tenantId, @Bind("code") String code);

    /** A hold counts while it is unconsumed and {@code now < expires_at} (as {@code Hold.activeAt}). */
    @SqlQuery("""
            SELECT (SELECT COUNT(*)
                      FROM voucher_hold
                     WHERE tenant_id = :tenantId AND code = :code
                       AND consumed_at IS NULL AND expires_at > :now) AS active_holds,
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
               AND expires_at > :now AND consumed_at IS NULL
             ORDER BY expires_at DESC, id DESC
             LIMIT 1
            """)
    Optional<HoldRow> callerHold(@Bind("tenantId") long tenantId, @Bind("code") String code,
            @Bind("userId") long userId, @Bind("now") Instant now);

    @SqlUpdate("""
            INSERT INTO voucher_hold (tenant_id, code, campaign_id, user_id, held_at, expires_at)
            VALUES (:tenantId, :code, :campaignId, :userId, :heldAt, :expiresAt)
            """)
    void insertHold(@BindMethods HoldRow row);

    /** Marks the user's active holds of the code consumed at {@code at}; how many. */
    @SqlUpdate("""
            UPDATE voucher_hold
               SET consumed_at = :at
             WHERE tenant_id = :tenantId AND code = :code AND user_id = :userId
               AND expires_at > :at AND consumed_at IS NULL
            """)
    int consumeHolds(@Bind("tenantId") long tenantId, @Bind("code") String code, @Bind("userId") long userId,
            @Bind("at") Instant at);

    @SqlUpdate("""
            INSERT INTO voucher_redemption (tenant_id, code, campaign_id, user_id, redeemed_at)
            VALUES (:tenantId, :code, :campaignId, :userId, :at)
            """)
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
