package com.subscriptionsuite.adapters.http.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.port.in.account.AccountFailure;
import com.subscriptionsuite.application.port.in.catalog.CatalogFailure;
import com.subscriptionsuite.application.port.in.catalogsync.CatalogSyncFailure;
import com.subscriptionsuite.application.port.in.events.WebhookFailure;
import com.subscriptionsuite.application.port.in.change.ChangeFailure;
import com.subscriptionsuite.application.port.in.checkout.CheckoutFailure;
import com.subscriptionsuite.application.port.in.idempotency.IdempotencyFailure;
import com.subscriptionsuite.application.port.in.identity.IdentityFailure;
import com.subscriptionsuite.application.port.in.payment.PaymentFailure;
import com.subscriptionsuite.application.port.in.pricing.PreviewFailure;
import com.subscriptionsuite.application.port.in.tenant.DefineTenant;
import com.subscriptionsuite.application.port.in.tenant.ResolveTenant;
import com.subscriptionsuite.application.port.in.translation.Translate;
import com.subscriptionsuite.application.port.in.vat.VatFailure;
import com.subscriptionsuite.application.port.in.voucher.VoucherFailure;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import com.subscriptionsuite.application.port.in.quote.QuoteFailure;
import com.subscriptionsuite.application.port.out.quote.QuoteSourceFailure;
import com.subscriptionsuite.application.port.in.revenue.RevenueFailure;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeedFailure;
import com.subscriptionsuite.domain.identity.IdentityRejection;
import com.subscriptionsuite.domain.subscription.ChangeAction;
import com.subscriptionsuite.domain.subscription.ChangeRejection;
import com.subscriptionsuite.domain.payment.FieldProblem;
import com.subscriptionsuite.domain.tenant.Problem;
import com.subscriptionsuite.domain.voucher.VoucherRejection;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorTableTest {

    /**
     * Every failure record the adapter can meet: the sealed families walked by reflection (an
     * {@link IdentityFailure.InputRejected} once per {@link IdentityRejection} it can carry, a
     * {@link VoucherFailure.Refused} and a {@link PreviewFailure.VoucherRefused} once per
     * {@link VoucherRejection}, a {@link CheckoutFailure.CartRefused} once per preview failure, a
     * {@link CheckoutFailure.AccountRefused} once per account failure, a
     * {@link CheckoutFailure.PaymentMethodRefused} once per payment failure and a
     * {@link RequestFailure.JsonLimitExceeded} once per limit), and the rest.
     */
    private static List<Object> everyFailure() throws ReflectiveOperationException {
        List<Object> failures = new ArrayList<>();
        for (Class<?> family : List.of(PreviewFailure.class, CatalogFailure.class, RequestFailure.class,
                IdentityFailure.class, VoucherFailure.class, VatFailure.class, AccountFailure.class,
                CheckoutFailure.class, IdempotencyFailure.class, ChangeFailure.class, PaymentFailure.class,
                CatalogSyncFailure.class, QuoteFailure.class, WebhookFailure.class, RevenueFailure.class)) {
            assertThat(family.isSealed()).as("%s is sealed", family).isTrue();
            for (Class<?> type : family.getPermittedSubclasses()) {
                if (type == IdentityFailure.InputRejected.class) {
                    failures.addAll(everyInputRejection());
                } else if (type == VoucherFailure.Refused.class) {
                    for (VoucherRejection rejection : everyVoucherRejection()) {
                        failures.add(new VoucherFailure.Refused(rejection));
                    }
                } else if (type == ChangeFailure.Refused.class) {
                    for (ChangeRejection rejection : everyChangeRejection()) {
                        failures.add(new ChangeFailure.Refused(rejection));
                    }
                } else if (type == PreviewFailure.VoucherRefused.class) {
                    for (VoucherRejection rejection : everyVoucherRejection()) {
                        failures.add(new PreviewFailure.VoucherRefused(rejection));
                    }
                } else if (type == CheckoutFailure.CartRefused.class) {
                    for (Class<?> preview : PreviewFailure.class.getPermittedSubclasses()) {
                        if (preview != PreviewFailure.VoucherRefused.class) {
                            failures.add(new CheckoutFailure.CartRefused((PreviewFailure) instantiate(preview)));
                        }
                    }
                } else if (type == QuoteFailure.SourceFailed.class) {
                    for (Class<?> source : QuoteSourceFailure.class.getPermittedSubclasses()) {
                        failures.add(new QuoteFailure.SourceFailed((QuoteSourceFailure) instantiate(source)));
                    }
                } else if (type == QuoteFailure.BookingFailed.class) {
                    failures.add(new QuoteFailure.BookingFailed(new CheckoutFailure.GuestCheckoutDisabled()));
                } else if (type == RevenueFailure.LinesInvalid.class) {
                    failures.add(new RevenueFailure.LinesInvalid(List.of(new RevenueFailure.Problem(0, "currency",
                            "x"))));
                } else if (type == RevenueFailure.FeedFailed.class) {
                    for (Class<?> feed : RevenueFeedFailure.class.getPermittedSubclasses()) {
                        failures.add(new RevenueFailure.FeedFailed((RevenueFeedFailure) instantiate(feed)));
                    }
                } else if (type == CatalogSyncFailure.Refused.class) {
                    failures.add(new CatalogSyncFailure.Refused(List.of(new Problem("$.catalog", "x"))));
                } else if (type == RequestFailure.JsonLimitExceeded.class) {
                    for (RequestFailure.JsonLimitExceeded.Limit limit : RequestFailure.JsonLimitExceeded.Limit.values()) {
                        failures.add(new RequestFailure.JsonLimitExceeded(limit, 1000));
                    }
                } else if (type == CheckoutFailure.AccountRefused.class) {
                    for (Class<?> account : AccountFailure.class.getPermittedSubclasses()) {
                        for (Object inner : instances(account)) {
                            failures.add(new CheckoutFailure.AccountRefused((AccountFailure) inner));
                        }
                    }
                } else if (type == CheckoutFailure.PaymentMethodRefused.class) {
                    for (Class<?> payment : PaymentFailure.class.getPermittedSubclasses()) {
                        for (Object inner : instances(payment)) {
                            failures.add(new CheckoutFailure.PaymentMethodRefused((PaymentFailure) inner));
                        }
                    }
                } else {
                    failures.addAll(instances(type));
                }
            }
        }
        failures.add(instantiate(ResolveTenant.TenantUnknown.class));
        failures.add(instantiate(Translate.LanguageNotOffered.class));
        failures.add(instantiate(DefineTenant.DefinitionRejected.class));
        return failures;
    }

    /**
     * A failure type's instances: a use case's {@code BillingFailed} once per {@link BillingFailure}
     * it can carry, any other record once.
     */
    private static List<Object> instances(Class<?> type) throws ReflectiveOperationException {
        if (!type.getSimpleName().equals("BillingFailed")) {
            return List.of(instantiate(type));
        }
        List<Object> failed = new ArrayList<>();
        for (BillingFailure billing : everyBillingFailure()) {
            failed.add(type.getDeclaredConstructor(BillingFailure.class).newInstance(billing));
        }
        return failed;
    }

    private static List<BillingFailure> everyBillingFailure() throws ReflectiveOperationException {
        assertThat(BillingFailure.class.isSealed()).isTrue();
        List<BillingFailure> failures = new ArrayList<>();
        for (Class<?> type : BillingFailure.class.getPermittedSubclasses()) {
            failures.add((BillingFailure) instantiate(type));
        }
        assertThat(failures).hasSizeGreaterThanOrEqualTo(4);
        return failures;
    }

    private static List<Object> everyInputRejection() throws ReflectiveOperationException {
        assertThat(IdentityRejection.class.isSealed()).isTrue();
        List<Object> rejected = new ArrayList<>();
        for (Class<?> type : IdentityRejection.class.getPermittedSubclasses()) {
            rejected.add(new IdentityFailure.InputRejected((IdentityRejection) instantiate(type)));
        }
        assertThat(rejected).hasSizeGreaterThanOrEqualTo(5);
        return rejected;
    }

    private static List<VoucherRejection> everyVoucherRejection() throws ReflectiveOperationException {
        assertThat(VoucherRejection.class.isSealed()).isTrue();
        List<VoucherRejection> rejections = new ArrayList<>();
        for (Class<?> type : VoucherRejection.class.getPermittedSubclasses()) {
            rejections.add((VoucherRejection) instantiate(type));
        }
        assertThat(rejections).hasSizeGreaterThanOrEqualTo(9);
        return rejections;
    }

    private static List<ChangeRejection> everyChangeRejection() throws ReflectiveOperationException {
        assertThat(ChangeRejection.class.isSealed()).isTrue();
        List<ChangeRejection> rejections = new ArrayList<>();
        for (Class<?> type : ChangeRejection.class.getPermittedSubclasses()) {
            rejections.add((ChangeRejection) instantiate(type));
        }
        assertThat(rejections).hasSizeGreaterThanOrEqualTo(7);
        return rejections;
    }

    @Test
    void maps_the_code_of_every_failure_record_to_a_status() throws ReflectiveOperationException {
        for (Object failure : everyFailure()) {
            String code = code(failure);
            assertThat(ErrorTable.maps(code)).as("%s has code %s in the table", failure.getClass(), code).isTrue();
        }
    }

    @Test
    void has_no_code_that_no_failure_record_produces() throws ReflectiveOperationException {
        Set<String> produced = new LinkedHashSet<>();
        for (Object failure : everyFailure()) {
            produced.add(code(failure));
        }

        assertThat(ErrorTable.codes()).containsExactlyInAnyOrderElementsOf(produced);
    }

    @Test
    void answers_client_errors_with_4xx_and_only_internal_error_a_busy_server_and_a_failing_provider_with_5xx()
            throws ReflectiveOperationException {
        for (Object failure : everyFailure()) {
            String code = code(failure);
            if (code.equals("internal_error")) {
                assertThat(ErrorTable.status(code)).isEqualTo(500);
            } else if (code.equals("payment_provider_unavailable") || code.equals("server_busy")
                    || code.equals("billing_unavailable") || code.equals("quote_source_unavailable")) {
                assertThat(ErrorTable.status(code)).as(code).isEqualTo(503);
            } else if (code.equals("revenue_unavailable")) {
                assertThat(ErrorTable.status(code)).as(code).isEqualTo(503);
            } else if (code.startsWith("revenue_") && RevenueFeedFailure.class.getPermittedSubclasses().length > 0
                    && ErrorTable.status(code) >= 500) {
                assertThat(ErrorTable.status(code)).as("Zuora Revenue refused or is misconfigured: a bad gateway")
                        .isEqualTo(502);
            } else if (code.equals("billing_rejected") || code.equals("quote_source_rejected")) {
                assertThat(ErrorTable.status(code)).as("the billing system refused: a bad gateway").isEqualTo(502);
            } else {
                assertThat(ErrorTable.status(code)).as(code).isBetween(400, 499);
            }
        }
    }

    @Test
    void maps_the_statuses_the_api_documents() {
        assertThat(ErrorTable.status("json_malformed")).isEqualTo(400);
        assertThat(ErrorTable.status("field_unknown")).isEqualTo(400);
        assertThat(ErrorTable.status("field_type")).isEqualTo(400);
        assertThat(ErrorTable.status("field_required")).isEqualTo(400);
        assertThat(ErrorTable.status("body_too_large")).isEqualTo(413);
        assertThat(ErrorTable.status("media_type_unsupported")).isEqualTo(415);
        assertThat(ErrorTable.status("route_not_found")).isEqualTo(404);
        assertThat(ErrorTable.status("method_not_allowed")).isEqualTo(405);
        assertThat(ErrorTable.status("tenant_unknown")).isEqualTo(404);
        assertThat(ErrorTable.status("product_not_found")).isEqualTo(404);
        assertThat(ErrorTable.status("page_not_found")).isEqualTo(404);
        assertThat(ErrorTable.status("language_not_offered")).isEqualTo(400);
        assertThat(ErrorTable.status("cart_empty")).isEqualTo(400);
        assertThat(ErrorTable.status("order_pos_duplicate")).isEqualTo(400);
        assertThat(ErrorTable.status("suite_product_not_found")).isEqualTo(422);
        assertThat(ErrorTable.status("quantity_out_of_range")).isEqualTo(422);
        assertThat(ErrorTable.status("currency_not_offered")).isEqualTo(422);
        assertThat(ErrorTable.status("not_priced_in_currency")).isEqualTo(422);
        assertThat(ErrorTable.status("internal_error")).isEqualTo(500);
        assertThat(ErrorTable.status("server_busy")).isEqualTo(503);
    }

    @Test
    void refuses_json_beyond_each_parser_limit_with_its_own_400_naming_the_limit() {
        RequestFailure tooDeep = new RequestFailure.JsonLimitExceeded(
                RequestFailure.JsonLimitExceeded.Limit.NESTING_DEPTH, 1000);

        assertThat(tooDeep.code()).isEqualTo("json_too_deep");
        assertThat(tooDeep.message()).isEqualTo("body: JSON nested deeper than the limit of 1000 levels");
        for (String limit : List.of("json_too_deep", "json_number_too_long", "json_name_too_long",
                "json_string_too_long")) {
            assertThat(ErrorTable.status(limit)).as(limit).isEqualTo(400);
        }
    }

    @Test
    void maps_the_identity_and_access_failures() {
        for (String inputRejection : List.of("email_invalid", "password_too_short", "password_too_long",
                "password_too_common", "password_contains_email", "reset_key_invalid")) {
            assertThat(ErrorTable.status(inputRejection)).as(inputRejection).isEqualTo(400);
        }
        assertThat(ErrorTable.status("email_taken")).isEqualTo(409);
        assertThat(ErrorTable.status("credentials_invalid")).isEqualTo(401);
        assertThat(ErrorTable.status("not_authenticated")).isEqualTo(401);
        assertThat(ErrorTable.status("admin_key_invalid")).isEqualTo(401);
        assertThat(ErrorTable.status("customer_required")).isEqualTo(403);
        assertThat(ErrorTable.status("guest_checkout_disabled")).isEqualTo(403);
        assertThat(ErrorTable.status("origin_not_allowed")).isEqualTo(403);
        assertThat(ErrorTable.status("header_repeated")).isEqualTo(400);
        assertThat(ErrorTable.status("login_throttled")).isEqualTo(429);
    }

    @Test
    void maps_the_voucher_failures_and_the_user_mismatch() {
        assertThat(ErrorTable.status("voucher_malformed")).isEqualTo(400);
        assertThat(ErrorTable.status("voucher_unknown")).isEqualTo(404);
        for (String invalidNow : List.of("voucher_not_yet_valid", "voucher_expired", "voucher_not_valid_on_page")) {
            assertThat(ErrorTable.status(invalidNow)).as(invalidNow).isEqualTo(422);
        }
        for (String conflict : List.of("voucher_held_by_other", "voucher_limit_reached", "voucher_already_redeemed",
                "voucher_not_held")) {
            assertThat(ErrorTable.status(conflict)).as(conflict).isEqualTo(409);
        }
        assertThat(ErrorTable.status("campaigns_invalid")).isEqualTo(422);
        assertThat(ErrorTable.status("user_mismatch")).isEqualTo(403);
    }

    @Test
    void maps_the_subscription_change_failures() {
        assertThat(ErrorTable.status("subscription_not_found")).isEqualTo(404);
        assertThat(ErrorTable.status("change_option_not_found")).isEqualTo(404);
        for (String state : List.of("subscription_cancelled", "change_pending", "subscription_not_started",
                "suite_product_withdrawn")) {
            assertThat(ErrorTable.status(state)).as(state).isEqualTo(409);
        }
        for (String rule : List.of("change_not_allowed", "change_contact_us", "quantity_out_of_range", "quantity_fixed",
                "quantity_unchanged", "notice_period", "change_option_unavailable", "not_priced_in_currency",
                "billing_period_change_not_supported", "billing_period_not_supported", "subscription_not_recurring")) {
            assertThat(ErrorTable.status(rule)).as(rule).isEqualTo(422);
        }
    }

    @Test
    void names_the_path_part_a_change_is_refused_for_in_the_details() {
        ApiError notice = ApiError.from(new ChangeFailure.Refused(new ChangeRejection.NoticePeriod(
                LocalDate.of(2023, 6, 1), LocalDate.of(2023, 6, 6), 14)));
        ApiError upgrade = ApiError.from(new ChangeFailure.Refused(new ChangeRejection.ContactUs(
                ChangeAction.QUANTITY_UPGRADE)));
        ApiError option = ApiError.from(new ChangeFailure.Refused(new ChangeRejection.ChangeOptionNotFound(901, 999)));
        ApiError mine = ApiError.from(new ChangeFailure.SubscriptionNotFound("abc"));

        assertThat(notice.details()).containsExactly(new FieldDetail("effective_date",
                "2023-06-01 is within the notice period of 14 days; the earliest date is 2023-06-06"));
        assertThat(upgrade.details()).extracting(FieldDetail::field).containsExactly("quantity");
        assertThat(option.details()).extracting(FieldDetail::field).containsExactly("changeOptionId");
        assertThat(mine.details()).containsExactly(new FieldDetail("uuid", "no subscription abc"));
    }

    @Test
    void names_the_voucher_field_at_fault_in_the_details() {
        ApiError expired = ApiError.from(new VoucherFailure.Refused(
                new VoucherRejection.Expired("SUMMER", Instant.parse("2025-06-01T00:00:00Z"))));
        ApiError offPage = ApiError.from(new VoucherFailure.Refused(new VoucherRejection.NotValidOnPage("SUMMER", 7L)));
        ApiError inPreview = ApiError.from(new PreviewFailure.VoucherRefused(new VoucherRejection.Unknown("NOPE")));
        ApiError campaigns = ApiError.from(new VoucherFailure.CampaignsRejected(
                List.of(new Problem("$.campaigns[0].codes[1]", "duplicate code"))));

        assertThat(expired.details()).containsExactly(
                new FieldDetail("code", "voucher 'SUMMER' was valid until 2025-06-01T00:00:00Z"));
        assertThat(offPage.details()).extracting(FieldDetail::field).containsExactly("page_id");
        assertThat(inPreview.details()).containsExactly(new FieldDetail("voucher_code", "no voucher 'NOPE'"));
        assertThat(inPreview.message()).startsWith("voucher_code: ");
        assertThat(campaigns.details()).containsExactly(new FieldDetail("$.campaigns[0].codes[1]", "duplicate code"));
    }

    @Test
    void names_the_rejected_field_in_the_details() {
        ApiError error = ApiError.from(new IdentityFailure.InputRejected(
                new IdentityRejection.PasswordTooShort("user.password", 10)));

        assertThat(error.details()).containsExactly(
                new FieldDetail("user.password", "a password needs at least 10 characters"));
        assertThat(error.message()).startsWith("user.password: ");
    }

    @Test
    void tells_a_throttled_client_when_to_retry_and_challenges_every_401() {
        assertThat(ApiError.from(new IdentityFailure.LoginThrottled(42)).headers())
                .containsExactly(Map.entry("Retry-After", "42"));
        assertThat(ApiError.from(new IdentityFailure.NotAuthenticated()).headers())
                .containsEntry("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        assertThat(ApiError.from(new IdentityFailure.AdminKeyInvalid()).headers())
                .containsEntry("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        assertThat(ApiError.from(new IdentityFailure.CredentialsInvalid()).headers())
                .containsEntry("WWW-Authenticate", "Bearer");
        assertThat(ApiError.from(new IdentityFailure.CustomerRequired()).headers()).isEmpty();
    }

    @Test
    void maps_the_checkout_account_and_idempotency_failures() {
        assertThat(ErrorTable.status("account_invalid")).isEqualTo(400);
        assertThat(ErrorTable.status("account_not_found")).isEqualTo(404);
        assertThat(ErrorTable.status("invoice_not_found")).isEqualTo(404);
        assertThat(ErrorTable.status("payment_method_not_found")).isEqualTo(404);
        assertThat(ErrorTable.status("not_acceptable")).isEqualTo(406);
        assertThat(ErrorTable.status("account_currency_locked")).isEqualTo(409);
        assertThat(ErrorTable.status("multiple_subscriptions_not_allowed")).isEqualTo(409);
        assertThat(ErrorTable.status("suite_product_not_purchasable")).isEqualTo(422);
        assertThat(ErrorTable.status("rate_plan_mismatch")).isEqualTo(422);
        assertThat(ErrorTable.status("idempotency_key_invalid")).isEqualTo(400);
        assertThat(ErrorTable.status("idempotency_key_reused")).isEqualTo(422);
        assertThat(ErrorTable.status("idempotency_request_in_flight")).isEqualTo(409);
    }

    @Test
    void names_every_problem_of_a_refused_account_under_account_in_a_checkout() {
        AccountFailure invalid = new AccountFailure.AccountInvalid(List.of(
                new com.subscriptionsuite.domain.account.AccountProblem("first_name", "is required"),
                new com.subscriptionsuite.domain.account.AccountProblem("country", "'Germany' is not an ISO code")));

        ApiError inCheckout = ApiError.from(new CheckoutFailure.AccountRefused(invalid));
        ApiError onPut = ApiError.from(invalid);

        assertThat(inCheckout.details()).containsExactly(new FieldDetail("account.first_name", "is required"),
                new FieldDetail("account.country", "'Germany' is not an ISO code"));
        assertThat(inCheckout.message()).isEqualTo("account.first_name: is required (and 1 more)");
        assertThat(onPut.details()).extracting(FieldDetail::field).containsExactly("first_name", "country");
        assertThat(ApiError.from(new IdempotencyFailure.KeyReused()).details()).extracting(FieldDetail::field)
                .containsExactly("Idempotency-Key");
    }

    @Test
    void maps_the_payment_method_failures() {
        for (String badInput : List.of("country_invalid", "locale_invalid", "payment_data_invalid",
                "payment_page_token_invalid", "paypal_token_invalid", "payment_method_id_required",
                "payment_type_unknown")) {
            assertThat(ErrorTable.status(badInput)).as(badInput).isEqualTo(400);
        }
        for (String notFound : List.of("payment_option_not_found", "payment_method_not_found", "payment_page_not_found",
                "account_not_found", "payment_method_not_set")) {
            assertThat(ErrorTable.status(notFound)).as(notFound).isEqualTo(404);
        }
        assertThat(ErrorTable.status("payment_method_pending")).isEqualTo(409);
        for (String refused : List.of("payment_option_unsuitable", "payment_method_type_mismatch",
                "payment_method_not_offered")) {
            assertThat(ErrorTable.status(refused)).as(refused).isEqualTo(422);
        }
    }

    @Test
    void names_every_payment_field_at_fault_and_the_parameter_of_other_payment_failures() {
        ApiError invalid = ApiError.from(new PaymentFailure.PaymentDataInvalid(List.of(
                new FieldProblem("credit_card_number", "is not a card number (its check digit is wrong)"),
                new FieldProblem("credit_card_security_code", "is required"))));
        ApiError country = ApiError.from(new PaymentFailure.CountryInvalid("XX"));
        ApiError noAccount = ApiError.from(new PaymentFailure.AccountNotFound());

        assertThat(invalid.details()).containsExactly(
                new FieldDetail("credit_card_number", "is not a card number (its check digit is wrong)"),
                new FieldDetail("credit_card_security_code", "is required"));
        assertThat(invalid.message()).isEqualTo(
                "credit_card_number: is not a card number (its check digit is wrong) (and 1 more)");
        assertThat(country.details()).containsExactly(
                new FieldDetail("country", "'XX' is not an ISO 3166 country code such as DE"));
        assertThat(noAccount.details()).isEmpty();
    }

    @Test
    void maps_a_billing_failure_of_every_use_case_family_the_same_way() throws ReflectiveOperationException {
        for (BillingFailure billing : everyBillingFailure()) {
            ApiError direct = ApiError.from(billing);
            assertThat(List.of(ApiError.from(new CheckoutFailure.BillingFailed(billing)),
                    ApiError.from(new CheckoutFailure.AccountRefused(new AccountFailure.BillingFailed(billing))),
                    ApiError.from(new CheckoutFailure.PaymentMethodRefused(new PaymentFailure.BillingFailed(billing))),
                    ApiError.from(new ChangeFailure.BillingFailed(billing)),
                    ApiError.from(new AccountFailure.BillingFailed(billing)),
                    ApiError.from(new PaymentFailure.BillingFailed(billing)))).as(billing.toString())
                    .allSatisfy(error -> assertThat(error).isEqualTo(direct));
        }
    }

    @Test
    void asks_to_retry_an_unavailable_billing_system_after_2_s_and_a_rate_limited_one_after_its_wait_rounded_up() {
        ApiError unavailable = ApiError.from(new BillingFailure.Unavailable("timeout"));
        ApiError limited = ApiError.from(new BillingFailure.RateLimited(Duration.ofMillis(2001)));
        ApiError whole = ApiError.from(new BillingFailure.RateLimited(Duration.ofSeconds(30)));

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.code()).isEqualTo("billing_unavailable");
        assertThat(unavailable.message()).isEqualTo("the billing system is unavailable: timeout");
        assertThat(unavailable.headers()).containsExactly(Map.entry("Retry-After", "2"));
        assertThat(unavailable.details()).isEmpty();
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("billing_rate_limited");
        assertThat(limited.headers()).containsExactly(Map.entry("Retry-After", "3"));
        assertThat(whole.headers()).containsExactly(Map.entry("Retry-After", "30"));
        assertThat(ApiError.from(new BillingFailure.RateLimited(Duration.ZERO)).headers())
                .containsExactly(Map.entry("Retry-After", "1"));
    }

    @Test
    void names_the_billing_system_s_code_and_message_in_the_details_of_a_refusal() {
        ApiError rejected = ApiError.from(new BillingFailure.Rejected("53100020", "Invalid value for field Quantity"));
        ApiError gone = ApiError.from(new BillingFailure.NotFound("subscription A-S0001"));

        assertThat(rejected.status()).isEqualTo(502);
        assertThat(rejected.code()).isEqualTo("billing_rejected");
        assertThat(rejected.message()).isEqualTo(
                "the billing system refused the request (53100020): Invalid value for field Quantity");
        assertThat(rejected.details()).containsExactly(new FieldDetail("billing_system.code", "53100020"),
                new FieldDetail("billing_system.message", "Invalid value for field Quantity"));
        assertThat(rejected.headers()).isEmpty();
        assertThat(gone.status()).isEqualTo(502);
        assertThat(gone.message()).isEqualTo("subscription A-S0001 is not in the billing system");
        assertThat(gone.details()).isEmpty();
    }

    @Test
    void reports_a_code_missing_from_the_table_as_500() {
        assertThat(ErrorTable.maps("no_such_code")).isFalse();
        assertThat(ErrorTable.status("no_such_code")).isEqualTo(500);
    }

    private static String code(Object failure) throws ReflectiveOperationException {
        return (String) failure.getClass().getMethod("code").invoke(failure);
    }

    /** A record built through its canonical constructor from neutral values. */
    private static Object instantiate(Class<?> type) throws ReflectiveOperationException {
        assertThat(type.isRecord()).as("%s is a record", type).isTrue();
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] args = new Object[components.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = neutral(types[i]);
        }
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(args);
    }

    private static Object neutral(Class<?> type) {
        if (type == long.class) {
            return 1L;
        }
        if (type == int.class) {
            return 1;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == String.class) {
            return "x";
        }
        if (type == Long.class) {
            return 1L;
        }
        if (type == Instant.class) {
            return Instant.EPOCH;
        }
        if (type == LocalDate.class) {
            return LocalDate.EPOCH;
        }
        if (type == ChangeAction.class) {
            return ChangeAction.CANCEL;
        }
        if (type == com.subscriptionsuite.application.port.out.webhooks.WebhookDeliveries.Status.class) {
            return com.subscriptionsuite.application.port.out.webhooks.WebhookDeliveries.Status.DELIVERED;
        }
        if (type == Duration.class) {
            return Duration.ofMillis(1500);
        }
        if (type == List.class) {
            return List.of(new FieldDetail("x", "y"));
        }
        throw new IllegalArgumentException("no neutral value for " + type);
    }
}
