package com.subscriptionsuite.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.domain.identity.User;
import com.subscriptionsuite.domain.voucher.Campaign;
import com.subscriptionsuite.domain.voucher.CodeKind;
import com.subscriptionsuite.domain.voucher.CodeState;
import com.subscriptionsuite.domain.voucher.CodeView;
import com.subscriptionsuite.domain.voucher.Hold;
import com.subscriptionsuite.domain.voucher.Redemption;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Vouchers} adapter must do. */
public abstract class VouchersContract extends IdentityContract {
    private static final Instant T1 = T0.plus(Duration.ofMinutes(5));
    private static final Duration HOLD = Duration.ofMinutes(30);

    /** Fresh, empty stores on one database (or in memory). Called once before each test. */
    protected abstract VoucherStores freshVoucherStores();

    private Vouchers vouchers;
    private Transactions transactions;
    private User ann;
    private User bob;
    private User annInBeta;

    @Override
    protected final IdentityStores freshStores() {
        VoucherStores stores = freshVoucherStores();
        vouchers = stores.vouchers();
        transactions = stores.transactions();
        return stores.identity();
    }

    @BeforeEach
    void threeUsers() {
        ann = customer(ALPHA, "ann@example.com");
        bob = customer(ALPHA, "bob@example.com");
        annInBeta = customer(BETA, "ann@example.com");
    }

    private static Campaign singleUse(long id) {
        return new Campaign(id, "Single " + id, 204, null, null, List.of(), CodeKind.SINGLE_USE, null, null);
    }

    private static Campaign multiUse(long id, Integer totalLimit, Integer perCustomerLimit) {
        return new Campaign(id, "Multi " + id, 204, null, null, List.of(), CodeKind.MULTI_USE, totalLimit,
                perCustomerLimit);
    }

    private void campaignWithCodes(long tenantId, Campaign campaign, String... codes) {
        vouchers.defineCampaign(tenantId, campaign);
        vouchers.addCodes(tenantId, campaign.id(), List.of(codes));
    }

    private Hold held(User user, String code, long campaignId, Instant at, Duration holdFor) {
        Hold hold = new Hold(user.tenantId(), code, campaignId, user.id(), at, at.plus(holdFor));
        vouchers.addHold(hold);
        return hold;
    }

    private void redeemed(User user, String code, long campaignId, Instant at) {
        vouchers.redeem(new Redemption(user.tenantId(), code, campaignId, user.id(), at));
    }

    private CodeState state(User user, String code, Instant now) {
        return vouchers.readCode(user.tenantId(), code, user.id(), now)
                .getOrElseThrow(() -> new AssertionError("no code " + code));
    }

    // --- campaigns ------------------------------------------------------------------------------

    @Test
    void keeps_a_campaign_with_every_field_and_its_pages_in_order() {
        Campaign full = new Campaign(7, "Spring sale", 204, Instant.parse("2025-03-01T00:00:00Z"),
                Instant.parse("2025-06-01T00:00:00Z"), List.of(603L, 601L, 602L), CodeKind.MULTI_USE, 100, 2);

        vouchers.defineCampaign(ALPHA, full);

        assertThat(vouchers.campaign(ALPHA, 7).toJavaOptional()).contains(full);
    }

    @Test
    void keeps_a_campaign_without_limits_dates_or_pages_as_nulls_and_an_empty_list() {
        Campaign open = new Campaign(3, "Open", 205, null, null, List.of(), CodeKind.SINGLE_USE, null, null);

        vouchers.defineCampaign(ALPHA, open);

        Campaign stored = vouchers.campaign(ALPHA, 3).getOrElseThrow(() -> new AssertionError("missing"));
        assertThat(stored).isEqualTo(open);
        assertThat(stored.totalLimit()).isNull();
        assertThat(stored.validFrom()).isNull();
        assertThat(stored.pageIds()).isEmpty();
    }

