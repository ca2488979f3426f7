package com.subscriptionsuite.adapters.zuora;

import com.subscriptionsuite.application.port.out.billing.AccountRef;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import com.subscriptionsuite.application.port.out.billing.BillingGateway;
import com.subscriptionsuite.application.port.out.billing.RequestKey;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.billing.BillingAccount;
import com.subscriptionsuite.domain.billing.Invoice;
import com.subscriptionsuite.domain.billing.InvoiceLine;
import com.subscriptionsuite.domain.billing.InvoiceParty;
import com.subscriptionsuite.domain.billing.SubscribedCharge;
import com.subscriptionsuite.domain.billing.Subscription;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.Charge;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.catalog.RatePlan;
import com.subscriptionsuite.domain.catalog.SuiteProduct;
import com.subscriptionsuite.domain.pricing.CartLine;
import com.subscriptionsuite.domain.pricing.TaxSplit;
import com.subscriptionsuite.domain.subscription.ChangeAction;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zuora as the engine's billing system (docs/zuora.md). Accounts through {@code /v1/accounts},
 * subscriptions and their changes through Orders ({@code POST /v1/orders}: CreateSubscription,
 * UpdateProduct, RemoveProduct + AddProduct, CancelSubscription), invoices through the billing
 * documents and their files.
 * <p>
 * Every POST carries {@code Idempotency-Key} = the command's request key and the call's step, so
 * Zuora answers a repeated command with its first answer for 24 hours; an order's number is
 * derived from the request key as well, so a repeat after that finds the first booking (Zuora
 * refuses a second order with that number) through the subscriptions' custom fields. PUTs take no
 * idempotency key in Zuora: an account keeps the short hashes of its recent update keys in a
 * custom field and a repeated update writes nothing.
 */
public final class ZuoraBillingGateway implements BillingGateway {
    private static final Logger LOG = LoggerFactory.getLogger(ZuoraBillingGateway.class);
    private final ZuoraClient client;
    private final Function<Long, TenantDefinition> tenants;
    private final Clock clock;

