package com.subscriptionsuite.application.service.voucher;

import com.subscriptionsuite.application.port.in.voucher.VoucherFailure;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.port.out.Vouchers;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.tenant.Problem;
import com.subscriptionsuite.domain.voucher.Campaign;
import com.subscriptionsuite.domain.voucher.CampaignCodes;
import com.subscriptionsuite.domain.voucher.CampaignRules;
import com.subscriptionsuite.domain.voucher.CodeKind;
import com.subscriptionsuite.domain.voucher.CodeState;
import com.subscriptionsuite.domain.voucher.CodeView;
import com.subscriptionsuite.domain.voucher.Hold;
import com.subscriptionsuite.domain.voucher.VoucherRejection;
import com.subscriptionsuite.domain.voucher.VoucherRules;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds and redemptions of voucher codes, decided on the caller's view of the code without any lock
 * and written by the store so that no concurrency makes a code go beyond its limits (a hold of a
 * limited code reserves a slot by one conditional update; a consume turns one active hold into one
 * redemption; see docs/vouchers.md); and the definition of campaigns and their codes, all or nothing.
 */
final class VoucherService implements VoucherCases {
    private final TenantDirectory directory;
    private final Vouchers vouchers;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration holdFor;

    VoucherService(TenantDirectory directory, Vouchers vouchers, Transactions transactions, Clock clock,
            Duration holdFor) {
        this.directory = directory;
        this.vouchers = vouchers;
        this.transactions = transactions;
        this.clock = clock;
        this.holdFor = holdFor;
    }

    /**
     * Decided on the caller's unlocked view of the code; the code's limit is the store's conditional
     * reservation, not a count (see {@link Vouchers#hold}). The view and the writes share one unit of
     * work only to spare a connection checkout and a commit per call: no lock is taken for the view. A refused reservation is explained from the
     * code's state read after it: the counting rules' reason, or the caller's own hold when a
     * concurrent call of the same user took the slot (holding stays idempotent).
     */
    @Override
    public Either<VoucherFailure, HeldVoucher> hold(VoucherCommand command) {
        Either<VoucherRejection, String> code = VoucherRules.normalize(command.code());
        if (code.isLeft()) {
            return Either.left(new VoucherFailure.Refused(code.getLeft()));
        }
        Instant now = clock.instant();
        return transactions.inTransaction(() -> viewed(command, code.get(), now)
                .flatMap(view -> VoucherRules.hold(view, command.pageId(), command.tenantId(), command.userId(), now,
                        holdFor).flatMap(decision -> {
                            if (decision instanceof VoucherRules.NewHold fresh
                                    && !vouchers.hold(fresh.hold(), VoucherRules.reservedLimit(view.campaign()))) {
                                return refused(command, code.get(), now);
                            }
                            return Either.right(decision.hold());
                        }).map(hold -> new HeldVoucher(view.code(), view.campaign().id(),
                                view.campaign().discountRatePlanId(), hold.expiresAt())))
                .mapLeft(VoucherFailure.Refused::new));
    }

    /** After a refused reservation: why, or the caller's hold that a concurrent call of the same user made. */
    private Either<VoucherRejection, Hold> refused(VoucherCommand command, String code, Instant now) {
        CodeState after = vouchers.readCode(command.tenantId(), code, command.userId(), now)
                .getOrElseThrow(() -> new IllegalStateException("code " + code + " vanished"));
        Either<VoucherRejection, VoucherRules.HoldDecision> again = VoucherRules.hold(after, command.pageId(),
                command.tenantId(), command.userId(), now, holdFor);
        if (again.isLeft()) {
            return Either.left(again.getLeft());
        }
        return again.get() instanceof VoucherRules.KeepHold kept ? Either.right(kept.hold())
                : Either.left(VoucherRules.fullAtReservation(after));
    }

