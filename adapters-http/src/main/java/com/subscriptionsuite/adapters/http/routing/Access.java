package com.subscriptionsuite.adapters.http.routing;

/**
 * Who may call a route: the one access matrix of the API (docs/access.md lists it per endpoint).
 * Every {@link Route} names its level; {@code RequestAccess} enforces it, before the handler runs,
 * for every route alike.
 */
public enum Access {
    /**
     * Anyone; a bearer token, if sent, is not looked at, except on a route marked
     * {@code Route.withOptionalToken()}, where a token sent must be valid.
     */
    PUBLIC,
    /** A valid customer or guest token of the request's tenant. */
    GUEST_OR_CUSTOMER,
    /** A valid customer token of the request's tenant; a guest token is refused with 403. */
    CUSTOMER,
    /** One of the tenant's admin API keys, presented as a bearer token. */
    ADMIN;

    /** Whether the route needs an {@code Authorization} header at all. */
    public boolean needsCredentials() {
        return this != PUBLIC;
    }
}