    @Test
    void lists_a_tenants_campaigns_by_id_each_with_its_own_pages() {
        Campaign seven = new Campaign(7, "Seven", 204, null, null, List.of(602L, 601L), CodeKind.SINGLE_USE,
                null, null);
        Campaign three = new Campaign(3, "Three", 204, null, Instant.parse("2026-01-01T00:00:00Z"), List.of(601L),
                CodeKind.MULTI_USE, 5, null);
        Campaign five = multiUse(5, null, 1);
        vouchers.defineCampaign(ALPHA, seven);
        vouchers.defineCampaign(ALPHA, three);
        vouchers.defineCampaign(ALPHA, five);
        vouchers.defineCampaign(BETA, singleUse(4));

        assertThat(vouchers.campaigns(ALPHA)).containsExactly(three, five, seven);
        assertThat(vouchers.campaigns(BETA)).containsExactly(singleUse(4));
    }

    @Test
    void finds_no_campaign_under_an_unknown_id_or_in_another_tenant() {
        vouchers.defineCampaign(ALPHA, singleUse(1));

        assertThat(vouchers.campaign(ALPHA, 2).isEmpty()).isTrue();
        assertThat(vouchers.campaign(BETA, 1).isEmpty()).isTrue();
        assertThat(vouchers.campaigns(BETA)).isEmpty();
    }

    @Test
    void defining_a_campaign_again_replaces_its_fields_and_pages_and_keeps_its_codes() {
        vouchers.defineCampaign(ALPHA, new Campaign(1, "Old", 204, null, null, List.of(601L, 602L),
                CodeKind.MULTI_USE, 10, 1));
        vouchers.addCodes(ALPHA, 1, List.of("SPRING"));
        Campaign renewed = new Campaign(1, "New", 205, T0, T0.plus(Duration.ofDays(7)), List.of(603L),
                CodeKind.MULTI_USE, null, 3);

        vouchers.defineCampaign(ALPHA, renewed);

        assertThat(vouchers.campaign(ALPHA, 1).toJavaOptional()).contains(renewed);
        assertThat(vouchers.campaigns(ALPHA)).containsExactly(renewed);
        assertThat(state(ann, "SPRING", T1).campaign()).isEqualTo(renewed);
    }

    // --- codes ----------------------------------------------------------------------------------

    @Test
    void adds_codes_once_and_counts_only_the_new_ones() {
        vouchers.defineCampaign(ALPHA, singleUse(1));

        assertThat(vouchers.addCodes(ALPHA, 1, List.of("A-1", "A-2"))).isEqualTo(2);
        assertThat(vouchers.addCodes(ALPHA, 1, List.of("A-2", "A-3", "A-3", "A-1"))).isEqualTo(1);
        assertThat(vouchers.addCodes(ALPHA, 1, List.of())).isZero();

        for (String code : List.of("A-1", "A-2", "A-3")) {
            assertThat(state(ann, code, T1).campaign().id()).as(code).isEqualTo(1);
        }
    }

    @Test
    void adds_and_checks_an_import_bigger_than_one_chunk() {
        vouchers.defineCampaign(ALPHA, singleUse(1));
        vouchers.defineCampaign(ALPHA, singleUse(2));
        List<String> codes = IntStream.range(0, 2500).mapToObj(i -> String.format("BULK-%05d", i)).toList();

        assertThat(vouchers.addCodes(ALPHA, 1, codes)).isEqualTo(2500);
        assertThat(vouchers.addCodes(ALPHA, 1, codes)).isZero();

        List<String> mixed = new ArrayList<>(codes.subList(1200, 2500));
        mixed.add(0, "NEW-ONE");
        assertThat(vouchers.codesOfOtherCampaigns(ALPHA, 2, mixed)).isEqualTo(codes.subList(1200, 2500));
        assertThat(vouchers.codesOfOtherCampaigns(ALPHA, 1, mixed)).isEmpty();
    }