    /**
     * @param client  the Zuora client
     * @param tenants the engine's tenant of an id, with its catalog (whose rate plans and charges carry
     *                Zuora's product rate plan and charge ids); e.g. {@code TenantDirectory::require}
     * @param clock   the engine's clock (the time stamps written on accounts)
     */
    public ZuoraBillingGateway(ZuoraClient client, Function<Long, TenantDefinition> tenants, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---- reads --------------------------------------------------------------------------------

    @Override
    public Either<BillingFailure, BillingAccount> account(AccountRef ref) {
        return zuoraAccount(ref).map(a -> ZuoraMapping.account(a, ref.tenantId(), ref.userId()));
    }

    @Override
    public Either<BillingFailure, List<Subscription>> subscriptions(AccountRef ref) {
        return zuoraAccount(ref).flatMap(a -> zuoraSubscriptions(a.basicInfo.id)).flatMap(all -> {
            Catalog catalog = tenants.apply(ref.tenantId()).catalog();
            List<Subscription> mapped = new ArrayList<>();
            for (ZuoraDtos.SubscriptionRead s : all) {
                mapped.add(ZuoraMapping.subscription(s, ref.tenantId(), catalog));
            }
            mapped.sort(Comparator.comparing(Subscription::startDate).thenComparing(Subscription::number));
            return Either.right(mapped);
        });
    }

    @Override
    public Either<BillingFailure, List<Invoice>> invoices(AccountRef ref) {
        return zuoraAccount(ref).flatMap(a -> {
            BillingAccount account = ZuoraMapping.account(a, ref.tenantId(), ref.userId());
            Either<BillingFailure, List<ZuoraDtos.BillingDocument>> read = billingDocuments(a.basicInfo.id);
            if (read.isLeft()) {
                return Either.left(read.getLeft());
            }
            List<ZuoraDtos.BillingDocument> documents = read.get();
            List<Invoice> invoices = new ArrayList<>();
            for (ZuoraDtos.BillingDocument d : documents) {
                if (d.documentType != null && !"Invoice".equalsIgnoreCase(d.documentType)) {
                    continue;
                }
                Either<BillingFailure, Invoice> invoice = invoice(ref, account, d.id);
                if (invoice.isLeft()) {
                    return Either.left(invoice.getLeft());
                }
                invoices.add(invoice.get());
            }
            invoices.sort(Comparator.comparing(Invoice::invoiceDate).thenComparing(Invoice::number).reversed());
            return Either.right(invoices);
        });
    }

    @Override
    public Either<BillingFailure, InvoiceDocument> invoiceDocument(AccountRef ref, String invoiceId) {
        return zuoraAccount(ref).flatMap(a -> client.call("invoice", true, api -> api.invoice(invoiceId),
                        ZuoraDtos.InvoiceRead.class)
                .flatMap(i -> a.basicInfo.id.equals(i.accountId) ? Either.right(i)
                        : Either.<BillingFailure, ZuoraDtos.InvoiceRead>left(new BillingFailure.NotFound("invoice "
                                + invoiceId)))
                .flatMap(i -> client.call("invoice-files", true, api -> api.invoiceFiles(i.id),
                                ZuoraDtos.InvoiceFiles.class)
                        .flatMap(files -> {
                            Option<ZuoraDtos.InvoiceFile> newest = Option.ofOptional(
                                    (files.invoiceFiles == null ? List.<ZuoraDtos.InvoiceFile>of() : files.invoiceFiles)
                                            .stream().max(Comparator.comparing(f -> f.versionNumber == null ? 0L
                                                    : f.versionNumber)));
                            if (newest.isEmpty()) {
                                return Either.left(new BillingFailure.NotFound("the document of invoice "
                                        + i.invoiceNumber));
                            }
                            String url = newest.get().pdfFileUrl;
                            String fileId = url == null ? newest.get().id : url.substring(url.lastIndexOf('/') + 1);
                            return client.call("file", true, api -> api.file(fileId)).map(answer -> {
                                String type = answer.contentType() == null ? "application/pdf"
                                        : answer.contentType().split(";")[0].strip();
                                return new InvoiceDocument(i.invoiceNumber, type, i.invoiceNumber + ".pdf",
                                        answer.bytes());
                            });
                        })))
                .mapLeft(f -> f instanceof BillingFailure.NotFound ? new BillingFailure.NotFound("invoice "
                        + invoiceId) : f);
    }

    /**
     * The amendment booked with {@code key}: Zuora's subscriptions keep the key of the change that made
     * their current version ({@code SuiteChangeKey__c}) and its order number. The v1 document has no
     * read of an order by number, so an amendment overtaken by a later one is not found, and the
     * answer carries no invoice (the order's invoice is not on the subscription).
     */
    @Override
    public Either<BillingFailure, Option<Amended>> amendment(AccountRef ref, RequestKey key) {
        return zuoraAccount(ref).flatMap(a -> zuoraSubscriptions(a.basicInfo.id).flatMap(all -> {
            Option<ZuoraDtos.SubscriptionRead> changed = Option.ofOptional(all.stream()
                    .filter(s -> key.value().equals(s.custom(ZuoraMapping.CHANGE_KEY))).findFirst());
            if (changed.isEmpty()) {
                return Either.right(Option.none());
            }
            ZuoraDtos.SubscriptionRead s = changed.get();
            String order = s.custom(ZuoraMapping.CHANGE_ORDER) == null ? s.id : s.custom(ZuoraMapping.CHANGE_ORDER);
            return invoiceOfOrder(a.basicInfo.id, order).map(invoice -> Option.some(new Amended(order,
                    s.version == null ? 1 : s.version, invoice)));
        }));
    }

    /**
     * The invoice an order raised, found among the account's invoices by its source (the order number):
     * how a repeat after Zuora's replay window answers the first booking's invoice; null if none.
     */
    private Either<BillingFailure, InvoiceRef> invoiceOfOrder(String accountId, String orderNumber) {
        Either<BillingFailure, List<ZuoraDtos.BillingDocument>> read = billingDocuments(accountId);
        if (read.isLeft()) {
            return Either.left(read.getLeft());
        }
        List<ZuoraDtos.BillingDocument> documents = read.get();
        for (ZuoraDtos.BillingDocument d : documents) {
            if (d.documentType != null && !"Invoice".equalsIgnoreCase(d.documentType)) {
                continue;
            }
            Either<BillingFailure, ZuoraDtos.InvoiceRead> invoice = client.call("invoice", true,
                    api -> api.invoice(d.id), ZuoraDtos.InvoiceRead.class);
            if (invoice.isLeft()) {
                return Either.left(invoice.getLeft());
            }
            if (orderNumber.equals(invoice.get().sourceId)) {
                return Either.right(new InvoiceRef(invoice.get().id, invoice.get().invoiceNumber));
            }
        }
        return Either.right(null);
    }

    // ---- account commands ---------------------------------------------------------------------

    @Override
    public Either<BillingFailure, BillingAccount> openAccount(RequestKey key, OpenAccount command) {
        String idempotency = ZuoraClient.idempotencyKey(key.value(), "open-account/account");
        ZuoraDtos.CreateAccount body = ZuoraMapping.createAccount(command);
        return client.call("create account", true, api -> api.createAccount(idempotency, body),
                        ZuoraDtos.CreatedAccount.class)
                .flatMap(created -> account(new AccountRef(command.tenantId(), command.userId(), created.accountId)));
    }

    @Override
    public Either<BillingFailure, BillingAccount> updateAccount(RequestKey key, AccountRef ref, AccountDetails details) {
        return zuoraAccount(ref).flatMap(a -> {
            String kept = a.basicInfo.custom(ZuoraMapping.UPDATE_KEYS);
            if (ZuoraMapping.seenUpdateKey(kept, key.value())) {
                return Either.right(ZuoraMapping.account(a, ref.tenantId(), ref.userId()));
            }
            String currency = a.billingAndPayment == null ? null : a.billingAndPayment.currency;
            if (details.currency() != null && !details.currency().isBlank() && currency != null
                    && !details.currency().strip().equalsIgnoreCase(currency)) {
                return Either.left(new BillingFailure.Rejected("currency_locked", "account "
                        + a.basicInfo.accountNumber + " is kept in " + currency));
            }
            ZuoraDtos.UpdateAccount body = ZuoraMapping.updateAccount(details, clock.instant(),
                    ZuoraMapping.withUpdateKey(kept, key.value()));
            return client.call("update account", false, api -> api.updateAccount(a.basicInfo.id, body))
                    .flatMap(done -> account(ref));
        });
    }

    @Override
    public Either<BillingFailure, BillingAccount> setDefaultPaymentMethod(RequestKey key, AccountRef ref,
            String paymentMethodId) {
        Objects.requireNonNull(paymentMethodId, "paymentMethodId");
        return zuoraAccount(ref).flatMap(a -> {
            String kept = a.basicInfo.custom(ZuoraMapping.UPDATE_KEYS);
            if (ZuoraMapping.seenUpdateKey(kept, key.value())) {
                return Either.right(ZuoraMapping.account(a, ref.tenantId(), ref.userId()));
            }
            ZuoraDtos.UpdateAccount body = ZuoraMapping.defaultPaymentMethod(paymentMethodId, clock.instant(),
                    ZuoraMapping.withUpdateKey(kept, key.value()));
            return client.call("set default payment method", false, api -> api.updateAccount(a.basicInfo.id, body))
                    .flatMap(done -> account(ref));
        });
    }

    /**
     * A bank transfer as Zuora's SEPA direct-debit method, with what the engine keeps of it (masked);
     * created without an account (the checkout adds it before the account is opened).
     */
    @Override
    public Either<BillingFailure, String> addPaymentMethod(RequestKey key, NewPaymentMethod method) {
        Map<String, String> data = method.data();
        ZuoraDtos.CreatePaymentMethod body;
        if ("PayPal".equals(method.type())) {
            // an approved PayPal agreement (Express Checkout): Zuora charges it by its BAID
            String baid = data.get("paypal_baid");
            if (baid == null || baid.isBlank()) {
                return Either.left(new BillingFailure.Rejected("paypal_agreement_missing",
                        "a PayPal method is registered with its billing agreement id, and this one has none"));
            }
            body = ZuoraDtos.CreatePaymentMethod.payPal(baid, data.get("paypal_email"));
        } else {
            String mask = first(data, "bank_transfer_account_number_mask", "accountNumberMask", "iban", "IBAN");
            String holder = first(data, "bank_transfer_account_name", "accountHolderName", "name");
            body = ZuoraDtos.CreatePaymentMethod.sepa(mask == null ? "" : mask, mask, holder == null ? "" : holder);
        }
        String idempotency = ZuoraClient.idempotencyKey(key.value(), "payment-method/create");
        return client.call("create payment method", true, api -> api.createPaymentMethod(idempotency, body),
                ZuoraDtos.CreatedPaymentMethod.class).map(pm -> pm.id);
    }

    // ---- subscribing --------------------------------------------------------------------------

    @Override
    public Either<BillingFailure, Subscribed> subscribe(RequestKey key, Subscribe command) {
        AccountRef ref = command.account();
        return zuoraAccount(ref).flatMap(a -> {
            TenantDefinition tenant = tenants.apply(ref.tenantId());
            Catalog catalog = tenant.catalog();
            List<CartLine> lines = command.lines().stream().sorted(Comparator.comparingInt(CartLine::orderPos))
                    .toList();
            List<ZuoraDtos.OrderSubscription> subscriptions = new ArrayList<>();
            for (CartLine line : lines) {
                Option<SuiteProduct> sp = catalog.suiteProduct(line.suiteProductId());
                if (sp.isEmpty()) {
                    return Either.left(new BillingFailure.Rejected("suite_product_unknown", "suite product "
                            + line.suiteProductId() + " is not in the catalog"));
                }
                for (RatePlan plan : line.ratePlans()) {
                    if (plan.zuoraId() == null || plan.zuoraId().isBlank()) {
                        return Either.left(new BillingFailure.Rejected("rate_plan_not_in_zuora", "rate plan "
                                + plan.id() + " has no Zuora product rate plan id"));
                    }
                }
                subscriptions.add(ZuoraMapping.newSubscription(a.basicInfo.accountNumber, sp.get(), line,
                        command.today(), key.value()));
            }
            String currency = a.billingAndPayment == null ? null : a.billingAndPayment.currency;
            if (currency != null && !currency.equals(command.currency().getCode())) {
                return Either.left(new BillingFailure.Rejected("currency_mismatch", "account "
                        + a.basicInfo.accountNumber + " is kept in " + currency + ", the cart is in "
                        + command.currency().getCode()));
            }
            ZuoraDtos.CreateOrder order = new ZuoraDtos.CreateOrder(command.today().toString(),
                    ZuoraMapping.orderNumber(ref.tenantId(), key.value()), a.basicInfo.accountNumber,
                    new ZuoraDtos.ProcessingOptions(true, false,
                            new ZuoraDtos.BillingOptions(command.today().toString())),
                    subscriptions);
            String idempotency = ZuoraClient.idempotencyKey(key.value(), "subscribe/order");
            Either<BillingFailure, ZuoraDtos.CreatedOrder> placed = client.call("subscribe order", true,
                    api -> api.createOrder(idempotency, order), ZuoraDtos.CreatedOrder.class);
            if (placed.isLeft() && placed.getLeft() instanceof BillingFailure.Rejected) {
                // a repeat after Zuora forgot the key: the order number is taken; answer the first booking
                Either<BillingFailure, Option<Subscribed>> first = bookedBefore(a, key, order.orderNumber());
                if (first.isRight() && first.get().isDefined()) {
                    return Either.right(first.get().get());
                }
            }
            return placed.flatMap(created -> subscribed(created, lines, command, tenant));
        });
    }

    private Either<BillingFailure, Subscribed> subscribed(ZuoraDtos.CreatedOrder created, List<CartLine> lines,
            Subscribe command, TenantDefinition tenant) {
        List<String> numbers = new ArrayList<>();
        if (created.subscriptions != null) {
            created.subscriptions.forEach(s -> numbers.add(s.subscriptionNumber));
        } else if (created.subscriptionNumbers != null) {
            numbers.addAll(created.subscriptionNumbers);
        }
        if (numbers.size() != lines.size()) {
            return Either.left(new BillingFailure.Unavailable("Zuora's order " + created.orderNumber + " answered "
                    + numbers.size() + " subscriptions for " + lines.size() + " cart lines"));
        }
        List<BookedSubscription> booked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String number = numbers.get(i);
            booked.add(new BookedSubscription(number, number, ZuoraMapping.uuid(command.account().accountId(), number),
                    lines.get(i).suiteProductId()));
        }
        InvoiceRef invoice = null;
        if (created.invoiceIds != null && !created.invoiceIds.isEmpty()) {
            String id = created.invoiceIds.get(0);
            String number = created.invoiceNumbers == null || created.invoiceNumbers.isEmpty() ? id
                    : created.invoiceNumbers.get(0);
            invoice = new InvoiceRef(id, number, amountWithoutTax(id, command.currency()));
        }
        return Either.right(new Subscribed(booked, invoice));
    }

