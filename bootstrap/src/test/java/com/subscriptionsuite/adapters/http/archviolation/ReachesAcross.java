package com.subscriptionsuite.adapters.http.archviolation;

import com.subscriptionsuite.adapters.persistence.Database;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;

/** Test fixture only: an HTTP adapter class that uses another adapter and a service. */
public class ReachesAcross {
    Object otherAdapter() {
        return Database.class;
    }

    Object service(TenantDirectory directory) {
        return directory;
    }
}
