package com.subscriptionsuite.adapters.persistence.tenant;

import static com.subscriptionsuite.adapters.persistence.tenant.Columns.children;
import static com.subscriptionsuite.adapters.persistence.tenant.Columns.group;

import com.subscriptionsuite.adapters.persistence.tenant.TenantDao.AdminKeyRow;
import com.subscriptionsuite.adapters.persistence.tenant.TenantDao.CartSettingsRow;
import com.subscriptionsuite.adapters.persistence.tenant.TenantDao.CheckoutSettingsRow;
import com.subscriptionsuite.adapters.persistence.tenant.TenantDao.CorsOriginRow;
import com.subscriptionsuite.adapters.persistence.tenant.TenantDao.CurrencyRow;
import com.subscriptionsuite.adapters.persistence.tenant.TenantDao.CustomerCenterSettingsRow;
import com.subscriptionsuite.adapters.persistence.tenant.TenantDao.HostRow;
import com.subscriptionsuite.adapters.persistence.tenant.TenantDao.LanguageRow;
import com.subscriptionsuite.adapters.persistence.tenant.TenantDao.TenantRow;
import com.subscriptionsuite.adapters.persistence.tenant.TenantDao.TranslationLanguageRow;
import com.subscriptionsuite.adapters.persistence.tenant.TenantDao.TranslationRow;
import com.subscriptionsuite.domain.tenant.CartSettings;
import com.subscriptionsuite.domain.tenant.CheckoutSettings;
import com.subscriptionsuite.domain.tenant.CurrencySetting;
import com.subscriptionsuite.domain.tenant.CustomerCenterSettings;
import com.subscriptionsuite.domain.tenant.Language;
import com.subscriptionsuite.domain.tenant.SellerAddress;
import com.subscriptionsuite.domain.tenant.SellerSettings;
import com.subscriptionsuite.domain.tenant.Tenant;
import com.subscriptionsuite.domain.tenant.TenantAccess;
import com.subscriptionsuite.domain.tenant.TenantAccess.AdminKey;
import com.subscriptionsuite.domain.tenant.TenantDefinition;
import com.subscriptionsuite.domain.tenant.Translations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows below the tenant row: hosts, languages, currencies, the three settings, the
 * translations and the access (CORS origins, admin keys), of one tenant (to write) or of several
 * (as read).
 */