    /**
     * The first invoice's amount before tax, as Zuora priced it by its own catalog (the engine compares
     * it with what it previewed); null when it cannot be read now: the booking stands without the
     * comparison.
     */
    private Money amountWithoutTax(String invoiceId, CurrencyUnit currency) {
        Either<BillingFailure, ZuoraDtos.InvoiceRead> read = client.call("invoice", true,
                api -> api.invoice(invoiceId), ZuoraDtos.InvoiceRead.class);
        if (read.isLeft()) {
            LOG.warn("could not read Zuora's invoice {} to compare it with the engine's preview: {}", invoiceId,
                    read.getLeft().describe());
            return null;
        }
        ZuoraDtos.InvoiceRead i = read.get();
        BigDecimal net = i.amountWithoutTax != null ? i.amountWithoutTax : i.amount;
        if (net == null || (i.currency != null && !i.currency.equals(currency.getCode()))) {
            return null;
        }
        return Money.of(currency, net, java.math.RoundingMode.HALF_UP);
    }

    /** The subscriptions a subscribe with {@code key} booked, found by their custom field. */
    private Either<BillingFailure, Option<Subscribed>> bookedBefore(ZuoraDtos.Account a, RequestKey key,
            String orderNumber) {
        return zuoraSubscriptions(a.basicInfo.id).flatMap(all -> {
            List<ZuoraDtos.SubscriptionRead> mine = all.stream()
                    .filter(s -> key.value().equals(s.custom(ZuoraMapping.SUBSCRIBE_KEY)))
                    .sorted(Comparator.comparing(s -> s.subscriptionNumber)).toList();
            if (mine.isEmpty()) {
                return Either.right(Option.<Subscribed>none());
            }
            List<BookedSubscription> booked = new ArrayList<>();
            for (ZuoraDtos.SubscriptionRead s : mine) {
                long suiteProduct = Long.parseLong(s.custom(ZuoraMapping.SUITE_PRODUCT));
                booked.add(new BookedSubscription(s.subscriptionNumber, s.subscriptionNumber,
                        ZuoraMapping.uuid(a.basicInfo.id, s.subscriptionNumber), suiteProduct));
            }
            CurrencyUnit currency = a.billingAndPayment == null || a.billingAndPayment.currency == null ? null
                    : CurrencyUnit.of(a.billingAndPayment.currency);
            return invoiceOfOrder(a.basicInfo.id, orderNumber).map(invoice -> Option.some(new Subscribed(booked,
                    invoice == null || currency == null ? invoice : new InvoiceRef(invoice.id(), invoice.number(),
                            amountWithoutTax(invoice.id(), currency)))));
        });
    }

