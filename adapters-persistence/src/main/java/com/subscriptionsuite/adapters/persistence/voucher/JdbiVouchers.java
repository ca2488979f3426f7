package com.subscriptionsuite.adapters.persistence.voucher;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.adapters.persistence.voucher.VoucherDao.CampaignRow;
import com.subscriptionsuite.adapters.persistence.voucher.VoucherDao.CodeRow;
import com.subscriptionsuite.adapters.persistence.voucher.VoucherDao.LockedCodeRow;
import com.subscriptionsuite.adapters.persistence.voucher.VoucherDao.CountsRow;
import com.subscriptionsuite.adapters.persistence.voucher.VoucherDao.HoldRow;
import com.subscriptionsuite.adapters.persistence.voucher.VoucherDao.PageRow;
import com.subscriptionsuite.adapters.persistence.voucher.VoucherDao.ViewRow;
import com.subscriptionsuite.application.port.out.Vouchers;
import com.subscriptionsuite.domain.voucher.Campaign;
import com.subscriptionsuite.domain.voucher.CodeKind;
import com.subscriptionsuite.domain.voucher.CodeState;
import com.subscriptionsuite.domain.voucher.CodeView;
import com.subscriptionsuite.domain.voucher.Hold;
import com.subscriptionsuite.domain.voucher.Redemption;
import com.subscriptionsuite.domain.voucher.VoucherRules;
import io.vavr.control.Option;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/**
 * {@link Vouchers} in the voucher tables (schemas {@code V3__vouchers}, {@code V18__voucher_reservations}).
 *
 * <h2>Holds and consumes without a lock (docs/vouchers.md "Hot codes")</h2>
 * {@link #view} reads the code, its campaign and pages and the caller's hold and redemptions in one
 * statement, without a lock. {@link #hold} of a code without a total limit is one insert. With a
 * limit it is, in one transaction, one conditional update of the code's row ({@code reserved <
 * limit}) and the insert; when the update finds the code full, the code's row is locked, the holds
 * that expired unconsumed give their slots back ({@code released_at}, {@code reserved} lowered by as
 * many) and the update is tried once more. {@link #consume} is, in one transaction, the update that
 * marks the user's active holds consumed (0 rows: {@code NOT_HELD}, nothing written) and the insert
 * of the redemption; with a per-customer limit first a conditional update of the user's own count
 * ({@code voucher_code_user}). Why no code goes beyond its limits: docs/vouchers.md.
 *
 * <h2>The code's lock</h2>
 * {@link #lockCode} (the checkout's path) selects the code's {@code voucher_code} row {@code FOR
 * UPDATE} and then reads the counts on the same connection (READ COMMITTED: a statement sees what was
 * committed before it started). It serialises with reservations and their give-backs, which update
 * that row; consumes of other users do not wait for it, and need not: a consume only turns a hold
 * that already has its slot into a redemption. How long a {@code FOR UPDATE} waits: see
 * {@link Handles#waitingForLock}.
 *
 * <h2>Writes</h2>
 * Every write runs in one transaction (the unit's, or one of its own). {@link #addCodes} works in
 * chunks of {@value #CHUNK} codes and uses {@code INSERT ... ON CONFLICT DO NOTHING}, so two imports
 * of overlapping codes into one campaign both succeed and count each code once.
 */
public final class JdbiVouchers implements Vouchers {
    /** Most codes per {@code IN} list and per batch. */
    static final int CHUNK = 1000;

    private final Handles handles;

    public JdbiVouchers(Jdbi jdbi) {
        this.handles = new Handles(jdbi);
    }

    @Override
    public Option<CodeState> lockCode(long tenantId, String code, long userId, Instant now) {
        return handles.with(VoucherDao.class, dao -> state(dao,
                Handles.waitingForLock(() -> dao.lockCode(tenantId, code)), tenantId, code, userId, now));
    }

    @Override
    public Option<CodeState> readCode(long tenantId, String code, long userId, Instant now) {
        return handles.with(VoucherDao.class,
                dao -> state(dao, dao.readCode(tenantId, code), tenantId, code, userId, now));
    }

