package com.subscriptionsuite.adapters.persistence;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** What the JDBC proxies under the pool ({@link PreparedStatements}, {@link GroupCommits}) share. */
final class Proxies {
    /** What {@link #own} answers for a method the proxy does not answer itself. */
    static final Object NOT_OWN = new Object();

    private Proxies() {
    }

    /**
     * What a proxy answers itself whatever it stands for: unwrapping to (and being a wrapper for) its own
     * interface, and identity for {@code equals} and {@code hashCode}; {@link #NOT_OWN} for the rest (an
     * {@code unwrap} or {@code isWrapperFor} of another interface goes on to the object behind the proxy).
     */
    static Object own(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "unwrap" -> ((Class<?>) args[0]).isInstance(proxy) ? proxy : NOT_OWN;
            case "isWrapperFor" -> ((Class<?>) args[0]).isInstance(proxy) ? Boolean.TRUE : NOT_OWN;
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> NOT_OWN;
        };
    }

    /** Calls the method on the object behind the proxy, throwing what it threw. */
    static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
