package com.subscriptionsuite.application.port.in.identity;

import com.subscriptionsuite.domain.identity.UserKind;

/** Who a valid bearer token speaks for. */
public record Principal(long tenantId, long userId, String guid, UserKind kind) {
    public boolean guest() {
        return kind == UserKind.GUEST;
    }
}
