package com.subscriptionsuite.bootstrap.metrics;

import com.subscriptionsuite.application.ServerBusy;
import com.subscriptionsuite.application.port.in.change.ChangeCommand;
import com.subscriptionsuite.application.port.in.change.ChangeSubscription;
import com.subscriptionsuite.application.port.in.change.WithdrawChange;
import com.subscriptionsuite.application.port.in.checkout.Checkout;
import com.subscriptionsuite.application.port.in.checkout.Checkout.SubscribeCommand;
import com.subscriptionsuite.application.port.in.voucher.ConsumeVoucher;
import com.subscriptionsuite.application.port.in.voucher.HoldVoucher;
import com.subscriptionsuite.application.port.out.Instrumentation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vavr.control.Either;
import io.vavr.control.Try;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The standalone server's business meters (docs/observability.md), on the Prometheus registry:
 * <ul>
 * <li>{@code suite_checkouts_seconds{outcome}}: every checkout the engine answered, {@code ok} or its
 *     failure's stable code ({@code cart_refused}, {@code checkout_conflict}, ...), {@code error} or
 *     {@code busy} when it threw;</li>
 * <li>{@code suite_subscription_changes_seconds{kind,outcome}}: the changes booked or refused
 *     ({@code kind} {@code cancel}, {@code quantity}, {@code replace}, {@code withdraw}: a pending
 *     change or cancel withdrawn);
 *     previews and option reads are not counted;</li>
 * <li>{@code suite_voucher_holds_seconds{outcome}} and {@code suite_voucher_redemptions_total{via}}
 *     ({@code via} {@code checkout}: a checkout booked with a code; {@code consume}: the consume
 *     endpoint);</li>
 * <li>{@code suite_outbound_calls_seconds{system,operation,outcome}}: every call on a port to a
 *     remote system (VIES, mail, Zuora, Zuora Revenue, Salesforce, webhooks) by its port method and
 *     outcome ({@code ok}, the failure's kind such as {@code unavailable}, {@code rejected},
 *     {@code rate_limited}, {@code provider_unavailable}, {@code failed}, or {@code error} when it
 *     threw);</li>
 * <li>{@code suite_job_runs_seconds{job,outcome}}, {@code suite_job_lag_seconds{job}} (how late a run
 *     started against its schedule: jobs share a thread, so a long bill run delays the others) and
 *     {@code suite_job_last_success_timestamp_seconds{job}}.</li>
 * </ul>
 * Tags take their values from fixed sets (port method names, failure kinds, stable error codes), never
 * from a request's data, so the number of series stays small.
 */
public final class BusinessMeters implements Instrumentation {

    private final MeterRegistry registry;
    private final LongSupplier nanoTime;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    public BusinessMeters(MeterRegistry registry) {
        this(registry, System::nanoTime);
    }

    BusinessMeters(MeterRegistry registry, LongSupplier nanoTime) {
        this.registry = registry;
        this.nanoTime = nanoTime;
    }

    /** The engine's business use cases, metered; any other port as it is. */
    @Override
    public <T> T useCase(Class<T> port, T useCase) {
        if (port == Checkout.class) {
            return proxy(port, useCase, (method, args, outcome, nanos) -> {
                // the one-argument default calls the target's own two-argument method, not the proxy: counted once
                if (method.getName().equals("subscribe")) {
                    timer("suite.checkouts", "outcome", outcome).record(nanos, TimeUnit.NANOSECONDS);
                    if (outcome.equals("ok") && args[0] instanceof SubscribeCommand c && c.voucherCode() != null) {
                        registry.counter("suite.voucher.redemptions", "via", "checkout").increment();
                    }
                }
            });
        }
        if (port == ChangeSubscription.class) {
            return proxy(port, useCase, (method, args, outcome, nanos) -> {
                if (method.getName().startsWith("preview") || method.getName().equals("quantityOptions")) {
                    return;
                }
                String kind = method.getName().equals("apply") && args[0] instanceof ChangeCommand c
                        ? kind(c.request()) : snake(method.getName());
                timer("suite.subscription.changes", "kind", kind, "outcome", outcome)
                        .record(nanos, TimeUnit.NANOSECONDS);
            });
        }
        if (port == WithdrawChange.class) {
            return proxy(port, useCase, (method, args, outcome, nanos) -> {
                if (method.getName().equals("withdraw")) {
                    timer("suite.subscription.changes", "kind", "withdraw", "outcome", outcome)
                            .record(nanos, TimeUnit.NANOSECONDS);
                }
            });
        }
        if (port == HoldVoucher.class) {
            return proxy(port, useCase, (method, args, outcome, nanos) -> {
                if (method.getName().equals("hold")) {
                    timer("suite.voucher.holds", "outcome", outcome).record(nanos, TimeUnit.NANOSECONDS);
                }
            });
        }
        if (port == ConsumeVoucher.class) {
            return proxy(port, useCase, (method, args, outcome, nanos) -> {
                if (method.getName().equals("consume") && outcome.equals("ok")) {
                    registry.counter("suite.voucher.redemptions", "via", "consume").increment();
                }
            });
        }
        return useCase;
    }

