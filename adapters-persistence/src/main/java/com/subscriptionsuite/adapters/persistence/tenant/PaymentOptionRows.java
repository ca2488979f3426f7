package com.subscriptionsuite.adapters.persistence.tenant;

import static com.subscriptionsuite.adapters.persistence.tenant.Columns.children;
import static com.subscriptionsuite.adapters.persistence.tenant.Columns.group;

import com.subscriptionsuite.adapters.persistence.tenant.PaymentOptionDao.CountryRow;
import com.subscriptionsuite.adapters.persistence.tenant.PaymentOptionDao.OptionRow;
import com.subscriptionsuite.domain.payment.PaymentOption;
import com.subscriptionsuite.domain.payment.PaymentOptions;
import com.subscriptionsuite.domain.payment.PaymentType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows of the tenants' payment options: of one tenant (to write) or of several (as read). */
record PaymentOptionRows(List<OptionRow> options, List<CountryRow> countries) {

    static PaymentOptionRows of(long tenantId, PaymentOptions paymentOptions) {
        List<OptionRow> options = new ArrayList<>();
        List<CountryRow> countries = new ArrayList<>();
        List<PaymentOption> list = paymentOptions.options();
        for (int i = 0; i < list.size(); i++) {
            PaymentOption o = list.get(i);
            options.add(new OptionRow(tenantId, i, o.id(), o.type().wireName(), o.hostedPageId()));
            for (int c = 0; c < o.countries().size(); c++) {
                countries.add(new CountryRow(tenantId, i, c, o.countries().get(c)));
            }
        }
        return new PaymentOptionRows(options, countries);
    }

    static PaymentOptionRows load(PaymentOptionDao dao, Collection<Long> tenantIds) {
        return new PaymentOptionRows(dao.options(tenantIds), dao.countries(tenantIds));
    }

    /** Inserts every row; the tenant row must exist. */
    void insert(PaymentOptionDao dao) {
        if (!options.isEmpty()) {
            dao.insertOptions(options);
        }
        if (!countries.isEmpty()) {
            dao.insertCountries(countries);
        }
    }

    /** The payment options of each of these tenants; a tenant without rows offers none. */
    Map<Long, PaymentOptions> byTenant(Collection<Long> tenantIds) {
        Map<Long, List<OptionRow>> optionsByTenant = group(options, OptionRow::tenantId);
        Map<Long, List<CountryRow>> countriesByTenant = group(countries, CountryRow::tenantId);
        Map<Long, PaymentOptions> result = new LinkedHashMap<>();
        for (long id : tenantIds) {
            Map<Integer, List<String>> countriesByOption = new LinkedHashMap<>();
            for (CountryRow c : children(countriesByTenant, id)) {
                countriesByOption.computeIfAbsent(c.optionPosition(), p -> new ArrayList<>()).add(c.country());
            }
            result.put(id, new PaymentOptions(children(optionsByTenant, id).stream()
                    .map(o -> new PaymentOption(o.id(), type(o.paymentType()),
                            countriesByOption.getOrDefault(o.position(), List.of()), o.hostedPageId()))
                    .toList()));
        }
        return result;
    }

    private static PaymentType type(String wireName) {
        return PaymentType.of(wireName).getOrElseThrow(() -> new IllegalStateException(
                "the database holds an unknown payment type '" + wireName + "'"));
    }
}
