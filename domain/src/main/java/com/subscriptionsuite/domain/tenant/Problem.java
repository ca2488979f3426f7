package com.subscriptionsuite.domain.tenant;

import java.util.Objects;

/** One thing wrong with a tenant definition: where (a JSON-path-like location) and why. */
public record Problem(String path, String reason) {
    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
