package com.subscriptionsuite.domain.identity;

/** A registered customer, or a guest who checks out without an account (a user of its own). */
public enum UserKind {
    CUSTOMER,
    GUEST
}
