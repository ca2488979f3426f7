package com.subscriptionsuite.application.service.archviolation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.subscriptionsuite.application.port.out.LedgerStore;

/** Test fixture only: a public service that uses Jackson and the ledger's store, to prove the rules fail. */
public final class PublicService {
    Object mapper() {
        return new ObjectMapper();
    }

    String bookDirectly(LedgerStore store) {
        return store.newId();
    }
}