    @Test
    void names_the_codes_of_other_campaigns_of_the_tenant_in_the_order_given() {
        campaignWithCodes(ALPHA, singleUse(1), "ONE-A", "ONE-B");
        campaignWithCodes(ALPHA, singleUse(2), "TWO-A");
        campaignWithCodes(BETA, singleUse(3), "BETA-A");
        vouchers.defineCampaign(ALPHA, singleUse(4));

        assertThat(vouchers.codesOfOtherCampaigns(ALPHA, 4,
                List.of("TWO-A", "NEW", "ONE-B", "BETA-A", "ONE-A", "TWO-A")))
                .containsExactly("TWO-A", "ONE-B", "ONE-A");
        assertThat(vouchers.codesOfOtherCampaigns(ALPHA, 1, List.of("ONE-A", "TWO-A"))).containsExactly("TWO-A");
        assertThat(vouchers.codesOfOtherCampaigns(ALPHA, 1, List.of())).isEmpty();
    }

    @Test
    void refuses_to_add_a_code_of_another_campaign_and_adds_none_of_that_call() {
        campaignWithCodes(ALPHA, singleUse(1), "TAKEN");
        vouchers.defineCampaign(ALPHA, singleUse(2));

        assertThatThrownBy(() -> vouchers.addCodes(ALPHA, 2, List.of("FREE", "TAKEN")))
                .isInstanceOf(IllegalStateException.class);

        assertThat(vouchers.readCode(ALPHA, "FREE", ann.id(), T1).isEmpty()).isTrue();
        assertThat(state(ann, "TAKEN", T1).campaign().id()).isEqualTo(1);
    }

    @Test
    void knows_no_unknown_code_nor_a_code_of_another_tenant() {
        campaignWithCodes(ALPHA, singleUse(1), "ALPHA-ONLY");

        assertThat(vouchers.readCode(ALPHA, "NOPE", ann.id(), T1).isEmpty()).isTrue();
        assertThat(vouchers.readCode(BETA, "ALPHA-ONLY", annInBeta.id(), T1).isEmpty()).isTrue();
        assertThat(transactions.inTransaction(() -> vouchers.lockCode(ALPHA, "NOPE", ann.id(), T1)).isEmpty())
                .isTrue();
    }

    // --- state ----------------------------------------------------------------------------------

    @Test
    void a_new_code_has_its_campaign_and_no_holds_or_redemptions() {
        Campaign campaign = multiUse(1, 10, 1);
        campaignWithCodes(ALPHA, campaign, "FRESH");

        assertThat(state(ann, "FRESH", T1)).isEqualTo(new CodeState(campaign, "FRESH", 0, 0, Option.none(), 0));
    }

    @Test
    void locking_a_code_in_a_unit_reports_the_same_state_as_reading_it() {
        campaignWithCodes(ALPHA, multiUse(1, null, null), "SHARED");
        held(ann, "SHARED", 1, T0, HOLD);
        held(bob, "SHARED", 1, T0, HOLD);
        redeemed(bob, "SHARED", 1, T1);

        Option<CodeState> locked = transactions.inTransaction(() -> vouchers.lockCode(ALPHA, "SHARED", ann.id(), T1));

        assertThat(locked.toJavaOptional()).contains(state(ann, "SHARED", T1));
        assertThat(vouchers.lockCode(ALPHA, "SHARED", ann.id(), T1).toJavaOptional())
                .as("outside a unit too").contains(state(ann, "SHARED", T1));
    }

    @Test
    void counts_unexpired_unconsumed_holds_as_active() {
        campaignWithCodes(ALPHA, multiUse(1, null, null), "SHARED");
        User carl = customer(ALPHA, "carl@example.com");
        held(ann, "SHARED", 1, T0, HOLD);
        held(bob, "SHARED", 1, T0, Duration.ofMinutes(10));
        held(carl, "SHARED", 1, T0, HOLD);
        assertThat(state(ann, "SHARED", T1).activeHolds()).isEqualTo(3);

        redeemed(carl, "SHARED", 1, T1);

        assertThat(state(ann, "SHARED", T1).activeHolds()).as("carl's is consumed").isEqualTo(2);
        assertThat(state(ann, "SHARED", T0.plus(Duration.ofMinutes(10))).activeHolds())
                .as("bob's expires at its instant").isEqualTo(1);
        assertThat(state(ann, "SHARED", T0.plus(HOLD)).activeHolds()).as("all expired").isZero();
    }

