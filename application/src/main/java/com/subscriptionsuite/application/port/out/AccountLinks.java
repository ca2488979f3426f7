package com.subscriptionsuite.application.port.out;

import com.subscriptionsuite.application.port.out.billing.AccountRef;
import io.vavr.control.Option;

/**
 * The engine's link from a customer (a user of a tenant) to the account the billing system gave
 * that customer: at most one account per customer, kept in the engine's database whatever billing
 * system is behind the gateway. The unique link is what keeps two first checkouts of one customer
 * on one account.
 */
public interface AccountLinks {
    /** The customer's account, if the customer has one. */
    Option<AccountRef> accountOf(long tenantId, long userId);

    /**
     * Links the customer to the account; false (and nothing written) when the customer is linked
     * already, to this account or another. Joins the running unit of work: the link commits with it, or
     * is gone when it rolls back. Of two units linking one customer at once, one links and the other
     * gets false (after the first commits), on every connection and server instance.
     */
    boolean link(AccountRef account);
}
