package com.subscriptionsuite.adapters.http.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.adapters.http.account.AccountBody;
import com.subscriptionsuite.adapters.http.error.RequestFailure;
import com.subscriptionsuite.adapters.http.json.DigitsOrInteger;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery.Item;
import com.subscriptionsuite.application.port.in.pricing.PreviewPricesQuery.TaxCustomerData;
import com.subscriptionsuite.domain.account.AccountDetails;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's Preview body. Every field is optional except each suite product's {@code id},
 * {@code quantity} and {@code order_pos}; of the account only the VAT customer (the country and
 * postcode of the billing address when {@code has_billing_address}, else {@code country} and
 * {@code zip_code}; {@code is_company}, {@code vat_id}) and {@code currency} matter to a preview,
 * but all the seed's Account fields are accepted (and no others). Extensions: {@code voucher_code} prices a voucher's
 * discount, {@code page_id} names the shop page the cart is on (a string of digits or an integer,
 * as the voucher operations take it), for codes limited to pages.
 */
record PreviewRequest(String currency, AccountBody account, List<SuiteProductRequest> suiteProducts,
        String voucherCode, JsonNode pageId) {

    /** The seed's PreviewSuiteProduct: all three fields required. */
    record SuiteProductRequest(Long id, Long quantity, Integer orderPos) {
    }

    /**
     * The use-case query. The currency is the body's, else the account's (unless empty), else null
     * (the tenant's default); no account means no tax customer (a domestic consumer). {@code userId} is the
     * caller's user from a bearer token, null for an anonymous caller.
     */
    Either<RequestFailure, PreviewPricesQuery> toQuery(long tenantId, Long userId) {
        return DigitsOrInteger.read("page_id", pageId).flatMap(page -> toQuery(tenantId, page.getOrNull(), userId));
    }

    private Either<RequestFailure, PreviewPricesQuery> toQuery(long tenantId, Long page, Long userId) {
        List<SuiteProductRequest> requested = suiteProducts == null ? List.of() : suiteProducts;
        List<Item> complete = complete(requested);
        if (complete != null) {
            return Either.right(query(tenantId, page, userId, complete));
        }
        // a field is missing: name every missing one
        List<Validation<Seq<String>, Item>> items = new ArrayList<>(requested.size());
        for (int i = 0; i < requested.size(); i++) {
            items.add(item(i, requested.get(i)));
        }
        Seq<String> missing = Validation.sequence(items).getError();
        return Either.left(RequestFailure.FieldRequired.bodyFields(missing.toJavaList()));
    }

    /**
     * The items when every suite product has its three fields (the usual case, checked without building
     * the names of fields that are not missing), else null: {@link #item} then names each missing one.
     */
    private static List<Item> complete(List<SuiteProductRequest> requested) {
        List<Item> items = new ArrayList<>(requested.size());
        for (SuiteProductRequest item : requested) {
            if (item == null || item.id() == null || item.quantity() == null || item.orderPos() == null) {
                return null;
            }
            items.add(new Item(item.id(), item.quantity(), item.orderPos()));
        }
        return items;
    }

    private PreviewPricesQuery query(long tenantId, Long page, Long userId, List<Item> items) {
        AccountDetails details = account == null ? null : account.toDetails();
        // an empty account currency means none, as in the checkout
        String accountCurrency = details == null || details.currency() == null || details.currency().isEmpty() ? null
                : details.currency();
        String chosenCurrency = currency != null ? currency : accountCurrency;
        TaxCustomerData customer = details == null ? null : customer(details);
        return new PreviewPricesQuery(tenantId, chosenCurrency, customer, items, voucherCode, page, userId);
    }

    /**
     * The VAT customer as the checkout takes it from the same account: the billing address's country
     * and postcode when the account has one, else the contact address's.
     */
    private static TaxCustomerData customer(AccountDetails account) {
        return new TaxCustomerData(account.taxCountry(), account.taxZipCode(), account.company(), account.vatId());
    }

    private static Validation<Seq<String>, Item> item(int index, SuiteProductRequest item) {
        String at = "suite_products[" + index + "]";
        if (item == null) {
            return Validation.invalid(io.vavr.collection.List.of(at));
        }
        return Validation.combine(
                        required(item.id(), at + ".id"),
                        required(item.quantity(), at + ".quantity"),
                        required(item.orderPos(), at + ".order_pos"))
                .ap(Item::new);
    }

    private static <T> Validation<String, T> required(T value, String field) {
        return value == null ? Validation.invalid(field) : Validation.valid(value);
    }
}
