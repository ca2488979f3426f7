package com.subscriptionsuite.adapters.persistence.payment;

import com.subscriptionsuite.adapters.persistence.Handles;
import com.subscriptionsuite.adapters.persistence.payment.PaymentTokenDao.ApprovalRow;
import com.subscriptionsuite.application.port.out.PayPalAgreements;
import com.subscriptionsuite.application.port.out.ProviderUnavailable;
import com.subscriptionsuite.application.port.out.Secrets;
import com.subscriptionsuite.domain.identity.SecretHash;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * The built-in {@link PayPalAgreements}: a stand-in for PayPal that approves against the ledger. An
 * approval token comes from {@link Secrets} and is stored only as its SHA-256
 * ({@code paypal_approval}, schema {@code V7__payment_methods}); its approval URL is
 * {@code approvalUrl?token=…} (this server's {@code /payment-provider/paypal/approve}). Completing
 * an unexpired token approves it once (a conditional update) and gives it a billing agreement id
 * {@code B-} and 17 letters and digits, as PayPal's look. As the provider it gives the pending
 * payment method's id at the start (32 hex digits from {@link Secrets#guid()}, Zuora's shape), keeps
 * it in the approval's row and answers the same id with the agreement.
 */
public final class JdbiPayPalAgreements implements PayPalAgreements {
    private final Handles handles;
    private final Secrets secrets;
    private final String approvalUrl;

    /** {@code approvalUrl}: where the customer approves, absolute or relative to the API's base. */
    public JdbiPayPalAgreements(Jdbi jdbi, Secrets secrets, String approvalUrl) {
        this.handles = new Handles(Objects.requireNonNull(jdbi, "jdbi"));
        Handles.prepare(jdbi, PaymentTokenDao.class);
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.approvalUrl = Objects.requireNonNull(approvalUrl, "approvalUrl");
    }

    @Override
    public Either<ProviderUnavailable, AgreementStart> start(AgreementRequest r) {
        String token = secrets.token();
        String paymentMethodId = secrets.guid().replace("-", "");
        ApprovalRow row = new ApprovalRow(SecretHash.of(token), r.tenantId(), r.userId(), paymentMethodId,
                r.issuedAt(), r.expiresAt(), null, null, null);
        handles.with(PaymentTokenDao.class, dao -> {
            dao.insertApproval(row);
            return null;
        });
        return Either.right(new AgreementStart(token,
                approvalUrl + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), paymentMethodId));
    }

    @Override
    public Either<ProviderUnavailable, Option<Agreement>> complete(long tenantId, String token, String payerEmail,
            Instant now) {
        if (token == null) {
            return Either.right(Option.none());
        }
        String hash = SecretHash.of(token);
        String baid = "B-" + SecretHash.of(secrets.token()).substring(0, 17).toUpperCase(Locale.ROOT);
        return Either.right(handles.with(PaymentTokenDao.class, dao -> Option.ofOptional(dao.approval(hash))
                .filter(row -> row.tenantId() == tenantId && row.approvedAt() == null && now.isBefore(row.expiresAt()))
                .filter(row -> dao.approve(hash, now, baid, payerEmail) == 1)
                .map(row -> new Agreement(row.tenantId(), row.userId(), row.paymentMethodId(), baid, payerEmail))));
    }
}