    private static Option<CodeState> state(VoucherDao dao, Optional<LockedCodeRow> codeRow, long tenantId, String code,
            long userId, Instant now) {
        if (codeRow.isEmpty()) {
            return Option.none();
        }
        long campaignId = codeRow.get().campaignId();
        Campaign campaign = dao.campaign(tenantId, campaignId)
                .map(row -> campaign(row, dao.pages(tenantId, row.id())))
                .orElseThrow(() -> new IllegalStateException("code " + code + " of tenant " + tenantId
                        + " names campaign " + campaignId + ", which is missing"));
        CountsRow counts = dao.counts(tenantId, code, userId, now);
        Option<Hold> callerHold = Option.ofOptional(dao.callerHold(tenantId, code, userId, now))
                .map(h -> new Hold(h.tenantId(), h.code(), h.campaignId(), h.userId(), h.heldAt(), h.expiresAt()));
        return Option.some(new CodeState(campaign, code, Math.toIntExact(counts.activeHolds()),
                counts.redemptions(), callerHold, counts.callerRedemptions()));
    }

    /*
     * The hot path (view, hold, consume) runs its statements through Jdbi's fluent API with the SQL of
     * VoucherDao: attaching the SqlObject DAO builds its handlers for every one of its methods on each
     * attach, which cost more CPU than the statements themselves on one hot code (docs/benchmarks.md §3).
     */

    @Override
    public Option<CodeView> view(long tenantId, String code, long userId, Instant now) {
        List<ViewRow> rows = handles.with(handle -> handle.createQuery(VoucherDao.VIEW)
                .bind("tenantId", tenantId).bind("code", code).bind("userId", userId).bind("now", now)
                .map((rs, ctx) -> new ViewRow(rs.getLong(1), rs.getString(2), rs.getLong(3), instant(rs, 4),
                        instant(rs, 5), rs.getString(6), integer(rs, 7), integer(rs, 8), longOrNull(rs, 9),
                        longOrNull(rs, 10), instant(rs, 11), instant(rs, 12), rs.getLong(13)))
                .list());
        if (rows.isEmpty()) {
            return Option.none();
        }
        ViewRow first = rows.get(0);
        Campaign campaign = new Campaign(first.campaignId(), first.name(), first.discountRatePlanId(),
                first.validFrom(), first.validUntil(),
                rows.stream().map(ViewRow::pageId).filter(Objects::nonNull).toList(),
                CodeKind.valueOf(first.kind()), first.totalLimit(), first.perCustomerLimit());
        Option<Hold> callerHold = first.holdExpiresAt() == null ? Option.none()
                : Option.some(new Hold(tenantId, code, first.holdCampaignId(), userId, first.holdHeldAt(),
                        first.holdExpiresAt()));
        return Option.some(new CodeView(campaign, code, callerHold, first.callerRedemptions()));
    }

    @Override
    public boolean hold(Hold hold, Integer reservedLimit) {
        return handles.with(handle -> {
            if (reservedLimit != null) {
                if (!reserved(handle, hold, reservedLimit)) {
                    return false;
                }
                // two holds of one user at once (two requests, two instances) both decided on a view without the
                // other's: the second would take a second slot, and the consume settles both holds with one
                // redemption, so a slot of the code would be lost for good. Under the code's row lock the
                // reservation took, the first one's hold is seen: the slot goes back and the caller keeps that hold.
                // Statements of their own, not the DAO's methods: attaching the DAO costs more than both (hot path)
                if (handle.createQuery(VoucherDao.HOLDS_ALREADY).bind("tenantId", hold.tenantId())
                        .bind("code", hold.code()).bind("userId", hold.userId()).bind("now", hold.heldAt())
                        .mapTo(Boolean.class).one()) {
                    handle.createUpdate(VoucherDao.GIVE_BACK).bind("tenantId", hold.tenantId())
                            .bind("code", hold.code()).bind("released", 1L).execute();
                    return false;
                }
            }
            handle.createUpdate(VoucherDao.INSERT_HOLD).bind("tenantId", hold.tenantId()).bind("code", hold.code())
                    .bind("campaignId", hold.campaignId()).bind("userId", hold.userId())
                    .bind("heldAt", hold.heldAt()).bind("expiresAt", hold.expiresAt())
                    .bind("reserves", reservedLimit != null).execute();
            return true;
        });
    }

    /**
     * One slot of the code for the hold: the conditional update; if the code is full, under the
     * code's row lock the expired holds' slots are given back and the update is tried once more.
     */
    private static boolean reserved(Handle handle, Hold hold, int limit) {
        String code = hold.code();
        long tenantId = hold.tenantId();
        if (Handles.waitingForLock(() -> reserve(handle, tenantId, code, limit)) == 1) {
            return true;
        }
        VoucherDao dao = Handles.attach(handle, VoucherDao.class);
        if (Handles.waitingForLock(() -> dao.lockReservations(tenantId, code)) == 0) {
            return false;
        }
        int released = dao.releaseExpired(tenantId, code, hold.heldAt());
        if (released == 0) {
            return false;
        }
        dao.giveBack(tenantId, code, released);
        return reserve(handle, tenantId, code, limit) == 1;
    }