    @Test
    void the_caller_hold_is_the_callers_active_hold_only() {
        campaignWithCodes(ALPHA, singleUse(1), "SINGLE");
        Hold anns = held(ann, "SINGLE", 1, T0, HOLD);

        assertThat(state(ann, "SINGLE", T1).callerHold().toJavaOptional()).contains(anns);
        assertThat(state(ann, "SINGLE", T1).othersHolds()).isZero();
        assertThat(state(bob, "SINGLE", T1).callerHold().isEmpty()).isTrue();
        assertThat(state(bob, "SINGLE", T1).othersHolds()).isEqualTo(1);
        assertThat(state(ann, "SINGLE", T0.plus(HOLD)).callerHold().isEmpty()).as("expired").isTrue();
    }

    @Test
    void a_new_hold_after_an_expired_one_is_the_caller_hold() {
        campaignWithCodes(ALPHA, singleUse(1), "SINGLE");
        held(ann, "SINGLE", 1, T0, Duration.ofMinutes(1));
        Instant later = T0.plus(Duration.ofMinutes(2));
        Hold again = held(ann, "SINGLE", 1, later, HOLD);

        CodeState state = state(ann, "SINGLE", later.plusSeconds(1));

        assertThat(state.callerHold().toJavaOptional()).contains(again);
        assertThat(state.activeHolds()).isEqualTo(1);
    }

    @Test
    void counts_the_codes_redemptions_and_the_callers() {
        campaignWithCodes(ALPHA, multiUse(1, null, null), "SHARED", "OTHER");
        User carl = customer(ALPHA, "carl@example.com");
        for (int i = 0; i < 2; i++) {
            Instant at = T0.plus(Duration.ofMinutes(i));
            held(ann, "SHARED", 1, at, HOLD);
            redeemed(ann, "SHARED", 1, at.plusSeconds(10));
        }
        held(bob, "SHARED", 1, T0, HOLD);
        redeemed(bob, "SHARED", 1, T1);
        held(carl, "OTHER", 1, T0, HOLD);
        redeemed(carl, "OTHER", 1, T1);

        assertThat(state(ann, "SHARED", T1).redemptions()).isEqualTo(3);
        assertThat(state(ann, "SHARED", T1).callerRedemptions()).isEqualTo(2);
        assertThat(state(bob, "SHARED", T1).callerRedemptions()).isEqualTo(1);
        assertThat(state(carl, "SHARED", T1).callerRedemptions()).isZero();
        assertThat(state(carl, "OTHER", T1).redemptions()).isEqualTo(1);
    }

    @Test
    void redeeming_consumes_the_callers_hold_and_no_other() {
        campaignWithCodes(ALPHA, multiUse(1, null, null), "SHARED");
        held(ann, "SHARED", 1, T0, HOLD);
        Hold bobs = held(bob, "SHARED", 1, T0, HOLD);

        redeemed(ann, "SHARED", 1, T1);

        CodeState forAnn = state(ann, "SHARED", T1.plusSeconds(1));
        assertThat(forAnn.callerHold().isEmpty()).isTrue();
        assertThat(forAnn.callerRedemptions()).isEqualTo(1);
        assertThat(forAnn.activeHolds()).isEqualTo(1);
        assertThat(state(bob, "SHARED", T1.plusSeconds(1)).callerHold().toJavaOptional()).contains(bobs);
    }

