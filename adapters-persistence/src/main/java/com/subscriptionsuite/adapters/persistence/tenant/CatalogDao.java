package com.subscriptionsuite.adapters.persistence.tenant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** A tenant's catalog: products, rate plans, charges and tiers, suite products, shop pages. */
interface CatalogDao {

    record ProductRow(long tenantId, long id, int position, String zuoraId, String name, String description,
            String featureList, String highlight, String sku, LocalDate effectiveStartDate,
            LocalDate effectiveEndDate, LocalDate updatedDate) {
    }

    record RatePlanRow(long tenantId, long id, int position, String zuoraId, long productId, String name,
            String description, LocalDate effectiveStartDate, LocalDate effectiveEndDate) {
    }

    /** Enums by wire name; nullable columns as boxed types. */
    record ChargeRow(long tenantId, long id, long ratePlanId, int position, String zuoraId, String name,
            String description, String chargeType, String chargeModel, String billingPeriod,
            Integer specificBillingPeriod, String billingTiming, BigDecimal defaultQuantity,
            BigDecimal minQuantity, BigDecimal maxQuantity, String uom, String taxMode, boolean taxable,
            BigDecimal includedUnits) {
    }

    record DiscountTargetRow(long tenantId, long chargeId, String chargeType) {
    }

    record TierRow(long tenantId, long chargeId, int position, String currency, BigDecimal startingUnit,
            BigDecimal endingUnit, BigDecimal price, String priceFormat, boolean overagePrice) {
    }

    record SuiteProductRow(long tenantId, long id, int position, long ratePlanId, String name, String description,
            String featureList, String highlight, LocalDate effectiveStartDate, LocalDate effectiveEndDate,
            boolean differentQuantitiesAllowed, boolean differentQuantitiesAllowedForCharge,
            boolean purchasableByCustomer, boolean purchasableByPartner, boolean purchasableBySales,
            boolean multipleSubscriptionsAllowed, String subscriptionType, String renewalType, int term,
            int renewalTerm, boolean autoRenew, int newSubscribeMode, int addOnMode, boolean hasContactUsLink,
            String trustedHtml, int quantityLevel, int priceLevel, String generatedId,
            int cancelBehaviour, int cancelMode, int cancelPeriodDays,
            int quantityUpgradeBehaviour, int quantityUpgradeMode,
            int quantityDowngradeBehaviour, int quantityDowngradeMode,
            int upgradeBehaviour, int upgradeMode, int downgradeBehaviour, int downgradeMode) {
    }

    record CategoryRow(long tenantId, long suiteProductId, int position, String category) {
    }

    record AddOnRow(long tenantId, long suiteProductId, int position, long addOnId) {
    }

    record ChangeOptionRow(long tenantId, long id, long suiteProductId, int position, long targetSuiteProductId,
            String kind) {
    }

    record PageRow(long tenantId, long id, int position, String name, String description, boolean active,
            boolean cart, boolean showCart, boolean allowVoucher) {
    }

    record StepRow(long tenantId, long id, long pageId, int position, int stepNumber, String name,
            String description, boolean optional, boolean uniqueSelection, boolean showCharges,
            boolean showDescription, boolean showFeatureList, boolean showPeriods, boolean showProductName,
            boolean showRatePlanName) {
    }

    record StepSuiteProductRow(long tenantId, long stepId, int position, long suiteProductId) {
    }

    // --- reads: one query per table for all the tenants asked, ordered for assembly -------------

    @SqlQuery("""
            SELECT tenant_id, id, position, zuora_id, name, description, feature_list, highlight, sku,
                   effective_start_date, effective_end_date, updated_date
              FROM product
             WHERE tenant_id IN (<ids>)
             ORDER BY tenant_id, position
            """)
    List<ProductRow> products(@BindList("ids") Collection<Long> tenantIds);

    @SqlQuery("""
            SELECT tenant_id, id, position, zuora_id, product_id, name, description,
                   effective_start_date, effective_end_date
              FROM rate_plan
             WHERE tenant_id IN (<ids>)
             ORDER BY tenant_id, position
            """)
    List<RatePlanRow> ratePlans(@BindList("ids") Collection<Long> tenantIds);

    @SqlQuery("""
            SELECT tenant_id, id, rate_plan_id, position, zuora_id, name, description, charge_type, charge_model,
                   billing_period, specific_billing_period, billing_timing, default_quantity, min_quantity,
                   max_quantity, uom, tax_mode, taxable, included_units
              FROM charge
             WHERE tenant_id IN (<ids>)
             ORDER BY tenant_id, rate_plan_id, position
            """)
    List<ChargeRow> charges(@BindList("ids") Collection<Long> tenantIds);

    @SqlQuery("""
            SELECT tenant_id, charge_id, charge_type
              FROM charge_discount_applies_to
             WHERE tenant_id IN (<ids>)
             ORDER BY tenant_id, charge_id, charge_type
            """)
    List<DiscountTargetRow> discountTargets(@BindList("ids") Collection<Long> tenantIds);

