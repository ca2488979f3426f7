package com.subscriptionsuite.adapters.zuora;

import com.subscriptionsuite.application.port.out.PaymentPages;
import com.subscriptionsuite.application.port.out.ProviderUnavailable;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import com.subscriptionsuite.domain.payment.PaymentData;
import com.subscriptionsuite.domain.payment.PaymentType;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Zuora's Hosted Payment Pages 2.0 behind {@link PaymentPages}. {@link #sign} asks
 * {@code POST /v1/rsa-signatures} for the page's one-time token and signature (the page, rendered by
 * Zuora's script with these values, posts the card or bank details to Zuora, never to the shop);
 * {@link #redeem} answers none for every token (the page does not post here); {@link #created} reads
 * the method the page created ({@code GET /v1/payment-methods/{id}}), known by the {@code refId} of the
 * page's callback: the engine stores it as the customer's who first uses the id, provided Zuora holds
 * it active and attached to no account yet (a method a page creates without {@code accountId} is
 * attached by the account it is first given to).
 *
 * <p>Failures become {@link ProviderUnavailable} ("zuora" and what happened), which the engine answers
 * as 503 {@code payment_provider_unavailable}; an unknown id is none. What the engine keeps of a method
 * is what Zuora shows of it, masked: a number that comes back unmasked is masked here before it goes
 * anywhere.
 */
public final class ZuoraPaymentPages implements PaymentPages {
    /** Zuora's REST host and its hosted-page host differ by the {@code rest.} label. */
    private static final String PAGE_PATH = "/apps/PublicHostedPageLite.do";

    private final ZuoraClient client;
    private final String pageUri;

    /**
     * @param pageUri the URI the pages are served from, as {@code rsa-signatures} wants it:
     *                {@code https://<ui-host>/apps/PublicHostedPageLite.do} ({@link #pageUri(String)} derives it
     *                from the REST base URL)
     */
    public ZuoraPaymentPages(ZuoraClient client, String pageUri) {
        this.client = Objects.requireNonNull(client, "client");
        this.pageUri = Objects.requireNonNull(pageUri, "pageUri");
    }

    /**
     * The hosted pages' URI of a REST base URL: Zuora serves them from the REST host without its
     * {@code rest.} label ({@code https://rest.test.eu.zuora.com} → {@code https://test.eu.zuora.com},
     * {@code https://rest.zuora.com} → {@code https://www.zuora.com}); any other host (a simulator on
     * loopback) serves them itself.
     */
    public static String pageUri(String restBaseUrl) {
        URI base = URI.create(restBaseUrl.strip());
        String host = base.getHost() == null ? "" : base.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("rest.")) {
            host = host.substring("rest.".length());
            if (host.equals("zuora.com")) {
                host = "www.zuora.com";
            }
        }
        String port = base.getPort() < 0 ? "" : ":" + base.getPort();
        return base.getScheme() + "://" + host + port + PAGE_PATH;
    }

    @Override
    public Either<ProviderUnavailable, PageSignature> sign(PageRequest request) {
        // a repeated sign is a new page load: the key only lets the client's own retry of this call be answered once
        String key = ZuoraClient.idempotencyKey("page:" + request.tenantId() + ":" + request.userId() + ":"
                + request.optionId() + ":" + request.issuedAt().toEpochMilli(), "rsa-signature");
        ZuoraDtos.RsaSignatureRequest body = new ZuoraDtos.RsaSignatureRequest(pageUri, "POST", request.pageId(),
                request.locale());
        return client.call("sign hosted page", true, api -> api.rsaSignature(key, body), ZuoraDtos.RsaSignature.class)
                .mapLeft(ZuoraPaymentPages::unavailable)
                .flatMap(s -> {
                    if (s.token == null || s.signature == null || s.key == null) {
                        // Zuora answers a null signature when the page's parameters are too long
                        return Either.left(new ProviderUnavailable("zuora", "Zuora signed no token for page "
                                + request.pageId()));
                    }
                    return Either.right(new PageSignature(request.pageId(), s.token, s.signature, s.key, s.tenantId,
                            request.locale(), request.expiresAt()));
                });
    }

    /** Zuora's page posts to Zuora: no token is redeemed here. */
    @Override
    public Option<Redeemed> redeem(long tenantId, String pageId, String token, String signature, Instant now) {
        return Option.none();
    }

    @Override
    public Either<ProviderUnavailable, Option<PageMethod>> created(long tenantId, String paymentMethodId) {
        if (paymentMethodId == null || !paymentMethodId.matches("[0-9A-Za-z]{1,64}")) {
            return Either.right(Option.none());
        }
        Either<BillingFailure, ZuoraDtos.PaymentMethodRead> read = client.call("read payment method", true,
                api -> api.paymentMethod(paymentMethodId), ZuoraDtos.PaymentMethodRead.class);
        if (read.isLeft()) {
            return read.getLeft() instanceof BillingFailure.NotFound ? Either.right(Option.none())
                    : Either.left(unavailable(read.getLeft()));
        }
        ZuoraDtos.PaymentMethodRead pm = read.get();
        boolean attached = (pm.accountKey != null && !pm.accountKey.isBlank())
                || (pm.accountId != null && !pm.accountId.isBlank());
        Option<PaymentType> type = type(pm.type);
        if (attached || !"Active".equalsIgnoreCase(pm.status) || type.isEmpty() || !paymentMethodId.equals(pm.id)) {
            return Either.right(Option.none());
        }
        return Either.right(Option.some(new PageMethod(pm.id, type.get(), data(type.get(), pm))));
    }

    /** The engine's type of a method a hosted page creates; other Zuora types are not a page's. */
    static Option<PaymentType> type(String zuoraType) {
        if (zuoraType == null) {
            return Option.none();
        }
        return switch (zuoraType) {
            case "CreditCard" -> Option.some(PaymentType.CREDIT_CARD);
            case "SEPA" -> Option.some(PaymentType.SEPA);
            case "ACH" -> Option.some(PaymentType.ACH);
            default -> Option.none();
        };
    }

    /** What the engine shows of the method, under the seed's names; masked whatever Zuora sent. */
    static Map<String, String> data(PaymentType type, ZuoraDtos.PaymentMethodRead pm) {
        Map<String, String> data = new LinkedHashMap<>();
        String holder = pm.accountHolderInfo == null ? null : pm.accountHolderInfo.accountHolderName;
        switch (type) {
            case CREDIT_CARD -> {
                put(data, PaymentData.CARD_MASK_NUMBER, mask(pm.cardNumber != null ? pm.cardNumber
                        : pm.creditCardMaskNumber, 0));
                put(data, PaymentData.CARD_HOLDER_NAME, holder);
                put(data, PaymentData.CARD_TYPE, pm.creditCardType);
                put(data, PaymentData.CARD_EXPIRATION_MONTH, pm.expirationMonth == null ? null
                        : pm.expirationMonth.toString());
                put(data, PaymentData.CARD_EXPIRATION_YEAR, pm.expirationYear == null ? null
                        : pm.expirationYear.toString());
            }
            case SEPA -> {
                put(data, PaymentData.ACCOUNT_NUMBER_MASK, mask(pm.iban, 4));
                put(data, PaymentData.ACCOUNT_NAME, holder != null ? holder : pm.bankAccountName);
            }
            case ACH -> {
                put(data, PaymentData.ACCOUNT_NUMBER_MASK, mask(pm.bankAccountNumber, 0));
                put(data, PaymentData.ACCOUNT_NAME, pm.bankAccountName != null ? pm.bankAccountName : holder);
                put(data, PaymentData.ACH_ABA_CODE, pm.bankABACode);
                put(data, PaymentData.ACH_ACCOUNT_TYPE, pm.bankAccountType);
            }
            default -> throw new IllegalArgumentException(type + " is not created by a hosted page");
        }
        return data;
    }

    /**
     * A number as the engine may keep it: Zuora's mask as it is; an unmasked one masked but for its last
     * four characters (and its first {@code keepFirst}, an IBAN's country and check digits).
     */
    static String mask(String number, int keepFirst) {
        if (number == null || number.isBlank()) {
            return null;
        }
        String n = number.replaceAll("[\\s-]", "");
        if (n.contains("*") || n.length() <= 4 + keepFirst) {
            return n.contains("*") ? n : "*".repeat(n.length());
        }
        return n.substring(0, keepFirst) + "*".repeat(n.length() - 4 - keepFirst) + n.substring(n.length() - 4);
    }

    private static void put(Map<String, String> data, String key, String value) {
        if (value != null && !value.isBlank()) {
            data.put(key, value);
        }
    }

    private static ProviderUnavailable unavailable(BillingFailure failure) {
        return new ProviderUnavailable("zuora", failure.describe());
    }
}