    @Test
    void a_redemption_in_a_unit_is_seen_by_the_next_lock_of_the_code() {
        campaignWithCodes(ALPHA, singleUse(1), "SINGLE");

        transactions.inTransaction(() -> {
            vouchers.lockCode(ALPHA, "SINGLE", ann.id(), T0);
            held(ann, "SINGLE", 1, T0, HOLD);
            return null;
        });
        transactions.inTransaction(() -> {
            CodeState state = vouchers.lockCode(ALPHA, "SINGLE", ann.id(), T1).getOrElseThrow(AssertionError::new);
            assertThat(state.callerHold().isDefined()).isTrue();
            redeemed(ann, "SINGLE", 1, T1);
            return null;
        });

        CodeState after = transactions.inTransaction(() -> vouchers.lockCode(ALPHA, "SINGLE", bob.id(), T1))
                .getOrElseThrow(AssertionError::new);
        assertThat(after.redemptions()).isEqualTo(1);
        assertThat(after.activeHolds()).isZero();
    }

    @Test
    void the_same_code_in_two_tenants_is_two_independent_codes() {
        Campaign alphas = singleUse(1);
        Campaign betas = multiUse(1, 5, null);
        campaignWithCodes(ALPHA, alphas, "SAME");
        campaignWithCodes(BETA, betas, "SAME");

        held(ann, "SAME", 1, T0, HOLD);
        redeemed(ann, "SAME", 1, T1);
        held(bob, "SAME", 1, T1, HOLD);

        CodeState inBeta = state(annInBeta, "SAME", T1);
        assertThat(inBeta).isEqualTo(new CodeState(betas, "SAME", 0, 0, Option.none(), 0));
        CodeState inAlpha = state(bob, "SAME", T1);
        assertThat(inAlpha.campaign()).isEqualTo(alphas);
        assertThat(inAlpha.redemptions()).isEqualTo(1);
        assertThat(inAlpha.activeHolds()).isEqualTo(1);
        assertThat(vouchers.codesOfOtherCampaigns(BETA, 2, List.of("SAME"))).containsExactly("SAME");
        assertThat(vouchers.codesOfOtherCampaigns(BETA, 1, List.of("SAME"))).isEmpty();
    }

    // --- holds with a reservation, consumes (the lock-free path) --------------------------------

    private Hold hold(User user, String code, long campaignId, Instant at, Duration holdFor) {
        return new Hold(user.tenantId(), code, campaignId, user.id(), at, at.plus(holdFor));
    }

    @Test
    void the_view_has_the_campaign_with_its_pages_and_the_callers_hold_and_redemptions() {
        Campaign paged = new Campaign(1, "Paged", 204, null, null, List.of(602L, 601L), CodeKind.MULTI_USE, null, 2);
        campaignWithCodes(ALPHA, paged, "VIEWED");
        held(ann, "VIEWED", 1, T0, HOLD);
        redeemed(ann, "VIEWED", 1, T0.plusSeconds(1));
        Hold again = held(ann, "VIEWED", 1, T1, HOLD);
        held(bob, "VIEWED", 1, T1, HOLD);

        CodeView view = vouchers.view(ALPHA, "VIEWED", ann.id(), T1.plusSeconds(1))
                .getOrElseThrow(() -> new AssertionError("no view"));

        assertThat(view).isEqualTo(new CodeView(paged, "VIEWED", Option.some(again), 1));
        assertThat(vouchers.view(ALPHA, "VIEWED", ann.id(), T1.plus(HOLD)).get().callerHold().isEmpty())
                .as("expired").isTrue();
        assertThat(vouchers.view(ALPHA, "NOPE", ann.id(), T1).isEmpty()).isTrue();
        assertThat(vouchers.view(BETA, "VIEWED", annInBeta.id(), T1).isEmpty()).as("another tenant's").isTrue();
    }

    @Test
    void a_code_without_a_limit_takes_every_hold() {
        campaignWithCodes(ALPHA, multiUse(1, null, null), "OPEN");

        assertThat(vouchers.hold(hold(ann, "OPEN", 1, T0, HOLD), null)).isTrue();
        assertThat(vouchers.hold(hold(bob, "OPEN", 1, T0, HOLD), null)).isTrue();

        assertThat(state(ann, "OPEN", T1).activeHolds()).isEqualTo(2);
    }