    @SqlQuery("""
            SELECT tenant_id, charge_id, position, currency, starting_unit, ending_unit, price, price_format,
                   overage_price
              FROM charge_tier
             WHERE tenant_id IN (<ids>)
             ORDER BY tenant_id, charge_id, position
            """)
    List<TierRow> tiers(@BindList("ids") Collection<Long> tenantIds);

    @SqlQuery("""
            SELECT tenant_id, id, position, rate_plan_id, name, description, feature_list, highlight,
                   effective_start_date, effective_end_date, different_quantities_allowed,
                   different_quantities_allowed_for_charge, purchasable_by_customer, purchasable_by_partner,
                   purchasable_by_sales, multiple_subscriptions_allowed, subscription_type, renewal_type, term,
                   renewal_term, auto_renew, new_subscribe_mode, add_on_mode, has_contact_us_link, trusted_html,
                   quantity_level, price_level, generated_id, cancel_behaviour, cancel_mode, cancel_period_days,
                   quantity_upgrade_behaviour, quantity_upgrade_mode, quantity_downgrade_behaviour,
                   quantity_downgrade_mode, upgrade_behaviour, upgrade_mode, downgrade_behaviour, downgrade_mode
              FROM suite_product
             WHERE tenant_id IN (<ids>)
             ORDER BY tenant_id, position
            """)
    List<SuiteProductRow> suiteProducts(@BindList("ids") Collection<Long> tenantIds);

    @SqlQuery("""
            SELECT tenant_id, suite_product_id, position, category
              FROM suite_product_category
             WHERE tenant_id IN (<ids>)
             ORDER BY tenant_id, suite_product_id, position
            """)
    List<CategoryRow> categories(@BindList("ids") Collection<Long> tenantIds);

    @SqlQuery("""
            SELECT tenant_id, suite_product_id, position, add_on_id
              FROM suite_product_add_on
             WHERE tenant_id IN (<ids>)
             ORDER BY tenant_id, suite_product_id, position
            """)
    List<AddOnRow> addOns(@BindList("ids") Collection<Long> tenantIds);

    @SqlQuery("""
            SELECT tenant_id, id, suite_product_id, position, target_suite_product_id, kind
              FROM change_option
             WHERE tenant_id IN (<ids>)
             ORDER BY tenant_id, suite_product_id, position
            """)
    List<ChangeOptionRow> changeOptions(@BindList("ids") Collection<Long> tenantIds);

    @SqlQuery("""
            SELECT tenant_id, id, position, name, description, active, cart, show_cart, allow_voucher
              FROM shop_page
             WHERE tenant_id IN (<ids>)
             ORDER BY tenant_id, position
            """)
    List<PageRow> pages(@BindList("ids") Collection<Long> tenantIds);

    @SqlQuery("""
            SELECT tenant_id, id, page_id, position, step_number, name, description, optional, unique_selection,
                   show_charges, show_description, show_feature_list, show_periods, show_product_name,
                   show_rate_plan_name
              FROM page_step
             WHERE tenant_id IN (<ids>)
             ORDER BY tenant_id, page_id, position
            """)
    List<StepRow> steps(@BindList("ids") Collection<Long> tenantIds);

    @SqlQuery("""
            SELECT tenant_id, step_id, position, suite_product_id
              FROM page_step_suite_product
             WHERE tenant_id IN (<ids>)
             ORDER BY tenant_id, step_id, position
            """)
    List<StepSuiteProductRow> stepSuiteProducts(@BindList("ids") Collection<Long> tenantIds);

    // --- writes: parents before children ----------------------------------------------------------

    @SqlBatch("""
            INSERT INTO product (tenant_id, id, position, zuora_id, name, description, feature_list, highlight,
                                 sku, effective_start_date, effective_end_date, updated_date)
            VALUES (:tenantId, :id, :position, :zuoraId, :name, :description, :featureList, :highlight,
                    :sku, :effectiveStartDate, :effectiveEndDate, :updatedDate)
            """)
    void insertProducts(@BindMethods List<ProductRow> rows);

    @SqlBatch("""
            INSERT INTO rate_plan (tenant_id, id, position, zuora_id, product_id, name, description,
                                   effective_start_date, effective_end_date)
            VALUES (:tenantId, :id, :position, :zuoraId, :productId, :name, :description,
                    :effectiveStartDate, :effectiveEndDate)
            """)
    void insertRatePlans(@BindMethods List<RatePlanRow> rows);

    @SqlBatch("""
            INSERT INTO charge (tenant_id, id, rate_plan_id, position, zuora_id, name, description, charge_type,
                                charge_model, billing_period, specific_billing_period, billing_timing,
                                default_quantity, min_quantity, max_quantity, uom, tax_mode, taxable,
                                included_units)
            VALUES (:tenantId, :id, :ratePlanId, :position, :zuoraId, :name, :description, :chargeType,
                    :chargeModel, :billingPeriod, :specificBillingPeriod, :billingTiming,
                    :defaultQuantity, :minQuantity, :maxQuantity, :uom, :taxMode, :taxable,
                    :includedUnits)
            """)
    void insertCharges(@BindMethods List<ChargeRow> rows);

