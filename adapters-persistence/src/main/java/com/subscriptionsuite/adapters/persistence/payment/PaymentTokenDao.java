package com.subscriptionsuite.adapters.persistence.payment;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code payment_page_token}, {@code paypal_approval} and {@code payment_page_key} tables. */
interface PaymentTokenDao {

    record PageTokenRow(String tokenHash, long tenantId, long userId, long optionId, String paymentType, String pageId,
            String locale, Instant issuedAt, Instant expiresAt, Instant usedAt) {
    }

    record ApprovalRow(String tokenHash, long tenantId, long userId, String paymentMethodId, Instant issuedAt,
            Instant expiresAt, Instant approvedAt, String billingAgreementId, String payerEmail) {
    }

    // --- hosted page tokens ----------------------------------------------------------------------

    @SqlUpdate("""
            INSERT INTO payment_page_token (token_hash, tenant_id, user_id, option_id, payment_type, page_id, locale,
                                            issued_at, expires_at, used_at)
            VALUES (:tokenHash, :tenantId, :userId, :optionId, :paymentType, :pageId, :locale,
                    :issuedAt, :expiresAt, :usedAt)
            """)
    void insertPageToken(@BindMethods PageTokenRow row);

    @SqlQuery("""
            SELECT token_hash, tenant_id, user_id, option_id, payment_type, page_id, locale, issued_at, expires_at,
                   used_at
              FROM payment_page_token
             WHERE token_hash = :hash
            """)
    Optional<PageTokenRow> pageToken(@Bind("hash") String tokenHash);

    /** Uses the token; 1 for the one caller that did, 0 when it was used already (or meanwhile). */
    @SqlUpdate("""
            UPDATE payment_page_token
               SET used_at = :now
             WHERE token_hash = :hash AND used_at IS NULL
            """)
    int usePageToken(@Bind("hash") String tokenHash, @Bind("now") Instant now);

    // --- PayPal approvals --------------------------------------------------------------------------

    @SqlUpdate("""
            INSERT INTO paypal_approval (token_hash, tenant_id, user_id, payment_method_id, issued_at, expires_at,
                                         approved_at, billing_agreement_id, payer_email)
            VALUES (:tokenHash, :tenantId, :userId, :paymentMethodId, :issuedAt, :expiresAt,
                    :approvedAt, :billingAgreementId, :payerEmail)
            """)
    void insertApproval(@BindMethods ApprovalRow row);

    @SqlQuery("""
            SELECT token_hash, tenant_id, user_id, payment_method_id, issued_at, expires_at, approved_at,
                   billing_agreement_id, payer_email
              FROM paypal_approval
             WHERE token_hash = :hash
            """)
    Optional<ApprovalRow> approval(@Bind("hash") String tokenHash);

    /** Approves once; 1 for the one caller that did, 0 when it was approved already (or meanwhile). */
    @SqlUpdate("""
            UPDATE paypal_approval
               SET approved_at = :now, billing_agreement_id = :baid, payer_email = :payerEmail
             WHERE token_hash = :hash AND approved_at IS NULL
            """)
    int approve(@Bind("hash") String tokenHash, @Bind("now") Instant now, @Bind("baid") String billingAgreementId,
            @Bind("payerEmail") String payerEmail);

    // --- the generated signing key -----------------------------------------------------------------

    @SqlQuery("SELECT secret FROM payment_page_key WHERE id = :id")
    Optional<String> key(@Bind("id") String id);

    @SqlUpdate("INSERT INTO payment_page_key (id, secret, created_at) VALUES (:id, :secret, :at)")
    void insertKey(@Bind("id") String id, @Bind("secret") String secret, @Bind("at") Instant at);
}
