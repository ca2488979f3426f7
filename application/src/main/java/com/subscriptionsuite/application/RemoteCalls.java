package com.subscriptionsuite.application;

import com.subscriptionsuite.application.port.out.Transactions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Ports to remote systems behind {@link Transactions#makeCommittedDurable}: every call first waits until
 * everything committed so far is durable, so that no remote system acts on a commit a crash could still
 * lose (inside {@link Transactions#durableOnReturn} commits do not wait for the disk, and a commit is
 * visible to other threads before it is written).
 */
final class RemoteCalls {
    private RemoteCalls() {
    }

    /** {@code target} as {@code port}, each of its calls made after the store's commits are durable. */
    static <T> T behindCommits(Class<T> port, T target, Transactions transactions) {
        if (target == null || transactions == null) {
            return target;
        }
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "behind the commits: " + target;
                        };
                    }
                    transactions.makeCommittedDurable();
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }
}