    /**
     * Decided on the caller's unlocked view; the store turns the hold into the redemption exactly once
     * and keeps the per-customer limit by a conditional update of the user's own count.
     */
    @Override
    public Either<VoucherFailure, RedeemedVoucher> consume(VoucherCommand command) {
        Either<VoucherRejection, String> code = VoucherRules.normalize(command.code());
        if (code.isLeft()) {
            return Either.left(new VoucherFailure.Refused(code.getLeft()));
        }
        Instant now = clock.instant();
        return transactions.inTransaction(() -> viewed(command, code.get(), now)
                .flatMap(view -> VoucherRules.consume(view, command.tenantId(), command.userId(), now)
                        .flatMap(redemption -> {
                            Campaign campaign = view.campaign();
                            return switch (vouchers.consume(redemption,
                                    campaign.kind() == CodeKind.MULTI_USE ? campaign.perCustomerLimit() : null)) {
                                case REDEEMED -> Either.<VoucherRejection, RedeemedVoucher>right(new RedeemedVoucher(
                                        view.code(), campaign.id(), campaign.discountRatePlanId()));
                                case NOT_HELD -> Either.left(new VoucherRejection.NotHeld(view.code()));
                                case CUSTOMER_LIMIT_REACHED -> Either.left(
                                        new VoucherRejection.AlreadyRedeemed(view.code()));
                            };
                        }))
                .mapLeft(VoucherFailure.Refused::new));
    }

    private Either<VoucherRejection, CodeView> viewed(VoucherCommand command, String code, Instant now) {
        return vouchers.view(command.tenantId(), code, command.userId(), now)
                .toEither(() -> new VoucherRejection.Unknown(code));
    }

    @Override
    public Either<VoucherFailure, Defined> define(long tenantId, List<CampaignWithCodes> campaigns) {
        List<CampaignCodes> input = campaigns.stream().map(c -> new CampaignCodes(c.campaign(), c.codes())).toList();
        List<Problem> problems = new ArrayList<>(CampaignRules.check(directory.require(tenantId).catalog(), input));
        if (problems.isEmpty()) {
            for (int i = 0; i < input.size(); i++) {
                Campaign campaign = input.get(i).campaign();
                List<String> codes = normalized(input.get(i).codes());
                for (String taken : vouchers.codesOfOtherCampaigns(tenantId, campaign.id(), codes)) {
                    problems.add(new Problem("$.campaigns[" + i + "].codes[" + codes.indexOf(taken) + "]",
                            "code " + taken + " belongs to another campaign of this tenant"));
                }
            }
        }
        if (!problems.isEmpty()) {
            return Either.left(new VoucherFailure.CampaignsRejected(problems));
        }
        int added = transactions.inTransaction(() -> {
            int n = 0;
            for (CampaignCodes c : input) {
                vouchers.defineCampaign(tenantId, c.campaign());
                n += vouchers.addCodes(tenantId, c.campaign().id(), normalized(c.codes()));
            }
            return n;
        });
        return Either.right(new Defined(input.size(), added));
    }

    @Override
    public Either<VoucherFailure, Imported> importCodes(long tenantId, long campaignId, List<String> codes) {
        Option<Campaign> campaign = vouchers.campaign(tenantId, campaignId);
        if (campaign.isEmpty()) {
            return Either.left(new VoucherFailure.CampaignsRejected(List.of(
                    new Problem("campaign", "the tenant has no campaign " + campaignId))));
        }
        List<Problem> problems = new ArrayList<>(CampaignRules.checkImport(campaign.get(), codes));
        List<String> normalized = normalized(codes);
        if (problems.isEmpty()) {
            for (String taken : vouchers.codesOfOtherCampaigns(tenantId, campaignId, normalized)) {
                problems.add(new Problem("line " + (normalized.indexOf(taken) + 1),
                        "code " + taken + " belongs to another campaign of this tenant"));
            }
        }
        if (!problems.isEmpty()) {
            return Either.left(new VoucherFailure.CampaignsRejected(problems));
        }
        int added = transactions.inTransaction(() -> vouchers.addCodes(tenantId, campaignId, normalized));
        return Either.right(new Imported(added, normalized.size() - added));
    }

    /** The codes in normal form; the rules have refused malformed ones before this is used. */
    private static List<String> normalized(List<String> codes) {
        return codes.stream().map(c -> VoucherRules.normalize(c).getOrElse(c)).toList();
    }
}
