package com.subscriptionsuite.adapters.persistence.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The ledger tables (schema {@code V6__ledger}). Rows carry column values; {@link JdbiLedgerStore} converts. */
interface LedgerDao {

    /** The account with its {@code AccountDetails} flattened; {@code detailsCurrency} is the details' own field. */
    record AccountRow(long tenantId, String id, long userId, String accountNumber, String currency, boolean company,
            String companyName, String firstName, String lastName, String street, String zipCode, String city,
            String state, String country, String email, String phone, String additionalInfo,
            boolean hasBillingAddress, String billingFirstName, String billingLastName, String billingStreet,
            String billingAdditionalInfo, String billingZipCode, String billingCity, String billingCountry,
            String billingEmail, String billingPhone, String vatId, String detailsCurrency, String paymentMethodId,
            Instant createdAt, Instant updatedAt) {
    }

    record SubscriptionRow(long tenantId, String id, String accountId, String subscriptionNumber, String uuid,
            LocalDate startDate, LocalDate billingAnchor, LocalDate termStart, int initialTermMonths,
            int renewalTermMonths, boolean autoRenew, LocalDate chargedThroughDate, LocalDate cancelDate, int version,
            Instant createdAt) {
    }

    /** One segment; enums by wire name, both prices in {@code currency}, the unit price with its scale. */
    record ChargeRow(long tenantId, String subscriptionId, int position, String id, String originalId,
            String chargeNumber, int segment, long suiteProductId, long ratePlanId, long chargeId, String name,
            String chargeType, String chargeModel, String billingPeriod, Integer specificBillingPeriod,
            String taxMode, boolean taxable, boolean isDiscount, long quantity, String currency,
            BigDecimal periodPrice, BigDecimal listPrice, BigDecimal unitPrice, Integer unitPriceScale,
            LocalDate effectiveStart, LocalDate effectiveEnd) {
    }

    record InvoiceRow(long tenantId, String id, String accountId, String invoiceNumber, LocalDate invoiceDate,
            LocalDate dueDate, String currency, String sellerName, String sellerCountry, String sellerVatId,
            String billToName, String billToCountry, String billToVatId, BigDecimal taxRate, int taxRateScale,
            String taxNote, BigDecimal paid, Instant createdAt) {
    }

    record LineRow(long tenantId, String invoiceId, int position, String subscriptionNumber, long chargeId,
            String description, LocalDate serviceStart, LocalDate serviceEnd, BigDecimal netto, BigDecimal tax,
            BigDecimal brutto) {
    }

    /** {@code party} is {@code seller} or {@code bill_to}. */
    record AddressLineRow(long tenantId, String invoiceId, String party, int position, String line) {
    }

    record AmendmentRow(long tenantId, String id, String subscriptionId, String changeAction, LocalDate requestDate,
            LocalDate effectiveDate, int version, String description, String invoiceId, Instant createdAt) {
    }

    /** What never changes about an account once created. */
    record AccountIdentityRow(long userId, String accountNumber) {
    }

    // --- accounts -------------------------------------------------------------------------------

    String ACCOUNT_COLUMNS = """
            tenant_id, id, user_id, account_number, currency, company, company_name, first_name, last_name,
            street, zip_code, city, state, country, email, phone, additional_info, has_billing_address,
            billing_first_name, billing_last_name, billing_street, billing_additional_info, billing_zip_code,
            billing_city, billing_country, billing_email, billing_phone, vat_id, details_currency,
            payment_method_id, created_at, updated_at
            """;

    @SqlQuery("SELECT " + ACCOUNT_COLUMNS + """
              FROM billing_account
             WHERE tenant_id = :tenantId AND user_id = :userId
            """)
    Optional<AccountRow> accountOfUser(@Bind("tenantId") long tenantId, @Bind("userId") long userId);