    @SqlBatch("""
            INSERT INTO charge_discount_applies_to (tenant_id, charge_id, charge_type)
            VALUES (:tenantId, :chargeId, :chargeType)
            """)
    void insertDiscountTargets(@BindMethods List<DiscountTargetRow> rows);

    @SqlBatch("""
            INSERT INTO charge_tier (tenant_id, charge_id, position, currency, starting_unit, ending_unit, price,
                                     price_format, overage_price)
            VALUES (:tenantId, :chargeId, :position, :currency, :startingUnit, :endingUnit, :price,
                    :priceFormat, :overagePrice)
            """)
    void insertTiers(@BindMethods List<TierRow> rows);

    @SqlBatch("""
            INSERT INTO suite_product (tenant_id, id, position, rate_plan_id, name, description, feature_list,
                                       highlight, effective_start_date, effective_end_date,
                                       different_quantities_allowed, different_quantities_allowed_for_charge,
                                       purchasable_by_customer, purchasable_by_partner, purchasable_by_sales,
                                       multiple_subscriptions_allowed, subscription_type, renewal_type, term,
                                       renewal_term, auto_renew, new_subscribe_mode, add_on_mode,
                                       has_contact_us_link, trusted_html, quantity_level, price_level,
                                       generated_id, cancel_behaviour, cancel_mode, cancel_period_days,
                                       quantity_upgrade_behaviour, quantity_upgrade_mode,
                                       quantity_downgrade_behaviour, quantity_downgrade_mode,
                                       upgrade_behaviour, upgrade_mode, downgrade_behaviour, downgrade_mode)
            VALUES (:tenantId, :id, :position, :ratePlanId, :name, :description, :featureList,
                    :highlight, :effectiveStartDate, :effectiveEndDate,
                    :differentQuantitiesAllowed, :differentQuantitiesAllowedForCharge,
                    :purchasableByCustomer, :purchasableByPartner, :purchasableBySales,
                    :multipleSubscriptionsAllowed, :subscriptionType, :renewalType, :term,
                    :renewalTerm, :autoRenew, :newSubscribeMode, :addOnMode,
                    :hasContactUsLink, :trustedHtml, :quantityLevel, :priceLevel,
                    :generatedId, :cancelBehaviour, :cancelMode, :cancelPeriodDays,
                    :quantityUpgradeBehaviour, :quantityUpgradeMode,
                    :quantityDowngradeBehaviour, :quantityDowngradeMode,
                    :upgradeBehaviour, :upgradeMode, :downgradeBehaviour, :downgradeMode)
            """)
    void insertSuiteProducts(@BindMethods List<SuiteProductRow> rows);

    @SqlBatch("""
            INSERT INTO suite_product_category (tenant_id, suite_product_id, position, category)
            VALUES (:tenantId, :suiteProductId, :position, :category)
            """)
    void insertCategories(@BindMethods List<CategoryRow> rows);

    @SqlBatch("""
            INSERT INTO suite_product_add_on (tenant_id, suite_product_id, position, add_on_id)
            VALUES (:tenantId, :suiteProductId, :position, :addOnId)
            """)
    void insertAddOns(@BindMethods List<AddOnRow> rows);

    @SqlBatch("""
            INSERT INTO change_option (tenant_id, id, suite_product_id, position, target_suite_product_id, kind)
            VALUES (:tenantId, :id, :suiteProductId, :position, :targetSuiteProductId, :kind)
            """)
    void insertChangeOptions(@BindMethods List<ChangeOptionRow> rows);

    @SqlBatch("""
            INSERT INTO shop_page (tenant_id, id, position, name, description, active, cart, show_cart,
                                   allow_voucher)
            VALUES (:tenantId, :id, :position, :name, :description, :active, :cart, :showCart,
                    :allowVoucher)
            """)
    void insertPages(@BindMethods List<PageRow> rows);

    @SqlBatch("""
            INSERT INTO page_step (tenant_id, id, page_id, position, step_number, name, description, optional,
                                   unique_selection, show_charges, show_description, show_feature_list,
                                   show_periods, show_product_name, show_rate_plan_name)
            VALUES (:tenantId, :id, :pageId, :position, :stepNumber, :name, :description, :optional,
                    :uniqueSelection, :showCharges, :showDescription, :showFeatureList,
                    :showPeriods, :showProductName, :showRatePlanName)
            """)
    void insertSteps(@BindMethods List<StepRow> rows);

    @SqlBatch("""
            INSERT INTO page_step_suite_product (tenant_id, step_id, position, suite_product_id)
            VALUES (:tenantId, :stepId, :position, :suiteProductId)
            """)
    void insertStepSuiteProducts(@BindMethods List<StepSuiteProductRow> rows);
}
