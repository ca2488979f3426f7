package com.subscriptionsuite.adapters.persistence.tenant;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The tenant row and the tenant's settings, hosts, languages, currencies, translations and access
 * (CORS origins, admin keys); the tenant's soft-deleted products.
 */
interface TenantDao {

    record TenantRow(long id, String tenantKey, String name, long version, String sellerCountry,
            String sellerVatId, boolean sellerOssThresholdApplies, String sellerStreet, String sellerPostcode,
            String sellerCity, String sellerRegion) {
    }

    record VersionRow(long id, String tenantKey, long version) {
    }

    record HostRow(long tenantId, int position, String host) {
    }

    record LanguageRow(long tenantId, long id, int position, String code, boolean active, boolean isDefault) {
    }

    record CurrencyRow(long tenantId, long id, int position, String currency, boolean active, boolean isDefault,
            String decimalSeparator, String thousandsSeparator) {
    }

    record CartSettingsRow(long tenantId, long id, boolean showProductName, boolean showRatePlanName,
            boolean showFeatureList, boolean showDescription, boolean showCharges, boolean useSingleQuantity) {
    }

    record CheckoutSettingsRow(long tenantId, long id, boolean hasGuestCheckout, boolean showCharges,
            boolean showTax, boolean showBrutto, boolean showProductName, boolean hasAutoInvoice,
            boolean hasAutoPayment) {
    }

    record CustomerCenterSettingsRow(long tenantId, long id, boolean canCancelSubscriptions, boolean canSuspend,
            boolean canCancelSubscriptionsAtAnyTime) {
    }

    /** {@code kind} is "static" or "dynamic". */
    record TranslationLanguageRow(long tenantId, String kind, String language, int position) {
    }

    record TranslationRow(long tenantId, String kind, String language, String textKey, int position,
            String translated) {
    }

    record CorsOriginRow(long tenantId, int position, String origin) {
    }

    record AdminKeyRow(long tenantId, int position, String name, String sha256) {
    }

    record DeletedProductRow(long tenantId, long productId) {
    }

    // --- the tenant row: identity, version, lock ---------------------------------------------

    /** Locks the tenant's row until the transaction ends; writers of the same tenant queue here. */
    @SqlQuery("""
            SELECT id, tenant_key, version
              FROM tenant
             WHERE tenant_key = :key
               FOR UPDATE
            """)
    Optional<VersionRow> lockByKey(@Bind("key") String key);

    @SqlQuery("""
            SELECT id, tenant_key, version
              FROM tenant
             WHERE id = :id
            """)
    Optional<VersionRow> byId(@Bind("id") long id);

    @SqlQuery("""
            SELECT id, tenant_key, version
              FROM tenant
             WHERE id IN (<ids>)
            """)
    List<VersionRow> versionsOf(@BindList("ids") Collection<Long> ids);

    @SqlQuery("""
            SELECT id, tenant_key, version
              FROM tenant
            """)
    List<VersionRow> versions();

    @SqlUpdate("""
            INSERT INTO tenant (id, tenant_key, name, version, seller_country, seller_vat_id,
                                seller_oss_threshold_applies, seller_street, seller_postcode, seller_city,
                                seller_region)
            VALUES (:id, :tenantKey, :name, :version, :sellerCountry, :sellerVatId, :sellerOssThresholdApplies,
                    :sellerStreet, :sellerPostcode, :sellerCity, :sellerRegion)
            """)
    void insertTenant(@BindMethods TenantRow row);

    /** Rewrites the tenant row, its id included (only when no child row refers to it). */
    @SqlUpdate("""
            UPDATE tenant
               SET id = :row.id, name = :row.name, version = :row.version,
                   seller_country = :row.sellerCountry, seller_vat_id = :row.sellerVatId,
                   seller_oss_threshold_applies = :row.sellerOssThresholdApplies,
                   seller_street = :row.sellerStreet, seller_postcode = :row.sellerPostcode,
                   seller_city = :row.sellerCity, seller_region = :row.sellerRegion
             WHERE id = :currentId AND tenant_key = :row.tenantKey
            """)
    int updateTenant(@Bind("currentId") long currentId, @BindMethods("row") TenantRow row);

    /** Locks the tenant's row by id until the transaction ends (as {@link #lockByKey} does). */
    @SqlQuery("""
            SELECT id, tenant_key, version
              FROM tenant
             WHERE id = :id
               FOR UPDATE
            """)
    Optional<VersionRow> lockById(@Bind("id") long id);

    @SqlUpdate("""
            UPDATE tenant
               SET version = version + 1
             WHERE id = :id
            """)
    int bumpVersion(@Bind("id") long id);