    // ---- amending -----------------------------------------------------------------------------

    @Override
    public Either<BillingFailure, Amended> changeQuantity(RequestKey key, QuantityChange command) {
        ChangeAction action = command.change().action();
        if (action != ChangeAction.QUANTITY_UPGRADE && action != ChangeAction.QUANTITY_DOWNGRADE) {
            throw new IllegalArgumentException("a quantity change amends with a quantity action, not " + action);
        }
        PreviewedChange c = command.change();
        return amend(key, "change-quantity", c, (s, catalog) -> {
            Map<String, ZuoraDtos.RatePlanRead> plans = currentPlans(s);
            Map<String, List<ZuoraDtos.ChargeUpdate>> updates = new LinkedHashMap<>();
            for (SubscribedCharge next : c.newCharges()) {
                if (BillingGateway.UNASSIGNED.equals(next.number())) {
                    continue;
                }
                Option<Charge> charge = catalogCharge(catalog, next.chargeId());
                String kind = charge.map(ZuoraMapping::pricingKind).getOrNull();
                if (kind == null) {
                    continue;
                }
                String ratePlanId = ratePlanOfCharge(plans, next.number());
                if (ratePlanId == null) {
                    continue;
                }
                updates.computeIfAbsent(ratePlanId, k -> new ArrayList<>()).add(new ZuoraDtos.ChargeUpdate(
                        next.number(), Map.of(kind, Map.of("quantity", command.quantity())),
                        Map.of("specificTriggerDate", c.effectiveDate().toString())));
            }
            List<ZuoraDtos.OrderAction> actions = new ArrayList<>();
            updates.forEach((ratePlanId, chargeUpdates) -> actions.add(new ZuoraDtos.OrderAction("UpdateProduct",
                    ZuoraMapping.triggers(c.effectiveDate()), null, null,
                    new ZuoraDtos.RatePlanUpdate(ratePlanId, chargeUpdates), null, null)));
            return actions;
        });
    }

