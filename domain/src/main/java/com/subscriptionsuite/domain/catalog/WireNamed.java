package com.subscriptionsuite.domain.catalog;

import io.vavr.control.Option;

/** A catalog enum with the exact name Zuora and the seed API use for it. */
public interface WireNamed {
    String wireName();

    /** The constant of {@code type} whose wire name is {@code name} (case-sensitive), if any. */
    static <E extends Enum<E> & WireNamed> Option<E> parse(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.wireName().equals(name)) {
                return Option.some(e);
            }
        }
        return Option.none();
    }
}