    private static int reserve(Handle handle, long tenantId, String code, int limit) {
        return handle.createUpdate(VoucherDao.RESERVE).bind("tenantId", tenantId).bind("code", code)
                .bind("limit", (long) limit).execute();
    }

    @Override
    public Consumed consume(Redemption redemption, Integer perCustomerLimit) {
        long tenantId = redemption.tenantId();
        String code = redemption.code();
        long userId = redemption.userId();
        Instant at = redemption.redeemedAt();
        return handles.with(handle -> {
            if (perCustomerLimit != null) {
                userStatement(handle, VoucherDao.ADD_CUSTOMER_COUNT, tenantId, code, userId).execute();
                if (userStatement(handle, VoucherDao.COUNT_CUSTOMER_REDEMPTION, tenantId, code, userId)
                        .bind("limit", (long) perCustomerLimit).execute() == 0) {
                    return Consumed.CUSTOMER_LIMIT_REACHED;
                }
            }
            if (userStatement(handle, VoucherDao.CONSUME_HOLDS, tenantId, code, userId).bind("at", at).execute() == 0) {
                if (perCustomerLimit != null) { // take back the raise above (its row is still ours alone)
                    userStatement(handle, VoucherDao.UNCOUNT_CUSTOMER_REDEMPTION, tenantId, code, userId).execute();
                }
                return Consumed.NOT_HELD;
            }
            userStatement(handle, VoucherDao.INSERT_REDEMPTION, tenantId, code, userId)
                    .bind("campaignId", redemption.campaignId()).bind("at", at).execute();
            return Consumed.REDEEMED;
        });
    }