record TenantRows(
        List<HostRow> hosts,
        List<LanguageRow> languages,
        List<CurrencyRow> currencies,
        List<CartSettingsRow> cartSettings,
        List<CheckoutSettingsRow> checkoutSettings,
        List<CustomerCenterSettingsRow> customerCenterSettings,
        List<TranslationLanguageRow> translationLanguages,
        List<TranslationRow> translations,
        List<CorsOriginRow> corsOrigins,
        List<AdminKeyRow> adminKeys) {

    private static final String STATIC = "static";
    private static final String DYNAMIC = "dynamic";

    static TenantRow tenantRow(Tenant tenant, long version) {
        SellerSettings seller = tenant.seller();
        SellerAddress address = seller.address();
        return new TenantRow(tenant.id(), tenant.key(), tenant.name(), version, seller.country(), seller.vatId(),
                seller.ossThresholdApplies(), address == null ? null : address.street(),
                address == null ? null : address.postcode(), address == null ? null : address.city(),
                address == null ? null : address.region());
    }

    static TenantRows of(TenantDefinition definition) {
        Tenant t = definition.tenant();
        long tenantId = t.id();
        List<HostRow> hosts = new ArrayList<>();
        for (int i = 0; i < t.hosts().size(); i++) {
            hosts.add(new HostRow(tenantId, i, t.hosts().get(i)));
        }
        List<LanguageRow> languages = new ArrayList<>();
        for (int i = 0; i < t.languages().size(); i++) {
            Language l = t.languages().get(i);
            languages.add(new LanguageRow(tenantId, l.id(), i, l.code(), l.active(), l.isDefault()));
        }
        List<CurrencyRow> currencies = new ArrayList<>();
        for (int i = 0; i < t.currencies().size(); i++) {
            CurrencySetting c = t.currencies().get(i);
            currencies.add(new CurrencyRow(tenantId, c.id(), i, c.currency().getCode(), c.active(), c.isDefault(),
                    c.decimalSeparator(), c.thousandsSeparator()));
        }
        CartSettings cart = t.cartSettings();
        CheckoutSettings checkout = t.checkoutSettings();
        CustomerCenterSettings center = t.customerCenterSettings();

        List<TranslationLanguageRow> translationLanguages = new ArrayList<>();
        List<TranslationRow> translations = new ArrayList<>();
        Translations texts = definition.translations();
        addTranslations(tenantId, STATIC, texts.staticTexts(), translationLanguages, translations);
        addTranslations(tenantId, DYNAMIC, texts.dynamicTexts(), translationLanguages, translations);

        TenantAccess access = definition.access();
        List<CorsOriginRow> corsOrigins = new ArrayList<>();
        for (int i = 0; i < access.corsOrigins().size(); i++) {
            corsOrigins.add(new CorsOriginRow(tenantId, i, access.corsOrigins().get(i)));
        }
        List<AdminKeyRow> adminKeys = new ArrayList<>();
        for (int i = 0; i < access.adminKeys().size(); i++) {
            AdminKey key = access.adminKeys().get(i);
            adminKeys.add(new AdminKeyRow(tenantId, i, key.name(), key.sha256()));
        }

        return new TenantRows(hosts, languages, currencies,
                List.of(new CartSettingsRow(tenantId, cart.id(), cart.showProductName(), cart.showRatePlanName(),
                        cart.showFeatureList(), cart.showDescription(), cart.showCharges(),
                        cart.useSingleQuantity())),
                List.of(new CheckoutSettingsRow(tenantId, checkout.id(), checkout.hasGuestCheckout(),
                        checkout.showCharges(), checkout.showTax(), checkout.showBrutto(), checkout.showProductName(),
                        checkout.hasAutoInvoice(), checkout.hasAutoPayment())),
                List.of(new CustomerCenterSettingsRow(tenantId, center.id(), center.canCancelSubscriptions(),
                        center.canSuspend(), center.canCancelSubscriptionsAtAnyTime())),
                translationLanguages, translations, corsOrigins, adminKeys);
    }

    /** Positions continue across kinds, so one ORDER BY position restores every map's order. */
    private static void addTranslations(long tenantId, String kind, Map<String, Map<String, String>> byLanguage,
            List<TranslationLanguageRow> languages, List<TranslationRow> texts) {
        byLanguage.forEach((language, entries) -> {
            languages.add(new TranslationLanguageRow(tenantId, kind, language, languages.size()));
            entries.forEach((key, text) ->
                    texts.add(new TranslationRow(tenantId, kind, language, key, texts.size(), text)));
        });
    }

    static TenantRows load(TenantDao dao, Collection<Long> tenantIds) {
        return new TenantRows(dao.hosts(tenantIds), dao.languages(tenantIds), dao.currencies(tenantIds),
                dao.cartSettings(tenantIds), dao.checkoutSettings(tenantIds), dao.customerCenterSettings(tenantIds),
                dao.translationLanguages(tenantIds), dao.translations(tenantIds), dao.corsOrigins(tenantIds),
                dao.adminKeys(tenantIds));
    }

    /** Inserts every row; the tenant row must exist. */
    void insert(TenantDao dao) {
        if (!hosts.isEmpty()) {
            dao.insertHosts(hosts);
        }
        if (!languages.isEmpty()) {
            dao.insertLanguages(languages);
        }
        if (!currencies.isEmpty()) {
            dao.insertCurrencies(currencies);
        }
        cartSettings.forEach(dao::insertCartSettings);
        checkoutSettings.forEach(dao::insertCheckoutSettings);
        customerCenterSettings.forEach(dao::insertCustomerCenterSettings);
        if (!translationLanguages.isEmpty()) {
            dao.insertTranslationLanguages(translationLanguages);
        }
        if (!translations.isEmpty()) {
            dao.insertTranslations(translations);
        }
        if (!corsOrigins.isEmpty()) {
            dao.insertCorsOrigins(corsOrigins);
        }
        if (!adminKeys.isEmpty()) {
            dao.insertAdminKeys(adminKeys);
        }
    }

    /** The tenants of these rows, by tenant id. */
    Map<Long, Tenant> tenantsById(List<TenantRow> tenantRows) {
        Map<Long, List<HostRow>> hostsByTenant = group(hosts, HostRow::tenantId);
        Map<Long, List<LanguageRow>> languagesByTenant = group(languages, LanguageRow::tenantId);
        Map<Long, List<CurrencyRow>> currenciesByTenant = group(currencies, CurrencyRow::tenantId);
        Map<Long, List<CartSettingsRow>> carts = group(cartSettings, CartSettingsRow::tenantId);
        Map<Long, List<CheckoutSettingsRow>> checkouts = group(checkoutSettings, CheckoutSettingsRow::tenantId);
        Map<Long, List<CustomerCenterSettingsRow>> centers =
                group(customerCenterSettings, CustomerCenterSettingsRow::tenantId);

        Map<Long, Tenant> tenants = new LinkedHashMap<>();
        for (TenantRow row : tenantRows) {
            long id = row.id();
            CartSettingsRow cart = single(children(carts, id), "cart settings", row);
            CheckoutSettingsRow checkout = single(children(checkouts, id), "checkout settings", row);
            CustomerCenterSettingsRow center = single(children(centers, id), "customer-center settings", row);
            tenants.put(id, new Tenant(
                    id,
                    row.tenantKey(),
                    row.name(),
                    children(hostsByTenant, id).stream().map(HostRow::host).toList(),
                    new SellerSettings(row.sellerCountry(), row.sellerVatId(), row.sellerOssThresholdApplies(),
                            row.sellerStreet() == null ? null : new SellerAddress(row.sellerStreet(),
                                    row.sellerPostcode(), row.sellerCity(), row.sellerRegion())),
                    children(languagesByTenant, id).stream()
                            .map(l -> new Language(l.id(), l.code(), l.active(), l.isDefault())).toList(),
                    children(currenciesByTenant, id).stream()
                            .map(c -> new CurrencySetting(c.id(), Columns.currency(c.currency()), c.active(),
                                    c.isDefault(), c.decimalSeparator(), c.thousandsSeparator()))
                            .toList(),
                    new CartSettings(cart.id(), cart.showProductName(), cart.showRatePlanName(),
                            cart.showFeatureList(), cart.showDescription(), cart.showCharges(),
                            cart.useSingleQuantity()),
                    new CheckoutSettings(checkout.id(), checkout.hasGuestCheckout(), checkout.showCharges(),
                            checkout.showTax(), checkout.showBrutto(), checkout.showProductName(),
                            checkout.hasAutoInvoice(), checkout.hasAutoPayment()),
                    new CustomerCenterSettings(center.id(), center.canCancelSubscriptions(), center.canSuspend(),
                            center.canCancelSubscriptionsAtAnyTime())));
        }
        return tenants;
    }

    /** The translations of these rows, by tenant id; a tenant without rows has none. */
    Map<Long, Translations> translationsByTenant() {
        Map<Long, List<TranslationLanguageRow>> languagesByTenant =
                group(translationLanguages, TranslationLanguageRow::tenantId);
        Map<Long, List<TranslationRow>> textsByTenant = group(translations, TranslationRow::tenantId);
        Map<Long, Translations> result = new LinkedHashMap<>();
        languagesByTenant.forEach((tenantId, languageRows) -> {
            Map<String, Map<String, Map<String, String>>> byKind = Map.of(
                    STATIC, new LinkedHashMap<>(), DYNAMIC, new LinkedHashMap<>());
            for (TranslationLanguageRow l : languageRows) {
                kind(byKind, l.kind()).put(l.language(), new LinkedHashMap<>());
            }
            for (TranslationRow t : children(textsByTenant, tenantId)) {
                kind(byKind, t.kind()).get(t.language()).put(t.textKey(), t.translated());
            }
            result.put(tenantId, new Translations(byKind.get(STATIC), byKind.get(DYNAMIC)));
        });
        return result;
    }

    /** The access of each of these tenants; a tenant without rows has none. */
    Map<Long, TenantAccess> accessByTenant(Collection<Long> tenantIds) {
        Map<Long, List<CorsOriginRow>> origins = group(corsOrigins, CorsOriginRow::tenantId);
        Map<Long, List<AdminKeyRow>> keys = group(adminKeys, AdminKeyRow::tenantId);
        Map<Long, TenantAccess> result = new LinkedHashMap<>();
        for (long id : tenantIds) {
            result.put(id, new TenantAccess(
                    children(origins, id).stream().map(CorsOriginRow::origin).toList(),
                    children(keys, id).stream().map(k -> new AdminKey(k.name(), k.sha256())).toList()));
        }
        return result;
    }

    private static Map<String, Map<String, String>> kind(Map<String, Map<String, Map<String, String>>> byKind,
            String kind) {
        Map<String, Map<String, String>> texts = byKind.get(kind);
        if (texts == null) {
            throw new IllegalStateException("the database holds an unknown translation kind '" + kind + "'");
        }
        return texts;
    }

    private static <R> R single(List<R> rows, String what, TenantRow tenant) {
        if (rows.size() != 1) {
            throw new IllegalStateException(
                    "tenant '" + tenant.tenantKey() + "' has " + rows.size() + " rows of " + what + ", not 1");
        }
        return rows.get(0);
    }
}
