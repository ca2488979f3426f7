package com.subscriptionsuite.adapters.http.error;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one table from failure code to HTTP status. Every failure record the adapter can meet
 * (the use cases' families and the adapter's {@link RequestFailure}) has its code here; a test
 * walks the families to keep it so.
 */
public final class ErrorTable {
    private static final Map<String, Integer> STATUS;

    static {
        Map<String, Integer> m = new LinkedHashMap<>();
        // the adapter's own request failures
        m.put("json_malformed", 400);
        // the JSON parser's limits (RequestFailure.JsonLimitExceeded), each named by its code
        m.put("json_too_deep", 400);
        m.put("json_number_too_long", 400);
        m.put("json_name_too_long", 400);
        m.put("json_string_too_long", 400);
        m.put("field_unknown", 400);
        m.put("field_type", 400);
        m.put("field_required", 400);
        m.put("body_too_large", 413);
        m.put("media_type_unsupported", 415);
        m.put("route_not_found", 404);
        m.put("method_not_allowed", 405);
        m.put("request_malformed", 400);
        m.put("uri_too_long", 414);
        m.put("headers_too_large", 431);
        m.put("header_repeated", 400);
        m.put("internal_error", 500);
        m.put("server_busy", 503);
        // tenant resolution
        m.put("tenant_unknown", 404);
        m.put("tenant_definition_invalid", 422);
        // CORS (a preflight from an origin the tenant does not list)
        m.put("origin_not_allowed", 403);
        // identity: input rejections name their field in details
        m.put("email_invalid", 400);
        m.put("password_too_short", 400);
        m.put("password_too_long", 400);
        m.put("password_too_common", 400);
        m.put("password_contains_email", 400);
        m.put("reset_key_invalid", 400);
        m.put("email_taken", 409);
        m.put("credentials_invalid", 401);
        m.put("not_authenticated", 401);
        m.put("admin_key_invalid", 401);
        m.put("customer_required", 403);
        m.put("guest_checkout_disabled", 403);
        m.put("login_throttled", 429);
        m.put("too_many_requests", 429);
        // catalog and translation
        m.put("product_not_found", 404);
        m.put("page_not_found", 404);
        m.put("language_not_offered", 400);
        // catalog sync (POST /admin/catalog/sync): the merged definition would break the tenant rules
        m.put("catalog_sync_refused", 422);
        // webhook deliveries (GET /admin/webhooks/deliveries, POST .../{id}/resend)
        m.put("webhook_delivery_not_found", 404);
        m.put("webhook_delivery_not_failed", 409);
        // price preview
        m.put("cart_empty", 400);
        m.put("order_pos_duplicate", 400);
        m.put("suite_product_not_found", 422);
        m.put("quantity_out_of_range", 422);
        m.put("currency_not_offered", 422);
        m.put("not_priced_in_currency", 422);
        // vouchers (POST /voucher-code/{code}/init and /consume, and a preview's voucher_code)
        m.put("voucher_malformed", 400);
        m.put("voucher_unknown", 404);
        m.put("voucher_not_yet_valid", 422);
        m.put("voucher_expired", 422);
        m.put("voucher_not_valid_on_page", 422);
        m.put("voucher_held_by_other", 409);
        m.put("voucher_limit_reached", 409);
        m.put("voucher_already_redeemed", 409);
        m.put("voucher_not_held", 409);
        m.put("campaigns_invalid", 422);
        m.put("user_mismatch", 403);
        // VAT ID check (GET /account/vat-validate/{vatId}); other outcomes are a 200
        m.put("vat_id_empty", 400);
        // subscription changes (/product/{uuid}/...): not the caller's is 404; the rules refuse with 422;
        // the subscription's state (cancelled, a change pending, not started, product withdrawn) with 409
        m.put("subscription_not_found", 404);
        m.put("change_option_not_found", 404);
        m.put("subscription_cancelled", 409);
        m.put("change_pending", 409);
        m.put("change_already_applied", 409);
        // withdrawing a pending change (DELETE /product/{uuid}/pending-change)
        m.put("pending_change_not_found", 404);
        m.put("change_in_effect", 409);
        m.put("change_invoiced", 409);
        m.put("change_already_withdrawn", 409);
        m.put("subscription_not_started", 409);
        m.put("suite_product_withdrawn", 409);
        m.put("change_not_allowed", 422);
        m.put("change_contact_us", 422);
        m.put("quantity_fixed", 422);
        m.put("quantity_unchanged", 422);
        m.put("notice_period", 422);
        m.put("change_option_unavailable", 422);
        m.put("billing_period_change_not_supported", 422);
        m.put("billing_period_not_supported", 422);
        m.put("subscription_not_recurring", 422);
        // checkout and customer center (POST /subscription, /account...)
        m.put("account_invalid", 400);
        m.put("account_not_found", 404);
        m.put("account_currency_locked", 409);
        m.put("checkout_in_progress", 409);
        m.put("suite_product_not_purchasable", 422);
        m.put("multiple_subscriptions_not_allowed", 409);
        m.put("rate_plan_mismatch", 422);
        m.put("payment_method_not_found", 404);
        m.put("invoice_not_found", 404);
        m.put("not_acceptable", 406);
        // Idempotency-Key (any state-changing request of a customer or guest)
        m.put("idempotency_key_invalid", 400);
        m.put("idempotency_key_reused", 422);
        m.put("idempotency_request_in_flight", 409);
        // payment methods (GET /payment-method/..., the hosted page, PayPal, GET/PUT /account/payment-method)
        m.put("country_invalid", 400);
        m.put("locale_invalid", 400);
        m.put("payment_data_invalid", 400);
        m.put("payment_page_token_invalid", 400);
        m.put("paypal_token_invalid", 400);
        m.put("payment_method_id_required", 400);
        m.put("payment_type_unknown", 400);
        m.put("payment_option_not_found", 404);
        m.put("payment_page_not_found", 404);
        // account_not_found and payment_method_not_found: as above
        m.put("payment_method_not_set", 404);
        m.put("payment_method_pending", 409);
        m.put("payment_option_unsuitable", 422);
        m.put("payment_method_type_mismatch", 422);
        m.put("payment_method_not_offered", 422);
        // a payment provider (Zuora's pages, PayPal) that could not be reached: not the caller's fault
        m.put("payment_provider_unavailable", 503);
        // the billing system behind a use case (any use case that calls it): unavailable (Retry-After: 2),
        // limiting the rate of calls (Retry-After: its wait), or refusing (its code and message in details)
        m.put("billing_unavailable", 503);
        m.put("billing_rate_limited", 429);
        m.put("billing_rejected", 502);
        // quotes (GET /quote/{guid}, POST /quote/{guid}/confirm, POST /admin/quote): an unknown link and
        // another tenant's are one 404; the quote's state 409; what the catalog cannot book 422; the source 503/502
        m.put("quote_not_found", 404);
        m.put("quote_expired", 409);
        m.put("quote_already_accepted", 409);
        m.put("quote_not_acceptable", 409);
        m.put("quote_item_unknown", 422);
        m.put("quote_not_bookable", 422);
        m.put("quote_invalid", 400);
        m.put("quote_source_read_only", 409);
        m.put("quote_source_unavailable", 503);
        m.put("quote_source_rejected", 502);
        // the Zuora Revenue feed (/admin/revenue): a batch of another tenant is not found like an unknown one
        m.put("revenue_lines_invalid", 422);
        m.put("revenue_batch_not_found", 404);
        m.put("revenue_batch_csv_absent", 404);
        m.put("revenue_batch_not_repostable", 409);
        m.put("revenue_batch_not_in_doubt", 409);
        m.put("revenue_unavailable", 503);
        m.put("revenue_rejected", 502);
        m.put("revenue_api_not_enabled", 502);
        m.put("revenue_authentication_failed", 502);
        m.put("revenue_misconfigured", 502);
        STATUS = Map.copyOf(m);
    }

    private ErrorTable() {
    }

    /** Whether the code has a status. */
    public static boolean maps(String code) {
        return STATUS.containsKey(code);
    }

    /** The code's status; a code missing from the table is a bug, reported as 500. */
    public static int status(String code) {
        return STATUS.getOrDefault(code, 500);
    }

    public static Set<String> codes() {
        return STATUS.keySet();
    }
}
