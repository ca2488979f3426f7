package com.subscriptionsuite.application.port.in.identity;

import com.subscriptionsuite.domain.identity.User;

/** A new session: the bearer token (shown once, stored only as a hash) and its user. */
public record SignedIn(String token, User user) {
}