    @Test
    void a_limited_code_takes_holds_up_to_its_limit_and_redemptions_keep_their_slots() {
        campaignWithCodes(ALPHA, multiUse(1, 2, null), "TWO");
        User carl = customer(ALPHA, "carl@example.com");

        assertThat(vouchers.hold(hold(ann, "TWO", 1, T0, HOLD), 2)).isTrue();
        assertThat(vouchers.consume(new Redemption(ALPHA, "TWO", 1, ann.id(), T1), null))
                .isEqualTo(Vouchers.Consumed.REDEEMED);
        assertThat(vouchers.hold(hold(bob, "TWO", 1, T1, HOLD), 2)).isTrue();

        assertThat(vouchers.hold(hold(carl, "TWO", 1, T1, HOLD), 2)).as("one redeemed, one held: full").isFalse();
        assertThat(state(carl, "TWO", T1).activeHolds()).as("nothing stored for carl").isEqualTo(1);
    }

    @Test
    void holds_that_expired_unconsumed_give_their_slots_back_when_the_code_is_full() {
        campaignWithCodes(ALPHA, singleUse(1), "ONE");
        assertThat(vouchers.hold(hold(ann, "ONE", 1, T0, Duration.ofMinutes(1)), 1)).isTrue();
        assertThat(vouchers.hold(hold(bob, "ONE", 1, T0.plusSeconds(30), HOLD), 1)).as("ann's is active").isFalse();

        Instant later = T0.plus(Duration.ofMinutes(1));
        assertThat(vouchers.hold(hold(bob, "ONE", 1, later, HOLD), 1)).as("ann's expired").isTrue();

        assertThat(vouchers.consume(new Redemption(ALPHA, "ONE", 1, ann.id(), later), null))
                .as("ann's hold is gone").isEqualTo(Vouchers.Consumed.NOT_HELD);
        assertThat(vouchers.consume(new Redemption(ALPHA, "ONE", 1, bob.id(), later.plusSeconds(1)), null))
                .isEqualTo(Vouchers.Consumed.REDEEMED);
        assertThat(vouchers.hold(hold(ann, "ONE", 1, later.plus(HOLD).plus(HOLD), HOLD), 1))
                .as("a redemption never gives its slot back").isFalse();
        assertThat(state(ann, "ONE", later.plusSeconds(2)).redemptions()).isEqualTo(1);
    }

    @Test
    void a_consume_turns_the_active_hold_into_one_redemption_once() {
        campaignWithCodes(ALPHA, multiUse(1, null, null), "ONCE");
        vouchers.hold(hold(ann, "ONCE", 1, T0, HOLD), null);

        assertThat(vouchers.consume(new Redemption(ALPHA, "ONCE", 1, ann.id(), T1), null))
                .isEqualTo(Vouchers.Consumed.REDEEMED);
        assertThat(vouchers.consume(new Redemption(ALPHA, "ONCE", 1, ann.id(), T1.plusSeconds(1)), null))
                .isEqualTo(Vouchers.Consumed.NOT_HELD);
        assertThat(vouchers.consume(new Redemption(ALPHA, "ONCE", 1, bob.id(), T1), null))
                .as("bob has no hold").isEqualTo(Vouchers.Consumed.NOT_HELD);

        assertThat(state(ann, "ONCE", T1.plusSeconds(2)).redemptions()).isEqualTo(1);
        assertThat(state(ann, "ONCE", T1.plusSeconds(2)).callerRedemptions()).isEqualTo(1);
    }

    @Test
    void a_consume_after_the_hold_expired_writes_nothing() {
        campaignWithCodes(ALPHA, multiUse(1, null, null), "LATE");
        vouchers.hold(hold(ann, "LATE", 1, T0, Duration.ofMinutes(1)), null);

        assertThat(vouchers.consume(new Redemption(ALPHA, "LATE", 1, ann.id(), T0.plus(Duration.ofMinutes(1))), null))
                .isEqualTo(Vouchers.Consumed.NOT_HELD);
        assertThat(state(ann, "LATE", T1).redemptions()).isZero();
    }