    @SqlQuery("SELECT " + ACCOUNT_COLUMNS + """
              FROM billing_account
             WHERE tenant_id = :tenantId AND id = :id
            """)
    Optional<AccountRow> account(@Bind("tenantId") long tenantId, @Bind("id") String id);

    @SqlQuery("SELECT " + ACCOUNT_COLUMNS + """
              FROM billing_account
             WHERE tenant_id = :tenantId AND id = :id
               FOR UPDATE
            """)
    Optional<AccountRow> lockAccount(@Bind("tenantId") long tenantId, @Bind("id") String id);

    @SqlQuery("""
            SELECT user_id, account_number
              FROM billing_account
             WHERE tenant_id = :tenantId AND id = :id
            """)
    Optional<AccountIdentityRow> accountIdentity(@Bind("tenantId") long tenantId, @Bind("id") String id);

    /** Updates what may change; the account's user and number must match (they never change). */
    @SqlUpdate("""
            UPDATE billing_account
               SET currency = :currency, company = :company, company_name = :companyName,
                   first_name = :firstName, last_name = :lastName, street = :street, zip_code = :zipCode,
                   city = :city, state = :state, country = :country, email = :email, phone = :phone,
                   additional_info = :additionalInfo, has_billing_address = :hasBillingAddress,
                   billing_first_name = :billingFirstName, billing_last_name = :billingLastName,
                   billing_street = :billingStreet, billing_additional_info = :billingAdditionalInfo,
                   billing_zip_code = :billingZipCode, billing_city = :billingCity,
                   billing_country = :billingCountry, billing_email = :billingEmail,
                   billing_phone = :billingPhone, vat_id = :vatId, details_currency = :detailsCurrency,
                   payment_method_id = :paymentMethodId, created_at = :createdAt, updated_at = :updatedAt
             WHERE tenant_id = :tenantId AND id = :id AND user_id = :userId AND account_number = :accountNumber
            """)
    int updateAccount(@BindMethods AccountRow row);

    @SqlUpdate("INSERT INTO billing_account (" + ACCOUNT_COLUMNS + """
            ) VALUES (:tenantId, :id, :userId, :accountNumber, :currency, :company, :companyName, :firstName,
                      :lastName, :street, :zipCode, :city, :state, :country, :email, :phone, :additionalInfo,
                      :hasBillingAddress, :billingFirstName, :billingLastName, :billingStreet,
                      :billingAdditionalInfo, :billingZipCode, :billingCity, :billingCountry, :billingEmail,
                      :billingPhone, :vatId, :detailsCurrency, :paymentMethodId, :createdAt, :updatedAt)
            """)
    void insertAccount(@BindMethods AccountRow row);

    // --- subscriptions --------------------------------------------------------------------------

    String SUBSCRIPTION_COLUMNS = """
            tenant_id, id, account_id, subscription_number, uuid, start_date, billing_anchor, term_start,
            initial_term_months, renewal_term_months, auto_renew, charged_through_date, cancel_date, version,
            created_at
            """;

    String CHARGE_COLUMNS = """
            tenant_id, subscription_id, position, id, original_id, charge_number, segment, suite_product_id,
            rate_plan_id, charge_id, name, charge_type, charge_model, billing_period, specific_billing_period,
            tax_mode, taxable, is_discount, quantity, currency, period_price, list_price, unit_price,
            unit_price_scale, effective_start, effective_end
            """;

    /** {@link #CHARGE_COLUMNS} of {@code subscription_charge c}, for queries that join it. */
    String CHARGE_COLUMNS_OF_C = """
            c.tenant_id, c.subscription_id, c.position, c.id, c.original_id, c.charge_number, c.segment,
            c.suite_product_id, c.rate_plan_id, c.charge_id, c.name, c.charge_type, c.charge_model, c.billing_period,
            c.specific_billing_period, c.tax_mode, c.taxable, c.is_discount, c.quantity, c.currency, c.period_price,
            c.list_price, c.unit_price, c.unit_price_scale, c.effective_start, c.effective_end
            """;

