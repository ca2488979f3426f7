package com.subscriptionsuite.zuora.simulator;

import static com.subscriptionsuite.zuora.simulator.ZuoraSimulator.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.subscriptionsuite.zuora.simulator.ZuoraSimulator.Answer;
import com.subscriptionsuite.zuora.simulator.ZuoraSimulator.Call;
import io.javalin.http.HandlerType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The /v1 endpoints and /oauth/token. Every handler runs under the state's lock. */
final class Api {
    private static final String TENANT_ID = "12270";

    private final ZuoraSimulator sim;
    private final SimulatorState st;
    private final KeyPair rsaKeys;
    private final HostedPages hostedPages;

    Api(ZuoraSimulator sim) {
        this.sim = sim;
        this.st = sim.state();
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(1024);
            this.rsaKeys = g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.hostedPages = new HostedPages(sim, rsaKeys, TENANT_ID);
    }

    void register() {
        sim.route(HandlerType.POST, "/oauth/token", sim::token);
        sim.route(HandlerType.POST, "/v1/accounts", locked(this::createAccount));
        sim.route(HandlerType.GET, "/v1/accounts/{key}", locked(this::getAccount));
        sim.route(HandlerType.PUT, "/v1/accounts/{key}", locked(this::updateAccount));
        sim.route(HandlerType.GET, "/v1/accounts/{key}/summary", locked(this::accountSummary));
        sim.route(HandlerType.GET, "/v1/accounts/{key}/payment-methods", locked(this::accountPaymentMethods));
        sim.route(HandlerType.POST, "/v1/orders", locked(this::createOrder));
        sim.route(HandlerType.DELETE, "/v1/orders/{key}", locked(this::deleteOrder));
        sim.route(HandlerType.GET, "/v1/subscriptions/accounts/{key}", locked(this::subscriptionsOfAccount));
        sim.route(HandlerType.GET, "/v1/subscriptions/{key}", locked(this::getSubscription));
        sim.route(HandlerType.GET, "/v1/billing-documents", locked(this::billingDocuments));
        sim.route(HandlerType.GET, "/v1/invoices/{key}", locked(this::getInvoice));
        sim.route(HandlerType.GET, "/v1/invoices/{key}/files", locked(this::invoiceFiles));
        sim.route(HandlerType.GET, "/v1/invoices/{key}/items", locked(this::invoiceItems));
        sim.route(HandlerType.POST, "/v1/bill-runs", locked(this::createBillRun));
        sim.route(HandlerType.GET, "/v1/bill-runs/{key}", locked(this::getBillRun));
        sim.route(HandlerType.GET, "/v1/files/{key}", locked(this::getFile));
        sim.route(HandlerType.POST, "/v1/payment-methods", locked(this::createPaymentMethod));
        sim.route(HandlerType.GET, "/v1/payment-methods/{key}", locked(this::getPaymentMethod));
        sim.route(HandlerType.POST, "/v1/rsa-signatures", locked(this::rsaSignature));
        sim.route(HandlerType.GET, "/v1/catalog/products", this::catalogProducts);
        sim.route(HandlerType.GET, "/v1/catalog/products/{key}", this::catalogProduct);
        sim.route(HandlerType.GET, "/v1/products/{key}/product-rate-plans", this::productRatePlans);
        sim.route(HandlerType.POST, "/v1/subscriptions", locked(this::createSubscriptionDirect));
        sim.route(HandlerType.PUT, "/v1/subscriptions/{key}", locked(this::updateSubscriptionDirect));
        sim.route(HandlerType.PUT, "/v1/subscriptions/{key}/cancel", locked(this::cancelSubscriptionDirect));
        // the hosted payment page's submission: a page of Zuora's UI host, not of the REST API
        sim.plainRoute(HandlerType.POST, "/apps/PublicHostedPageLite.do", ctx -> {
            synchronized (st) {
                return hostedPages.submit(ctx);
            }
        });
        // Anything else under /v1 still goes through auth and the document check (a path the document lacks is
        // recorded as an invalid request); what the document has but the simulator lacks answers 404.
        for (HandlerType type : List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.DELETE, HandlerType.PATCH)) {
            sim.route(type, "/v1/*", call -> {
                throw new ZuoraError(404, 50000040L, "The simulator does not implement " + call.ctx.method() + " "
                        + call.ctx.path() + " (see zuora-simulator/README.md).");
            });
        }
    }

    private ZuoraSimulator.Endpoint locked(Function<Call, Answer> f) {
        return call -> {
            synchronized (st) {
                return f.apply(call);
            }
        };
    }

    private LocalDate today() {
        return LocalDate.now(sim.clock().withZone(ZoneOffset.UTC));
    }

    // ================================================================== accounts

    private Model.Account account(String key) {
        Model.Account a = st.accounts.get(key);
        if (a == null) {
            a = st.accounts.values().stream().filter(x -> x.number.equals(key)).findFirst().orElse(null);
        }
        if (a == null) {
            throw ZuoraError.notFound("Cannot find entity by key: '" + key + "'.");
        }
        return a;
    }

    private Optional<Model.Account> findAccount(String key) {
        try {
            return Optional.of(account(key));
        } catch (ZuoraError e) {
            return Optional.empty();
        }
    }

    private Answer createAccount(Call call) {
        if (call.body.hasNonNull("subscription")) {
            throw new ZuoraError(400, 50000045L,
                    "The simulator does not create subscriptions with the account: use POST /v1/orders.");
        }
        Model.Account a = newAccount(call.body, customFieldsOf(call.body));
        ObjectNode r = JSON.createObjectNode().put("success", true)
                .put("accountId", a.id).put("accountNumber", a.number)
                .put("billToContactId", a.billTo.path("id").asText())
                .put("soldToContactId", a.soldTo.path("id").asText());
        if (a.defaultPaymentMethodId != null) {
            r.put("paymentMethodId", a.defaultPaymentMethodId);
        }
        return Answer.ok(r);
    }

    /** Creates an account from POST /v1/accounts or an order's newAccount. */
    private Model.Account newAccount(JsonNode b, ObjectNode customFields) {
        String number = text(b, "accountNumber");
        if (number != null && st.accounts.values().stream().anyMatch(x -> x.number.equals(number))) {
            throw ZuoraError.invalidValue("The account number " + number + " is invalid: it is already in use.");
        }
        Model.Account a = new Model.Account();
        a.id = Ids.newId();
        a.number = number != null ? number : "A" + Ids.next("account", 8);
        a.name = text(b, "name");
        a.currency = text(b, "currency");
        a.billCycleDay = b.path("billCycleDay").asInt(0);
        a.autoPay = b.path("autoPay").asBoolean(false);
        if (b.hasNonNull("paymentTerm")) a.paymentTerm = text(b, "paymentTerm");
        if (b.hasNonNull("batch")) a.batch = text(b, "batch");
        a.crmId = text(b, "crmId");
        a.notes = text(b, "notes");
        a.purchaseOrderNumber = text(b, "purchaseOrderNumber");
        a.salesRep = text(b, "salesRep");
        a.paymentGateway = text(b, "paymentGateway");
        a.invoiceDeliveryPrefsEmail = b.path("invoiceDeliveryPrefsEmail").asBoolean(false);
        a.invoiceDeliveryPrefsPrint = b.path("invoiceDeliveryPrefsPrint").asBoolean(false);
        JsonNode emails = b.get("additionalEmailAddresses");
        if (emails != null && emails.isArray()) {
            emails.forEach(e -> a.additionalEmailAddresses.add(e.asText()));
        } else if (emails != null && emails.isTextual()) {
            for (String e : emails.asText().split(",")) {
                if (!e.isBlank()) a.additionalEmailAddresses.add(e.trim());
            }
        }
        a.billTo = contact(b.get("billToContact"));
        a.soldTo = b.hasNonNull("soldToContact") ? contact(b.get("soldToContact")) : a.billTo;
        a.shipTo = b.hasNonNull("shipToContact") ? contact(b.get("shipToContact")) : a.soldTo;
        a.customFields = customFields;
        a.taxInfo = b.hasNonNull("taxInfo") && b.get("taxInfo").isObject() ? ((ObjectNode) b.get("taxInfo")).deepCopy() : null;
        a.createdOn = sim.clock().instant();
        // payment method: inline, or one made earlier (e.g. by a hosted page)
        String pmId = null;
        if (b.hasNonNull("paymentMethod")) {
            pmId = newPaymentMethod(b.get("paymentMethod"), a.id).id;
        } else if (b.hasNonNull("hpmCreditCardPaymentMethodId")) {
            Model.PaymentMethod pm = st.paymentMethods.get(text(b, "hpmCreditCardPaymentMethodId"));
            if (pm == null) {
                throw ZuoraError.invalidValue("Invalid hpmCreditCardPaymentMethodId: "
                        + text(b, "hpmCreditCardPaymentMethodId"));
            }
            pm.accountId = a.id;
            pmId = pm.id;
        }
        if (a.autoPay && pmId == null) {
            throw ZuoraError.businessRule("A payment method is required when autoPay is true.");
        }
        a.defaultPaymentMethodId = pmId;
        st.accounts.put(a.id, a);
        return a;
    }

    private static ObjectNode contact(JsonNode c) {
        ObjectNode n = c == null ? JSON.createObjectNode() : ((ObjectNode) c).deepCopy();
        n.put("id", Ids.newId());
        return n;
    }

    /** Top-level {@code *__c} fields of a body (Zuora's custom fields on accounts, subscriptions...). */
    private static ObjectNode customFieldsOf(JsonNode b) {
        ObjectNode cf = JSON.createObjectNode();
        if (b != null) {
            b.properties().forEach(e -> {
                if (e.getKey().endsWith("__c")) {
                    cf.set(e.getKey(), e.getValue());
                }
            });
        }
        return cf;
    }

    private Answer getAccount(Call call) {
        Model.Account a = account(call.path("key"));
        ObjectNode r = JSON.createObjectNode();
        ObjectNode basic = r.putObject("basicInfo");
        basic.put("id", a.id).put("accountNumber", a.number).put("name", a.name).put("status", a.status)
                .put("batch", a.batch).put("crmId", a.crmId).put("notes", a.notes)
                .put("purchaseOrderNumber", a.purchaseOrderNumber).put("salesRep", a.salesRep);
        basic.setAll(a.customFields);
        ObjectNode bp = r.putObject("billingAndPayment");
        bp.put("billCycleDay", a.billCycleDay).put("bcdSettingOption", a.billCycleDay == 0 ? "AutoSet" : "ManualSet")
                .put("currency", a.currency).put("defaultPaymentMethodId", a.defaultPaymentMethodId)
                .put("autoPay", a.autoPay).put("paymentTerm", a.paymentTerm).put("paymentGateway", a.paymentGateway)
                .put("invoiceDeliveryPrefsEmail", a.invoiceDeliveryPrefsEmail)
                .put("invoiceDeliveryPrefsPrint", a.invoiceDeliveryPrefsPrint);
        ArrayNode emails = bp.putArray("additionalEmailAddresses");
        a.additionalEmailAddresses.forEach(emails::add);
        BigDecimal balance = balance(a);
        ObjectNode m = r.putObject("metrics");
        m.put("balance", money(balance)).put("totalInvoiceBalance", money(balance)).put("creditBalance", "0.00")
                .put("contractedMrr", money(contractedMrr(a))).put("totalDebitMemoBalance", "0.00")
                .put("unappliedCreditMemoAmount", "0.00").put("unappliedPaymentAmount", "0.00");
        r.set("billToContact", contactView(a, a.billTo));
        r.set("soldToContact", contactView(a, a.soldTo));
        r.set("shipToContact", contactView(a, a.shipTo));
        if (a.taxInfo != null) {
            r.set("taxInfo", a.taxInfo.deepCopy());
        }
        r.put("success", true);
        return Answer.ok(r);
    }

    private static ObjectNode contactView(Model.Account a, ObjectNode c) {
        ObjectNode n = c.deepCopy();
        n.put("asBillTo", c == a.billTo).put("asSoldTo", c == a.soldTo).put("asShipTo", c == a.shipTo);
        return n;
    }

    /** The open balance of the account's posted invoices (a Draft invoice from a bill run does not count yet). */
    private BigDecimal balance(Model.Account a) {
        return st.invoices.values().stream().filter(i -> i.accountId.equals(a.id) && "Posted".equals(i.status))
                .map(i -> i.balance)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal contractedMrr(Model.Account a) {
        return st.subscriptions.stream().filter(s -> s.latest && s.accountId.equals(a.id) && "Active".equals(s.status))
                .map(Billing::mrr).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String money(BigDecimal b) {
        return b.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private Answer updateAccount(Call call) {
        Model.Account a = account(call.path("key"));
        JsonNode b = call.body == null ? JSON.createObjectNode() : call.body;
        if (b.hasNonNull("defaultPaymentMethodId")) {
            String pmId = text(b, "defaultPaymentMethodId");
            Model.PaymentMethod pm = st.paymentMethods.get(pmId);
            if (pm == null || (pm.accountId != null && !pm.accountId.equals(a.id))) {
                throw ZuoraError.invalidValue("Invalid defaultPaymentMethodId: " + pmId);
            }
            pm.accountId = a.id;
            a.defaultPaymentMethodId = pmId;
        }
        if (b.has("autoPay")) {
            boolean autoPay = b.get("autoPay").asBoolean();
            if (autoPay && a.defaultPaymentMethodId == null) {
                throw ZuoraError.businessRule("A payment method is required when autoPay is true.");
            }
            a.autoPay = autoPay;
        }
        if (b.hasNonNull("name")) a.name = text(b, "name");
        if (b.has("notes")) a.notes = text(b, "notes");
        if (b.has("crmId")) a.crmId = text(b, "crmId");
        if (b.hasNonNull("batch")) a.batch = text(b, "batch");
        if (b.hasNonNull("paymentTerm")) a.paymentTerm = text(b, "paymentTerm");
        if (b.has("purchaseOrderNumber")) a.purchaseOrderNumber = text(b, "purchaseOrderNumber");
        if (b.has("salesRep")) a.salesRep = text(b, "salesRep");
        if (b.has("paymentGateway")) a.paymentGateway = text(b, "paymentGateway");
        if (b.hasNonNull("billCycleDay")) a.billCycleDay = b.get("billCycleDay").asInt();
        if (b.has("invoiceDeliveryPrefsEmail")) a.invoiceDeliveryPrefsEmail = b.get("invoiceDeliveryPrefsEmail").asBoolean();
        if (b.has("invoiceDeliveryPrefsPrint")) a.invoiceDeliveryPrefsPrint = b.get("invoiceDeliveryPrefsPrint").asBoolean();
        if (b.has("additionalEmailAddresses")) {
            a.additionalEmailAddresses.clear();
            b.get("additionalEmailAddresses").forEach(e -> a.additionalEmailAddresses.add(e.asText()));
        }
        boolean soldIsBill = a.soldTo == a.billTo;
        boolean shipIsSold = a.shipTo == a.soldTo;
        if (b.hasNonNull("billToContact")) {
            mergeContact(a.billTo, b.get("billToContact"));
        }
        if (b.hasNonNull("soldToContact")) {
            if (soldIsBill) {
                a.soldTo = a.billTo.deepCopy();
                a.soldTo.put("id", Ids.newId());
                if (shipIsSold) a.shipTo = a.soldTo;
            }
            mergeContact(a.soldTo, b.get("soldToContact"));
        }
        if (b.hasNonNull("shipToContact")) {
            if (a.shipTo == a.soldTo || a.shipTo == a.billTo) {
                a.shipTo = a.shipTo.deepCopy();
                a.shipTo.put("id", Ids.newId());
            }
            mergeContact(a.shipTo, b.get("shipToContact"));
        }
        if (b.hasNonNull("taxInfo") && b.get("taxInfo").isObject()) {
            if (a.taxInfo == null) a.taxInfo = JSON.createObjectNode();
            a.taxInfo.setAll((ObjectNode) b.get("taxInfo"));
        }
        a.customFields.setAll(customFieldsOf(b));
        return Answer.ok(JSON.createObjectNode().put("success", true));
    }

    private static void mergeContact(ObjectNode target, JsonNode changes) {
        changes.properties().forEach(e -> {
            if (!"id".equals(e.getKey())) {
                target.set(e.getKey(), e.getValue());
            }
        });
    }

    private Answer accountSummary(Call call) {
        Model.Account a = account(call.path("key"));
        ObjectNode r = JSON.createObjectNode();
        ObjectNode basic = r.putObject("basicInfo");
        basic.put("id", a.id).put("accountNumber", a.number).put("name", a.name).put("balance", money(balance(a)))
                .put("currency", a.currency).put("billCycleDay", String.valueOf(a.billCycleDay)).put("autoPay", a.autoPay)
                .put("status", a.status).put("batch", a.batch).put("crmId", a.crmId);
        basic.setAll(a.customFields);
        if (a.defaultPaymentMethodId != null) {
            Model.PaymentMethod pm = st.paymentMethods.get(a.defaultPaymentMethodId);
            ObjectNode d = basic.putObject("defaultPaymentMethod");
            d.put("id", pm.id).put("paymentMethodType", summaryType(pm.type));
            if (pm.details.hasNonNull("creditCardMaskNumber")) {
                d.put("creditCardNumber", pm.details.get("creditCardMaskNumber").asText())
                        .put("creditCardType", pm.details.path("creditCardType").asText(null))
                        .put("creditCardExpirationMonth", pm.details.path("expirationMonth").asText(null))
                        .put("creditCardExpirationYear", pm.details.path("expirationYear").asText(null));
            }
        }
        st.invoices.values().stream().filter(i -> i.accountId.equals(a.id)).map(i -> i.invoiceDate)
                .max(Comparator.naturalOrder()).ifPresent(d -> basic.put("lastInvoiceDate", d.toString()));
        r.set("billToContact", summaryContact(a.billTo));
        r.set("soldToContact", summaryContact(a.soldTo));
        ArrayNode subs = r.putArray("subscriptions");
        for (Model.Subscription s : latestOf(a)) {
            ObjectNode n = subs.addObject();
            n.put("id", s.id).put("subscriptionNumber", s.number).put("status", s.status).put("termType", s.termType)
                    .put("autoRenew", s.autoRenew).put("initialTerm", String.valueOf(s.initialTerm))
                    .put("renewalTerm", String.valueOf(s.renewalTerm));
            putDate(n, "subscriptionStartDate", s.subscriptionStartDate);
            putDate(n, "termStartDate", s.termStartDate);
            putDate(n, "termEndDate", s.termEndDate);
            ArrayNode rps = n.putArray("ratePlans");
            s.ratePlans.stream().filter(rp -> !rp.removed).forEach(rp -> rps.addObject()
                    .put("productId", rp.productId).put("productName", rp.productName).put("productSku", rp.productSku)
                    .put("productRatePlanId", rp.productRatePlanId).put("ratePlanName", rp.ratePlanName));
        }
        ArrayNode invs = r.putArray("invoices");
        st.invoices.values().stream().filter(i -> i.accountId.equals(a.id)).forEach(i -> {
            ObjectNode n = invs.addObject();
            n.put("id", i.id).put("invoiceNumber", i.number).put("amount", i.amount).put("balance", money(i.balance))
                    .put("status", i.status);
            putDate(n, "invoiceDate", i.invoiceDate);
            putDate(n, "dueDate", i.dueDate);
        });
        r.putArray("payments");
        r.putArray("usage");
        r.put("success", true);
        return Answer.ok(r);
    }

    /** The account summary names payment method types the older way (CRUD types). */
    private static String summaryType(String type) {
        if (type.startsWith("PayPal")) return "PayPal";
        switch (type) {
            case "CreditCard": case "CreditCardReferenceTransaction": case "ACH": case "AdyenApplePay":
            case "AdyenGooglePay": case "GooglePay":
                return type;
            default:
                return "BankTransfer";
        }
    }

    private static ObjectNode summaryContact(ObjectNode c) {
        ObjectNode n = JSON.createObjectNode();
        for (String f : List.of("id", "firstName", "lastName", "address1", "address2", "city", "state", "country",
                "zipCode", "workEmail", "workPhone", "taxRegion", "fax")) {
            if (c.hasNonNull(f)) {
                n.set(f, c.get(f));
            }
        }
        return n;
    }

    private List<Model.Subscription> latestOf(Model.Account a) {
        return st.subscriptions.stream().filter(s -> s.latest && s.accountId.equals(a.id)).toList();
    }

    // ================================================================== payment methods

    private Model.PaymentMethod newPaymentMethod(JsonNode b, String accountId) {
        Model.PaymentMethod pm = new Model.PaymentMethod();
        pm.id = Ids.newId();
        pm.accountId = accountId;
        pm.type = text(b, "type");
        pm.createdOn = sim.clock().instant();
        ObjectNode d = ((ObjectNode) b).deepCopy();
        for (String f : List.of("type", "accountKey", "makeDefault", "skipValidation", "authGateway", "currencyCode",
                "securityCode", "checkDuplicated", "gatewayOptions", "processingOptions")) {
            d.remove(f);
        }
        if (d.hasNonNull("cardNumber")) {
            String n = d.get("cardNumber").asText();
            String masked = "*".repeat(Math.max(0, n.length() - 4)) + n.substring(Math.max(0, n.length() - 4));
            d.put("cardNumber", masked);
            d.put("creditCardMaskNumber", masked);
            d.put("bankIdentificationNumber", n.length() >= 6 ? n.substring(0, 6) : n);
            if (d.hasNonNull("cardType")) {
                d.set("creditCardType", d.remove("cardType"));
            }
            if (d.hasNonNull("cardHolderInfo")) {
                JsonNode h = d.remove("cardHolderInfo");
                ObjectNode info = JSON.createObjectNode().put("accountHolderName", h.path("cardHolderName").asText(null));
                for (String[] m : new String[][] {{"addressLine1", "addressLine1"}, {"addressLine2", "addressLine2"},
                        {"city", "city"}, {"state", "state"}, {"zipCode", "zipCode"}, {"country", "country"},
                        {"phone", "phone"}, {"email", "email"}}) {
                    if (h.hasNonNull(m[0])) info.set(m[1], h.get(m[0]));
                }
                d.set("accountHolderInfo", info);
            }
        }
        for (String f : List.of("bankAccountNumber", "IBAN", "accountNumber")) {
            if (d.hasNonNull(f)) {
                String n = d.get(f).asText();
                d.put(f, "*".repeat(Math.max(0, n.length() - 4)) + n.substring(Math.max(0, n.length() - 4)));
            }
        }
        if ("SEPA".equals(pm.type) || "Bacs".equals(pm.type) || "Becs".equals(pm.type) || "Autogiro".equals(pm.type)
                || "Betalingsservice".equals(pm.type) || "Becsnz".equals(pm.type) || "PAD".equals(pm.type)) {
            d.put("bankTransferType", pm.type.equals("SEPA") ? "SEPA" : pm.type);
            if (!d.has("mandateInfo")) {
                d.putObject("mandateInfo").put("mandateId", "MANDATE-" + Ids.next("mandate", 6)).put("mandateStatus", "Active");
            }
        }
        pm.details = d;
        st.paymentMethods.put(pm.id, pm);
        return pm;
    }

    private Answer createPaymentMethod(Call call) {
        JsonNode b = call.body;
        String accountId = null;
        if (b.hasNonNull("accountKey")) {
            accountId = account(text(b, "accountKey")).id;
        }
        Model.PaymentMethod pm = newPaymentMethod(b, accountId);
        if (accountId != null && b.path("makeDefault").asBoolean(false)) {
            st.accounts.get(accountId).defaultPaymentMethodId = pm.id;
        }
        return Answer.ok(JSON.createObjectNode().put("success", true).put("id", pm.id));
    }

    private ObjectNode paymentMethodView(Model.PaymentMethod pm) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", pm.id).put("type", pm.type).put("status", pm.status);
        Model.Account a = pm.accountId == null ? null : st.accounts.get(pm.accountId);
        n.put("isDefault", a != null && pm.id.equals(a.defaultPaymentMethodId));
        n.put("accountKey", a == null ? null : a.id);
        n.setAll(pm.details);
        n.put("createdBy", "simulator").put("createdOn", isoTime(pm.createdOn))
                .put("updatedBy", "simulator").put("updatedOn", isoTime(pm.createdOn))
                .put("numConsecutiveFailures", 0).put("totalNumberOfProcessedPayments", 0)
                .put("totalNumberOfErrorPayments", 0);
        return n;
    }

    private static String isoTime(java.time.Instant i) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(i.atOffset(ZoneOffset.UTC).withNano(0));
    }

    private Answer getPaymentMethod(Call call) {
        Model.PaymentMethod pm = st.paymentMethods.get(call.path("key"));
        if (pm == null) {
            throw ZuoraError.notFound("Cannot find entity by key: '" + call.path("key") + "'.");
        }
        ObjectNode n = paymentMethodView(pm);
        n.put("success", true);
        return Answer.ok(n);
    }

    private Answer accountPaymentMethods(Call call) {
        Model.Account a = account(call.path("key"));
        boolean defaultOnly = "true".equals(call.query("isDefaultOnly"));
        boolean activeOnly = "true".equals(call.query("isActiveOnly"));
        ObjectNode r = JSON.createObjectNode();
        r.put("defaultPaymentMethodId", a.defaultPaymentMethodId);
        r.put("paymentGateway", a.paymentGateway);
        for (Model.PaymentMethod pm : st.paymentMethods.values()) {
            if (!a.id.equals(pm.accountId)) continue;
            if (defaultOnly && !pm.id.equals(a.defaultPaymentMethodId)) continue;
            if (activeOnly && !"Active".equals(pm.status)) continue;
            String key = pm.type.toLowerCase(Locale.ROOT);
            ArrayNode list = r.has(key) ? (ArrayNode) r.get(key) : r.putArray(key);
            list.add(paymentMethodView(pm));
        }
        r.put("success", true);
        return Answer.ok(r);
    }

    private Answer rsaSignature(Call call) {
        JsonNode b = call.body;
        String token = Ids.newId();
        hostedPages.issued(token, text(b, "pageId"), text(b, "uri"), sim.clock().instant());
        String signature;
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(rsaKeys.getPrivate());
            s.update((text(b, "pageId") + "#" + token + "#" + TENANT_ID + "#" + text(b, "uri")).getBytes(StandardCharsets.UTF_8));
            signature = Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return Answer.ok(JSON.createObjectNode().put("success", true).put("signature", signature).put("token", token)
                .put("tenantId", TENANT_ID)
                .put("key", Base64.getEncoder().encodeToString(rsaKeys.getPublic().getEncoded())));
    }

    // ================================================================== orders

    private Answer createOrder(Call call) {
        JsonNode b = call.body;
        LocalDate orderDate = date(b, "orderDate");
        String orderNumber = text(b, "orderNumber");
        if (orderNumber != null && st.orders.containsKey(orderNumber)) {
            throw ZuoraError.invalidValue("The order number " + orderNumber + " already exists.");
        }
        Model.Account account;
        if (b.hasNonNull("existingAccountNumber")) {
            account = findAccount(text(b, "existingAccountNumber")).orElseThrow(() ->
                    ZuoraError.invalidValue("Invalid existingAccountNumber: " + text(b, "existingAccountNumber")));
        } else if (b.hasNonNull("existingAccountId")) {
            account = findAccount(text(b, "existingAccountId")).orElseThrow(() ->
                    ZuoraError.invalidValue("Invalid existingAccountId: " + text(b, "existingAccountId")));
        } else if (b.hasNonNull("newAccount")) {
            JsonNode na = b.get("newAccount");
            ObjectNode cf = na.hasNonNull("customFields") ? ((ObjectNode) na.get("customFields")).deepCopy() : customFieldsOf(na);
            account = newAccount(na, cf);
        } else {
            throw ZuoraError.missing("The order needs existingAccountNumber, existingAccountId or newAccount.");
        }
        // Work on copies so a failing action leaves nothing behind (Zuora's orders are atomic).
        List<Model.Subscription> created = new ArrayList<>();
        List<Model.Subscription[]> amended = new ArrayList<>();
        for (JsonNode sub : b.path("subscriptions")) {
            Model.Subscription working = null;
            Model.Subscription previous = null;
            for (JsonNode action : sub.path("orderActions")) {
                String type = action.path("type").asText();
                LocalDate effective = triggerDate(action, "ContractEffective", orderDate);
                if ("CreateSubscription".equals(type)) {
                    if (working != null) {
                        throw ZuoraError.invalidValue("CreateSubscription must be the only action creating this subscription.");
                    }
                    working = newSubscription(account, action, sub, orderDate);
                    created.add(working);
                    continue;
                }
                if (working == null) {
                    String number = text(sub, "subscriptionNumber");
                    if (number == null) {
                        throw ZuoraError.missing("subscriptionNumber is required for " + type + ".");
                    }
                    previous = latest(number).orElseThrow(() ->
                            ZuoraError.invalidValue("Invalid subscription number: " + number));
                    if (!previous.accountId.equals(account.id)) {
                        throw ZuoraError.invalidValue("Subscription " + number + " does not belong to account " + account.number);
                    }
                    working = previous.copyAsNextVersion();
                    amended.add(new Model.Subscription[] {previous, working});
                }
                switch (type) {
                    case "AddProduct":
                        working.ratePlans.add(ratePlanFrom(action.get("addProduct"), account, effective, "Add"));
                        break;
                    case "UpdateProduct":
                        updateProduct(working, account.billCycleDay, action.get("updateProduct"), effective);
                        break;
                    case "RemoveProduct":
                        removeProduct(working, account.billCycleDay, action.get("removeProduct"), effective);
                        break;
                    case "CancelSubscription":
                        cancel(working, account.billCycleDay, action.get("cancelSubscription"));
                        break;
                    case "TermsAndConditions":
                        terms(working, action.get("termsAndConditions"));
                        break;
                    default:
                        throw new ZuoraError(400, 50000045L, "The simulator does not support order action " + type + ".");
                }
            }
            if (working != null && sub.hasNonNull("customFields")) {
                if (working.customFields == null) working.customFields = JSON.createObjectNode();
                working.customFields.setAll((ObjectNode) sub.get("customFields"));
            }
            if (working != null && sub.hasNonNull("notes")) {
                working.notes = text(sub, "notes");
            }
        }
        // commit
        Model.Order order = new Model.Order();
        order.id = Ids.newId();
        order.number = orderNumber != null ? orderNumber : "O-" + Ids.next("order", 8);
        order.orderDate = orderDate;
        order.accountId = account.id;
        order.accountNumber = account.number;
        order.customFields = b.hasNonNull("customFields") ? ((ObjectNode) b.get("customFields")).deepCopy() : null;
        order.createdOn = sim.clock().instant();
        List<Model.Subscription> touched = new ArrayList<>();
        for (Model.Subscription s : created) {
            s.orderNumber = order.number;
            st.subscriptions.add(s);
            touched.add(s);
        }
        for (Model.Subscription[] pair : amended) {
            pair[0].latest = false;
            pair[1].orderNumber = order.number;
            st.subscriptions.add(pair[1]);
            touched.add(pair[1]);
        }
        touched.forEach(s -> order.subscriptionNumbers.add(s.number));
        st.orders.put(order.number, order);

        List<Model.Invoice> invoices = new ArrayList<>();
        JsonNode po = b.path("processingOptions");
        if (po.path("runBilling").asBoolean(false)) {
            LocalDate target = po.path("billingOptions").hasNonNull("targetDate")
                    ? LocalDate.parse(po.path("billingOptions").get("targetDate").asText()) : orderDate;
            LocalDate documentDate = po.path("billingOptions").hasNonNull("documentDate")
                    ? LocalDate.parse(po.path("billingOptions").get("documentDate").asText()) : target;
            bill(account, touched, target, documentDate, order.number).ifPresent(invoices::add);
            invoices.forEach(i -> order.invoiceNumbers.add(i.number));
        }

        boolean returnIds = "true".equals(call.query("returnIds"));
        ObjectNode r = JSON.createObjectNode();
        r.put("success", true).put("orderNumber", order.number).put("accountNumber", account.number).put("status", order.status);
        if (returnIds) {
            r.put("orderId", order.id).put("accountId", account.id);
        }
        if (versionBefore(sim.effectiveZuoraVersion(call.ctx), 223)) {
            ArrayNode nums = r.putArray("subscriptionNumbers");
            touched.forEach(s -> nums.add(s.number));
        } else {
            ArrayNode subs = r.putArray("subscriptions");
            for (Model.Subscription s : touched) {
                ObjectNode n = subs.addObject().put("subscriptionNumber", s.number).put("status", s.status);
                if (returnIds) n.put("subscriptionId", s.id);
            }
        }
        if (returnIds) {
            ArrayNode ids = r.putArray("subscriptionIds");
            touched.forEach(s -> ids.add(s.id));
        }
        if (!invoices.isEmpty()) {
            ArrayNode nums = r.putArray("invoiceNumbers");
            invoices.forEach(i -> nums.add(i.number));
            if (returnIds) {
                ArrayNode ids = r.putArray("invoiceIds");
                invoices.forEach(i -> ids.add(i.id));
            }
        }
        return Answer.ok(r);
    }

    /**
     * Zuora's {@code DELETE_Order}: every subscription the order changed rolls back to its previous version (one
     * it created is removed); refused when the order's charges are invoiced (it raised an invoice, its proration
     * lines are pending for the next bill run, or a bill run since billed a charge past the first day the order
     * changed) or when a later order changed one of its subscriptions. Billing since the order (charged-through
     * dates) is kept on the version rolled back to.
     */
    private Answer deleteOrder(Call call) {
        String number = call.path("key");
        Model.Order order = st.orders.get(number);
        if (order == null) {
            throw ZuoraError.notFound("The order " + number + " does not exist.");
        }
        if (!order.invoiceNumbers.isEmpty()) {
            throw ZuoraError.businessRule("The order " + number + " cannot be deleted: the charges affected by this"
                    + " order are invoiced.");
        }
        List<Model.Subscription[]> rollbacks = new ArrayList<>();
        for (String subscriptionNumber : order.subscriptionNumbers) {
            Model.Subscription latest = latest(subscriptionNumber).orElseThrow(() ->
                    ZuoraError.notFound("Cannot find entity by key: '" + subscriptionNumber + "'."));
            if (!number.equals(latest.orderNumber)) {
                throw ZuoraError.businessRule("The order " + number + " cannot be deleted: a later order changed"
                        + " subscription " + subscriptionNumber + ".");
            }
            Model.Subscription previous = st.subscriptions.stream()
                    .filter(x -> x.number.equals(subscriptionNumber) && x.version == latest.version - 1)
                    .findFirst().orElse(null);
            if (previous != null && invoicedSince(previous, latest)) {
                throw ZuoraError.businessRule("The order " + number + " cannot be deleted: the charges affected by"
                        + " this order are invoiced.");
            }
            rollbacks.add(new Model.Subscription[] {previous, latest});
        }
        for (Model.Subscription[] pair : rollbacks) {
            st.subscriptions.remove(pair[1]);
            if (pair[0] != null) {
                pair[0].latest = true;
                for (Model.RatePlan rp : pair[0].ratePlans) {
                    for (Model.Charge c : rp.charges) {
                        LocalDate billed = chargedThrough(pair[1], c.number);
                        if (billed != null && (c.chargedThroughDate == null || billed.isAfter(c.chargedThroughDate))) {
                            c.chargedThroughDate = billed;
                        }
                    }
                }
            }
        }
        st.orders.remove(number);
        ObjectNode r = JSON.createObjectNode();
        r.put("success", true);
        return Answer.ok(r);
    }

    /**
     * Whether the order that made {@code latest} from {@code previous} is invoiced: proration lines of it wait for
     * the next bill run, or a charge of {@code latest} is billed past the first day the order changed.
     */
    private static boolean invoicedSince(Model.Subscription previous, Model.Subscription latest) {
        if (latest.pendingItems.size() > previous.pendingItems.size()) {
            return true;
        }
        LocalDate changedFrom = null;
        if (latest.cancelledDate != null && !latest.cancelledDate.equals(previous.cancelledDate)) {
            changedFrom = latest.cancelledDate;
        }
        for (Model.RatePlan rp : latest.ratePlans) {
            for (Model.Charge c : rp.charges) {
                Model.Charge p = charge(previous, c.number);
                LocalDate d = null;
                if (p == null) {
                    d = c.effectiveStartDate;
                } else if (!c.effectiveStartDate.equals(p.effectiveStartDate)) {
                    d = c.effectiveStartDate;
                } else if (!java.util.Objects.equals(c.effectiveEndDate, p.effectiveEndDate)) {
                    d = c.effectiveEndDate != null ? c.effectiveEndDate : p.effectiveEndDate;
                }
                if (d != null && (changedFrom == null || d.isBefore(changedFrom))) {
                    changedFrom = d;
                }
            }
        }
        if (changedFrom == null) {
            return false;
        }
        for (Model.RatePlan rp : latest.ratePlans) {
            for (Model.Charge c : rp.charges) {
                if (c.chargedThroughDate != null && c.chargedThroughDate.isAfter(changedFrom)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Model.Charge charge(Model.Subscription s, String chargeNumber) {
        for (Model.RatePlan rp : s.ratePlans) {
            for (Model.Charge c : rp.charges) {
                if (c.number.equals(chargeNumber)) {
                    return c;
                }
            }
        }
        return null;
    }

    private static LocalDate chargedThrough(Model.Subscription s, String chargeNumber) {
        Model.Charge c = charge(s, chargeNumber);
        return c == null ? null : c.chargedThroughDate;
    }

    /** True when the minor version is a legacy number below {@code legacy} (e.g. "211.0" < 223). Dates are recent. */
    static boolean versionBefore(String version, int legacy) {
        if (version == null || version.contains("-")) {
            return false;
        }
        try {
            return Double.parseDouble(version) < legacy;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private Optional<Model.Subscription> latest(String numberOrId) {
        return st.subscriptions.stream().filter(s -> s.latest && (s.number.equals(numberOrId) || s.id.equals(numberOrId)))
                .findFirst();
    }

    private static LocalDate triggerDate(JsonNode action, String name, LocalDate dflt) {
        for (JsonNode t : action.path("triggerDates")) {
            if (name.equals(t.path("name").asText()) && t.hasNonNull("triggerDate")) {
                return LocalDate.parse(t.get("triggerDate").asText());
            }
        }
        return dflt;
    }

    private Model.Subscription newSubscription(Model.Account account, JsonNode action, JsonNode sub, LocalDate orderDate) {
        JsonNode cs = action.path("createSubscription");
        Model.Account owner = account;
        if (cs.hasNonNull("subscriptionOwnerAccountNumber")) {
            owner = findAccount(text(cs, "subscriptionOwnerAccountNumber")).orElseThrow(() ->
                    ZuoraError.invalidValue("Invalid subscriptionOwnerAccountNumber"));
        }
        Model.Subscription s = new Model.Subscription();
        s.id = Ids.newId();
        String number = text(cs, "subscriptionNumber");
        if (number == null) number = text(sub, "subscriptionNumber");
        if (number != null) {
            String n = number;
            if (st.subscriptions.stream().anyMatch(x -> x.number.equals(n))) {
                throw ZuoraError.invalidValue("The subscription number " + number + " already exists.");
            }
        }
        s.number = number != null ? number : "A-S" + Ids.next("subscription", 8);
        s.version = 1;
        s.accountId = owner.id;
        s.contractEffectiveDate = triggerDate(action, "ContractEffective", orderDate);
        s.serviceActivationDate = triggerDate(action, "ServiceActivation", s.contractEffectiveDate);
        s.customerAcceptanceDate = triggerDate(action, "CustomerAcceptance", s.serviceActivationDate);
        s.notes = text(cs, "notes");
        JsonNode terms = cs.path("terms");
        JsonNode initial = terms.path("initialTerm");
        s.termType = initial.path("termType").asText("EVERGREEN");
        s.termStartDate = initial.hasNonNull("startDate") ? LocalDate.parse(initial.get("startDate").asText()) : s.contractEffectiveDate;
        s.subscriptionStartDate = s.contractEffectiveDate;
        if ("TERMED".equals(s.termType)) {
            s.initialTerm = initial.path("period").asInt(12);
            s.initialTermPeriodType = initial.path("periodType").asText("Month");
            s.currentTerm = s.initialTerm;
            s.currentTermPeriodType = s.initialTermPeriodType;
            s.termEndDate = addTerm(s.termStartDate, s.initialTerm, s.initialTermPeriodType);
            s.subscriptionEndDate = s.termEndDate;
            JsonNode renewal = terms.path("renewalTerms").path(0);
            s.renewalTerm = renewal.path("period").asInt(s.initialTerm);
            s.renewalTermPeriodType = renewal.path("periodType").asText(s.initialTermPeriodType);
        }
        s.autoRenew = terms.path("autoRenew").asBoolean(false);
        if (terms.hasNonNull("renewalSetting")) s.renewalSetting = terms.get("renewalSetting").asText();
        s.customFields = JSON.createObjectNode();
        for (JsonNode rp : cs.path("subscribeToRatePlans")) {
            s.ratePlans.add(ratePlanFrom(rp, account, s.contractEffectiveDate, "Add"));
        }
        if (s.ratePlans.isEmpty()) {
            throw ZuoraError.missing("subscribeToRatePlans must not be empty.");
        }
        return s;
    }

    private static LocalDate addTerm(LocalDate start, int period, String type) {
        switch (type) {
            case "Year": return start.plusYears(period);
            case "Week": return start.plusWeeks(period);
            case "Day": return start.plusDays(period);
            default: return start.plusMonths(period);
        }
    }

    private Model.RatePlan ratePlanFrom(JsonNode rpReq, Model.Account account, LocalDate start, String changeType) {
        String prpKey = rpReq.hasNonNull("productRatePlanId") ? text(rpReq, "productRatePlanId") : text(rpReq, "productRatePlanNumber");
        if (prpKey == null) {
            throw ZuoraError.missing("productRatePlanId or productRatePlanNumber is required.");
        }
        Catalog.RatePlan prp = sim.catalog().findRatePlan(prpKey).orElseThrow(() ->
                ZuoraError.invalidValue("Invalid product rate plan: " + prpKey));
        Catalog.Product product = sim.catalog().productOf(prp).orElseThrow();
        Model.RatePlan rp = new Model.RatePlan();
        rp.id = Ids.newId();
        rp.originalId = rp.id;
        rp.number = rpReq.hasNonNull("subscriptionRatePlanNumber") ? text(rpReq, "subscriptionRatePlanNumber")
                : "SRP-" + Ids.next("subscriptionRatePlan", 8);
        rp.productId = product.id();
        rp.productName = product.name();
        rp.productSku = product.sku();
        rp.productRatePlanId = prp.id();
        rp.ratePlanName = prp.name();
        rp.lastChangeType = changeType;
        rp.customFields = rpReq.hasNonNull("customFields") ? ((ObjectNode) rpReq.get("customFields")).deepCopy() : null;
        for (JsonNode o : rpReq.path("chargeOverrides")) {
            String key = o.hasNonNull("productRatePlanChargeId") ? text(o, "productRatePlanChargeId") : text(o, "productRatePlanChargeNumber");
            if (key == null || prp.findCharge(key).isEmpty()) {
                throw ZuoraError.invalidValue("Invalid productRatePlanChargeId in chargeOverrides: " + key);
            }
        }
        for (Catalog.Charge cc : prp.charges()) {
            JsonNode override = null;
            for (JsonNode o : rpReq.path("chargeOverrides")) {
                if (cc.id().equals(text(o, "productRatePlanChargeId")) || cc.productRatePlanChargeNumber().equals(text(o, "productRatePlanChargeNumber"))) {
                    override = o;
                }
            }
            rp.charges.add(charge(cc, override, account.currency, start));
        }
        return rp;
    }

    private Model.Charge charge(Catalog.Charge cc, JsonNode override, String currency, LocalDate start) {
        Model.Charge c = new Model.Charge();
        c.id = Ids.newId();
        c.originalChargeId = c.id;
        c.number = override != null && override.hasNonNull("chargeNumber") ? text(override, "chargeNumber") : "C-" + Ids.next("charge", 8);
        c.productRatePlanChargeId = cc.id();
        c.name = cc.name();
        c.type = cc.type();
        c.model = cc.model();
        c.billingPeriod = cc.billingPeriod();
        c.billingTiming = cc.billingTiming();
        c.uom = cc.uom();
        c.currency = currency;
        boolean unitBased = "PerUnit".equals(cc.model()) || "Tiered".equals(cc.model()) || "Volume".equals(cc.model());
        c.quantity = unitBased ? cc.defaultQuantity() : null;
        if (cc.isDiscount()) {
            c.discountPercentage = cc.prices().get(currency);
        } else if ("Tiered".equals(cc.model()) || "Volume".equals(cc.model())) {
            List<Catalog.Tier> tiers = cc.tiers().get(currency);
            if (tiers == null) {
                throw ZuoraError.invalidValue("The charge " + cc.name() + " has no price in " + currency + ".");
            }
            c.tiers = tiers;
        } else {
            c.price = cc.prices().get(currency);
            if (c.price == null && !"Usage".equals(cc.type())) {
                throw ZuoraError.invalidValue("The charge " + cc.name() + " has no price in " + currency + ".");
            }
        }
        c.effectiveStartDate = start;
        Object taxable = cc.attributes().get("taxable");
        c.taxable = taxable instanceof Boolean ? (Boolean) taxable : "true".equalsIgnoreCase(String.valueOf(taxable));
        c.taxCode = cc.attributes().get("taxCode") == null ? null : String.valueOf(cc.attributes().get("taxCode"));
        c.taxMode = cc.attributes().get("taxMode") == null ? "TaxExclusive" : String.valueOf(cc.attributes().get("taxMode"));
        c.applyDiscountTo = cc.attributes().get("applyDiscountTo") == null ? null : String.valueOf(cc.attributes().get("applyDiscountTo"));
        if (override != null) {
            JsonNode billing = override.path("billing");
            if (billing.hasNonNull("billingPeriod")) c.billingPeriod = billing.get("billingPeriod").asText();
            if (billing.hasNonNull("billingTiming")) c.billingTiming = billing.get("billingTiming").asText();
            if (override.path("startDate").hasNonNull("specificTriggerDate")) {
                c.effectiveStartDate = LocalDate.parse(override.path("startDate").get("specificTriggerDate").asText());
            }
            applyPricing(c, override.path("pricing"));
            if (override.hasNonNull("customFields")) c.customFields = ((ObjectNode) override.get("customFields")).deepCopy();
        }
        c.cycleAnchor = c.effectiveStartDate;
        return c;
    }

    /** Applies an order's pricing override or update ({recurringPerUnit:{quantity, listPrice}}, ...). */
    private static void applyPricing(Model.Charge c, JsonNode pricing) {
        if (pricing == null || pricing.isMissingNode() || pricing.isNull()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = pricing.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            if (p.hasNonNull("quantity")) c.quantity = p.get("quantity").decimalValue();
            if (p.hasNonNull("listPrice")) c.price = p.get("listPrice").decimalValue();
            if (p.hasNonNull("discountPercentage")) c.discountPercentage = p.get("discountPercentage").decimalValue();
            if (p.hasNonNull("tiers") && p.get("tiers").isArray() && p.get("tiers").size() > 0) {
                List<Catalog.Tier> tiers = new ArrayList<>();
                for (JsonNode t : p.get("tiers")) {
                    tiers.add(new Catalog.Tier(t.path("tier").asInt(), t.path("startingUnit").decimalValue(),
                            t.hasNonNull("endingUnit") ? t.get("endingUnit").decimalValue() : null,
                            t.path("price").decimalValue(), t.path("priceFormat").asText("PerUnit")));
                }
                c.tiers = List.copyOf(tiers);
            }
        }
    }

    private static Model.RatePlan ratePlanOf(Model.Subscription s, JsonNode req) {
        String key = req.hasNonNull("ratePlanId") ? text(req, "ratePlanId") : text(req, "subscriptionRatePlanNumber");
        if (key == null) {
            throw ZuoraError.missing("ratePlanId or subscriptionRatePlanNumber is required.");
        }
        return s.ratePlans.stream().filter(rp -> rp.answersTo(key) && !rp.removed).findFirst()
                .orElseThrow(() -> ZuoraError.invalidValue("Invalid rate plan " + key + " for subscription " + s.number));
    }

    private static void updateProduct(Model.Subscription s, int bcd, JsonNode up, LocalDate effective) {
        if (up == null) throw ZuoraError.missing("updateProduct is required for UpdateProduct.");
        Model.RatePlan rp = ratePlanOf(s, up);
        LocalDate date = up.hasNonNull("specificUpdateDate") ? LocalDate.parse(up.get("specificUpdateDate").asText()) : effective;
        rp.lastChangeType = "Update";
        for (JsonNode cu : up.path("chargeUpdates")) {
            String number = text(cu, "chargeNumber");
            String prpcId = text(cu, "productRatePlanChargeId");
            Model.Charge c = rp.charges.stream()
                    .filter(x -> (number != null && number.equals(x.number)) || (prpcId != null && prpcId.equals(x.productRatePlanChargeId)))
                    .findFirst().orElseThrow(() -> ZuoraError.invalidValue("Invalid charge " + (number != null ? number : prpcId)));
            LocalDate d = cu.path("effectiveDate").hasNonNull("specificTriggerDate")
                    ? LocalDate.parse(cu.path("effectiveDate").get("specificTriggerDate").asText()) : date;
            Model.Charge before = newSegment(c, d);
            applyPricing(c, cu.path("pricing"));
            Billing.update(s, bcd, before, c, d);
            if (cu.hasNonNull("customFields")) {
                if (c.customFields == null) c.customFields = JSON.createObjectNode();
                c.customFields.setAll((ObjectNode) cu.get("customFields"));
            }
        }
    }

    /**
     * Starts a new segment of the charge on {@code date}: the charge keeps its number and original id and gets a new
     * id and segment number; answers the old segment (kept in {@code earlierSegments}).
     */
    private static Model.Charge newSegment(Model.Charge c, LocalDate date) {
        if (date.isBefore(c.effectiveStartDate)) {
            throw ZuoraError.invalidValue("The update date " + date + " of charge " + c.number
                    + " is before the start of its current segment (" + c.effectiveStartDate + ").");
        }
        Model.Charge before = c.snapshot();
        c.earlierSegments.add(before);
        c.id = Ids.newId();
        c.segment++;
        c.version++;
        c.effectiveStartDate = date;
        return before;
    }

    private static void removeProduct(Model.Subscription s, int bcd, JsonNode rm, LocalDate effective) {
        if (rm == null) throw ZuoraError.missing("removeProduct is required for RemoveProduct.");
        Model.RatePlan rp = ratePlanOf(s, rm);
        rp.removed = true;
        rp.lastChangeType = "Remove";
        for (Model.Charge c : rp.charges) {
            Billing.end(s, bcd, c, effective);
        }
    }

    private static void cancel(Model.Subscription s, int bcd, JsonNode cs) {
        if (cs == null) throw ZuoraError.missing("cancelSubscription is required for CancelSubscription.");
        if ("Cancelled".equals(s.status)) {
            throw ZuoraError.businessRule("The subscription " + s.number + " is already cancelled.");
        }
        String policy = text(cs, "cancellationPolicy");
        LocalDate date;
        switch (policy) {
            case "EndOfCurrentTerm":
                if (s.termEndDate == null) {
                    throw ZuoraError.businessRule("An evergreen subscription has no current term end: use SpecificDate or EndOfLastInvoicePeriod.");
                }
                date = s.termEndDate;
                break;
            case "EndOfLastInvoicePeriod":
                date = s.ratePlans.stream().flatMap(rp -> rp.charges.stream())
                        .filter(c -> "Recurring".equals(c.type) && c.chargedThroughDate != null)
                        .map(c -> c.chargedThroughDate).max(Comparator.naturalOrder()).orElse(s.contractEffectiveDate);
                break;
            default:
                if (!cs.hasNonNull("cancellationEffectiveDate")) {
                    throw ZuoraError.missing("cancellationEffectiveDate is required when cancellationPolicy is SpecificDate.");
                }
                date = LocalDate.parse(cs.get("cancellationEffectiveDate").asText());
                if (date.isBefore(s.contractEffectiveDate)) {
                    throw ZuoraError.invalidValue("The cancellation date is before the contract effective date.");
                }
                if (s.termEndDate != null && date.isAfter(s.termEndDate)) {
                    throw ZuoraError.invalidValue("The cancellation date is after the term end date.");
                }
        }
        s.status = "Cancelled";
        s.cancelledDate = date;
        s.subscriptionEndDate = date;
        for (Model.RatePlan rp : s.ratePlans) {
            for (Model.Charge c : rp.charges) {
                if (c.effectiveEndDate == null || c.effectiveEndDate.isAfter(date)) {
                    Billing.end(s, bcd, c, date);
                }
            }
        }
    }

    private static void terms(Model.Subscription s, JsonNode t) {
        if (t == null) return;
        if (t.has("autoRenew")) s.autoRenew = t.get("autoRenew").asBoolean();
        if (t.hasNonNull("renewalSetting")) s.renewalSetting = t.get("renewalSetting").asText();
        JsonNode renewal = t.path("renewalTerms").path(0);
        if (renewal.hasNonNull("period")) s.renewalTerm = renewal.get("period").asInt();
        if (renewal.hasNonNull("periodType")) s.renewalTermPeriodType = renewal.get("periodType").asText();
    }

    // ================================================================== subscriptions without orders

    /** POST /v1/subscriptions: the older way to subscribe (runBilling defaults to true). */
    private Answer createSubscriptionDirect(Call call) {
        JsonNode b = call.body;
        Model.Account account = findAccount(text(b, "accountKey"))
                .orElseThrow(() -> ZuoraError.invalidValue("Invalid accountKey: " + text(b, "accountKey")));
        LocalDate effective = date(b, "contractEffectiveDate");
        ObjectNode terms = JSON.createObjectNode();
        ObjectNode initial = terms.putObject("initialTerm").put("termType", text(b, "termType"));
        if (b.hasNonNull("initialTerm")) initial.put("period", b.get("initialTerm").asInt());
        initial.put("periodType", b.path("initialTermPeriodType").asText("Month"));
        if (b.hasNonNull("termStartDate")) initial.put("startDate", text(b, "termStartDate"));
        terms.putArray("renewalTerms").addObject().put("period", b.path("renewalTerm").asInt(0))
                .put("periodType", b.path("renewalTermPeriodType").asText("Month"));
        terms.put("autoRenew", b.path("autoRenew").asBoolean(false));
        if (b.hasNonNull("renewalSetting")) terms.put("renewalSetting", text(b, "renewalSetting"));
        if ("TERMED".equals(text(b, "termType")) && b.path("initialTerm").asInt(0) <= 0) {
            throw ZuoraError.invalidValue("initialTerm must be greater than 0 for a TERMED subscription.");
        }
        ObjectNode action = JSON.createObjectNode();
        ObjectNode cs = action.putObject("createSubscription");
        cs.set("terms", terms);
        if (b.hasNonNull("subscriptionNumber")) cs.put("subscriptionNumber", text(b, "subscriptionNumber"));
        if (b.hasNonNull("notes")) cs.put("notes", text(b, "notes"));
        ArrayNode plans = cs.putArray("subscribeToRatePlans");
        b.path("subscribeToRatePlans").forEach(rp -> plans.add(orderStyle(rp)));
        ArrayNode triggers = action.putArray("triggerDates");
        triggers.addObject().put("name", "ContractEffective").put("triggerDate", effective.toString());
        if (b.hasNonNull("serviceActivationDate")) {
            triggers.addObject().put("name", "ServiceActivation").put("triggerDate", text(b, "serviceActivationDate"));
        }
        if (b.hasNonNull("customerAcceptanceDate")) {
            triggers.addObject().put("name", "CustomerAcceptance").put("triggerDate", text(b, "customerAcceptanceDate"));
        }
        Model.Subscription s = newSubscription(account, action, JSON.createObjectNode(), effective);
        s.customFields.setAll(customFieldsOf(b));
        st.subscriptions.add(s);
        ObjectNode r = JSON.createObjectNode().put("success", true).put("subscriptionId", s.id)
                .put("subscriptionNumber", s.number).put("contractedMrr", mrrOf(s));
        if (b.path("runBilling").asBoolean(true)) {
            LocalDate target = b.hasNonNull("targetDate") ? date(b, "targetDate") : effective;
            LocalDate documentDate = b.hasNonNull("documentDate") ? date(b, "documentDate") : target;
            bill(account, List.of(s), target, documentDate, s.number).ifPresent(i -> r.put("invoiceId", i.id));
        }
        return Answer.ok(r);
    }

    /** PUT /v1/subscriptions/{key}: add / update / remove rate plans in one new version (runBilling defaults to false). */
    private Answer updateSubscriptionDirect(Call call) {
        JsonNode b = call.body == null ? JSON.createObjectNode() : call.body;
        if (b.path("preview").asBoolean(false)) {
            throw new ZuoraError(400, 50000045L, "The simulator does not preview subscription updates.");
        }
        if (b.path("change").size() > 0) {
            throw new ZuoraError(400, 50000045L, "The simulator does not support change (replace a plan): remove and add.");
        }
        Model.Subscription previous = latestForUpdate(call.path("key"));
        Model.Account account = st.accounts.get(previous.accountId);
        Model.Subscription working = previous.copyAsNextVersion();
        BigDecimal mrrBefore = mrrOf(previous);
        for (JsonNode add : b.path("add")) {
            working.ratePlans.add(ratePlanFrom(orderStyle(add), account, date(add, "contractEffectiveDate"), "Add"));
        }
        for (JsonNode up : b.path("update")) {
            Model.RatePlan rp = ratePlanOf(working, up);
            LocalDate d = up.hasNonNull("specificUpdateDate") ? date(up, "specificUpdateDate") : date(up, "contractEffectiveDate");
            rp.lastChangeType = "Update";
            for (JsonNode cu : up.path("chargeUpdateDetails")) {
                String key = text(cu, "ratePlanChargeId");
                Model.Charge c = rp.charges.stream().filter(x -> key.equals(x.id) || key.equals(x.originalChargeId)
                        || key.equals(x.number)).findFirst()
                        .orElseThrow(() -> ZuoraError.invalidValue("Invalid ratePlanChargeId: " + key));
                LocalDate from = cu.hasNonNull("triggerDate") ? date(cu, "triggerDate") : d;
                Model.Charge before = newSegment(c, from);
                applyPricing(c, JSON.createObjectNode().set("legacy", legacyPricing(cu)));
                Billing.update(working, account.billCycleDay, before, c, from);
            }
        }
        for (JsonNode rm : b.path("remove")) {
            removeProduct(working, account.billCycleDay, rm, date(rm, "contractEffectiveDate"));
        }
        if (b.has("autoRenew")) working.autoRenew = b.get("autoRenew").asBoolean();
        if (b.hasNonNull("renewalSetting")) working.renewalSetting = text(b, "renewalSetting");
        if (b.hasNonNull("renewalTerm")) working.renewalTerm = b.get("renewalTerm").asInt();
        if (b.hasNonNull("notes")) working.notes = text(b, "notes");
        if (working.customFields == null) working.customFields = JSON.createObjectNode();
        working.customFields.setAll(customFieldsOf(b));
        previous.latest = false;
        st.subscriptions.add(working);
        ObjectNode r = JSON.createObjectNode().put("success", true).put("subscriptionId", working.id)
                .put("totalDeltaMrr", mrrOf(working).subtract(mrrBefore));
        billIfAsked(b, account, working, r);
        return Answer.ok(r);
    }

    /** PUT /v1/subscriptions/{key}/cancel (runBilling defaults to false). */
    private Answer cancelSubscriptionDirect(Call call) {
        JsonNode b = call.body;
        Model.Subscription previous = latestForUpdate(call.path("key"));
        Model.Account account = st.accounts.get(previous.accountId);
        Model.Subscription working = previous.copyAsNextVersion();
        BigDecimal mrrBefore = mrrOf(previous);
        cancel(working, account.billCycleDay, b);
        previous.latest = false;
        st.subscriptions.add(working);
        ObjectNode r = JSON.createObjectNode().put("success", true).put("subscriptionId", working.id)
                .put("cancelledDate", working.cancelledDate.toString()).put("totalDeltaMrr", mrrBefore.negate());
        billIfAsked(b, account, working, r);
        return Answer.ok(r);
    }

    private void billIfAsked(JsonNode b, Model.Account account, Model.Subscription s, ObjectNode r) {
        if (b.path("runBilling").asBoolean(false)) {
            LocalDate target = b.hasNonNull("targetDate") ? date(b, "targetDate") : today();
            LocalDate documentDate = b.hasNonNull("documentDate") ? date(b, "documentDate") : target;
            bill(account, List.of(s), target, documentDate, s.number).ifPresent(i -> r.put("invoiceId", i.id));
        }
    }

    private Model.Subscription latestForUpdate(String key) {
        Model.Subscription s = st.subscriptions.stream().filter(x -> x.id.equals(key)).findFirst()
                .or(() -> latest(key))
                .orElseThrow(() -> ZuoraError.notFound("Cannot find entity by key: '" + key + "'."));
        if (!s.latest) {
            throw ZuoraError.invalidValue("The subscription version " + key + " is not the latest version.");
        }
        return s;
    }

    private static BigDecimal mrrOf(Model.Subscription s) {
        if ("Cancelled".equals(s.status)) {
            return BigDecimal.ZERO;
        }
        return Billing.mrr(s);
    }

    /** An older-API rate plan ({productRatePlanId, chargeOverrides[{productRatePlanChargeId, quantity, price...}]}) in order style. */
    private static ObjectNode orderStyle(JsonNode rp) {
        ObjectNode o = JSON.createObjectNode();
        if (rp.hasNonNull("productRatePlanId")) o.put("productRatePlanId", text(rp, "productRatePlanId"));
        if (rp.hasNonNull("productRatePlanNumber")) o.put("productRatePlanNumber", text(rp, "productRatePlanNumber"));
        ArrayNode overrides = o.putArray("chargeOverrides");
        for (JsonNode co : rp.path("chargeOverrides")) {
            ObjectNode n = overrides.addObject();
            if (co.hasNonNull("productRatePlanChargeId")) n.put("productRatePlanChargeId", text(co, "productRatePlanChargeId"));
            if (co.hasNonNull("productRatePlanChargeNumber")) n.put("productRatePlanChargeNumber", text(co, "productRatePlanChargeNumber"));
            ObjectNode billing = n.putObject("billing");
            if (co.hasNonNull("billingPeriod")) billing.put("billingPeriod", text(co, "billingPeriod"));
            if (co.hasNonNull("billingTiming")) billing.put("billingTiming", text(co, "billingTiming"));
            n.putObject("pricing").set("legacy", legacyPricing(co));
        }
        return o;
    }

    private static ObjectNode legacyPricing(JsonNode co) {
        ObjectNode p = JSON.createObjectNode();
        if (co.hasNonNull("quantity")) p.set("quantity", co.get("quantity"));
        if (co.hasNonNull("price")) p.set("listPrice", co.get("price"));
        if (co.hasNonNull("discountPercentage")) p.set("discountPercentage", co.get("discountPercentage"));
        if (co.hasNonNull("tiers")) p.set("tiers", co.get("tiers"));
        return p;
    }

    // ================================================================== billing

    private Optional<Model.Invoice> bill(Model.Account account, List<Model.Subscription> subs, LocalDate target,
                                         LocalDate documentDate, String sourceId) {
        return bill(account, subs, target, documentDate, sourceId, List.of(), "Posted");
    }

    /**
     * Bills the subscriptions up to the target date into one invoice of the account (none when nothing is due):
     * items per {@link Billing}, one taxation item per taxable item ({@link TaxRates}, by the sold-to contact's
     * country), totals as the sums of the rounded items.
     */
    Optional<Model.Invoice> bill(Model.Account account, List<Model.Subscription> subs, LocalDate target,
                                 LocalDate documentDate, String sourceId, List<String> excludeTypes, String status) {
        List<Model.InvoiceItem> items = new ArrayList<>();
        for (Model.Subscription s : subs) {
            items.addAll(Billing.billDue(s, account.billCycleDay, target, excludeTypes));
        }
        if (items.isEmpty()) {
            return Optional.empty();
        }
        for (Model.InvoiceItem i : items) {
            sim.taxRates().tax(i, account, account.currency, documentDate);
        }
        Model.Invoice inv = new Model.Invoice();
        inv.id = Ids.newId();
        inv.number = "INV" + Ids.next("invoice", 8);
        inv.accountId = account.id;
        inv.currency = account.currency;
        inv.invoiceDate = documentDate;
        inv.targetDate = target;
        inv.dueDate = documentDate.plusDays(netDays(account.paymentTerm));
        inv.items.addAll(items);
        inv.amountWithoutTax = items.stream().map(Model.InvoiceItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        inv.taxAmount = items.stream().map(Model.InvoiceItem::taxAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        inv.amount = inv.amountWithoutTax.add(inv.taxAmount);
        inv.balance = inv.amount;
        inv.status = status;
        inv.sourceId = sourceId;
        inv.includesOneTime = items.stream().anyMatch(i -> "OneTime".equals(i.chargeType()));
        inv.includesRecurring = items.stream().anyMatch(i -> "Recurring".equals(i.chargeType()));
        inv.createdOn = sim.clock().instant();
        List<String> lines = new ArrayList<>(sim.invoiceHeader());
        lines.add("INVOICE " + inv.number + " (Zuora simulator)");
        lines.add("Account " + account.number + " - " + account.name);
        lines.add("Invoice date " + inv.invoiceDate + ", due " + inv.dueDate);
        for (Model.InvoiceItem i : items) {
            lines.add(i.subscriptionNumber() + " " + i.chargeName() + " x" + i.quantity().stripTrailingZeros().toPlainString()
                    + " " + i.serviceStartDate() + ".." + i.serviceEndDate() + ": " + i.amount().toPlainString() + " " + inv.currency
                    + (i.taxation == null ? "" : " + " + i.taxation.name() + " " + i.taxAmount.toPlainString()));
        }
        lines.add("Subtotal " + inv.amountWithoutTax.toPlainString() + " " + inv.currency + ", tax " + inv.taxAmount.toPlainString());
        lines.add("Total " + inv.amount.toPlainString() + " " + inv.currency);
        inv.fileId = Ids.newId();
        st.files.put(inv.fileId, Pdf.textPage(lines));
        st.invoices.put(inv.id, inv);
        return Optional.of(inv);
    }

    private static int netDays(String paymentTerm) {
        if (paymentTerm != null && paymentTerm.toLowerCase(Locale.ROOT).startsWith("net ")) {
            try {
                return Integer.parseInt(paymentTerm.substring(4).trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private Model.Invoice invoice(String key) {
        Model.Invoice i = st.invoices.get(key);
        if (i == null) {
            i = st.invoices.values().stream().filter(x -> x.number.equals(key)).findFirst().orElse(null);
        }
        if (i == null) {
            throw ZuoraError.notFound("Cannot find entity by key: '" + key + "'.");
        }
        return i;
    }

    private Answer getInvoice(Call call) {
        Model.Invoice i = invoice(call.path("key"));
        Model.Account a = st.accounts.get(i.accountId);
        ObjectNode n = JSON.createObjectNode();
        n.put("id", i.id).put("invoiceNumber", i.number).put("accountId", i.accountId).put("currency", i.currency)
                .put("amount", i.amount).put("amountWithoutTax", i.amountWithoutTax).put("taxAmount", i.taxAmount)
                .put("balance", i.balance).put("status", i.status).put("invoiceDate", i.invoiceDate.toString())
                .put("dueDate", i.dueDate.toString()).put("targetDate", i.targetDate.toString())
                .put("postedDate", i.invoiceDate.toString()).put("postedBy", "simulator")
                .put("autoPay", a.autoPay).put("paymentTerm", a.paymentTerm).put("billToContactId", a.billTo.path("id").asText())
                .put("soldToContactId", a.soldTo.path("id").asText())
                .put("includesOneTime", i.includesOneTime).put("includesRecurring", i.includesRecurring).put("includesUsage", false)
                .put("source", "API").put("sourceType", "Subscription").put("sourceId", i.sourceId)
                .put("adjustmentAmount", BigDecimal.ZERO).put("creditMemoAmount", BigDecimal.ZERO)
                .put("paymentAmount", BigDecimal.ZERO).put("refundAmount", BigDecimal.ZERO).put("discount", BigDecimal.ZERO)
                .put("createdDate", isoTime(i.createdOn)).put("updatedDate", isoTime(i.createdOn))
                .put("createdById", "simulator").put("updatedById", "simulator").put("success", true);
        return Answer.ok(n);
    }

    private Answer invoiceFiles(Call call) {
        Model.Invoice i = invoice(call.path("key"));
        ObjectNode r = JSON.createObjectNode();
        r.putArray("invoiceFiles").addObject().put("id", i.fileId)
                .put("versionNumber", i.createdOn.toEpochMilli()).put("pdfFileUrl", "/v1/files/" + i.fileId);
        r.put("success", true);
        return Answer.ok(r);
    }

    /** GET /v1/invoices/{invoiceKey}/items: Zuora's GET_InvoiceItems, one page. */
    private Answer invoiceItems(Call call) {
        Model.Invoice i = invoice(call.path("key"));
        ObjectNode r = JSON.createObjectNode();
        ArrayNode list = r.putArray("invoiceItems");
        for (Model.InvoiceItem item : page(call, i.items, 20, r)) {
            ObjectNode n = list.addObject();
            n.put("id", item.id).put("subscriptionName", item.subscriptionNumber).put("subscriptionId", item.subscriptionId)
                    .put("chargeId", item.chargeId).put("chargeName", item.chargeName).put("chargeDescription", "")
                    .put("chargeType", item.chargeType).put("processingType", item.processingType)
                    .put("productRatePlanChargeId", item.productRatePlanChargeId)
                    .put("appliedToItemId", item.appliedToItemId).put("unitOfMeasure", item.uom)
                    .put("quantity", item.quantity).put("unitPrice", item.unitPrice)
                    .put("chargeAmount", item.amount).put("taxAmount", item.taxAmount)
                    .put("balance", item.amount.add(item.taxAmount))
                    .put("availableToCreditAmount", item.amount.add(item.taxAmount).max(BigDecimal.ZERO))
                    .put("chargeDate", i.createdOn.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")))
                    .put("serviceStartDate", item.serviceStartDate.toString())
                    .put("serviceEndDate", item.serviceEndDate.toString())
                    .put("sourceItemType", "SubscriptionComponent");
            if (item.taxable) {
                n.put("taxMode", item.taxMode).put("taxCode", item.taxCode);
            }
            ObjectNode taxation = n.putObject("taxationItems");
            ArrayNode data = taxation.putArray("data");
            if (item.taxation != null) {
                Model.Taxation x = item.taxation;
                data.addObject().put("id", x.id()).put("name", x.name()).put("jurisdiction", x.jurisdiction())
                        .put("country", x.jurisdiction()).put("locationCode", x.jurisdiction())
                        .put("taxCode", x.taxCode()).put("taxRate", x.taxRate()).put("taxRateType", "Percentage")
                        .put("taxDate", x.taxDate().toString()).put("taxAmount", x.taxAmount())
                        .put("exemptAmount", BigDecimal.ZERO).put("creditAmount", BigDecimal.ZERO)
                        .put("paymentAmount", BigDecimal.ZERO).put("balance", x.taxAmount())
                        .put("availableToCreditAmount", x.taxAmount().max(BigDecimal.ZERO));
            }
        }
        r.put("success", true);
        return Answer.ok(r);
    }

    // ================================================================== bill runs

    /**
     * POST /v1/bill-runs, run at once: every account the run selects (batches, bill cycle day, billRunFilters of
     * type Account or Subscription) gets one invoice of what is due up to the target date.
     */
    private Answer createBillRun(Call call) {
        JsonNode b = call.body == null ? JSON.createObjectNode() : call.body;
        if (b.hasNonNull("schedule")) {
            throw new ZuoraError(400, 50000045L, "The simulator does not schedule bill runs: give targetDate.");
        }
        if (!b.hasNonNull("targetDate")) {
            throw ZuoraError.missing("targetDate is required for an ad-hoc bill run.");
        }
        Model.BillRun run = new Model.BillRun();
        run.id = Ids.newId();
        run.number = "BR-" + Ids.next("billRun", 8);
        run.name = text(b, "name");
        run.targetDate = date(b, "targetDate");
        run.invoiceDate = b.hasNonNull("invoiceDate") ? date(b, "invoiceDate") : run.targetDate;
        run.autoPost = b.path("autoPost").asBoolean(false);
        b.path("batches").forEach(x -> run.batches.add(x.asText()));
        run.billCycleDay = b.hasNonNull("billCycleDay") ? b.get("billCycleDay").asText() : "AllBillCycleDays";
        run.billRunFilters = b.hasNonNull("billRunFilters") ? b.get("billRunFilters").deepCopy() : null;
        b.path("chargeTypeToExclude").forEach(x -> run.chargeTypeToExclude.add(x.asText()));
        run.createdOn = sim.clock().instant();
        if (!"AllBillCycleDays".equals(run.billCycleDay)) {
            try {
                int day = Integer.parseInt(run.billCycleDay);
                if (day < 1 || day > 31) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw ZuoraError.invalidValue("billCycleDay must be AllBillCycleDays or 1..31: " + run.billCycleDay);
            }
        }
        List<String> accountFilter = new ArrayList<>();
        List<String> subscriptionFilter = new ArrayList<>();
        if (run.billRunFilters != null) {
            for (JsonNode f : run.billRunFilters) {
                String type = f.path("filterType").asText();
                if ("Account".equals(type)) {
                    accountFilter.add(account(f.path("accountId").asText()).id);
                } else if ("Subscription".equals(type)) {
                    accountFilter.add(account(f.path("accountId").asText()).id);
                    subscriptionFilter.add(f.path("subscriptionId").asText());
                } else {
                    throw new ZuoraError(400, 50000045L, "The simulator does not support bill run filters of type " + type + ".");
                }
            }
        }
        for (Model.Account a : List.copyOf(st.accounts.values())) {
            if (!accountFilter.isEmpty() && !accountFilter.contains(a.id)) continue;
            if (!run.batches.isEmpty() && !run.batches.contains("AllBatches") && !run.batches.contains(a.batch)) continue;
            if (!"AllBillCycleDays".equals(run.billCycleDay) && Integer.parseInt(run.billCycleDay) != a.billCycleDay) continue;
            List<Model.Subscription> subs = latestOf(a).stream()
                    .filter(s -> subscriptionFilter.isEmpty() || subscriptionFilter.contains(s.id) || subscriptionFilter.contains(s.number))
                    .toList();
            bill(a, subs, run.targetDate, run.invoiceDate, run.number, run.chargeTypeToExclude, run.autoPost ? "Posted" : "Draft")
                    .ifPresent(i -> {
                        i.billRunId = run.id;
                        run.invoiceIds.add(i.id);
                    });
        }
        run.status = run.autoPost ? "Posted" : "Completed";
        st.billRuns.add(run);
        ObjectNode r = billRunView(run);
        r.put("success", true);
        return Answer.ok(r);
    }

    private Answer getBillRun(Call call) {
        String key = call.path("key");
        Model.BillRun run = st.billRuns.stream().filter(x -> x.id.equals(key) || x.number.equals(key)).findFirst()
                .orElseThrow(() -> ZuoraError.notFound("Cannot find entity by key: '" + key + "'."));
        ObjectNode r = billRunView(run);
        r.put("success", true);
        return Answer.ok(r);
    }

    private ObjectNode billRunView(Model.BillRun run) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", run.id).put("billRunNumber", run.number).put("name", run.name).put("status", run.status)
                .put("targetDate", run.targetDate.toString()).put("invoiceDate", run.invoiceDate.toString())
                .put("autoPost", run.autoPost).put("autoEmail", false).put("autoRenewal", false)
                .put("noEmailForZeroAmountInvoice", false).put("billCycleDay", run.billCycleDay)
                .put("createdById", "simulator").put("updatedById", "simulator")
                .put("createdDate", isoTime(run.createdOn)).put("updatedDate", isoTime(run.createdOn));
        ArrayNode batches = n.putArray("batches");
        (run.batches.isEmpty() ? List.of("AllBatches") : run.batches).forEach(batches::add);
        ArrayNode exclude = n.putArray("chargeTypeToExclude");
        run.chargeTypeToExclude.forEach(exclude::add);
        if (run.billRunFilters != null) {
            n.set("billRunFilters", run.billRunFilters.deepCopy());
        }
        return n;
    }

    private Answer getFile(Call call) {
        byte[] pdf = st.files.get(call.path("key"));
        if (pdf == null) {
            throw ZuoraError.notFound("Cannot find file by id: '" + call.path("key") + "'.");
        }
        return new Answer(200, pdf, "application/pdf;charset=UTF-8", Map.of());
    }

    private Answer billingDocuments(Call call) {
        String accountKey = call.query("accountId") != null ? call.query("accountId") : call.query("accountNumber");
        if (accountKey == null) {
            throw ZuoraError.missing("accountId or accountNumber is required.");
        }
        Model.Account a = findAccount(accountKey).orElseThrow(() -> ZuoraError.invalidValue("Invalid account " + accountKey));
        String status = call.query("status");
        String documentDate = call.query("documentDate");
        List<Model.Invoice> list = st.invoices.values().stream().filter(i -> i.accountId.equals(a.id))
                .filter(i -> status == null || status.equals(i.status))
                .filter(i -> documentDate == null || documentDate.equals(i.invoiceDate.toString()))
                .sorted(Comparator.comparing((Model.Invoice i) -> i.invoiceDate).thenComparing(i -> i.number).reversed())
                .toList();
        ObjectNode r = JSON.createObjectNode();
        ArrayNode docs = r.putArray("documents");
        page(call, list, 20, r).forEach(i -> docs.addObject().put("id", i.id).put("documentNumber", i.number)
                .put("documentType", "Invoice").put("documentDate", i.invoiceDate.toString())
                .put("amount", i.amount).put("balance", i.balance).put("status", i.status)
                .put("accountId", i.accountId).put("currency", i.currency));
        r.put("success", true);
        return Answer.ok(r);
    }

    /** One page of a list; sets nextPage on r when more records exist. */
    private <T> List<T> page(Call call, List<T> all, int defaultSize, ObjectNode r) {
        int page = Math.max(1, call.queryInt("page", 1));
        int size = Math.min(40, Math.max(1, call.queryInt("pageSize", defaultSize)));
        int from = Math.min(all.size(), (page - 1) * size);
        int to = Math.min(all.size(), from + size);
        if (to < all.size()) {
            StringBuilder next = new StringBuilder(sim.baseUrl()).append(call.ctx.path()).append("?page=").append(page + 1)
                    .append("&pageSize=").append(size);
            call.ctx.queryParamMap().forEach((k, v) -> {
                if (!k.equals("page") && !k.equals("pageSize")) {
                    v.forEach(x -> next.append('&').append(k).append('=').append(java.net.URLEncoder.encode(x, StandardCharsets.UTF_8)));
                }
            });
            r.put("nextPage", next.toString());
        }
        return all.subList(from, to);
    }

    // ================================================================== subscriptions

    private Answer subscriptionsOfAccount(Call call) {
        Model.Account a = account(call.path("key"));
        ObjectNode r = JSON.createObjectNode();
        ArrayNode subs = r.putArray("subscriptions");
        boolean segments = "all-segments".equals(call.query("charge-detail"));
        page(call, latestOf(a), 20, r).forEach(s -> subs.add(subscriptionView(s, segments)));
        r.put("success", true);
        return Answer.ok(r);
    }

    private Answer getSubscription(Call call) {
        String key = call.path("key");
        Model.Subscription s = st.subscriptions.stream().filter(x -> x.id.equals(key)).findFirst()
                .or(() -> latest(key))
                .orElseThrow(() -> ZuoraError.notFound("Cannot find entity by key: '" + key + "'."));
        ObjectNode n = subscriptionView(s, "all-segments".equals(call.query("charge-detail")));
        n.put("success", true);
        return Answer.ok(n);
    }

    /** A subscription as Zuora answers it; {@code allSegments}: each charge lists its segments (charge-detail=all-segments). */
    private ObjectNode subscriptionView(Model.Subscription s, boolean allSegments) {
        Model.Account a = st.accounts.get(s.accountId);
        ObjectNode n = JSON.createObjectNode();
        n.put("id", s.id).put("subscriptionNumber", s.number).put("version", s.version).put("isLatestVersion", s.latest)
                .put("status", s.status).put("accountId", a.id).put("accountNumber", a.number).put("accountName", a.name)
                .put("invoiceOwnerAccountId", a.id).put("invoiceOwnerAccountNumber", a.number)
                .put("invoiceOwnerAccountName", a.name).put("currency", a.currency).put("notes", s.notes)
                .put("orderNumber", s.orderNumber).put("termType", s.termType)
                .put("initialTerm", s.initialTerm).put("initialTermPeriodType", s.initialTermPeriodType)
                .put("currentTerm", s.currentTerm).put("currentTermPeriodType", s.currentTermPeriodType)
                .put("renewalTerm", s.renewalTerm).put("renewalTermPeriodType", s.renewalTermPeriodType)
                .put("renewalSetting", s.renewalSetting).put("autoRenew", s.autoRenew).put("invoiceSeparately", false);
        putDate(n, "contractEffectiveDate", s.contractEffectiveDate);
        putDate(n, "serviceActivationDate", s.serviceActivationDate);
        putDate(n, "customerAcceptanceDate", s.customerAcceptanceDate);
        putDate(n, "subscriptionStartDate", s.subscriptionStartDate);
        putDate(n, "subscriptionEndDate", s.subscriptionEndDate);
        putDate(n, "termStartDate", s.termStartDate);
        putDate(n, "termEndDate", s.termEndDate);
        BigDecimal mrr = BigDecimal.ZERO;
        ArrayNode rps = n.putArray("ratePlans");
        for (Model.RatePlan rp : s.ratePlans) {
            ObjectNode r = rps.addObject();
            r.put("id", rp.id).put("productId", rp.productId).put("productName", rp.productName)
                    .put("productSku", rp.productSku).put("productRatePlanId", rp.productRatePlanId)
                    .put("ratePlanName", rp.ratePlanName).put("lastChangeType", rp.lastChangeType);
            if (rp.customFields != null) r.setAll(rp.customFields);
            ArrayNode charges = r.putArray("ratePlanCharges");
            for (Model.Charge c : rp.charges) {
                ObjectNode ch = charges.addObject();
                BigDecimal chargeMrr = rp.removed ? BigDecimal.ZERO : Billing.mrr(c);
                mrr = mrr.add(chargeMrr);
                ch.put("id", c.id).put("originalChargeId", c.originalChargeId).put("number", c.number)
                        .put("name", c.name).put("type", c.type).put("model", c.model).put("segment", c.segment)
                        .put("version", c.version).put("productRatePlanChargeId", c.productRatePlanChargeId)
                        .put("currency", c.currency).put("uom", c.uom).put("billingPeriod", c.billingPeriod)
                        .put("billingTiming", c.billingTiming).put("billingDay", "DefaultFromCustomer")
                        .put("listPriceBase", "OneTime".equals(c.type) ? null : "Per_Billing_Period")
                        .put("triggerEvent", "ContractEffective").put("endDateCondition", "Subscription_End")
                        .put("mrr", chargeMrr).put("done", c.effectiveEndDate != null && c.chargedThroughDate != null
                                && !c.chargedThroughDate.isBefore(c.effectiveEndDate));
                if (c.quantity != null) ch.put("quantity", c.quantity);
                if (c.price != null) ch.put("price", c.price);
                if (c.discountPercentage != null) ch.put("discountPercentage", c.discountPercentage);
                if (!c.tiers.isEmpty()) {
                    ArrayNode tiers = ch.putArray("tiers");
                    c.tiers.forEach(t -> {
                        ObjectNode tn = tiers.addObject().put("tier", t.tier()).put("startingUnit", t.startingUnit())
                                .put("price", t.price()).put("priceFormat", t.priceFormat());
                        if (t.endingUnit() != null) tn.put("endingUnit", t.endingUnit());
                    });
                }
                String summary = c.discountPercentage != null ? c.discountPercentage.stripTrailingZeros().toPlainString() + "% discount"
                        : c.price != null ? c.currency + c.price.toPlainString() : c.model;
                ch.put("pricingSummary", summary);
                putDate(ch, "effectiveStartDate", c.effectiveStartDate);
                putDate(ch, "effectiveEndDate", c.effectiveEndDate);
                putDate(ch, "chargedThroughDate", c.chargedThroughDate);
                putDate(ch, "processedThroughDate", c.chargedThroughDate);
                putDate(ch, "triggerDate", c.effectiveStartDate);
                if (allSegments) {
                    ArrayNode segs = ch.putArray("chargeSegments");
                    List<Model.Charge> all = new ArrayList<>(c.earlierSegments);
                    all.add(c);
                    for (Model.Charge seg : all) {
                        ObjectNode sn = segs.addObject().put("id", seg.id).put("segment", seg.segment)
                                .put("mrr", rp.removed && seg == c ? BigDecimal.ZERO : Billing.mrr(seg))
                                .put("done", seg.effectiveEndDate != null && seg.chargedThroughDate != null
                                        && !seg.chargedThroughDate.isBefore(seg.effectiveEndDate));
                        if (seg.quantity != null) sn.put("quantity", seg.quantity);
                        if (seg.price != null) sn.put("price", seg.price);
                        if (seg.discountPercentage != null) sn.put("discountPercentage", seg.discountPercentage);
                        putDate(sn, "effectiveStartDate", seg.effectiveStartDate);
                        putDate(sn, "effectiveEndDate", seg.effectiveEndDate);
                        putDate(sn, "chargedThroughDate", seg.chargedThroughDate);
                        putDate(sn, "processedThroughDate", seg.chargedThroughDate);
                    }
                }
                if (c.customFields != null) ch.setAll(c.customFields);
            }
        }
        n.put("contractedMrr", "Cancelled".equals(s.status) ? mrr : Billing.mrr(s));
        if (s.customFields != null) n.setAll(s.customFields);
        return n;
    }

    // ================================================================== catalog

    private Answer catalogProducts(Call call) {
        ObjectNode r = JSON.createObjectNode();
        ArrayNode products = r.putArray("products");
        boolean inline = versionBefore(sim.effectiveZuoraVersion(call.ctx), 230);
        page(call, sim.catalog().products(), 10, r).forEach(p -> products.add(productView(p, inline)));
        r.put("success", true);
        return Answer.ok(r);
    }

    private Answer catalogProduct(Call call) {
        Catalog.Product p = sim.catalog().findProduct(call.path("key"))
                .orElseThrow(() -> ZuoraError.notFound("Cannot find entity by key: '" + call.path("key") + "'."));
        ObjectNode n = productView(p, versionBefore(sim.effectiveZuoraVersion(call.ctx), 230));
        n.put("success", true);
        return Answer.ok(n);
    }

    private ObjectNode productView(Catalog.Product p, boolean inlineRatePlans) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", p.id()).put("sku", p.sku()).put("name", p.name()).put("description", p.description())
                .put("category", p.category()).put("productNumber", p.productNumber())
                .put("effectiveStartDate", p.effectiveStartDate().toString())
                .put("effectiveEndDate", p.effectiveEndDate().toString());
        n.putArray("productFeatures");
        if (inlineRatePlans) {
            ArrayNode rps = n.putArray("productRatePlans");
            p.ratePlans().forEach(rp -> rps.add(ratePlanView(rp)));
        } else {
            n.put("productRatePlans", sim.baseUrl() + "/v1/products/" + p.id() + "/product-rate-plans");
        }
        return n;
    }

    private Answer productRatePlans(Call call) {
        Catalog.Product p = sim.catalog().findProduct(call.path("key"))
                .orElseThrow(() -> ZuoraError.notFound("Cannot find entity by key: '" + call.path("key") + "'."));
        ObjectNode r = JSON.createObjectNode();
        ArrayNode rps = r.putArray("productRatePlans");
        page(call, p.ratePlans(), 20, r).forEach(rp -> rps.add(ratePlanView(rp)));
        r.put("success", true);
        return Answer.ok(r);
    }

    private static ObjectNode ratePlanView(Catalog.RatePlan rp) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", rp.id()).put("name", rp.name()).put("description", rp.description()).put("status", rp.status())
                .put("productRatePlanNumber", rp.productRatePlanNumber())
                .put("effectiveStartDate", rp.effectiveStartDate().toString())
                .put("effectiveEndDate", rp.effectiveEndDate().toString());
        ArrayNode charges = n.putArray("productRatePlanCharges");
        for (Catalog.Charge c : rp.charges()) {
            ObjectNode ch = charges.addObject();
            ch.put("id", c.id()).put("name", c.name()).put("type", c.type()).put("model", c.model())
                    .put("productRatePlanChargeNumber", c.productRatePlanChargeNumber())
                    .put("billingPeriod", c.billingPeriod()).put("billingTiming", c.billingTiming())
                    .put("billingDay", "DefaultFromCustomer").put("uom", c.uom())
                    .put("defaultQuantity", c.defaultQuantity().toPlainString())
                    .put("triggerEvent", "ContractEffective").put("endDateCondition", "Subscription_End")
                    .put("taxable", false);
            if ("Recurring".equals(c.type())) {
                ch.put("listPriceBase", "Per_Billing_Period");
            }
            c.attributes().forEach((field, value) -> ch.set(field, JSON.valueToTree(value)));
            ArrayNode pricing = ch.putArray("pricing");
            ArrayNode summary = ch.putArray("pricingSummary");
            java.util.Set<String> currencies = new java.util.TreeSet<>(c.prices().keySet());
            currencies.addAll(c.tiers().keySet());
            for (String cur : currencies) {
                ObjectNode pr = pricing.addObject().put("currency", cur);
                BigDecimal price = c.prices().get(cur);
                if (c.isDiscount()) {
                    pr.put("discountPercentage", price.toPlainString());
                    summary.add(price.stripTrailingZeros().toPlainString() + "% discount");
                } else if (c.tiers().containsKey(cur)) {
                    pr.putNull("price");
                    ArrayNode tiers = pr.putArray("tiers");
                    for (Catalog.Tier t : c.tiers().get(cur)) {
                        ObjectNode tn = tiers.addObject().put("tier", t.tier()).put("startingUnit", t.startingUnit().toPlainString())
                                .put("price", t.price().toPlainString()).put("priceFormat", t.priceFormat());
                        if (t.endingUnit() != null) tn.put("endingUnit", t.endingUnit().toPlainString());
                        summary.add(cur + t.price().toPlainString());
                    }
                } else {
                    pr.put("price", price == null ? null : price.toPlainString());
                    pr.putNull("tiers");
                    summary.add(cur + price.toPlainString());
                }
            }
        }
        return n;
    }

    // ================================================================== helpers

    private static String text(JsonNode n, String field) {
        if (n == null) return null;
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static LocalDate date(JsonNode n, String field) {
        String t = text(n, field);
        if (t == null) {
            throw ZuoraError.missing(field + " is required.");
        }
        return LocalDate.parse(t);
    }

    private static void putDate(ObjectNode n, String field, LocalDate d) {
        if (d != null) {
            n.put(field, d.toString());
        } else {
            n.putNull(field);
        }
    }
}