    @Override
    public Either<BillingFailure, Amended> replacePlan(RequestKey key, PlanReplacement command) {
        ChangeAction action = command.change().action();
        if (action != ChangeAction.UPGRADE && action != ChangeAction.DOWNGRADE) {
            throw new IllegalArgumentException("a plan replacement amends with an upgrade or downgrade, not " + action);
        }
        PreviewedChange c = command.change();
        return amend(key, "replace-plan", c, (s, catalog) -> {
            List<ZuoraDtos.OrderAction> actions = new ArrayList<>();
            for (ZuoraDtos.RatePlanRead plan : currentPlans(s).values()) {
                actions.add(new ZuoraDtos.OrderAction("RemoveProduct", ZuoraMapping.triggers(c.effectiveDate()), null,
                        null, null, new ZuoraDtos.RemoveProduct(plan.id), null));
            }
            Option<SuiteProduct> target = catalog.suiteProduct(command.targetSuiteProductId());
            Option<RatePlan> plan = target.flatMap(t -> catalog.ratePlan(t.ratePlanId()));
            if (plan.isEmpty()) {
                return null;
            }
            long quantity = c.newCharges().isEmpty() ? 1 : c.newCharges().get(0).quantity();
            actions.add(new ZuoraDtos.OrderAction("AddProduct", ZuoraMapping.triggers(c.effectiveDate()), null,
                    new ZuoraDtos.RatePlanOverride(plan.get().zuoraId(), recurringOnly(plan.get(), quantity)), null,
                    null, null));
            return actions;
        });
    }

    @Override
    public Either<BillingFailure, Amended> cancel(RequestKey key, Cancellation command) {
        if (command.change().action() != ChangeAction.CANCEL || !command.change().newCharges().isEmpty()) {
            throw new IllegalArgumentException("a cancellation amends with the CANCEL action and starts no charge");
        }
        PreviewedChange c = command.change();
        return amend(key, "cancel", c, (s, catalog) -> List.of(new ZuoraDtos.OrderAction("CancelSubscription",
                ZuoraMapping.triggers(c.effectiveDate()), null, null, null, null,
                new ZuoraDtos.CancelSubscription("SpecificDate", c.effectiveDate().toString()))));
    }