    /** {@code target}, a port to the remote {@code system}, with every call timed by method and outcome. */
    public <T> T outbound(Class<T> port, T target, String system) {
        return proxy(port, target, (method, args, outcome, nanos) -> timer("suite.outbound.calls", "system", system,
                "operation", method.getName(), "outcome", outcome).record(nanos, TimeUnit.NANOSECONDS));
    }

    /**
     * {@code run}, a job scheduled with a fixed delay ({@code initialDelay}, then {@code delay} after each
     * run's end), timed by outcome, its lag measured against when it was due. A failure is counted
     * ({@code outcome="error"}) and thrown on: the caller logs it and must not let it reach a scheduled
     * executor (which would stop scheduling the job); {@code Server.scheduled} does both.
     */
    public Runnable job(String job, Duration initialDelay, Duration delay, Runnable run) {
        AtomicLong due = new AtomicLong(nanoTime.getAsLong() + initialDelay.toNanos());
        AtomicLong last = lastSuccess.computeIfAbsent(job, name -> {
            AtomicLong seconds = new AtomicLong(0);
            registry.gauge("suite.job.last.success.timestamp.seconds", io.micrometer.core.instrument.Tags.of("job", name),
                    seconds, AtomicLong::doubleValue);
            return seconds;
        });
        Timer lag = Timer.builder("suite.job.lag").tag("job", job).register(registry);
        return () -> {
            long start = nanoTime.getAsLong();
            lag.record(Math.max(0, start - due.get()), TimeUnit.NANOSECONDS);
            String outcome = "ok";
            try {
                run.run();
            } catch (RuntimeException e) {
                outcome = "error";
                throw e;
            } finally {
                long end = nanoTime.getAsLong();
                timer("suite.job.runs", "job", job, "outcome", outcome).record(end - start,
                        TimeUnit.NANOSECONDS);
                if (outcome.equals("ok")) {
                    last.set(System.currentTimeMillis() / 1000);
                }
                due.set(end + delay.toNanos());
            }
        };
    }

    private Timer timer(String name, String... tags) {
        return Timer.builder(name).tags(tags).register(registry);
    }

    /** What one call on a metered port observed. */
    @FunctionalInterface
    private interface Observation {
        void observed(Method method, Object[] args, String outcome, long nanos);
    }

    private <T> T proxy(Class<T> port, T target, Observation observation) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object[] arguments = args == null ? new Object[0] : args;
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == arguments[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "metered " + target;
                };
            }
            long start = nanoTime.getAsLong();
            try {
                Object result = method.invoke(target, arguments);
                observation.observed(method, arguments, outcome(result), nanoTime.getAsLong() - start);
                return result;
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                observation.observed(method, arguments, thrown(cause), nanoTime.getAsLong() - start);
                throw cause;
            }
        };
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
    }

    static String thrown(Throwable e) {
        if (e instanceof ServerBusy) {
            return "busy";
        }
        return "error";
    }

    /**
     * The outcome of a returned value: {@code ok}, or for a refusal ({@code Either}'s left, a failed
     * {@code Try}, {@code false}, a value of a type named {@code Unavailable}) the refusal's stable code
     * when it has one, else its type's name.
     */
    static String outcome(Object result) {
        if (result instanceof Either<?, ?> either) {
            return either.isRight() ? "ok" : refusal(either.getLeft());
        }
        if (result instanceof Try<?> attempt) {
            return attempt.isSuccess() ? "ok" : thrown(attempt.getCause());
        }
        if (Boolean.FALSE.equals(result)) {
            return "failed";
        }
        if (result != null && result.getClass().getSimpleName().equals("Unavailable")) {
            return "unavailable";
        }
        return "ok";
    }

    /**
     * A refusal's stable code ({@code code()} of the use cases' failures) when it has one derived from its
     * type, else its type's name: a record that carries a {@code code} component (a remote system's code,
     * e.g. a Zuora error) is named by its type, so that no outside value becomes a tag.
     */
    private static String refusal(Object left) {
        if (left == null || left.getClass().getName().startsWith("java.")) {
            return "failed";
        }
        boolean carriesCode = left.getClass().isRecord() && java.util.Arrays.stream(
                left.getClass().getRecordComponents()).anyMatch(c -> c.getName().equals("code"));
        if (!carriesCode) {
            try {
                Method code = left.getClass().getMethod("code");
                code.setAccessible(true);
                if (code.getParameterCount() == 0 && code.invoke(left) instanceof String s
                        && s.matches("[a-z][a-z0-9_]{0,63}")) {
                    return s;
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // no stable code: the type's name below
            }
        }
        return snake(left.getClass().getSimpleName());
    }

    static String kind(ChangeCommand.Request request) {
        if (request instanceof ChangeCommand.Cancel) {
            return "cancel";
        }
        if (request instanceof ChangeCommand.ChangeQuantity) {
            return "quantity";
        }
        return request instanceof ChangeCommand.Replace ? "replace" : snake(request.getClass().getSimpleName());
    }

    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
