package com.subscriptionsuite.bootstrap;

import static com.subscriptionsuite.bootstrap.QuoteHarness.call;
import static com.subscriptionsuite.bootstrap.QuoteHarness.json;
import static com.subscriptionsuite.bootstrap.QuoteHarness.professionalQuote;
import static com.subscriptionsuite.bootstrap.QuoteHarness.publish;
import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.adapters.persistence.TestPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engines on one embedded PostgreSQL confirming the same quote at once: one booking. The same
 * customer on both (a double click that reached two instances) gets the same subscriptions twice; two
 * customers get one acceptance and one 409.
 */
class QuotesOnTwoInstancesIT {
    @TempDir
    Path dir;

    private Server[] twoServers() {
        String url = TestPostgres.shared().freshSchemaUrl();
        Server[] servers = new Server[2];
        for (int i = 0; i < 2; i++) {
            Map<String, String> env = ServerHarness.env(dir.resolve("db" + i), "SUITE_BILLING_RUN_MINUTES", "0",
                    "SUITE_DB_URL", url, "SUITE_DB_USER", TestPostgres.USER, "SUITE_DB_PASSWORD", TestPostgres.PASSWORD);
            servers[i] = ServerHarness.start(env);
        }
        QuoteHarness.demoWithZuoraIds(servers[0]);
        servers[1].engine().refreshTenants();
        return servers;
    }

    private static List<HttpResponse<String>> atOnce(List<Callable<HttpResponse<String>>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CyclicBarrier start = new CyclicBarrier(calls.size());
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (Callable<HttpResponse<String>> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                answers.add(f.get(90, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(180)
    void the_same_customer_confirming_on_two_instances_at_once_books_once() throws Exception {
        Server[] servers = twoServers();
        try {
            String ann = QuoteHarness.customer(servers[0], "demo", "ann@example.com");
            String guid = publish(servers[0], professionalQuote("2026-12-31", "zplan12"));
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Server server = servers[i % 2];
                calls.add(() -> call(server, "POST", "/quote/" + guid + "/confirm", ann, null));
            }

            List<HttpResponse<String>> answers = atOnce(calls);

            for (HttpResponse<String> answer : answers) {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                assertThat(json(answer).path("ids")).isEqualTo(json(answers.get(0)).path("ids"));
            }
            assertThat(json(call(servers[1], "GET", "/account/subscription", ann, null))).as("one booking")
                    .hasSize(1);
        } finally {
            servers[0].close();
            servers[1].close();
        }
    }

    @Test
    @Timeout(180)
    void two_customers_confirming_one_quote_on_two_instances_get_one_acceptance() throws Exception {
        Server[] servers = twoServers();
        try {
            String guid = publish(servers[0], professionalQuote("2026-12-31", "zplan12"));
            String ann = QuoteHarness.customer(servers[0], "demo", "ann@example.com");
            String bob = QuoteHarness.customer(servers[1], "demo", "bob@example.com");

            List<HttpResponse<String>> answers = atOnce(List.of(
                    () -> call(servers[0], "POST", "/quote/" + guid + "/confirm", ann, null),
                    () -> call(servers[1], "POST", "/quote/" + guid + "/confirm", bob, null)));

            assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
            HttpResponse<String> refused = answers.get(0).statusCode() == 409 ? answers.get(0) : answers.get(1);
            assertThat(QuoteHarness.statusAndCode(refused)).isEqualTo("409 quote_already_accepted");
            int booked = 0;
            for (String token : List.of(ann, bob)) {
                HttpResponse<String> subscriptions = call(servers[1], "GET", "/account/subscription", token, null);
                booked += subscriptions.statusCode() == 200 ? json(subscriptions).size() : 0;
            }
            assertThat(booked).as("one booking in all").isEqualTo(1);
        } finally {
            servers[0].close();
            servers[1].close();
        }
    }
}