    /** Oldest first. */
    @SqlQuery("SELECT " + SUBSCRIPTION_COLUMNS + """
              FROM subscription
             WHERE tenant_id = :tenantId AND account_id = :accountId
             ORDER BY created_at, subscription_number
            """)
    List<SubscriptionRow> subscriptionsOfAccount(@Bind("tenantId") long tenantId,
            @Bind("accountId") String accountId);

    /**
     * The charges of the account's subscriptions, found from the account's subscriptions through a join
     * (not {@code subscription_id IN (SELECT ...)}: H2 answers that by walking every charge of the tenant,
     * a cost that grows with the ledger; docs/benchmarks.md section 4).
     */
    @SqlQuery("SELECT " + CHARGE_COLUMNS_OF_C + """
              FROM subscription s
              JOIN subscription_charge c ON c.tenant_id = s.tenant_id AND c.subscription_id = s.id
             WHERE s.tenant_id = :tenantId AND s.account_id = :accountId
             ORDER BY c.subscription_id, c.position
            """)
    List<ChargeRow> chargesOfAccount(@Bind("tenantId") long tenantId, @Bind("accountId") String accountId);

    @SqlQuery("SELECT " + SUBSCRIPTION_COLUMNS + """
              FROM subscription
             WHERE tenant_id = :tenantId AND uuid = :uuid
            """)
    Optional<SubscriptionRow> subscriptionByUuid(@Bind("tenantId") long tenantId, @Bind("uuid") String uuid);

    @SqlQuery("SELECT " + CHARGE_COLUMNS + """
              FROM subscription_charge
             WHERE tenant_id = :tenantId AND subscription_id = :subscriptionId
             ORDER BY position
            """)
    List<ChargeRow> charges(@Bind("tenantId") long tenantId, @Bind("subscriptionId") String subscriptionId);

    /** Charged through {@code day} or earlier and not cancelled by the end of what was charged; oldest first. */
    @SqlQuery("SELECT " + SUBSCRIPTION_COLUMNS + """
              FROM subscription
             WHERE tenant_id = :tenantId AND charged_through_date <= :day
               AND (cancel_date IS NULL OR charged_through_date < cancel_date)
             ORDER BY created_at, subscription_number
            """)
    List<SubscriptionRow> dueForBilling(@Bind("tenantId") long tenantId, @Bind("day") LocalDate day);

    @SqlQuery("SELECT " + CHARGE_COLUMNS_OF_C + """
              FROM subscription s
              JOIN subscription_charge c ON c.tenant_id = s.tenant_id AND c.subscription_id = s.id
             WHERE s.tenant_id = :tenantId AND s.charged_through_date <= :day
               AND (s.cancel_date IS NULL OR s.charged_through_date < s.cancel_date)
             ORDER BY c.subscription_id, c.position
            """)
    List<ChargeRow> chargesDueForBilling(@Bind("tenantId") long tenantId, @Bind("day") LocalDate day);

    @SqlQuery("""
            SELECT version
              FROM subscription
             WHERE tenant_id = :tenantId AND id = :id
            """)
    Optional<Integer> storedVersion(@Bind("tenantId") long tenantId, @Bind("id") String id);

    /** Replaces the row if it is still at {@code storedVersion}: 0 when another transaction moved it on. */
    @SqlUpdate("""
            UPDATE subscription
               SET account_id = :row.accountId, subscription_number = :row.subscriptionNumber, uuid = :row.uuid,
                   start_date = :row.startDate, billing_anchor = :row.billingAnchor, term_start = :row.termStart,
                   initial_term_months = :row.initialTermMonths, renewal_term_months = :row.renewalTermMonths,
                   auto_renew = :row.autoRenew, charged_through_date = :row.chargedThroughDate,
                   cancel_date = :row.cancelDate, version = :row.version, created_at = :row.createdAt
             WHERE tenant_id = :row.tenantId AND id = :row.id AND version = :storedVersion
            """)
    int updateSubscription(@BindMethods("row") SubscriptionRow row, @Bind("storedVersion") int storedVersion);

