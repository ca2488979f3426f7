package com.subscriptionsuite.adapters.http.config;

import com.subscriptionsuite.domain.tenant.CartSettings;
import com.subscriptionsuite.domain.tenant.CheckoutSettings;
import com.subscriptionsuite.domain.tenant.CurrencySetting;
import com.subscriptionsuite.domain.tenant.CustomerCenterSettings;
import com.subscriptionsuite.domain.tenant.Language;
import com.subscriptionsuite.domain.tenant.Tenant;
import java.util.List;

/** The seed's Config schema. Flags are the numbers 0 and 1, as the seed shows them. */
record ConfigResponse(
        List<LanguageEntry> languages,
        List<CurrencyEntry> currencies,
        CartSettingsEntry cartSettings,
        CheckoutSettingsEntry checkoutSettings,
        CustomerCenterSettingsEntry customerCenterSettings) {

    static ConfigResponse from(Tenant tenant) {
        long tenantId = tenant.id();
        return new ConfigResponse(
                tenant.languages().stream().map(l -> LanguageEntry.from(l, tenantId)).toList(),
                tenant.currencies().stream().map(c -> CurrencyEntry.from(c, tenantId)).toList(),
                CartSettingsEntry.from(tenant.cartSettings(), tenantId),
                CheckoutSettingsEntry.from(tenant.checkoutSettings(), tenantId),
                CustomerCenterSettingsEntry.from(tenant.customerCenterSettings(), tenantId));
    }

    static int flag(boolean value) {
        return value ? 1 : 0;
    }

    /** {@code name} is the language code {@code ?lang=} takes. */
    record LanguageEntry(long id, String name, int isActive, int isDefault, long tenantId) {
        static LanguageEntry from(Language l, long tenantId) {
            return new LanguageEntry(l.id(), l.code(), flag(l.active()), flag(l.isDefault()), tenantId);
        }
    }

    record CurrencyEntry(long id, String isoCode, int isActive, int isDefault, long tenantId,
            String decimalSeparator, String thousandsSeparator) {
        static CurrencyEntry from(CurrencySetting c, long tenantId) {
            return new CurrencyEntry(c.id(), c.currency().getCode(), flag(c.active()), flag(c.isDefault()), tenantId,
                    c.decimalSeparator(), c.thousandsSeparator());
        }
    }

    record CartSettingsEntry(long id, int showProductName, int showRatePlanName, int showFeatureList,
            int showDescription, int showCharges, int useSingleQuantity, long tenantId) {
        static CartSettingsEntry from(CartSettings s, long tenantId) {
            return new CartSettingsEntry(s.id(), flag(s.showProductName()), flag(s.showRatePlanName()),
                    flag(s.showFeatureList()), flag(s.showDescription()), flag(s.showCharges()),
                    flag(s.useSingleQuantity()), tenantId);
        }
    }

    record CheckoutSettingsEntry(long id, int hasGuestCheckout, int showCharges, int showTax, int showBrutto,
            int showProductName, long tenantId, int hasAutoInvoice, int hasAutoPayment) {
        static CheckoutSettingsEntry from(CheckoutSettings s, long tenantId) {
            return new CheckoutSettingsEntry(s.id(), flag(s.hasGuestCheckout()), flag(s.showCharges()),
                    flag(s.showTax()), flag(s.showBrutto()), flag(s.showProductName()), tenantId,
                    flag(s.hasAutoInvoice()), flag(s.hasAutoPayment()));
        }
    }

    record CustomerCenterSettingsEntry(long id, int canCancelSubscriptions, int canSuspend, long tenantId,
            int canCancelSubscriptionsAtAnyTime) {
        static CustomerCenterSettingsEntry from(CustomerCenterSettings s, long tenantId) {
            return new CustomerCenterSettingsEntry(s.id(), flag(s.canCancelSubscriptions()), flag(s.canSuspend()),
                    tenantId, flag(s.canCancelSubscriptionsAtAnyTime()));
        }
    }
}
