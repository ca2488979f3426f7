package com.subscriptionsuite.domain.tenant;

import com.subscriptionsuite.domain.tax.Seller;
import io.vavr.control.Option;
import java.util.List;
import java.util.Objects;
import org.joda.money.CurrencyUnit;

/**
 * A tenant: one seller's shop with its own catalog, settings and translations. {@code key} is
 * what the X-Tenant header names; {@code hosts} the host names that select it.
 */
public record Tenant(
        long id,
        String key,
        String name,
        List<String> hosts,
        SellerSettings seller,
        List<Language> languages,
        List<CurrencySetting> currencies,
        CartSettings cartSettings,
        CheckoutSettings checkoutSettings,
        CustomerCenterSettings customerCenterSettings) {

    public Tenant {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(seller, "seller");
        name = name == null ? key : name;
        hosts = List.copyOf(hosts);
        languages = List.copyOf(languages);
        currencies = List.copyOf(currencies);
        Objects.requireNonNull(cartSettings, "cartSettings");
        Objects.requireNonNull(checkoutSettings, "checkoutSettings");
        Objects.requireNonNull(customerCenterSettings, "customerCenterSettings");
    }

    /** The tenant as the seller VAT is decided for: its country and whether it applies the OSS threshold. */
    public Seller vatSeller() {
        return new Seller(seller.country(), seller.ossThresholdApplies());
    }

    /** The default language's code; a valid tenant has exactly one default language. */
    public String defaultLanguage() {
        return languages.stream().filter(Language::isDefault).findFirst()
                .or(() -> languages.stream().findFirst()).map(Language::code).orElse("en");
    }

    public CurrencyUnit defaultCurrency() {
        return currencies.stream().filter(CurrencySetting::isDefault).findFirst()
                .or(() -> currencies.stream().findFirst()).map(CurrencySetting::currency)
                .orElse(CurrencyUnit.EUR);
    }

    /** The active language with this code (case-insensitive), if the tenant offers it. */
    public Option<Language> language(String code) {
        if (code == null) {
            return Option.none();
        }
        return Option.ofOptional(languages.stream()
                .filter(l -> l.active() && l.code().equalsIgnoreCase(code)).findFirst());
    }

    /** The active currency with this ISO code (case-insensitive), if the tenant sells in it. */
    public Option<CurrencyUnit> currency(String isoCode) {
        if (isoCode == null) {
            return Option.none();
        }
        for (CurrencySetting c : currencies) { // a loop, not a stream: every price preview asks
            if (c.active() && c.currency().getCode().equalsIgnoreCase(isoCode)) {
                return Option.some(c.currency());
            }
        }
        return Option.none();
    }
}