    /** Deletes a tenant's rows from one child table ({@code table} is one of our constant names). */
    @SqlUpdate("DELETE FROM <table> WHERE tenant_id = :tenantId")
    void deleteFrom(@Define("table") String table, @Bind("tenantId") long tenantId);

    // --- reads ----------------------------------------------------------------------------------

    @SqlQuery("""
            SELECT id, tenant_key, name, version, seller_country, seller_vat_id, seller_oss_threshold_applies,
                   seller_street, seller_postcode, seller_city, seller_region
              FROM tenant
             WHERE tenant_key = :key
            """)
    List<TenantRow> tenantsWithKey(@Bind("key") String key);

    @SqlQuery("""
            SELECT id, tenant_key, name, version, seller_country, seller_vat_id, seller_oss_threshold_applies,
                   seller_street, seller_postcode, seller_city, seller_region
              FROM tenant
             ORDER BY id
            """)
    List<TenantRow> allTenants();

    /** Locking variants of the two reads above, for a reader that lost the race against writers too often. */
    @SqlQuery("""
            SELECT id, tenant_key, name, version, seller_country, seller_vat_id, seller_oss_threshold_applies,
                   seller_street, seller_postcode, seller_city, seller_region
              FROM tenant
             WHERE tenant_key = :key
               FOR UPDATE
            """)
    List<TenantRow> lockTenantsWithKey(@Bind("key") String key);

    @SqlQuery("""
            SELECT id, tenant_key, name, version, seller_country, seller_vat_id, seller_oss_threshold_applies,
                   seller_street, seller_postcode, seller_city, seller_region
              FROM tenant
             ORDER BY id
               FOR UPDATE
            """)
    List<TenantRow> lockAllTenants();

    @SqlQuery("""
            SELECT tenant_id, position, host
              FROM tenant_host
             WHERE tenant_id IN (<ids>)
             ORDER BY tenant_id, position
            """)
    List<HostRow> hosts(@BindList("ids") Collection<Long> tenantIds);

    @SqlQuery("""
            SELECT tenant_id, id, position, code, active, is_default
              FROM tenant_language
             WHERE tenant_id IN (<ids>)
             ORDER BY tenant_id, position
            """)
    List<LanguageRow> languages(@BindList("ids") Collection<Long> tenantIds);

    @SqlQuery("""
            SELECT tenant_id, id, position, currency, active, is_default, decimal_separator, thousands_separator
              FROM tenant_currency
             WHERE tenant_id IN (<ids>)
             ORDER BY tenant_id, position
            """)
    List<CurrencyRow> currencies(@BindList("ids") Collection<Long> tenantIds);

    @SqlQuery("""
            SELECT tenant_id, id, show_product_name, show_rate_plan_name, show_feature_list, show_description,
                   show_charges, use_single_quantity
              FROM cart_settings
             WHERE tenant_id IN (<ids>)
            """)
    List<CartSettingsRow> cartSettings(@BindList("ids") Collection<Long> tenantIds);

    @SqlQuery("""
            SELECT tenant_id, id, has_guest_checkout, show_charges, show_tax, show_brutto, show_product_name,
                   has_auto_invoice, has_auto_payment
              FROM checkout_settings
             WHERE tenant_id IN (<ids>)
            """)
    List<CheckoutSettingsRow> checkoutSettings(@BindList("ids") Collection<Long> tenantIds);

    @SqlQuery("""
            SELECT tenant_id, id, can_cancel_subscriptions, can_suspend, can_cancel_subscriptions_at_any_time
              FROM customer_center_settings
             WHERE tenant_id IN (<ids>)
            """)
    List<CustomerCenterSettingsRow> customerCenterSettings(@BindList("ids") Collection<Long> tenantIds);

    @SqlQuery("""
            SELECT tenant_id, kind, language, position
              FROM translation_language
             WHERE tenant_id IN (<ids>)
             ORDER BY tenant_id, position
            """)
    List<TranslationLanguageRow> translationLanguages(@BindList("ids") Collection<Long> tenantIds);

    @SqlQuery("""
            SELECT tenant_id, kind, language, text_key, position, translated
              FROM translation
             WHERE tenant_id IN (<ids>)
             ORDER BY tenant_id, position
            """)
    List<TranslationRow> translations(@BindList("ids") Collection<Long> tenantIds);

    @SqlQuery("""
            SELECT tenant_id, position, origin
              FROM tenant_cors_origin
             WHERE tenant_id IN (<ids>)
             ORDER BY tenant_id, position
            """)
    List<CorsOriginRow> corsOrigins(@BindList("ids") Collection<Long> tenantIds);

