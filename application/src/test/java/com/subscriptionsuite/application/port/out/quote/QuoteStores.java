package com.subscriptionsuite.application.port.out.quote;

import com.subscriptionsuite.application.port.out.IdentityStores;
import com.subscriptionsuite.application.port.out.Transactions;

/** The quote ports on one fresh store: the built-in source with its writer, the links, the identity ports. */
public record QuoteStores(IdentityStores identity, QuoteSource source, StoredQuotes stored, QuoteLinks links,
        Transactions transactions) {
}
