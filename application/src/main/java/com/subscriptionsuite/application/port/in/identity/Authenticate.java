package com.subscriptionsuite.application.port.in.identity;

import io.vavr.control.Either;

/** Who a bearer token speaks for, if it is an active token of this tenant. */
public interface Authenticate {
    Either<IdentityFailure, Principal> authenticate(long tenantId, String token);
}
