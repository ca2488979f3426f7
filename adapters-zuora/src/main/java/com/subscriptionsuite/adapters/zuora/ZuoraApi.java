package com.subscriptionsuite.adapters.zuora;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import feign.Response;

/**
 * The Zuora Billing v1 operations the adapter uses, as Feign sees them. Every method answers the raw
 * {@link Response}: {@link ZuoraClient} reads each answer for {@code success:false} whatever its
 * status, keeps {@code Zuora-Request-Id} and {@code Retry-After}, and decodes the body into the
 * Zuora-shaped DTOs ({@link ZuoraDtos}) itself. {@code Authorization}, {@code Zuora-Version},
 * {@code Zuora-Entity-Ids} and {@code Zuora-Track-Id} are added by the client's interceptor; every
 * POST carries its {@code Idempotency-Key}.
 */
interface ZuoraApi {
    String JSON = "Content-Type: application/json";
    String KEY = "Idempotency-Key: {key}";

    @RequestLine("POST /oauth/token")
    @Headers("Content-Type: application/x-www-form-urlencoded")
    Response token(String form);

    @RequestLine("POST /v1/accounts")
    @Headers({JSON, KEY})
    Response createAccount(@Param("key") String idempotencyKey, ZuoraDtos.CreateAccount body);

    @RequestLine("GET /v1/accounts/{account}")
    Response account(@Param("account") String accountKey);

    @RequestLine("PUT /v1/accounts/{account}")
    @Headers(JSON)
    Response updateAccount(@Param("account") String accountKey, ZuoraDtos.UpdateAccount body);

    @RequestLine("POST /v1/payment-methods")
    @Headers({JSON, KEY})
    Response createPaymentMethod(@Param("key") String idempotencyKey, ZuoraDtos.CreatePaymentMethod body);

    @RequestLine("GET /v1/payment-methods/{id}")
    Response paymentMethod(@Param("id") String paymentMethodId);

    @RequestLine("POST /v1/rsa-signatures")
    @Headers({JSON, KEY})
    Response rsaSignature(@Param("key") String idempotencyKey, ZuoraDtos.RsaSignatureRequest body);

    @RequestLine("POST /v1/orders?returnIds=true")
    @Headers({JSON, KEY})
    Response createOrder(@Param("key") String idempotencyKey, ZuoraDtos.CreateOrder body);

    /**
     * Zuora's {@code DELETE_Order}: the subscriptions the order changed roll back to their previous
     * version; refused when the order's charges were invoiced. DELETE takes no Idempotency-Key.
     */
    @RequestLine("DELETE /v1/orders/{order}")
    Response deleteOrder(@Param("order") String orderNumber);

    @RequestLine("GET /v1/subscriptions/accounts/{account}?charge-detail=all-segments&page={page}&pageSize=40")
    Response subscriptionsOfAccount(@Param("account") String accountKey, @Param("page") int page);

    @RequestLine("GET /v1/subscriptions/{subscription}?charge-detail=all-segments")
    Response subscription(@Param("subscription") String subscriptionKey);

    @RequestLine("GET /v1/billing-documents?accountId={account}&page={page}&pageSize=40")
    Response billingDocuments(@Param("account") String accountId, @Param("page") int page);

    @RequestLine("GET /v1/invoices/{invoice}")
    Response invoice(@Param("invoice") String invoiceKey);

    /** Not in the v1 subset document; Zuora's {@code GET_InvoiceItems}. */
    @RequestLine("GET /v1/invoices/{invoice}/items?pageSize=40")
    Response invoiceItems(@Param("invoice") String invoiceKey);

    @RequestLine("GET /v1/invoices/{invoice}/files?pageSize=40")
    Response invoiceFiles(@Param("invoice") String invoiceKey);

    @RequestLine("GET /v1/files/{file}")
    Response file(@Param("file") String fileId);

    // ---- the product catalog (issue 13) --------------------------------------------------------

    @RequestLine("GET /v1/catalog/products?page={page}&pageSize=40")
    Response catalogProducts(@Param("page") int page);

    /** The URL a product's {@code productRatePlans} names from Zuora-Version 230.0 on. */
    @RequestLine("GET /v1/products/{product}/product-rate-plans?page={page}&pageSize=40")
    Response productRatePlans(@Param("product") String productId, @Param("page") int page);
}
