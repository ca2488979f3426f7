package com.subscriptionsuite.application.service.payment;

import com.subscriptionsuite.application.service.common.PaymentMethodIds;
import com.subscriptionsuite.application.service.common.PaymentMethodLookup;
import com.subscriptionsuite.application.port.in.payment.PaymentFailure;
import com.subscriptionsuite.application.port.in.payment.SignPaymentPage.SignedPage;
import com.subscriptionsuite.application.port.out.PayPalAgreements;
import com.subscriptionsuite.application.port.out.PayPalAgreements.AgreementRequest;
import com.subscriptionsuite.application.port.out.PaymentMethods;
import com.subscriptionsuite.application.port.out.PaymentPages;
import com.subscriptionsuite.application.port.out.PaymentPages.PageRequest;
import com.subscriptionsuite.application.port.out.PaymentPages.PageSignature;
import com.subscriptionsuite.application.port.out.ProviderUnavailable;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import com.subscriptionsuite.domain.billing.PaymentMethod;
import com.subscriptionsuite.domain.identity.EmailAddress;
import com.subscriptionsuite.domain.identity.IdentityRejection;
import com.subscriptionsuite.domain.payment.Countries;
import com.subscriptionsuite.domain.payment.FieldProblem;
import com.subscriptionsuite.domain.payment.PaymentData;
import com.subscriptionsuite.domain.payment.PaymentDataRules;
import com.subscriptionsuite.domain.payment.PaymentDataRules.AchInput;
import com.subscriptionsuite.domain.payment.PaymentDataRules.CardInput;
import com.subscriptionsuite.domain.payment.PaymentDataRules.SepaInput;
import com.subscriptionsuite.domain.payment.PaymentOption;
import com.subscriptionsuite.domain.payment.PaymentType;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The shop's payment options, the caller's stored methods, hosted payment pages (sign, then the
 * built-in page's submission) and PayPal agreements (start, then approval). Every state change runs
 * in one unit of work: a submission redeems its token and stores the method together, an approval
 * uses its token and activates the method together. A method's id is its provider's: the page's
 * redemption and the PayPal start answer it; this service mints none.
 */
final class PaymentMethodService implements PaymentMethodCases {
    /** How long a hosted page's token may be used (Zuora's page tokens are short-lived too). */
    static final Duration PAGE_TOKEN_LIFETIME = Duration.ofMinutes(30);
    /** How long a PayPal approval may take (PayPal's checkout tokens last three hours). */
    static final Duration PAYPAL_TOKEN_LIFETIME = Duration.ofHours(3);
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8}){0,2}");

    private final TenantDirectory directory;
    private final PaymentMethods methods;
    private final PaymentMethodLookup lookup;
    private final PaymentPages pages;
    private final PayPalAgreements payPal;
    private final Transactions transactions;
    private final Clock clock;

    PaymentMethodService(TenantDirectory directory, PaymentMethodLookup lookup, PaymentPages pages,
            PayPalAgreements payPal, Transactions transactions, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.methods = lookup.stored();
        this.pages = pages;
        this.payPal = payPal;
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Either<PaymentFailure, List<PaymentOption>> available(long tenantId, String country) {
        TenantDefinition tenant = directory.require(tenantId);
        if (country == null || country.isBlank()) {
            return Either.right(tenant.paymentOptions().available(Option.none()));
        }
        String code = country.strip().toUpperCase(Locale.ROOT);
        if (!Countries.isCode(code)) {
            return Either.left(new PaymentFailure.CountryInvalid(country));
        }
        return Either.right(tenant.paymentOptions().available(Option.some(code)));
    }

    @Override
    public Either<PaymentFailure, PaymentMethod> paymentMethod(long tenantId, long userId, String paymentMethodId) {
        return lookup.owned(tenantId, userId, paymentMethodId)
                .mapLeft(PaymentMethodService::providerFailed)
                .flatMap(found -> found.toEither(() -> new PaymentFailure.PaymentMethodNotFound("paymentMethodId",
                        paymentMethodId)));
    }

    @Override
    public Either<PaymentFailure, SignedPage> sign(long tenantId, long userId, String optionId, String locale) {
        TenantDefinition tenant = directory.require(tenantId);
        Either<PaymentFailure, PaymentOption> option = PaymentMethodIds.option(tenant, optionId)
                .filterOrElse(o -> o.type().collectedByHostedPage(), o -> new PaymentFailure.PaymentOptionUnsuitable(
                        o.id(), o.type().wireName(), "only CreditCard, SEPA and ACH details are typed into a hosted "
                                + "payment page"));
        if (option.isLeft()) {
            return Either.left(option.getLeft());
        }
        String pageLocale = locale == null || locale.isBlank() ? tenant.tenant().defaultLanguage() : locale.strip();
        if (!LOCALE.matcher(pageLocale).matches()) {
            return Either.left(new PaymentFailure.LocaleInvalid(locale));
        }
        Instant now = clock.instant();
        PaymentOption o = option.get();
        PageRequest request = new PageRequest(tenantId, userId, o.id(), o.type(), o.hostedPageId(), pageLocale, now,
                now.plus(PAGE_TOKEN_LIFETIME));
        // not in a unit of work: a provider such as Zuora signs remotely; the built-in adapter stores its token itself
        return pages().sign(request)
                .mapLeft(PaymentMethodService::providerFailed)
                .map(PaymentMethodService::signedPage);
    }

    @Override
    public Either<PaymentFailure, PaymentMethod> submit(Submission s) {
        List<PaymentOption> served = directory.require(s.tenantId()).paymentOptions().withHostedPage(s.pageId());
        if (served.isEmpty()) {
            return Either.left(new PaymentFailure.PaymentPageNotFound(s.pageId()));
        }
        PaymentType type = served.get(0).type();
        Instant now = clock.instant();
        Either<List<FieldProblem>, Map<String, String>> details = details(type, s, YearMonth.from(now.atZone(clock.getZone())));
        if (details.isLeft()) {
            return Either.left(new PaymentFailure.PaymentDataInvalid(details.getLeft()));
        }
        return transactions.inTransaction(() -> pages().redeem(s.tenantId(), s.pageId(), s.token(), s.signature(), now)
                .filter(redeemed -> redeemed.request().paymentType() == type)
                .<PaymentFailure>toEither(PaymentFailure.PageTokenInvalid::new)
                .map(redeemed -> {
                    PaymentMethod method = new PaymentMethod(redeemed.paymentMethodId(), s.tenantId(),
                            redeemed.request().userId(), type.wireName(), details.get(), PaymentMethod.Status.ACTIVE,
                            now);
                    methods.save(method);
                    return method;
                }));
    }

    /** The page's type's details, checked; fields of another type's page are refused by name. */
    private static Either<List<FieldProblem>, Map<String, String>> details(PaymentType type, Submission s,
            YearMonth thisMonth) {
        List<FieldProblem> foreign = new ArrayList<>();
        if (type != PaymentType.CREDIT_CARD) {
            CardInput c = s.card();
            foreign(foreign, type, PaymentDataRules.CARD_NUMBER, c.number());
            foreign(foreign, type, PaymentDataRules.CARD_HOLDER, c.holderName());
            foreign(foreign, type, PaymentDataRules.CARD_MONTH, c.expirationMonth());
            foreign(foreign, type, PaymentDataRules.CARD_YEAR, c.expirationYear());
            foreign(foreign, type, PaymentDataRules.CARD_SECURITY_CODE, c.securityCode());
        }
        if (type != PaymentType.SEPA) {
            foreign(foreign, type, PaymentDataRules.IBAN, s.sepa().iban());
        }
        if (type != PaymentType.ACH) {
            foreign(foreign, type, PaymentDataRules.ACH_ABA_CODE, s.ach().abaCode());
            foreign(foreign, type, PaymentDataRules.ACH_ACCOUNT_NUMBER, s.ach().accountNumber());
            foreign(foreign, type, PaymentDataRules.ACH_ACCOUNT_TYPE, s.ach().accountType());
        }
        if (type == PaymentType.CREDIT_CARD) {
            foreign(foreign, type, PaymentDataRules.ACCOUNT_NAME, s.sepa().accountName());
        }
        if (!foreign.isEmpty()) {
            return Either.left(List.copyOf(foreign));
        }
        return switch (type) {
            case CREDIT_CARD -> PaymentDataRules.card(s.card(), thisMonth);
            case SEPA -> PaymentDataRules.sepa(s.sepa());
            case ACH -> PaymentDataRules.ach(s.ach());
            case BANK_TRANSFER, PAYPAL -> throw new IllegalStateException(type + " has no hosted page");
        };
    }

    private static void foreign(List<FieldProblem> problems, PaymentType type, String field, Object value) {
        if (value != null) {
            problems.add(new FieldProblem(field, "is not a field of a " + type.wireName() + " payment page"));
        }
    }

    @Override
    public Either<PaymentFailure, PayPalStarted> start(long tenantId, long userId, String optionId) {
        Either<PaymentFailure, PaymentOption> option = PaymentMethodIds.option(directory.require(tenantId), optionId)
                .filterOrElse(o -> o.type() == PaymentType.PAYPAL, o -> new PaymentFailure.PaymentOptionUnsuitable(
                        o.id(), o.type().wireName(), "PayPal is started only for a PayPal payment method"));
        if (option.isLeft()) {
            return Either.left(option.getLeft());
        }
        Instant now = clock.instant();
        AgreementRequest request = new AgreementRequest(tenantId, userId, now, now.plus(PAYPAL_TOKEN_LIFETIME));
        return transactions.inTransaction(() -> payPal().start(request)
                .mapLeft(PaymentMethodService::providerFailed)
                .map(started -> {
                    methods.save(new PaymentMethod(started.paymentMethodId(), tenantId, userId,
                            PaymentType.PAYPAL.wireName(), Map.of(), PaymentMethod.Status.PENDING, now));
                    return new PayPalStarted(started.token(), started.approvalUrl(), started.paymentMethodId());
                }));
    }

    @Override
    public Either<PaymentFailure, PaymentMethod> approve(long tenantId, String token, String payerEmail) {
        String email = null;
        if (payerEmail != null && !payerEmail.isBlank()) {
            var parsed = EmailAddress.parse("payer_email", payerEmail);
            if (parsed.isLeft()) {
                String reason = parsed.getLeft() instanceof IdentityRejection.EmailInvalid invalid ? invalid.reason()
                        : "not an email address";
                return Either.left(new PaymentFailure.PaymentDataInvalid(List.of(new FieldProblem("payer_email",
                        reason))));
            }
            email = parsed.get().value();
        }
        if (token == null || token.isBlank()) {
            return Either.left(new PaymentFailure.PayPalTokenInvalid());
        }
        Instant now = clock.instant();
        String payer = email;
        return transactions.inTransaction(() -> payPal().complete(tenantId, token, payer, now)
                .mapLeft(PaymentMethodService::providerFailed)
                .flatMap(agreement -> agreement.<PaymentFailure>toEither(PaymentFailure.PayPalTokenInvalid::new))
                .flatMap(agreement -> PaymentMethodIds.owned(methods.paymentMethod(tenantId,
                                agreement.paymentMethodId()), tenantId, agreement.userId())
                        .filter(m -> m.status() == PaymentMethod.Status.PENDING)
                        .<PaymentFailure>toEither(PaymentFailure.PayPalTokenInvalid::new)
                        .map(pending -> {
                            Map<String, String> data = new LinkedHashMap<>();
                            data.put(PaymentData.PAYPAL_BAID, agreement.billingAgreementId());
                            if (agreement.payerEmail() != null) {
                                data.put(PaymentData.PAYPAL_EMAIL, agreement.payerEmail());
                            }
                            PaymentMethod active = new PaymentMethod(pending.id(), tenantId, pending.userId(),
                                    pending.type(), data, PaymentMethod.Status.ACTIVE, pending.createdAt());
                            methods.save(active);
                            return active;
                        })));
    }

    private static SignedPage signedPage(PageSignature s) {
        return new SignedPage(s.pageId(), s.token(), s.signature(), s.key(), s.tenant(), s.locale(), s.expiresAt());
    }

    private PaymentPages pages() {
        if (pages == null) {
            throw new IllegalStateException("hosted payment pages need Engine.builder().paymentPages(..)");
        }
        return pages;
    }

    private PayPalAgreements payPal() {
        if (payPal == null) {
            throw new IllegalStateException("PayPal needs Engine.builder().payPalAgreements(..)");
        }
        return payPal;
    }

    private static PaymentFailure providerFailed(ProviderUnavailable unavailable) {
        return new PaymentFailure.ProviderFailed(unavailable.provider(), unavailable.reason());
    }
}
