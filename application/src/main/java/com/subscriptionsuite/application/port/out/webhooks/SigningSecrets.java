package com.subscriptionsuite.application.port.out.webhooks;

import io.vavr.control.Option;

/**
 * Where an endpoint's signing secret comes from: the tenant file names an environment variable
 * ({@code secret_env}), never the secret; the server reads the variable.
 */
@FunctionalInterface
public interface SigningSecrets {
    Option<String> secret(String name);
}