    /**
     * Withdraws the pending change by deleting the order that booked it ({@code DELETE /v1/orders/{n}},
     * the order number kept on the subscription's version, {@code SuiteChangeOrder__c}): Zuora rolls
     * the subscription back to its previous version, which is the subscription before that change
     * (Zuora refuses when the order's charges were invoiced). DELETE takes no Idempotency-Key and is
     * sent once; a repeat finds the previous version (not the one previewed) and is refused
     * {@code subscription_changed}: the use case answers a repeat that finds nothing pending itself.
     */
    @Override
    public Either<BillingFailure, Amended> withdraw(RequestKey key, Withdrawal w) {
        AccountRef ref = w.account();
        return zuoraAccount(ref).flatMap(a -> client.call("subscription", true,
                        api -> api.subscription(w.subscriptionId()), ZuoraDtos.SubscriptionRead.class)
                .mapLeft(f -> f instanceof BillingFailure.NotFound ? new BillingFailure.NotFound("subscription "
                        + w.subscriptionId()) : f)
                .flatMap(s -> {
                    if (!a.basicInfo.id.equals(s.accountId)) {
                        return Either.left(new BillingFailure.NotFound("subscription " + w.subscriptionId()));
                    }
                    Subscription current = ZuoraMapping.subscription(s, ref.tenantId(),
                            tenants.apply(ref.tenantId()).catalog());
                    if (current.version() != w.version() || !current.chargedThroughDate().equals(w.chargedThrough())) {
                        return Either.left(new BillingFailure.Rejected("subscription_changed", "subscription "
                                + current.number() + " is at version " + current.version() + ", charged through "
                                + current.chargedThroughDate() + "; the withdrawal was previewed on version "
                                + w.version() + ", charged through " + w.chargedThrough()));
                    }
                    LocalDate effective = w.effectiveDate();
                    boolean pending = effective.equals(current.cancelDate())
                            || current.charges().stream().anyMatch(c -> c.effectiveStart().equals(effective));
                    String order = s.custom(ZuoraMapping.CHANGE_ORDER);
                    if (!pending || order == null || !effective.isAfter(w.requestDate())) {
                        return Either.left(new BillingFailure.Rejected("no_pending_change", "subscription "
                                + current.number() + " has no change pending on " + effective
                                + " that the engine booked"));
                    }
                    return client.call("delete order", false, api -> api.deleteOrder(order))
                            .flatMap(deleted -> client.call("subscription", true,
                                    api -> api.subscription(s.subscriptionNumber), ZuoraDtos.SubscriptionRead.class))
                            .map(v -> new Amended(order, v.version == null ? 1 : v.version, null));
                }));
    }

    private interface Actions {
        /** The order actions of the change on subscription {@code s}; null when the catalog cannot say. */
        List<ZuoraDtos.OrderAction> of(ZuoraDtos.SubscriptionRead s, Catalog catalog);
    }

    /**
     * Books a previewed change as one order on the subscription: refused when the subscription is not
     * the version or charged-through date it was previewed on, unless its current version is this
     * very key's (a repeat, which Zuora answers from the Idempotency-Key).
     */
    private Either<BillingFailure, Amended> amend(RequestKey key, String kind, PreviewedChange c, Actions actions) {
        AccountRef ref = c.account();
        return zuoraAccount(ref).flatMap(a -> client.call("subscription", true,
                        api -> api.subscription(c.subscriptionId()), ZuoraDtos.SubscriptionRead.class)
                .mapLeft(f -> f instanceof BillingFailure.NotFound ? new BillingFailure.NotFound("subscription "
                        + c.subscriptionId()) : f)
                .flatMap(s -> {
                    if (!a.basicInfo.id.equals(s.accountId)) {
                        return Either.left(new BillingFailure.NotFound("subscription " + c.subscriptionId()));
                    }
                    Catalog catalog = tenants.apply(ref.tenantId()).catalog();
                    boolean repeat = key.value().equals(s.custom(ZuoraMapping.CHANGE_KEY));
                    if (!repeat) {
                        Subscription current = ZuoraMapping.subscription(s, ref.tenantId(), catalog);
                        if (current.version() != c.version() || !current.chargedThroughDate().equals(c.chargedThrough())) {
                            return Either.left(new BillingFailure.Rejected("subscription_changed", "subscription "
                                    + current.number() + " is at version " + current.version() + ", charged through "
                                    + current.chargedThroughDate() + "; the change was previewed on version "
                                    + c.version() + ", charged through " + c.chargedThrough()));
                        }
                        if (current.cancelDate() != null) {
                            return Either.left(new BillingFailure.Rejected("subscription_cancelled", "subscription "
                                    + current.number() + " is cancelled with effect from " + current.cancelDate()));
                        }
                    }
                    List<ZuoraDtos.OrderAction> orderActions = actions.of(s, catalog);
                    if (orderActions == null || orderActions.isEmpty()) {
                        return Either.left(new BillingFailure.Rejected("change_not_in_zuora", "the change of "
                                + s.subscriptionNumber + " has nothing Zuora can book"));
                    }
                    String orderNumber = ZuoraMapping.orderNumber(ref.tenantId(), key.value());
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put(ZuoraMapping.CHANGE_KEY, key.value());
                    fields.put(ZuoraMapping.CHANGE_ORDER, orderNumber);
                    boolean bill = !c.invoiceLines().isEmpty();
                    ZuoraDtos.CreateOrder order = new ZuoraDtos.CreateOrder(c.requestDate().toString(), orderNumber,
                            a.basicInfo.accountNumber, new ZuoraDtos.ProcessingOptions(bill, false,
                                    bill ? new ZuoraDtos.BillingOptions(c.effectiveDate().toString()) : null),
                            List.of(new ZuoraDtos.OrderSubscription(s.subscriptionNumber, orderActions, fields)));
                    String idempotency = ZuoraClient.idempotencyKey(key.value(), kind + "/order");
                    Either<BillingFailure, ZuoraDtos.CreatedOrder> placed = client.call(kind + " order", true,
                            api -> api.createOrder(idempotency, order), ZuoraDtos.CreatedOrder.class);
                    if (placed.isLeft() && repeat) {
                        // Zuora forgot the key (after 24 h): the subscription says what the key booked
                        return invoiceOfOrder(a.basicInfo.id, orderNumber).map(invoice -> new Amended(orderNumber,
                                s.version == null ? 1 : s.version, invoice));
                    }
                    return placed.flatMap(created -> amended(created, s.subscriptionNumber));
                }));
    }

