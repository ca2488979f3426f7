package com.subscriptionsuite.domain.catalog;

import java.util.Objects;

/** One allowed replacement of a suite product by another (a change group member). */
public record ChangeOption(long id, long targetSuiteProductId, ChangeKind kind) {
    public ChangeOption {
        Objects.requireNonNull(kind, "kind");
    }
}
