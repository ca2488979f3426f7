package com.subscriptionsuite.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.subscriptionsuite.application.ServerBusy;
import com.subscriptionsuite.application.port.in.change.ChangeCommand;
import com.subscriptionsuite.application.port.in.checkout.Checkout;
import com.subscriptionsuite.application.port.in.checkout.CheckoutFailure;
import com.subscriptionsuite.application.port.out.Mailer;
import com.subscriptionsuite.application.port.out.webhooks.WebhookSender;
import com.subscriptionsuite.domain.account.AccountDetails;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BusinessMetersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final BusinessMeters meters = new BusinessMeters(registry, nanos::get);

    private static Checkout.SubscribeCommand command(String voucher) {
        return new Checkout.SubscribeCommand(1, 2, false, List.of(), new AccountDetails(false, null, "Ann", "Example",
                "Street 1", "10115", "Berlin", null, "DE", "ann@example.com", null, null, false, null, null, null, null,
                null, null, null, null, null, null, "EUR"), null, voucher, null);
    }

    @Test
    void counts_checkouts_by_outcome_and_redemptions_of_booked_codes() {
        Checkout real = (command, operation) -> command.items().isEmpty() && command.voucherCode() == null
                ? Either.left(new CheckoutFailure.NotPurchasable(0, 99))
                : Either.right(new Checkout.Subscribed(List.of(), "inv-1", "INV-1"));
        Checkout metered = meters.useCase(Checkout.class, real);

        assertThat(metered.subscribe(command(null)).isLeft()).isTrue();
        assertThat(metered.subscribe(command("SPRING")).isRight()).isTrue();
        assertThat(metered.subscribe(command("SPRING")).get().invoiceId()).isEqualTo("inv-1");

        assertThat(registry.get("suite.checkouts").tag("outcome", "suite_product_not_purchasable").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("suite.checkouts").tag("outcome", "ok").timer().count()).isEqualTo(2);
        assertThat(registry.get("suite.voucher.redemptions").tag("via", "checkout").counter().count()).isEqualTo(2);
    }

    @Test
    void a_use_case_that_throws_is_counted_and_the_exception_passes_unchanged() {
        ServerBusy busy = new ServerBusy("pool exhausted", 3000, null);
        Checkout real = (command, operation) -> {
            throw busy;
        };
        Checkout metered = meters.useCase(Checkout.class, real);

        assertThatThrownBy(() -> metered.subscribe(command(null))).isSameAs(busy);
        assertThat(registry.get("suite.checkouts").tag("outcome", "busy").timer().count()).isEqualTo(1);
    }

    @Test
    void an_outbound_call_is_timed_by_system_operation_and_outcome() {
        Mailer real = mail -> mail.to().startsWith("ok");
        Mailer metered = meters.outbound(Mailer.class, real, "mail");

        assertThat(metered.send(new Mailer.Mail(1, "ok@example.com", "en", "s", "t"))).isTrue();
        assertThat(metered.send(new Mailer.Mail(1, "no@example.com", "en", "s", "t"))).isFalse();

        assertThat(registry.get("suite.outbound.calls").tags("system", "mail", "operation", "send", "outcome", "ok")
                .timer().count()).isEqualTo(1);
        assertThat(registry.get("suite.outbound.calls").tags("system", "mail", "operation", "send", "outcome", "failed")
                .timer().count()).isEqualTo(1);
        // Object's methods are not calls to the remote system
        assertThat(metered.equals(metered)).isTrue();
        assertThat(registry.find("suite.outbound.calls").tag("operation", "equals").timer()).isNull();
    }

    @Test
    void a_refusal_that_carries_an_outside_value_is_named_by_its_kind_not_by_the_value() {
        WebhookSender real = (url, headers, body, secret, at, timeout) -> Either.left("HTTP 500 from " + url);
        WebhookSender metered = meters.outbound(WebhookSender.class, real, "webhook");
        metered.post("http://127.0.0.1:1/hook", java.util.Map.of(), "{}", "s", java.time.Instant.EPOCH,
                Duration.ofSeconds(1));

        assertThat(registry.get("suite.outbound.calls").tags("system", "webhook", "outcome", "failed").timer().count())
                .isEqualTo(1);
        assertThat(BusinessMeters.outcome(Either.left(new Rejected("INVALID_VALUE", "no")))).isEqualTo("rejected");
        assertThat(BusinessMeters.outcome(Option.none())).isEqualTo("ok");
        assertThat(BusinessMeters.kind(new ChangeCommand.Cancel(Option.none()))).isEqualTo("cancel");
        assertThat(BusinessMeters.kind(new ChangeCommand.ChangeQuantity(3))).isEqualTo("quantity");
    }

    /** Like a billing failure carrying a remote system's code. */
    record Rejected(String code, String message) {
    }

    @Test
    void a_job_run_is_timed_its_lag_measured_and_a_failure_counted_and_thrown_on() {
        AtomicLong runs = new AtomicLong();
        Runnable job = meters.job("bill_run", Duration.ofSeconds(60), Duration.ofSeconds(60), () -> {
            runs.incrementAndGet();
            nanos.addAndGet(TimeUnit.SECONDS.toNanos(2)); // the run takes 2 s
            if (runs.get() == 2) {
                throw new IllegalStateException("database gone");
            }
        });

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(65)); // started 5 s after it was due
        job.run();
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(60)); // on time: 60 s after the previous run's end
        assertThatThrownBy(job::run).hasMessage("database gone"); // counted, and thrown on for the caller to log

        assertThat(registry.get("suite.job.runs").tags("job", "bill_run", "outcome", "ok").timer().count()).isEqualTo(1);
        assertThat(registry.get("suite.job.runs").tags("job", "bill_run", "outcome", "error").timer().count())
                .isEqualTo(1);
        var lag = registry.get("suite.job.lag").tag("job", "bill_run").timer();
        assertThat(lag.count()).isEqualTo(2);
        assertThat(lag.max(TimeUnit.SECONDS)).isEqualTo(5.0);
        assertThat(lag.totalTime(TimeUnit.SECONDS)).isEqualTo(5.0);
        assertThat(registry.get("suite.job.last.success.timestamp.seconds").tag("job", "bill_run").gauge().value())
                .isPositive();
    }
}
