package com.subscriptionsuite.application.service.voucher;

import com.subscriptionsuite.application.port.in.voucher.VoucherFailure;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.port.out.Vouchers;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.tenant.Problem;
import com.subscriptionsuite.domain.voucher.Campaign;
import com.subscriptionsuite.domain.voucher.CampaignCodes;
import com.subscriptionsuite.domain.voucher.CampaignRules;
import com.subscriptionsuite.domain.voucher.CodeState;
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
 * Holds and redemptions of voucher codes, each decided on the code's locked state and written in
 * the same unit of work, so that no concurrency makes a code go beyond its limits; and the
 * definition of campaigns and their codes, all or nothing.
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

    @Override
    public Either<VoucherFailure, HeldVoucher> hold(VoucherCommand command) {
        Either<VoucherRejection, String> code = VoucherRules.normalize(command.code());
        if (code.isLeft()) {
            return Either.left(new VoucherFailure.Refused(code.getLeft()));
        }
        Instant now = clock.instant();
        return transactions.inTransaction(() -> locked(command, code.get(), now)
                .flatMap(state -> VoucherRules.hold(state, command.pageId(), command.tenantId(), command.userId(),
                        now, holdFor).map(decision -> {
                            if (decision instanceof VoucherRules.NewHold fresh) {
                                vouchers.addHold(fresh.hold());
                            }
                            return new HeldVoucher(state.code(), state.campaign().id(),
                                    state.campaign().discountRatePlanId(), decision.hold().expiresAt());
                        }))
                .mapLeft(VoucherFailure.Refused::new));
    }

    @Override
    public Either<VoucherFailure, RedeemedVoucher> consume(VoucherCommand command) {
        Either<VoucherRejection, String> code = VoucherRules.normalize(command.code());
        if (code.isLeft()) {
            return Either.left(new VoucherFailure.Refused(code.getLeft()));
        }
        Instant now = clock.instant();
        return transactions.inTransaction(() -> locked(command, code.get(), now)
                .flatMap(state -> VoucherRules.consume(state, command.tenantId(), command.userId(), now)
                        .map(redemption -> {
                            vouchers.redeem(redemption);
                            return new RedeemedVoucher(state.code(), state.campaign().id(),
                                    state.campaign().discountRatePlanId());
                        }))
                .mapLeft(VoucherFailure.Refused::new));
    }

    private Either<VoucherRejection, CodeState> locked(VoucherCommand command, String code, Instant now) {
        return vouchers.lockCode(command.tenantId(), code, command.userId(), now)
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