    private static Update userStatement(Handle handle, String sql, long tenantId, String code, long userId) {
        return handle.createUpdate(sql).bind("tenantId", tenantId).bind("code", code).bind("userId", userId);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    @Override
    public void addHold(Hold hold) {
        HoldRow row = row(hold);
        handles.with(VoucherDao.class, dao -> {
            dao.insertHold(row, false);
            return null;
        });
    }

    private static HoldRow row(Hold hold) {
        return new HoldRow(hold.tenantId(), hold.code(), hold.campaignId(), hold.userId(), hold.heldAt(),
                hold.expiresAt());
    }

    /**
     * Marks the user's active holds of the code consumed at the redemption's instant and inserts it,
     * raising the user's count of redemptions of the code if the code has one.
     */
    @Override
    public void redeem(Redemption redemption) {
        handles.with(VoucherDao.class, dao -> {
            dao.addCustomerCount(redemption.tenantId(), redemption.code(), redemption.userId());
            dao.countCustomerRedemption(redemption.tenantId(), redemption.code(), redemption.userId(), Long.MAX_VALUE);
            dao.consumeHolds(redemption.tenantId(), redemption.code(), redemption.userId(), redemption.redeemedAt());
            dao.insertRedemption(redemption.tenantId(), redemption.code(), redemption.campaignId(),
                    redemption.userId(), redemption.redeemedAt());
            return null;
        });
    }

    @Override
    public void defineCampaign(long tenantId, Campaign campaign) {
        CampaignRow row = new CampaignRow(tenantId, campaign.id(), campaign.name(), campaign.discountRatePlanId(),
                campaign.validFrom(), campaign.validUntil(), campaign.kind().name(), campaign.totalLimit(),
                campaign.perCustomerLimit());
        List<PageRow> pages = new ArrayList<>();
        for (int i = 0; i < campaign.pageIds().size(); i++) {
            pages.add(new PageRow(tenantId, campaign.id(), i, campaign.pageIds().get(i)));
        }
        handles.with(VoucherDao.class, dao -> {
            Optional<CampaignRow> before = dao.campaign(tenantId, campaign.id());
            if (dao.updateCampaign(row) == 0) {
                dao.insertCampaign(row);
            }
            before.map(b -> campaign(b, List.of())).ifPresent(was -> {
                // the counters are kept only while a limit is in force: start them anew when one comes in
                if (VoucherRules.reservedLimit(was) == null && VoucherRules.reservedLimit(campaign) != null) {
                    dao.reserveUnsettledHolds(tenantId, campaign.id());
                    dao.recountReservations(tenantId, campaign.id());
                }
                if (!Objects.equals(customerLimit(was), customerLimit(campaign))) {
                    dao.forgetCustomerCounts(tenantId, campaign.id());
                }
            });
            dao.deletePages(tenantId, campaign.id());
            if (!pages.isEmpty()) {
                dao.insertPages(pages);
            }
            return null;
        });
    }

    /**
     * Adds the codes the tenant does not have yet. A code of another campaign (the caller should
     * have refused it) fails the call with an {@link IllegalStateException}, and the transaction
     * rolls back: nothing of the call is stored (of a unit: nothing of the unit).
     */
    @Override
    public int addCodes(long tenantId, long campaignId, List<String> codes) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(codes));
        return handles.with(VoucherDao.class, dao -> {
            int added = 0;
            for (List<String> chunk : chunks(distinct)) {
                Map<String, Long> present = owners(dao.existing(tenantId, chunk));
                refuseOthers(tenantId, campaignId, present);
                List<String> missing = chunk.stream().filter(c -> !present.containsKey(c)).toList();
                if (missing.isEmpty()) {
                    continue;
                }
                int[] inserted = dao.insertCodes(tenantId, missing, campaignId);
                List<String> skipped = new ArrayList<>();
                for (int i = 0; i < inserted.length; i++) {
                    if (inserted[i] > 0) {
                        added++;
                    } else {
                        skipped.add(missing.get(i));
                    }
                }
                if (!skipped.isEmpty()) { // committed meanwhile by a concurrent import: of which campaign?
                    refuseOthers(tenantId, campaignId, owners(dao.existing(tenantId, skipped)));
                }
            }
            return added;
        });
    }

    private static Map<String, Long> owners(List<CodeRow> rows) {
        return rows.stream().collect(Collectors.toMap(CodeRow::code, CodeRow::campaignId));
    }

    private static void refuseOthers(long tenantId, long campaignId, Map<String, Long> owners) {
        List<String> others = owners.entrySet().stream().filter(e -> e.getValue() != campaignId)
                .map(Map.Entry::getKey).sorted().toList();
        if (!others.isEmpty()) {
            throw new IllegalStateException("tenant " + tenantId + " has these codes in other campaigns than "
                    + campaignId + ": " + others);
        }
    }

    @Override
    public List<String> codesOfOtherCampaigns(long tenantId, long campaignId, List<String> codes) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(codes));
        Set<String> others = new HashSet<>();
        handles.with(VoucherDao.class, dao -> {
            for (List<String> chunk : chunks(distinct)) {
                for (CodeRow row : dao.existing(tenantId, chunk)) {
                    if (row.campaignId() != campaignId) {
                        others.add(row.code());
                    }
                }
            }
            return null;
        });
        return distinct.stream().filter(others::contains).toList();
    }

    @Override
    public Option<Campaign> campaign(long tenantId, long campaignId) {
        return handles.with(VoucherDao.class, dao -> Option.ofOptional(dao.campaign(tenantId, campaignId)
                .map(row -> campaign(row, dao.pages(tenantId, campaignId)))));
    }

    /** The tenant's campaigns by id. */
    @Override
    public List<Campaign> campaigns(long tenantId) {
        return handles.with(VoucherDao.class, dao -> {
            Map<Long, List<PageRow>> pages = new HashMap<>();
            for (PageRow page : dao.pagesOfTenant(tenantId)) {
                pages.computeIfAbsent(page.campaignId(), id -> new ArrayList<>()).add(page);
            }
            return dao.campaigns(tenantId).stream()
                    .map(row -> campaign(row, pages.getOrDefault(row.id(), List.of()))).toList();
        });
    }

    /** The per-customer limit consumes keep (single-use codes have their total limit of one instead). */
    private static Integer customerLimit(Campaign campaign) {
        return campaign.kind() == CodeKind.MULTI_USE ? campaign.perCustomerLimit() : null;
    }

    private static Campaign campaign(CampaignRow row, List<PageRow> pages) {
        return new Campaign(row.id(), row.name(), row.discountRatePlanId(), row.validFrom(), row.validUntil(),
                pages.stream().map(PageRow::pageId).toList(), CodeKind.valueOf(row.kind()), row.totalLimit(),
                row.perCustomerLimit());
    }

    private static List<List<String>> chunks(List<String> codes) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < codes.size(); from += CHUNK) {
            chunks.add(codes.subList(from, Math.min(codes.size(), from + CHUNK)));
        }
        return chunks;
    }
}