    private Either<BillingFailure, Amended> amended(ZuoraDtos.CreatedOrder created, String subscriptionNumber) {
        String versionId = created.subscriptions == null ? null : created.subscriptions.stream()
                .filter(x -> subscriptionNumber.equals(x.subscriptionNumber)).map(x -> x.subscriptionId)
                .filter(Objects::nonNull).findFirst().orElse(null);
        Either<BillingFailure, ZuoraDtos.SubscriptionRead> version = client.call("subscription", true,
                api -> api.subscription(versionId == null ? subscriptionNumber : versionId),
                ZuoraDtos.SubscriptionRead.class);
        InvoiceRef invoice = created.invoiceIds == null || created.invoiceIds.isEmpty() ? null
                : new InvoiceRef(created.invoiceIds.get(0), created.invoiceNumbers == null
                        || created.invoiceNumbers.isEmpty() ? created.invoiceIds.get(0) : created.invoiceNumbers.get(0));
        return version.map(v -> new Amended(created.orderNumber, v.version == null ? 1 : v.version, invoice));
    }

    /** The subscription's rate plans still in force (not removed), by Zuora's rate plan id. */
    private static Map<String, ZuoraDtos.RatePlanRead> currentPlans(ZuoraDtos.SubscriptionRead s) {
        Map<String, ZuoraDtos.RatePlanRead> plans = new LinkedHashMap<>();
        for (ZuoraDtos.RatePlanRead p : s.ratePlans == null ? List.<ZuoraDtos.RatePlanRead>of() : s.ratePlans) {
            if (!"Remove".equalsIgnoreCase(p.lastChangeType)) {
                plans.put(p.id, p);
            }
        }
        return plans;
    }

    private static String ratePlanOfCharge(Map<String, ZuoraDtos.RatePlanRead> plans, String chargeNumber) {
        for (ZuoraDtos.RatePlanRead p : plans.values()) {
            for (ZuoraDtos.ChargeRead c : p.ratePlanCharges == null ? List.<ZuoraDtos.ChargeRead>of()
                    : p.ratePlanCharges) {
                if (chargeNumber.equals(c.number)) {
                    return p.id;
                }
            }
        }
        return null;
    }

    private static Option<Charge> catalogCharge(Catalog catalog, long chargeId) {
        return Option.ofOptional(catalog.ratePlans().stream().flatMap(p -> p.charges().stream())
                .filter(ch -> ch.id() == chargeId).findFirst());
    }

    /**
     * A plan added by a change, priced as the engine previewed it: its recurring charges at the quantity,
     * its one-time charges (a set-up fee) not charged again (the engine's change rules charge the
     * difference of the recurring price only): Zuora would bill every charge of an added plan, so each
     * one-time charge gets a price override of zero.
     */
    static List<ZuoraDtos.ChargeOverride> recurringOnly(RatePlan plan, long quantity) {
        List<ZuoraDtos.ChargeOverride> overrides = new ArrayList<>();
        for (Charge c : plan.charges()) {
            if (c.zuoraId() == null) {
                continue;
            }
            if (c.type() == ChargeType.ONE_TIME) {
                overrides.add(new ZuoraDtos.ChargeOverride(c.zuoraId(), ZuoraMapping.freeOnce(c, quantity)));
            } else {
                String kind = ZuoraMapping.pricingKind(c);
                if (kind != null) {
                    overrides.add(new ZuoraDtos.ChargeOverride(c.zuoraId(), Map.of(kind, Map.of("quantity",
                            quantity))));
                }
            }
        }
        return overrides.isEmpty() ? null : overrides;
    }

    // ---- Zuora reads --------------------------------------------------------------------------

    /** The account behind {@code ref}: not found unless it is the customer's (the tenant and user on it). */
    private Either<BillingFailure, ZuoraDtos.Account> zuoraAccount(AccountRef ref) {
        return client.call("account", true, api -> api.account(ref.accountId()), ZuoraDtos.Account.class)
                .mapLeft(f -> f instanceof BillingFailure.NotFound ? new BillingFailure.NotFound("account "
                        + ref.accountId()) : f)
                .flatMap(a -> ZuoraMapping.owns(a, ref) ? Either.right(a)
                        : Either.left(new BillingFailure.NotFound("account " + ref.accountId())));
    }

    private Either<BillingFailure, List<ZuoraDtos.SubscriptionRead>> zuoraSubscriptions(String accountId) {
        return pages("subscriptions", page -> api -> api.subscriptionsOfAccount(accountId, page),
                ZuoraDtos.Subscriptions.class, r -> r.subscriptions, r -> r.nextPage);
    }

    /** Every billing document of the account, all pages. */
    private Either<BillingFailure, List<ZuoraDtos.BillingDocument>> billingDocuments(String accountId) {
        return pages("billing-documents", page -> api -> api.billingDocuments(accountId, page),
                ZuoraDtos.BillingDocuments.class, r -> r.documents, r -> r.nextPage);
    }

