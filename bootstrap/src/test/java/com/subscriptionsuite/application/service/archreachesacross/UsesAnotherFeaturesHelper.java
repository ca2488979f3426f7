package com.subscriptionsuite.application.service.archreachesacross;

import com.subscriptionsuite.application.service.archviolation.PublicHelper;

/** Test fixture only: a service that applies another feature's public helper instead of a shared rule. */
public final class UsesAnotherFeaturesHelper {
    int apply(int value) {
        return PublicHelper.rule(value);
    }
}
