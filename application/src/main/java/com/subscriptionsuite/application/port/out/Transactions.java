package com.subscriptionsuite.application.port.out;

import java.util.function.Supplier;

/**
 * Runs work that spans several outbound ports as one unit: everything it wrote is committed
 * together, or nothing is (when it throws). Adapters of the same store join the running unit.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);
}