    /**
     * Every item of a paged read (Zuora answers {@code nextPage} while there are more), at most 99
     * pages of 40; the first failure answers for the whole read.
     */
    private <R, T> Either<BillingFailure, List<T>> pages(String name,
            java.util.function.IntFunction<java.util.function.Function<ZuoraApi, feign.Response>> page,
            Class<R> type, java.util.function.Function<R, List<T>> items,
            java.util.function.Function<R, String> nextPage) {
        List<T> all = new ArrayList<>();
        for (int n = 1; n < 100; n++) {
            Either<BillingFailure, R> got = client.call(name, true, page.apply(n), type);
            if (got.isLeft()) {
                return Either.left(got.getLeft());
            }
            List<T> found = items.apply(got.get());
            if (found != null) {
                all.addAll(found);
            }
            if (nextPage.apply(got.get()) == null || found == null || found.isEmpty()) {
                break;
            }
        }
        return Either.right(all);
    }

    private Either<BillingFailure, Invoice> invoice(AccountRef ref, BillingAccount account, String invoiceId) {
        return client.call("invoice", true, api -> api.invoice(invoiceId), ZuoraDtos.InvoiceRead.class)
                .flatMap(i -> {
                    TenantDefinition tenant = tenants.apply(ref.tenantId());
                    CurrencyUnit currency = CurrencyUnit.of(i.currency == null ? account.currency().getCode()
                            : i.currency);
                    LocalDate date = ZuoraMapping.date(i.invoiceDate);
                    List<InvoiceLine> lines = new ArrayList<>();
                    Either<BillingFailure, ZuoraDtos.InvoiceItems> items = client.call("invoice items", true,
                            api -> api.invoiceItems(i.id), ZuoraDtos.InvoiceItems.class);
                    if (items.isRight() && items.get().invoiceItems != null) {
                        for (ZuoraDtos.InvoiceItem item : items.get().invoiceItems) {
                            lines.add(line(item, currency, tenant.catalog(), date));
                        }
                    } else if (items.isLeft() && !(items.getLeft() instanceof BillingFailure.NotFound)) {
                        return Either.left(items.getLeft());
                    }
                    if (lines.isEmpty()) {
                        // no items to read: one line with the invoice's totals
                        Money net = money(currency, i.amountWithoutTax != null ? i.amountWithoutTax : i.amount);
                        Money tax = money(currency, i.taxAmount);
                        lines.add(new InvoiceLine("", 0, "Invoice " + i.invoiceNumber, date, date,
                                new TaxSplit(net, tax, net.plus(tax))));
                    }
                    BigDecimal net = lines.stream().map(l -> l.amounts().netto().getAmount())
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    BigDecimal tax = lines.stream().map(l -> l.amounts().tax().getAmount())
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    BigDecimal rate = net.signum() == 0 ? BigDecimal.ZERO : tax.divide(net, 2, RoundingMode.HALF_UP);
                    BigDecimal paid = i.amount == null || i.balance == null ? BigDecimal.ZERO
                            : i.amount.subtract(i.balance);
                    return Either.right(new Invoice(i.id, ref.tenantId(), i.accountId, i.invoiceNumber, date,
                            i.dueDate == null ? date : ZuoraMapping.date(i.dueDate), currency,
                            InvoiceParty.seller(tenant.tenant()), InvoiceParty.billTo(account.details()), rate, "",
                            lines, money(currency, paid), date.atStartOfDay(ZoneOffset.UTC).toInstant()));
                });
    }

    private static InvoiceLine line(ZuoraDtos.InvoiceItem item, CurrencyUnit currency, Catalog catalog,
            LocalDate invoiceDate) {
        long chargeId = catalog.ratePlans().stream().flatMap(p -> p.charges().stream())
                .filter(c -> item.productRatePlanChargeId != null && item.productRatePlanChargeId.equals(c.zuoraId()))
                .mapToLong(Charge::id).findFirst().orElse(0);
        Money net = money(currency, item.chargeAmount);
        Money tax = money(currency, item.taxAmount);
        LocalDate start = item.serviceStartDate == null ? invoiceDate : ZuoraMapping.date(item.serviceStartDate);
        // Zuora's service end date is the last day served; the engine's is exclusive
        LocalDate end = item.serviceEndDate == null ? start : ZuoraMapping.date(item.serviceEndDate).plusDays(1);
        String subscription = item.subscriptionName != null ? item.subscriptionName
                : item.subscriptionNumber != null ? item.subscriptionNumber : "";
        return new InvoiceLine(subscription, chargeId, item.chargeName == null ? "" : item.chargeName, start,
                end.isBefore(start) ? start : end, new TaxSplit(net, tax, net.plus(tax)));
    }

    private static Money money(CurrencyUnit currency, BigDecimal amount) {
        return Money.of(currency, (amount == null ? BigDecimal.ZERO : amount)
                .setScale(currency.getDecimalPlaces(), RoundingMode.HALF_UP));
    }

    private static String first(Map<String, String> data, String... names) {
        for (String n : names) {
            String v = data.get(n);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "ZuoraBillingGateway[" + client + "]";
    }
}
