package com.subscriptionsuite.adapters.http.checkout;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.adapters.http.account.AccountBody;
import com.subscriptionsuite.adapters.http.error.RequestFailure;
import com.subscriptionsuite.adapters.http.json.DigitsOrInteger;
import com.subscriptionsuite.application.port.in.checkout.Checkout.Item;
import com.subscriptionsuite.application.port.in.checkout.Checkout.NewPaymentMethod;
import com.subscriptionsuite.application.port.in.checkout.Checkout.RatePlanChoice;
import com.subscriptionsuite.application.port.in.checkout.Checkout.SubscribeCommand;
import com.subscriptionsuite.application.port.in.identity.Principal;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The seed's SubscribeOption body of POST /subscription: {@code suite_products} (each with
 * {@code id}, {@code quantity}, {@code order_pos} required, and optionally the seed's
 * {@code rate_plans[{id, charges[{id}]}]}), {@code account} (required: a subscription needs an
 * account) and {@code payment_method} (optional; its {@code id} names a payment method of the
 * caller, its {@code type} and {@code data} are then not read; without an {@code id} it describes a
 * bank transfer to create, as PUT /account/payment-method does).
 * Extensions, as in the preview: {@code voucher_code}, a code the caller holds, and {@code page_id}.
 */
record SubscribeRequest(List<SuiteProductRequest> suiteProducts, AccountBody account,
        PaymentMethodRequest paymentMethod, String voucherCode, JsonNode pageId) {

    record SuiteProductRequest(Long id, Long quantity, Integer orderPos, List<RatePlanRequest> ratePlans) {
    }

    record RatePlanRequest(Long id, List<ChargeRequest> charges) {
    }

    record ChargeRequest(Long id) {
    }

    /**
     * The seed's AccountPaymentMethod, as PUT /account/payment-method takes it: with an {@code id},
     * {@code type} and {@code data} are the stored method's business and may hold anything (they are
     * not read); without one (or with an empty one) {@code type} and {@code data} describe a new bank
     * transfer.
     */
    record PaymentMethodRequest(String id, String type, JsonNode data) {
    }

    private static final String DATA = "payment_method.data";

    Either<RequestFailure, SubscribeCommand> toCommand(long tenantId, Principal caller) {
        List<String> missing = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        List<SuiteProductRequest> requested = suiteProducts == null ? List.of() : suiteProducts;
        for (int i = 0; i < requested.size(); i++) {
            items.add(item("suite_products[" + i + "]", requested.get(i), missing));
        }
        if (account == null) {
            missing.add("account");
        }
        boolean stored = paymentMethod != null && paymentMethod.id() != null && !paymentMethod.id().isBlank();
        if (paymentMethod != null && !stored && paymentMethod.type() == null) {
            missing.add("payment_method.id");
        }
        if (!missing.isEmpty()) {
            return Either.left(RequestFailure.FieldRequired.bodyFields(missing));
        }
        Either<RequestFailure, NewPaymentMethod> described = paymentMethod == null || stored
                ? Either.right(null)
                : texts(paymentMethod.data()).map(data -> new NewPaymentMethod(paymentMethod.type(), data));
        return described.flatMap(newMethod -> DigitsOrInteger.read("page_id", pageId).map(page -> new SubscribeCommand(
                tenantId, caller.userId(), caller.guest(), items, account.toDetails(),
                stored ? paymentMethod.id().strip() : null, voucherCode, page.getOrNull(), newMethod)));
    }

    /**
     * The {@code data} of a payment method described without an id, read as PUT /account/payment-method
     * reads it: an object of strings, null values counting as absent.
     */
    private static Either<RequestFailure, Map<String, String>> texts(JsonNode data) {
        Map<String, String> given = new LinkedHashMap<>();
        if (data == null || data.isNull()) {
            return Either.right(given);
        }
        if (!data.isObject()) {
            return Either.left(new RequestFailure.FieldType(DATA, "an object", kind(data)));
        }
        for (Map.Entry<String, JsonNode> field : data.properties()) {
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                given.put(field.getKey(), value.textValue());
            } else if (!value.isNull()) {
                return Either.left(new RequestFailure.FieldType(DATA + "." + field.getKey(), "a string", kind(value)));
            }
        }
        return Either.right(given);
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static Item item(String at, SuiteProductRequest item, List<String> missing) {
        if (item == null) {
            missing.add(at);
            return null;
        }
        required(item.id(), at + ".id", missing);
        required(item.quantity(), at + ".quantity", missing);
        required(item.orderPos(), at + ".order_pos", missing);
        List<RatePlanChoice> plans = null;
        if (item.ratePlans() != null) {
            plans = new ArrayList<>();
            for (int j = 0; j < item.ratePlans().size(); j++) {
                RatePlanRequest plan = item.ratePlans().get(j);
                String planAt = at + ".rate_plans[" + j + "]";
                if (plan == null || plan.id() == null) {
                    missing.add(plan == null ? planAt : planAt + ".id");
                    continue;
                }
                List<Long> charges = null;
                if (plan.charges() != null) {
                    charges = new ArrayList<>();
                    for (int k = 0; k < plan.charges().size(); k++) {
                        ChargeRequest charge = plan.charges().get(k);
                        if (charge == null || charge.id() == null) {
                            missing.add(planAt + ".charges[" + k + "]" + (charge == null ? "" : ".id"));
                        } else {
                            charges.add(charge.id());
                        }
                    }
                }
                plans.add(new RatePlanChoice(plan.id(), charges));
            }
        }
        if (item.id() == null || item.quantity() == null || item.orderPos() == null) {
            return null;
        }
        return new Item(item.id(), item.quantity(), item.orderPos(), plans);
    }

    private static void required(Object value, String field, List<String> missing) {
        if (value == null) {
            missing.add(field);
        }
    }
}