    @SqlUpdate("INSERT INTO subscription (" + SUBSCRIPTION_COLUMNS + """
            ) VALUES (:tenantId, :id, :accountId, :subscriptionNumber, :uuid, :startDate, :billingAnchor, :termStart,
                      :initialTermMonths, :renewalTermMonths, :autoRenew, :chargedThroughDate, :cancelDate, :version,
                      :createdAt)
            """)
    void insertSubscription(@BindMethods SubscriptionRow row);

    @SqlUpdate("""
            DELETE FROM subscription_charge
             WHERE tenant_id = :tenantId AND subscription_id = :subscriptionId
            """)
    int deleteCharges(@Bind("tenantId") long tenantId, @Bind("subscriptionId") String subscriptionId);

    @SqlBatch("INSERT INTO subscription_charge (" + CHARGE_COLUMNS + """
            ) VALUES (:tenantId, :subscriptionId, :position, :id, :originalId, :chargeNumber, :segment,
                      :suiteProductId, :ratePlanId, :chargeId, :name, :chargeType, :chargeModel, :billingPeriod,
                      :specificBillingPeriod, :taxMode, :taxable, :isDiscount, :quantity, :currency, :periodPrice,
                      :listPrice, :unitPrice, :unitPriceScale, :effectiveStart, :effectiveEnd)
            """)
    void insertCharges(@BindMethods List<ChargeRow> rows);

    // --- invoices -------------------------------------------------------------------------------

    String INVOICE_COLUMNS = """
            tenant_id, id, account_id, invoice_number, invoice_date, due_date, currency, seller_name,
            seller_country, seller_vat_id, bill_to_name, bill_to_country, bill_to_vat_id, tax_rate,
            tax_rate_scale, tax_note, paid, created_at
            """;

    String LINE_COLUMNS = """
            tenant_id, invoice_id, position, subscription_number, charge_id, description, service_start,
            service_end, netto, tax, brutto
            """;

    /** {@link #LINE_COLUMNS} of {@code invoice_line l}, for queries that join it. */
    String LINE_COLUMNS_OF_L = """
            l.tenant_id, l.invoice_id, l.position, l.subscription_number, l.charge_id, l.description,
            l.service_start, l.service_end, l.netto, l.tax, l.brutto
            """;

    @SqlUpdate("INSERT INTO invoice (" + INVOICE_COLUMNS + """
            ) VALUES (:tenantId, :id, :accountId, :invoiceNumber, :invoiceDate, :dueDate, :currency, :sellerName,
                      :sellerCountry, :sellerVatId, :billToName, :billToCountry, :billToVatId, :taxRate,
                      :taxRateScale, :taxNote, :paid, :createdAt)
            """)
    void insertInvoice(@BindMethods InvoiceRow row);

    @SqlBatch("INSERT INTO invoice_line (" + LINE_COLUMNS + """
            ) VALUES (:tenantId, :invoiceId, :position, :subscriptionNumber, :chargeId, :description,
                      :serviceStart, :serviceEnd, :netto, :tax, :brutto)
            """)
    void insertLines(@BindMethods List<LineRow> rows);

    @SqlBatch("""
            INSERT INTO invoice_address_line (tenant_id, invoice_id, party, position, line)
            VALUES (:tenantId, :invoiceId, :party, :position, :line)
            """)
    void insertAddressLines(@BindMethods List<AddressLineRow> rows);

    /** Newest first: by invoice date, then number. */
    @SqlQuery("SELECT " + INVOICE_COLUMNS + """
              FROM invoice
             WHERE tenant_id = :tenantId AND account_id = :accountId
             ORDER BY invoice_date DESC, invoice_number DESC
            """)
    List<InvoiceRow> invoicesOfAccount(@Bind("tenantId") long tenantId, @Bind("accountId") String accountId);