    @Test
    void a_consume_beyond_the_per_customer_limit_is_refused_and_keeps_the_hold() {
        campaignWithCodes(ALPHA, multiUse(1, null, 2), "TWICE");
        for (int i = 0; i < 2; i++) {
            Instant at = T0.plus(Duration.ofMinutes(i));
            vouchers.hold(hold(ann, "TWICE", 1, at, HOLD), null);
            assertThat(vouchers.consume(new Redemption(ALPHA, "TWICE", 1, ann.id(), at.plusSeconds(1)), 2))
                    .isEqualTo(Vouchers.Consumed.REDEEMED);
        }
        Hold third = hold(ann, "TWICE", 1, T1, HOLD);
        vouchers.hold(third, null);

        assertThat(vouchers.consume(new Redemption(ALPHA, "TWICE", 1, ann.id(), T1.plusSeconds(1)), 2))
                .isEqualTo(Vouchers.Consumed.CUSTOMER_LIMIT_REACHED);
        assertThat(vouchers.consume(new Redemption(ALPHA, "TWICE", 1, bob.id(), T1.plusSeconds(1)), 2))
                .as("bob has no hold").isEqualTo(Vouchers.Consumed.NOT_HELD);
        vouchers.hold(hold(bob, "TWICE", 1, T1, HOLD), null);
        assertThat(vouchers.consume(new Redemption(ALPHA, "TWICE", 1, bob.id(), T1.plusSeconds(2)), 2))
                .as("bob's own count").isEqualTo(Vouchers.Consumed.REDEEMED);

        CodeState forAnn = state(ann, "TWICE", T1.plusSeconds(3));
        assertThat(forAnn.callerRedemptions()).isEqualTo(2);
        assertThat(forAnn.callerHold().toJavaOptional()).as("the hold stays").contains(third);
    }

    @Test
    void redemptions_written_on_the_locked_path_count_towards_the_per_customer_limit() {
        campaignWithCodes(ALPHA, multiUse(1, null, 1), "MIXED");
        held(ann, "MIXED", 1, T0, HOLD);
        redeemed(ann, "MIXED", 1, T0.plusSeconds(1));
        vouchers.hold(hold(ann, "MIXED", 1, T1, HOLD), null);

        assertThat(vouchers.consume(new Redemption(ALPHA, "MIXED", 1, ann.id(), T1.plusSeconds(1)), 1))
                .isEqualTo(Vouchers.Consumed.CUSTOMER_LIMIT_REACHED);
    }

    @Test
    void a_campaign_that_gets_a_limit_counts_the_codes_holds_and_redemptions_towards_it() {
        campaignWithCodes(ALPHA, multiUse(1, null, null), "LATER-LIMITED");
        vouchers.hold(hold(ann, "LATER-LIMITED", 1, T0, HOLD), null);
        vouchers.consume(new Redemption(ALPHA, "LATER-LIMITED", 1, ann.id(), T0.plusSeconds(1)), null);
        vouchers.hold(hold(bob, "LATER-LIMITED", 1, T0, HOLD), null);
        User carl = customer(ALPHA, "carl@example.com");

        vouchers.defineCampaign(ALPHA, multiUse(1, 2, null));

        assertThat(vouchers.hold(hold(carl, "LATER-LIMITED", 1, T1, HOLD), 2)).as("ann's and bob's").isFalse();
        assertThat(vouchers.consume(new Redemption(ALPHA, "LATER-LIMITED", 1, bob.id(), T1), null))
                .isEqualTo(Vouchers.Consumed.REDEEMED);
        assertThat(vouchers.hold(hold(carl, "LATER-LIMITED", 1, T0.plus(HOLD).plus(HOLD), HOLD), 2))
                .as("both redeemed").isFalse();
    }
}