    @SqlQuery("""
            SELECT tenant_id, position, name, sha256
              FROM tenant_admin_key
             WHERE tenant_id IN (<ids>)
             ORDER BY tenant_id, position
            """)
    List<AdminKeyRow> adminKeys(@BindList("ids") Collection<Long> tenantIds);

    // --- soft-deleted products: not part of the definition, kept when it is stored again ---------

    @SqlQuery("""
            SELECT tenant_id, product_id
              FROM deleted_product
             WHERE tenant_id IN (<ids>)
             ORDER BY tenant_id, product_id
            """)
    List<DeletedProductRow> deletedProducts(@BindList("ids") Collection<Long> tenantIds);

    @SqlQuery("""
            SELECT COUNT(*)
              FROM product
             WHERE tenant_id = :tenantId AND id = :productId
            """)
    int countProducts(@Bind("tenantId") long tenantId, @Bind("productId") long productId);

    @SqlQuery("""
            SELECT COUNT(*)
              FROM deleted_product
             WHERE tenant_id = :tenantId AND product_id = :productId
            """)
    int countDeletedProducts(@Bind("tenantId") long tenantId, @Bind("productId") long productId);

    @SqlUpdate("""
            INSERT INTO deleted_product (tenant_id, product_id, deleted_at)
            VALUES (:tenantId, :productId, :at)
            """)
    void insertDeletedProduct(@Bind("tenantId") long tenantId, @Bind("productId") long productId,
            @Bind("at") Instant at);

    // --- writes ---------------------------------------------------------------------------------

    @SqlBatch("""
            INSERT INTO tenant_host (tenant_id, position, host)
            VALUES (:tenantId, :position, :host)
            """)
    void insertHosts(@BindMethods List<HostRow> rows);

    @SqlBatch("""
            INSERT INTO tenant_language (tenant_id, id, position, code, active, is_default)
            VALUES (:tenantId, :id, :position, :code, :active, :isDefault)
            """)
    void insertLanguages(@BindMethods List<LanguageRow> rows);

    @SqlBatch("""
            INSERT INTO tenant_currency (tenant_id, id, position, currency, active, is_default,
                                         decimal_separator, thousands_separator)
            VALUES (:tenantId, :id, :position, :currency, :active, :isDefault,
                    :decimalSeparator, :thousandsSeparator)
            """)
    void insertCurrencies(@BindMethods List<CurrencyRow> rows);

    @SqlUpdate("""
            INSERT INTO cart_settings (tenant_id, id, show_product_name, show_rate_plan_name, show_feature_list,
                                       show_description, show_charges, use_single_quantity)
            VALUES (:tenantId, :id, :showProductName, :showRatePlanName, :showFeatureList,
                    :showDescription, :showCharges, :useSingleQuantity)
            """)
    void insertCartSettings(@BindMethods CartSettingsRow row);

    @SqlUpdate("""
            INSERT INTO checkout_settings (tenant_id, id, has_guest_checkout, show_charges, show_tax, show_brutto,
                                           show_product_name, has_auto_invoice, has_auto_payment)
            VALUES (:tenantId, :id, :hasGuestCheckout, :showCharges, :showTax, :showBrutto,
                    :showProductName, :hasAutoInvoice, :hasAutoPayment)
            """)
    void insertCheckoutSettings(@BindMethods CheckoutSettingsRow row);

    @SqlUpdate("""
            INSERT INTO customer_center_settings (tenant_id, id, can_cancel_subscriptions, can_suspend,
                                                  can_cancel_subscriptions_at_any_time)
            VALUES (:tenantId, :id, :canCancelSubscriptions, :canSuspend, :canCancelSubscriptionsAtAnyTime)
            """)
    void insertCustomerCenterSettings(@BindMethods CustomerCenterSettingsRow row);

    @SqlBatch("""
            INSERT INTO translation_language (tenant_id, kind, language, position)
            VALUES (:tenantId, :kind, :language, :position)
            """)
    void insertTranslationLanguages(@BindMethods List<TranslationLanguageRow> rows);

    @SqlBatch("""
            INSERT INTO translation (tenant_id, kind, language, text_key, position, translated)
            VALUES (:tenantId, :kind, :language, :textKey, :position, :translated)
            """)
    void insertTranslations(@BindMethods List<TranslationRow> rows);

    @SqlBatch("""
            INSERT INTO tenant_cors_origin (tenant_id, position, origin)
            VALUES (:tenantId, :position, :origin)
            """)
    void insertCorsOrigins(@BindMethods List<CorsOriginRow> rows);

    @SqlBatch("""
            INSERT INTO tenant_admin_key (tenant_id, position, name, sha256)
            VALUES (:tenantId, :position, :name, :sha256)
            """)
    void insertAdminKeys(@BindMethods List<AdminKeyRow> rows);
}
