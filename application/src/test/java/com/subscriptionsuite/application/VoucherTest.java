package com.subscriptionsuite.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.fixtures.CountingSecrets;
import com.subscriptionsuite.application.fixtures.InMemoryLoginAttempts;
import com.subscriptionsuite.application.fixtures.InMemoryPasswordResets;
import com.subscriptionsuite.application.fixtures.InMemorySessions;
import com.subscriptionsuite.application.fixtures.InMemoryTenants;
import com.subscriptionsuite.application.fixtures.InMemoryTransactions;
import com.subscriptionsuite.application.fixtures.InMemoryUsers;
import com.subscriptionsuite.application.fixtures.InMemoryVouchers;
import com.subscriptionsuite.application.fixtures.MutableClock;
import com.subscriptionsuite.application.fixtures.PlainTestHasher;
import com.subscriptionsuite.application.fixtures.RecordingMailer;
import com.subscriptionsuite.application.fixtures.SampleTenants;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery;
import com.subscriptionsuite.application.port.in.voucher.DefineCampaigns.CampaignWithCodes;
import com.subscriptionsuite.application.port.in.voucher.HoldVoucher.HeldVoucher;
import com.subscriptionsuite.application.port.in.voucher.HoldVoucher.VoucherCommand;
import com.subscriptionsuite.application.port.in.voucher.VoucherFailure;
import com.subscriptionsuite.domain.pricing.SuiteProductPrice;
import com.subscriptionsuite.domain.voucher.Campaign;
import com.subscriptionsuite.domain.voucher.CodeKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VoucherTest {
    static final Instant START = Instant.parse("2026-11-21T10:00:00Z");
    final MutableClock clock = new MutableClock(START);
    final Engine engine;
    final long ann;
    final long bob;

    VoucherTest() {
        InMemoryTenants tenants = new InMemoryTenants();
        tenants.store(SampleTenants.full(1, "acme"));
        tenants.store(SampleTenants.full(2, "other"));
        InMemoryUsers users = new InMemoryUsers();
        engine = Engine.builder().tenants(tenants).clock(clock).users(users).sessions(new InMemorySessions())
                .passwordResets(new InMemoryPasswordResets()).loginAttempts(new InMemoryLoginAttempts())
                .transactions(new InMemoryTransactions()).passwordHasher(new PlainTestHasher())
                .secrets(new CountingSecrets()).commonPasswords(p -> false).mailer(new RecordingMailer())
                .vouchers(new InMemoryVouchers()).build();
        ann = engine.logInAsGuest().logInAsGuest(1, "a").get().user().id();
        bob = engine.logInAsGuest().logInAsGuest(1, "b").get().user().id();
        Campaign single = new Campaign(1, "Spring", 204, START.minusSeconds(60), START.plus(Duration.ofDays(30)),
                List.of(601L), CodeKind.SINGLE_USE, null, null);
        Campaign welcome = new Campaign(2, "Welcome", 204, null, null, List.of(), CodeKind.MULTI_USE, 3, 1);
        Campaign later = new Campaign(3, "Later", 204, START.plus(Duration.ofDays(1)), null, List.of(),
                CodeKind.MULTI_USE, null, null);
        Campaign over = new Campaign(4, "Over", 204, null, START, List.of(), CodeKind.MULTI_USE, null, null);
        assertThat(engine.defineCampaigns().define(1, List.of(
                new CampaignWithCodes(single, List.of("SPRING-0001", "spring-0002")),
                new CampaignWithCodes(welcome, List.of("WELCOME10")),
                new CampaignWithCodes(later, List.of("LATER")),
                new CampaignWithCodes(over, List.of("OVER")))).isRight()).isTrue();
    }

    VoucherCommand on(String code, long user) {
        return new VoucherCommand(1, code, 601L, user);
    }

    String refusal(VoucherFailure f) {
        return f.code();
    }

    @Nested
    class A_single_use_code {
        @Test
        void is_held_case_insensitively_and_idempotently_for_thirty_minutes() {
            HeldVoucher first = engine.holdVoucher().hold(on("spring-0001", ann)).get();
            clock.advance(Duration.ofMinutes(5));
            HeldVoucher again = engine.holdVoucher().hold(on("SPRING-0001", ann)).get();
            assertThat(again).isEqualTo(first);
            assertThat(first.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(30)));
            assertThat(first.discountRatePlanId()).isEqualTo(204);
            assertThat(first.campaignId()).isEqualTo(1);
        }

        @Test
        void is_refused_to_another_user_while_held_and_free_again_once_the_hold_expired() {
            engine.holdVoucher().hold(on("SPRING-0001", ann)).get();
            assertThat(refusal(engine.holdVoucher().hold(on("SPRING-0001", bob)).getLeft()))
                    .isEqualTo("voucher_held_by_other");
            clock.advance(Duration.ofMinutes(30));
            assertThat(engine.holdVoucher().hold(on("SPRING-0001", bob)).isRight()).isTrue();
            assertThat(refusal(engine.consumeVoucher().consume(on("SPRING-0001", ann)).getLeft()))
                    .as("ann's hold expired").isEqualTo("voucher_not_held");
        }

        @Test
        void is_redeemed_once_and_then_refused_to_everyone() {
            engine.holdVoucher().hold(on("SPRING-0001", ann)).get();
            assertThat(engine.consumeVoucher().consume(on("SPRING-0001", ann)).get().campaignId()).isEqualTo(1);
            assertThat(refusal(engine.consumeVoucher().consume(on("SPRING-0001", ann)).getLeft()))
                    .isEqualTo("voucher_not_held");
            assertThat(refusal(engine.holdVoucher().hold(on("SPRING-0001", ann)).getLeft()))
                    .isEqualTo("voucher_already_redeemed");
            assertThat(refusal(engine.holdVoucher().hold(on("SPRING-0001", bob)).getLeft()))
                    .isEqualTo("voucher_limit_reached");
        }

        @Test
        void cannot_be_consumed_without_a_hold_or_by_someone_else_than_its_holder() {
            assertThat(refusal(engine.consumeVoucher().consume(on("SPRING-0002", ann)).getLeft()))
                    .isEqualTo("voucher_not_held");
            engine.holdVoucher().hold(on("SPRING-0002", ann)).get();
            assertThat(refusal(engine.consumeVoucher().consume(on("SPRING-0002", bob)).getLeft()))
                    .isEqualTo("voucher_not_held");
        }

        @Test
        void is_valid_only_on_its_page() {
            assertThat(refusal(engine.holdVoucher().hold(new VoucherCommand(1, "SPRING-0001", 602L, ann)).getLeft()))
                    .isEqualTo("voucher_not_valid_on_page");
            assertThat(refusal(engine.holdVoucher().hold(new VoucherCommand(1, "SPRING-0001", null, ann)).getLeft()))
                    .isEqualTo("voucher_not_valid_on_page");
        }
    }

    @Nested
    class A_multi_use_code {
        @Test
        void is_redeemed_once_per_customer_and_up_to_its_total_limit() {
            long carl = engine.logInAsGuest().logInAsGuest(1, "c").get().user().id();
            long dora = engine.logInAsGuest().logInAsGuest(1, "d").get().user().id();
            for (long user : List.of(ann, bob, carl)) {
                engine.holdVoucher().hold(on("welcome10", user)).get();
                engine.consumeVoucher().consume(on("welcome10", user)).get();
            }
            assertThat(refusal(engine.holdVoucher().hold(on("WELCOME10", ann)).getLeft()))
                    .isEqualTo("voucher_already_redeemed");
            assertThat(refusal(engine.holdVoucher().hold(on("WELCOME10", dora)).getLeft()))
                    .isEqualTo("voucher_limit_reached");
        }

        @Test
        void counts_holds_against_its_limit_until_they_expire() {
            long carl = engine.logInAsGuest().logInAsGuest(1, "c").get().user().id();
            long dora = engine.logInAsGuest().logInAsGuest(1, "d").get().user().id();
            for (long user : List.of(ann, bob, carl)) {
                engine.holdVoucher().hold(on("WELCOME10", user)).get();
            }
            assertThat(refusal(engine.holdVoucher().hold(on("WELCOME10", dora)).getLeft()))
                    .isEqualTo("voucher_limit_reached");
            clock.advance(Duration.ofMinutes(31));
            assertThat(engine.holdVoucher().hold(on("WELCOME10", dora)).isRight()).isTrue();
        }
    }

    @Test
    void refuses_unknown_malformed_not_yet_valid_and_expired_codes_and_codes_of_another_tenant() {
        assertThat(refusal(engine.holdVoucher().hold(on("NOPE-123", ann)).getLeft())).isEqualTo("voucher_unknown");
        assertThat(refusal(engine.holdVoucher().hold(on("x", ann)).getLeft())).isEqualTo("voucher_malformed");
        assertThat(refusal(engine.holdVoucher().hold(on("LATER", ann)).getLeft())).isEqualTo("voucher_not_yet_valid");
        assertThat(refusal(engine.holdVoucher().hold(on("OVER", ann)).getLeft())).isEqualTo("voucher_expired");
        assertThat(refusal(engine.holdVoucher().hold(new VoucherCommand(2, "WELCOME10", null, ann)).getLeft()))
                .isEqualTo("voucher_unknown");
    }

    @Nested
    class Defining_campaigns {
        @Test
        void refuses_a_code_of_another_campaign_and_stores_nothing() {
            Campaign more = new Campaign(5, "More", 204, null, null, List.of(), CodeKind.SINGLE_USE, null, null);
            var result = engine.defineCampaigns().define(1, List.of(
                    new CampaignWithCodes(more, List.of("FRESH-1", "spring-0001"))));
            assertThat(result.getLeft().code()).isEqualTo("campaigns_invalid");
            assertThat(engine.holdVoucher().hold(on("FRESH-1", ann)).getLeft().code()).isEqualTo("voucher_unknown");
        }

        @Test
        void imports_codes_all_or_nothing_and_counts_those_already_present() {
            var imported = engine.defineCampaigns().importCodes(1, 1, List.of("SPRING-0003", "spring-0001"));
            assertThat(imported.get().newCodes()).isEqualTo(1);
            assertThat(imported.get().alreadyPresent()).isEqualTo(1);
            var refused = engine.defineCampaigns().importCodes(1, 1, List.of("SPRING-0004", "no"));
            assertThat(refused.isLeft()).isTrue();
            assertThat(engine.holdVoucher().hold(on("SPRING-0004", ann)).getLeft().code()).isEqualTo("voucher_unknown");
            assertThat(engine.defineCampaigns().importCodes(1, 99, List.of("X-1234")).isLeft()).isTrue();
        }
    }

    @Nested
    class Previewing_with_a_code {
        PreviewPricesQuery query(String code, Long user) {
            return new PreviewPricesQuery(1, null, null, List.of(new PreviewPricesQuery.Item(401, 1, 0)), code, 601L,
                    user);
        }

        @Test
        void prices_the_campaign_discount_off_the_recurring_charges() {
            SuiteProductPrice sp = engine.previewPrices().preview(query("spring-0001", ann)).get().suiteProducts()
                    .get(0);
            // 401: base fee 9.99 incl. + screen 2.50 incl. = 12.49 a month; 10 % off each line: 8.99 + 2.25 = 11.24
            var month = sp.prices().get(1);
            assertThat(month.billingPeriod()).isEqualTo("Month");
            assertThat(month.amounts().brutto().getAmount()).isEqualByComparingTo("11.24");
            assertThat(month.amounts().originalBrutto().getAmount()).isEqualByComparingTo("12.49");
            assertThat(month.amounts().discounted()).isTrue();
            assertThat(sp.ratePlans()).extracting(r -> r.id()).containsExactly(201L, 204L);
            assertThat(sp.prices().get(0).amounts().discounted()).as("one-time setup, not taxable").isTrue();
        }

        @Test
        void takes_percentages_off_every_suite_product_and_a_fixed_amount_once() {
            var preview = engine.previewPrices().preview(new PreviewPricesQuery(1, null, null,
                    List.of(new PreviewPricesQuery.Item(403, 2, 1), new PreviewPricesQuery.Item(401, 1, 0)),
                    "WELCOME10", null, ann)).get();
            SuiteProductPrice basic = preview.suiteProducts().get(0);
            SuiteProductPrice storage = preview.suiteProducts().get(1);
            assertThat(basic.ratePlans().get(1).charges()).hasSize(2);
            assertThat(storage.ratePlans().get(1).charges()).hasSize(1);
            // storage 2 × 4.99 incl. = 9.98 a month, 10 % off = 8.98
            assertThat(storage.prices().get(0).amounts().brutto().getAmount()).isEqualByComparingTo("8.98");
            assertThat(basic.prices().get(0).amounts().netto().getAmount()).as("setup 19 - 5").isEqualByComparingTo("14");
        }

        @Test
        void refuses_a_code_held_by_someone_else_also_to_an_anonymous_caller() {
            engine.holdVoucher().hold(on("SPRING-0001", ann)).get();
            assertThat(engine.previewPrices().preview(query("SPRING-0001", ann)).isRight()).isTrue();
            assertThat(engine.previewPrices().preview(query("SPRING-0001", bob)).getLeft().code())
                    .isEqualTo("voucher_held_by_other");
            assertThat(engine.previewPrices().preview(query("SPRING-0001", null)).getLeft().code())
                    .isEqualTo("voucher_held_by_other");
            assertThat(engine.previewPrices().preview(query("NOPE-1", ann)).getLeft().field())
                    .isEqualTo("voucher_code");
        }
    }
}
