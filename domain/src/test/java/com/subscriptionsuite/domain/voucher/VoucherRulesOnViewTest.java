package com.subscriptionsuite.domain.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hold and consume decisions on a {@link CodeView}, for a store that enforces the code's limit itself. */
class VoucherRulesOnViewTest {
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final Duration HOLD = Duration.ofMinutes(30);

    private static Campaign multi(Integer total, Integer perCustomer) {
        return new Campaign(1, "Multi", 10, null, null, List.of(), CodeKind.MULTI_USE, total, perCustomer);
    }

    private static Campaign single() {
        return new Campaign(2, "Single", 10, null, null, List.of(), CodeKind.SINGLE_USE, null, null);
    }

    @Test
    void a_new_hold_for_a_caller_without_one_and_the_same_hold_back_for_a_caller_with_one() {
        CodeView fresh = new CodeView(multi(null, null), "HOT", Option.none(), 0);
        assertThat(VoucherRules.hold(fresh, null, 1, 7, NOW, HOLD).get())
                .isEqualTo(new VoucherRules.NewHold(new Hold(1, "HOT", 1, 7, NOW, NOW.plus(HOLD))));

        Hold own = new Hold(1, "HOT", 1, 7, NOW.minusSeconds(60), NOW.plus(HOLD));
        CodeView held = new CodeView(multi(null, null), "HOT", Option.some(own), 0);
        assertThat(VoucherRules.hold(held, null, 1, 7, NOW, HOLD).get()).isEqualTo(new VoucherRules.KeepHold(own));
    }

    @Test
    void refuses_on_the_callers_own_redemptions_and_on_the_campaigns_window_and_pages() {
        assertThat(VoucherRules.hold(new CodeView(multi(null, 2), "HOT", Option.none(), 2), null, 1, 7, NOW, HOLD)
                .getLeft()).isEqualTo(new VoucherRejection.AlreadyRedeemed("HOT"));
        assertThat(VoucherRules.hold(new CodeView(single(), "ONE", Option.none(), 1), null, 1, 7, NOW, HOLD)
                .getLeft()).isEqualTo(new VoucherRejection.AlreadyRedeemed("ONE"));
        Campaign ended = new Campaign(1, "Ended", 10, null, NOW, List.of(), CodeKind.MULTI_USE, null, null);
        assertThat(VoucherRules.hold(new CodeView(ended, "OLD", Option.none(), 0), null, 1, 7, NOW, HOLD)
                .getLeft()).isEqualTo(new VoucherRejection.Expired("OLD", NOW));
        Campaign paged = new Campaign(1, "Paged", 10, null, null, List.of(5L), CodeKind.MULTI_USE, null, null);
        assertThat(VoucherRules.hold(new CodeView(paged, "PAGE", Option.none(), 0), 6L, 1, 7, NOW, HOLD)
                .getLeft()).isEqualTo(new VoucherRejection.NotValidOnPage("PAGE", 6L));
    }

    @Test
    void the_reserved_limit_is_one_for_single_use_codes_the_total_limit_otherwise() {
        assertThat(VoucherRules.reservedLimit(single())).isEqualTo(1);
        assertThat(VoucherRules.reservedLimit(multi(10, 1))).isEqualTo(10);
        assertThat(VoucherRules.reservedLimit(multi(null, 1))).isNull();
    }

    @Test
    void a_full_code_is_held_by_another_while_a_single_use_code_is_unredeemed_and_at_its_limit_otherwise() {
        assertThat(VoucherRules.fullAtReservation(new CodeState(single(), "ONE", 0, 0, Option.none(), 0)))
                .isEqualTo(new VoucherRejection.HeldByOther("ONE"));
        assertThat(VoucherRules.fullAtReservation(new CodeState(single(), "ONE", 0, 1, Option.none(), 0)))
                .isEqualTo(new VoucherRejection.LimitReached("ONE"));
        assertThat(VoucherRules.fullAtReservation(new CodeState(multi(3, null), "HOT", 1, 1, Option.none(), 0)))
                .isEqualTo(new VoucherRejection.LimitReached("HOT"));
    }

    @Test
    void a_consume_needs_the_callers_active_hold() {
        Hold own = new Hold(1, "HOT", 1, 7, NOW.minus(HOLD), NOW);
        CodeView view = new CodeView(multi(null, null), "HOT", Option.some(own), 0);
        assertThat(VoucherRules.consume(view, 1, 7, NOW.minusSeconds(1)).get())
                .isEqualTo(new Redemption(1, "HOT", 1, 7, NOW.minusSeconds(1)));
        assertThat(VoucherRules.consume(view, 1, 7, NOW).getLeft()).as("expired at its instant")
                .isEqualTo(new VoucherRejection.NotHeld("HOT"));
        assertThat(VoucherRules.consume(new CodeView(multi(null, null), "HOT", Option.none(), 0), 1, 7, NOW)
                .getLeft()).isEqualTo(new VoucherRejection.NotHeld("HOT"));
    }
}
