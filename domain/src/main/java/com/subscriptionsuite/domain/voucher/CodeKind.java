package com.subscriptionsuite.domain.voucher;

/** Single-use codes are each redeemable once; a multi-use code is shared within its limits. */
public enum CodeKind {
    SINGLE_USE,
    MULTI_USE
}
