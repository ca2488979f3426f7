package com.subscriptionsuite.application.service.archviolation;

/** Test fixture only: a public helper of one feature's service package, used by another feature. */
public final class PublicHelper {
    private PublicHelper() {
    }

    public static int rule(int value) {
        return value + 1;
    }
}
