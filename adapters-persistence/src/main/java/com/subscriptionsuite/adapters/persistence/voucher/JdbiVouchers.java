package com.subscriptionsuite.adapters.persistence.voucher;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.adapters.persistence.voucher.VoucherDao.CampaignRow;
import com.subscriptionsuite.adapters.persistence.voucher.VoucherDao.CodeRow;
import com.subscriptionsuite.adapters.persistence.voucher.VoucherDao.LockedCodeRow;
import com.subscriptionsuite.adapters.persistence.voucher.VoucherDao.CountsRow;
import com.subscriptionsuite.adapters.persistence.voucher.VoucherDao.HoldRow;
import com.subscriptionsuite.adapters.persistence.voucher.VoucherDao.PageRow;
import com.subscriptionsuite.application.port.out.Vouchers;
import com.subscriptionsuite.domain.voucher.Campaign;
import com.subscriptionsuite.domain.voucher.CodeKind;
import com.subscriptionsuite.domain.voucher.CodeState;
import com.subscriptionsuite.domain.voucher.Hold;
import com.subscriptionsuite.domain.voucher.Redemption;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link Vouchers} in the voucher tables (schema {@code V3__vouchers}).
 *
 * <h2>The code's lock</h2>
 * {@link #lockCode} selects the code's {@code voucher_code} row {@code FOR UPDATE} and then reads
 * the counts on the same connection. Both databases keep that row lock until the transaction ends
 * and make a second {@code FOR UPDATE} of the row wait for it; both run at READ COMMITTED, where
 * every statement sees what was committed before it started, so the counts read after the lock
 * include every hold and redemption of the transaction that held the lock before. Inside a
 * {@code JdbiTransactions} unit (the adapter goes through {@link Handles}) the decision taken on the
 * state and the write that follows are thus atomic against every other connection, pool and server
 * instance on the same database. Outside a unit the lock ends with the call. A voucher unit locks
 * one code only, so such units cannot deadlock on these locks. How long a {@code FOR UPDATE} waits:
 * see {@link Handles#waitingForLock}.
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
                codeRow.get().redemptions(), callerHold, counts.callerRedemptions()));
    }

    @Override
    public void addHold(Hold hold) {
        HoldRow row = new HoldRow(hold.tenantId(), hold.code(), hold.campaignId(), hold.userId(), hold.heldAt(),
                hold.expiresAt());
        handles.with(VoucherDao.class, dao -> {
            dao.insertHold(row);
            return null;
        });
    }

    /** Marks the user's active holds of the code consumed at the redemption's instant and inserts it. */
    @Override
    public void redeem(Redemption redemption) {
        handles.with(VoucherDao.class, dao -> {
            dao.consumeHolds(redemption.tenantId(), redemption.code(), redemption.userId(), redemption.redeemedAt());
            dao.insertRedemption(redemption.tenantId(), redemption.code(), redemption.campaignId(),
                    redemption.userId(), redemption.redeemedAt());
            dao.countRedemption(redemption.tenantId(), redemption.code());
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
            if (dao.updateCampaign(row) == 0) {
                dao.insertCampaign(row);
            }
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
