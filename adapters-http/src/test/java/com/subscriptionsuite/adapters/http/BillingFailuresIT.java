package com.subscriptionsuite.adapters.http;

import static com.subscriptionsuite.adapters.http.Shoppers.BERLIN;
import static com.subscriptionsuite.adapters.http.Shoppers.customer;
import static com.subscriptionsuite.adapters.http.Shoppers.item;
import static com.subscriptionsuite.adapters.http.Shoppers.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.application.Engine;
import com.subscriptionsuite.application.fixtures.RecordingMailer;
import com.subscriptionsuite.application.port.in.account.AccountFailure;
import com.subscriptionsuite.application.port.in.account.ReadInvoices;
import com.subscriptionsuite.application.port.in.checkout.Checkout;
import com.subscriptionsuite.application.port.in.checkout.CheckoutFailure;
import com.subscriptionsuite.application.port.in.operation.Operation;
import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import com.subscriptionsuite.domain.billing.Invoice;
import io.javalin.Javalin;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Billing failures over HTTP, each reply checked against the OpenAPI document: the status, code,
 * {@code Retry-After} and details of each, from a checkout (an operation route, with and without
 * {@code Idempotency-Key}) and an invoice read. The use cases are stand-ins that fail as the billing
 * system can (the engine's services do not call it yet); and a checkout that keeps its answer
 * through the {@code Operation}, as the services will, replays byte for byte.
 */
class BillingFailuresIT {
    private static final String KEY = "Idempotency-Key";
    private static final BillingFailure UNAVAILABLE = new BillingFailure.Unavailable("connect timed out");
    private static final BillingFailure RATE_LIMITED = new BillingFailure.RateLimited(Duration.ofMillis(7200));
    private static final BillingFailure REJECTED = new BillingFailure.Rejected("53100020",
            "Invalid value for field Quantity");
    private static final BillingFailure NOT_FOUND = new BillingFailure.NotFound("subscription A-S00000001");

    /** Runs {@code test} against an API whose checkout and invoice reads are what {@code replace} makes of the engine's. */
    private static void withApi(Function<Engine, HttpApi.UseCases> replace, ApiTest test) {
        Engine engine = TestServer.engine(TestServer.CLOCK, new RecordingMailer());
        Javalin app = new HttpApi(replace.apply(engine), HttpSettings.defaults()).start("127.0.0.1", 0);
        try {
            Http shop = new Http(URI.create("http://127.0.0.1:" + app.port()), List.of("X-Tenant", "acme"));
            test.run(shop.bearer(customer(shop, "ann@example.com")));
        } finally {
            app.stop();
        }
    }

    private interface ApiTest {
        void run(Http ann);
    }

    /** A checkout that fails with {@code failure} and counts its calls and the keys it was given. */
    private static final class FailingCheckout implements Checkout {
        final BillingFailure failure;
        final List<Option<String>> keys = new ArrayList<>();

        FailingCheckout(BillingFailure failure) {
            this.failure = failure;
        }

        @Override
        public synchronized Either<CheckoutFailure, Subscribed> subscribe(SubscribeCommand command,
                Operation<Subscribed> operation) {
            keys.add(operation.key());
            return Either.left(new CheckoutFailure.BillingFailed(failure));
        }
    }

    /** Invoices that the billing system does not hand out: every read fails with {@code failure}. */
    private record FailingInvoices(BillingFailure failure) implements ReadInvoices {
        @Override
        public Either<AccountFailure, List<Invoice>> invoices(long tenantId, long userId) {
            return Either.left(new AccountFailure.BillingFailed(failure));
        }

        @Override
        public Either<AccountFailure, Document> document(long tenantId, long userId, String invoiceId) {
            return Either.left(new AccountFailure.BillingFailed(failure));
        }
    }

    private static final String CART = subscribe(BERLIN, item(401, 1, 1));

    @Test
    void answers_503_billing_unavailable_with_retry_after_2_and_frees_the_key_for_a_retry() {
        FailingCheckout checkout = new FailingCheckout(UNAVAILABLE);
        withApi(engine -> HttpApi.UseCases.from(engine).withCheckout(checkout), ann -> {
            Reply keyed = ann.with(KEY, "order-1").post("/subscription", CART);
            Reply again = ann.with(KEY, "order-1").post("/subscription", CART);
            Reply unkeyed = ann.post("/subscription", CART);

            for (Reply reply : List.of(keyed, again, unkeyed)) {
                JsonNode error = reply.error(503, "billing_unavailable");
                assertThat(reply.header("Retry-After")).isEqualTo("2");
                assertThat(reply.header("Idempotent-Replayed")).isNull();
                assertThat(error.path("message").asText())
                        .isEqualTo("the billing system is unavailable: connect timed out");
                assertThat(error.path("details")).isEmpty();
            }
            assertThat(checkout.keys).as("each ran, the keyed ones with the client's key")
                    .containsExactly(Option.some("order-1"), Option.some("order-1"), Option.none());
        });
    }

    @Test
    void answers_429_billing_rate_limited_with_the_billing_system_s_wait_rounded_up_and_runs_a_retry_again() {
        FailingCheckout checkout = new FailingCheckout(RATE_LIMITED);
        withApi(engine -> HttpApi.UseCases.from(engine).withCheckout(checkout), ann -> {
            Reply first = ann.with(KEY, "order-1").post("/subscription", CART);
            Reply retry = ann.with(KEY, "order-1").post("/subscription", CART);

            for (Reply reply : List.of(first, retry)) {
                reply.error(429, "billing_rate_limited");
                assertThat(reply.header("Retry-After")).isEqualTo("8");
                assertThat(reply.header("Idempotent-Replayed")).as("a 429 is not kept for replay").isNull();
            }
            assertThat(checkout.keys).hasSize(2);
        });
    }

    @Test
    void answers_502_billing_rejected_naming_the_billing_system_s_code_and_message_and_replays_it() {
        FailingCheckout checkout = new FailingCheckout(REJECTED);
        withApi(engine -> HttpApi.UseCases.from(engine).withCheckout(checkout), ann -> {
            Reply first = ann.with(KEY, "order-1").post("/subscription", CART);

            JsonNode error = first.error(502, "billing_rejected");
            assertThat(first.header("Retry-After")).isNull();
            assertThat(error.path("message").asText()).isEqualTo(
                    "the billing system refused the request (53100020): Invalid value for field Quantity");
            assertThat(error.path("details").toString()).isEqualTo("[{\"field\":\"billing_system.code\","
                    + "\"reason\":\"53100020\"},{\"field\":\"billing_system.message\","
                    + "\"reason\":\"Invalid value for field Quantity\"}]");
            Reply retry = ann.with(KEY, "order-1").post("/subscription", CART);
            assertThat(retry.status()).as("a 5xx frees the key").isEqualTo(502);
            assertThat(checkout.keys).hasSize(2);
        });
    }

    @Test
    void answers_502_billing_rejected_without_details_for_an_object_the_billing_system_no_longer_has() {
        withApi(engine -> HttpApi.UseCases.from(engine).withReadInvoices(new FailingInvoices(NOT_FOUND)), ann -> {
            JsonNode error = ann.get("/account/invoice").error(502, "billing_rejected");

            assertThat(error.path("message").asText())
                    .isEqualTo("subscription A-S00000001 is not in the billing system");
            assertThat(error.path("details")).isEmpty();
        });
    }

    @Test
    void maps_each_billing_failure_of_a_read_as_of_an_operation() {
        for (BillingFailure failure : List.of(UNAVAILABLE, RATE_LIMITED, REJECTED)) {
            withApi(engine -> HttpApi.UseCases.from(engine).withReadInvoices(new FailingInvoices(failure)), ann -> {
                Reply list = ann.get("/account/invoice");
                Reply document = ann.get("/account/invoice/INV00000001");

                for (Reply reply : List.of(list, document)) {
                    if (failure instanceof BillingFailure.Unavailable) {
                        reply.error(503, "billing_unavailable");
                        assertThat(reply.header("Retry-After")).isEqualTo("2");
                    } else if (failure instanceof BillingFailure.RateLimited) {
                        reply.error(429, "billing_rate_limited");
                        assertThat(reply.header("Retry-After")).isEqualTo("8");
                    } else {
                        assertThat(reply.error(502, "billing_rejected").path("details")).hasSize(2);
                    }
                }
            });
        }
    }

    /**
     * The engine's checkout, keeping its answer through the {@code Operation} as the rewritten
     * services will (here after it committed; they will do it inside their last unit).
     */
    private static final class KeepingCheckout implements Checkout {
        final Checkout engine;
        final List<Option<String>> keys = new ArrayList<>();
        final AtomicInteger kept = new AtomicInteger();

        KeepingCheckout(Checkout engine) {
            this.engine = engine;
        }

        @Override
        public synchronized Either<CheckoutFailure, Subscribed> subscribe(SubscribeCommand command,
                Operation<Subscribed> operation) {
            keys.add(operation.key());
            Either<CheckoutFailure, Subscribed> result = engine.subscribe(command, Operation.unkeyed());
            result.forEach(answer -> {
                operation.keepAnswer().accept(answer);
                kept.incrementAndGet();
            });
            return result;
        }
    }

    @Test
    void replays_a_checkout_whose_answer_was_kept_through_the_operation_byte_for_byte() {
        KeepingCheckout[] checkout = new KeepingCheckout[1];
        withApi(engine -> {
            checkout[0] = new KeepingCheckout(engine.billing().orElseThrow().checkout());
            return HttpApi.UseCases.from(engine).withCheckout(checkout[0]);
        }, ann -> {
            Reply first = ann.with(KEY, "order-1").post("/subscription", CART);
            Reply retry = ann.with(KEY, "order-1").post("/subscription", CART);

            assertThat(first.ok().path("ids")).hasSize(1);
            assertThat(first.header("Idempotent-Replayed")).isNull();
            assertThat(retry.status()).isEqualTo(200);
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(checkout[0].keys).as("run once, with the client's key").containsExactly(Option.some("order-1"));
            assertThat(checkout[0].kept).hasValue(1);
            assertThat(ann.get("/account/subscription").ok()).hasSize(1);
        });
    }

    @Test
    void passes_an_unkeyed_operation_without_the_header() {
        KeepingCheckout[] checkout = new KeepingCheckout[1];
        withApi(engine -> {
            checkout[0] = new KeepingCheckout(engine.billing().orElseThrow().checkout());
            return HttpApi.UseCases.from(engine).withCheckout(checkout[0]);
        }, ann -> {
            String twice = subscribe(BERLIN, item(402, 1, 1));
            ann.post("/subscription", twice).ok();
            ann.post("/subscription", twice).ok();

            assertThat(checkout[0].keys).containsExactly(Option.none(), Option.none());
        });
    }
}
