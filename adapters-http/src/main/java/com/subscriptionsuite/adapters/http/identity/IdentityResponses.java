package com.subscriptionsuite.adapters.http.identity;

import com.subscriptionsuite.application.port.in.identity.SignedIn;

/**
 * The seed's auth response bodies. A user's {@code id} is its public guid (as {@code guid}): the
 * internal number never leaves the engine.
 */
final class IdentityResponses {
    private IdentityResponses() {
    }

    /** POST /register: {@code {token, user: {id, guid}}}. */
    record Registered(String token, User user) {
        record User(String id, String guid) {
        }

        static Registered from(SignedIn signedIn) {
            String guid = signedIn.user().guid();
            return new Registered(signedIn.token(), new User(guid, guid));
        }
    }

    /** POST /login: {@code {token, user: {id, guid, crm_id}}}; crm_id is null until the CRM knows the customer. */
    record LoggedIn(String token, User user) {
        record User(String id, String guid, String crmId) {
        }

        static LoggedIn from(SignedIn signedIn) {
            String guid = signedIn.user().guid();
            return new LoggedIn(signedIn.token(), new User(guid, guid, signedIn.user().crmId()));
        }
    }

    /** POST /login/guest: {@code {token, user: {guest: true}}}. */
    record Guest(String token, User user) {
        record User(boolean guest) {
        }

        static Guest from(SignedIn signedIn) {
            return new Guest(signedIn.token(), new User(true));
        }
    }

    /** {@code {success: true}}, for logout and the password reset. */
    record Success(boolean success) {
        static final Success YES = new Success(true);
    }
}