    /** Through a join from the account's invoices, as {@link #chargesOfAccount}. */
    @SqlQuery("SELECT " + LINE_COLUMNS_OF_L + """
              FROM invoice i
              JOIN invoice_line l ON l.tenant_id = i.tenant_id AND l.invoice_id = i.id
             WHERE i.tenant_id = :tenantId AND i.account_id = :accountId
             ORDER BY l.invoice_id, l.position
            """)
    List<LineRow> linesOfAccount(@Bind("tenantId") long tenantId, @Bind("accountId") String accountId);

    /** Through a join from the account's invoices, as {@link #chargesOfAccount}. */
    @SqlQuery("""
            SELECT a.tenant_id, a.invoice_id, a.party, a.position, a.line
              FROM invoice i
              JOIN invoice_address_line a ON a.tenant_id = i.tenant_id AND a.invoice_id = i.id
             WHERE i.tenant_id = :tenantId AND i.account_id = :accountId
             ORDER BY a.invoice_id, a.party, a.position
            """)
    List<AddressLineRow> addressLinesOfAccount(@Bind("tenantId") long tenantId, @Bind("accountId") String accountId);

    @SqlQuery("SELECT " + INVOICE_COLUMNS + """
              FROM invoice
             WHERE tenant_id = :tenantId AND id = :id
            """)
    Optional<InvoiceRow> invoice(@Bind("tenantId") long tenantId, @Bind("id") String id);

    @SqlQuery("SELECT " + LINE_COLUMNS + """
              FROM invoice_line
             WHERE tenant_id = :tenantId AND invoice_id = :invoiceId
             ORDER BY position
            """)
    List<LineRow> lines(@Bind("tenantId") long tenantId, @Bind("invoiceId") String invoiceId);

    @SqlQuery("""
            SELECT tenant_id, invoice_id, party, position, line
              FROM invoice_address_line
             WHERE tenant_id = :tenantId AND invoice_id = :invoiceId
             ORDER BY party, position
            """)
    List<AddressLineRow> addressLines(@Bind("tenantId") long tenantId, @Bind("invoiceId") String invoiceId);

    // --- amendments -----------------------------------------------------------------------------

    @SqlUpdate("""
            INSERT INTO amendment (tenant_id, id, subscription_id, change_action, request_date, effective_date,
                                   version, description, invoice_id, created_at)
            VALUES (:tenantId, :id, :subscriptionId, :changeAction, :requestDate, :effectiveDate, :version,
                    :description, :invoiceId, :createdAt)
            """)
    void insertAmendment(@BindMethods AmendmentRow row);

    /** Oldest first. */
    @SqlQuery("""
            SELECT tenant_id, id, subscription_id, change_action, request_date, effective_date, version,
                   description, invoice_id, created_at
              FROM amendment
             WHERE tenant_id = :tenantId AND subscription_id = :subscriptionId
             ORDER BY created_at, version, id
            """)
    List<AmendmentRow> amendments(@Bind("tenantId") long tenantId, @Bind("subscriptionId") String subscriptionId);

    // --- request keys ---------------------------------------------------------------------------

    @SqlQuery("""
            SELECT result
              FROM ledger_request
             WHERE tenant_id = :tenantId AND request_key = :requestKey
            """)
    Optional<String> requestResult(@Bind("tenantId") long tenantId, @Bind("requestKey") String requestKey);

    /** Fails with a unique violation when the key is recorded (also by a transaction that commits meanwhile). */
    @SqlUpdate("""
            INSERT INTO ledger_request (tenant_id, request_key, kind, result, created_at)
            VALUES (:tenantId, :requestKey, :kind, :result, :at)
            """)
    void insertRequest(@Bind("tenantId") long tenantId, @Bind("requestKey") String requestKey,
            @Bind("kind") String kind, @Bind("result") String result, @Bind("at") Instant at);
}
