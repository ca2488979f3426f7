package com.subscriptionsuite.adapters.http;

import static com.subscriptionsuite.adapters.http.Shoppers.BERLIN;
import static com.subscriptionsuite.adapters.http.Shoppers.customer;
import static com.subscriptionsuite.adapters.http.Shoppers.item;
import static com.subscriptionsuite.adapters.http.Shoppers.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.application.Engine;
import com.subscriptionsuite.application.fixtures.RecordingMailer;
import com.subscriptionsuite.application.port.in.idempotency.IdempotencyFailure;
import com.subscriptionsuite.application.port.in.idempotency.IdempotentRequests;
import io.javalin.Javalin;
import io.vavr.control.Either;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Idempotency-Key header on POST /subscription (and, as on every state-changing customer or
 * guest route, PUT /account), on a server of its own per test.
 */
class IdempotencyIT {
    private static final String KEY = "Idempotency-Key";
    private TestServer.Fresh server;
    private Http acme;
    private String ann;

    @BeforeEach
    void start() {
        server = TestServer.fresh();
        acme = server.tenant("acme");
        ann = customer(acme, "ann@example.com");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Http annWithKey(String key) {
        return acme.bearer(ann).with(KEY, key);
    }

    @Test
    void answers_a_retry_with_the_first_answer_and_subscribes_once() {
        String cart = subscribe(BERLIN, item(402, 1, 1));

        Reply first = annWithKey("order-1").post("/subscription", cart);
        Reply retry = annWithKey("order-1").post("/subscription", cart);

        assertThat(first.ok().path("ids")).hasSize(1);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(acme.bearer(ann).get("/account/subscription").ok()).hasSize(1);
        assertThat(acme.bearer(ann).get("/account/invoice").ok()).hasSize(1);
    }

    @Test
    void subscribes_again_without_a_key_or_with_a_new_one() {
        String cart = subscribe(BERLIN, item(402, 1, 1));

        acme.bearer(ann).post("/subscription", cart).ok();
        acme.bearer(ann).post("/subscription", cart).ok();
        annWithKey("order-1").post("/subscription", cart).ok();
        annWithKey("order-2").post("/subscription", cart).ok();

        assertThat(acme.bearer(ann).get("/account/subscription").ok()).hasSize(4);
    }

    @Test
    void refuses_the_key_for_a_different_request() {
        annWithKey("order-1").post("/subscription", subscribe(BERLIN, item(402, 1, 1))).ok();

        JsonNode error = annWithKey("order-1").post("/subscription", subscribe(BERLIN, item(402, 2, 1)))
                .error(422, "idempotency_key_reused");
        annWithKey("order-1").put("/account", BERLIN).error(422, "idempotency_key_reused");

        assertThat(error.path("details").get(0).path("field").asText()).isEqualTo(KEY);
        assertThat(acme.bearer(ann).get("/account/subscription").ok()).hasSize(1);
    }

    @Test
    void keeps_each_user_s_keys_apart() {
        String bob = customer(acme, "bob@example.com");
        String cart = subscribe(BERLIN, item(402, 1, 1));

        annWithKey("order-1").post("/subscription", cart).ok();
        Reply bobs = acme.bearer(bob).with(KEY, "order-1").post("/subscription", cart);

        assertThat(bobs.ok().path("ids")).hasSize(1);
        assertThat(bobs.header("Idempotent-Replayed")).isNull();
        assertThat(acme.bearer(bob).get("/account/subscription").ok()).hasSize(1);
    }

    @Test
    void replays_a_refusal_too() {
        String noAccount = "{\"suite_products\": [" + item(401, 1, 1) + "], \"account\": {\"first_name\": \"Ann\"}}";

        annWithKey("order-1").post("/subscription", noAccount).error(400, "account_invalid");
        Reply retry = annWithKey("order-1").post("/subscription", noAccount);

        retry.error(400, "account_invalid");
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void refuses_a_key_that_is_too_long() {
        annWithKey("k".repeat(256)).post("/subscription", subscribe(BERLIN, item(402, 1, 1)))
                .error(400, "idempotency_key_invalid");

        assertThat(acme.bearer(ann).get("/account/subscription").ok()).isEmpty();
    }

    @Test
    void is_honoured_on_put_routes_without_anything_in_their_handler() {
        annWithKey("setup").post("/subscription", subscribe(BERLIN, item(402, 1, 1))).ok();
        String moved = BERLIN.replace("Berlin", "Potsdam");

        annWithKey("move-1").put("/account", moved).ok();
        acme.bearer(ann).put("/account", BERLIN).ok();
        Reply retry = annWithKey("move-1").put("/account", moved);

        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(acme.bearer(ann).get("/account").ok().path("city").asText()).isEqualTo("Berlin");
    }

    @Test
    void is_not_looked_at_on_public_routes() {
        Reply preview = acme.with(KEY, "x".repeat(300)).post("/subscription/preview", subscribe(BERLIN,
                item(401, 1, 1)));

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void answers_409_to_a_retry_while_the_first_request_still_runs() throws Exception {
        Engine engine = TestServer.engine(TestServer.CLOCK, new RecordingMailer());
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        IdempotentRequests holding = new HoldingFirstRequest(engine.idempotentRequests(), running, release);
        Javalin app = new HttpApi(HttpApi.UseCases.from(engine).withIdempotentRequests(holding),
                HttpSettings.defaults()).start("127.0.0.1", 0);
        try {
            Http shop = new Http(URI.create("http://127.0.0.1:" + app.port()), List.of("X-Tenant", "acme"));
            Http carol = shop.bearer(customer(shop, "carol@example.com")).with(KEY, "order-1");
            String cart = subscribe(BERLIN, item(402, 1, 1));
            CompletableFuture<Reply> first = CompletableFuture.supplyAsync(() -> carol.post("/subscription", cart));
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

            Reply meanwhile = carol.post("/subscription", cart);
            release.countDown();

            meanwhile.error(409, "idempotency_request_in_flight");
            assertThat(first.get(10, TimeUnit.SECONDS).ok().path("ids")).hasSize(1);
            Reply after = carol.post("/subscription", cart);
            assertThat(after.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(after.body()).isEqualTo(first.get().body());
        } finally {
            release.countDown();
            app.stop();
        }
    }

    /** The engine's idempotency, with the first request's work held until the test releases it. */
    private static final class HoldingFirstRequest implements IdempotentRequests {
        private final IdempotentRequests engine;
        private final CountDownLatch running;
        private final CountDownLatch release;

        HoldingFirstRequest(IdempotentRequests engine, CountDownLatch running, CountDownLatch release) {
            this.engine = engine;
            this.running = running;
            this.release = release;
        }

        @Override
        public Either<IdempotencyFailure, Outcome> run(long tenantId, long userId, String key, String fingerprint,
                Supplier<Response> work) {
            return engine.run(tenantId, userId, key, fingerprint, () -> {
                holdTheFirst();
                return work.get();
            });
        }

        @Override
        public Either<IdempotencyFailure, Outcome> runOperation(long tenantId, long userId, String key,
                String fingerprint, Function<Completion, Response> work) {
            return engine.runOperation(tenantId, userId, key, fingerprint, completion -> {
                holdTheFirst();
                return work.apply(completion);
            });
        }

        private void holdTheFirst() {
            if (running.getCount() > 0) {
                running.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
