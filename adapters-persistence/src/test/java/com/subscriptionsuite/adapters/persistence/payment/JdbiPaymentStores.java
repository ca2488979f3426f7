package com.subscriptionsuite.adapters.persistence.payment;

import com.subscriptionsuite.adapters.persistence.JdbiTransactions;
import com.subscriptionsuite.adapters.persistence.identity.JdbiLoginAttempts;
import com.subscriptionsuite.adapters.persistence.identity.JdbiPasswordResets;
import com.subscriptionsuite.adapters.persistence.identity.JdbiSessions;
import com.subscriptionsuite.adapters.persistence.identity.JdbiUsers;
import com.subscriptionsuite.adapters.persistence.tenant.JdbiTenants;
import com.subscriptionsuite.application.fixtures.CountingSecrets;
import com.subscriptionsuite.application.port.out.IdentityStores;
import com.subscriptionsuite.application.port.out.PaymentStores;
import org.jdbi.v3.core.Jdbi;

/** The Jdbi adapters the payment contracts need, on one database. */
final class JdbiPaymentStores {
    static final String KEY = "a test key for the built-in payment page, 32+ characters";

    private JdbiPaymentStores() {
    }

    static PaymentStores on(Jdbi jdbi) {
        IdentityStores identity = new IdentityStores(new JdbiTenants(jdbi), new JdbiUsers(jdbi),
                new JdbiSessions(jdbi), new JdbiPasswordResets(jdbi), new JdbiLoginAttempts(jdbi));
        CountingSecrets secrets = new CountingSecrets();
        return new PaymentStores(identity, new JdbiPaymentMethods(jdbi), new JdbiPaymentPages(jdbi, secrets, KEY),
                new JdbiPayPalAgreements(jdbi, secrets, "/payment-provider/paypal/approve"),
                new JdbiTransactions(jdbi));
    }
}
