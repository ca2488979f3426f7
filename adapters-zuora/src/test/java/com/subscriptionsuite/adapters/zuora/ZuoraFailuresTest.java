package com.subscriptionsuite.adapters.zuora;

import static org.assertj.core.api.Assertions.assertThat;

import com.subscriptionsuite.application.port.out.billing.BillingFailure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ZuoraFailuresTest {

    @ParameterizedTest(name = "HTTP {0}, code {1} -> {2}, retryable {3}")
    @CsvSource({
            "200, 53100320, Rejected, false",      // 20 invalid value, pre-2024 versions answer 200
            "400, 53100330, Rejected, false",      // 30 business rule
            "400, 50000090, Rejected, false",      // 90 malformed JSON
            "403, 50000010, Rejected, false",      // 10 permission
            "404, 50000040, NotFound, false",      // 40 not found
            "200, 50000040, NotFound, false",
            "409, 53100350, Unavailable, true",    // 50 lock contention
            "500, 50000061, Unavailable, true",    // 61 temporary
            "500, 50000060, Unavailable, true",    // 60 internal
            "500, 50000099, Unavailable, true",    // 99 gateway / tax engine
            "429, 50000070, RateLimited, true",    // 70 rate limit
            "200, 50000070, RateLimited, true",
    })
    void reads_the_category_from_the_last_two_digits(int status, String code, String kind, boolean retryable) {
        ZuoraFailures.Failed failed = ZuoraFailures.categorise(status, List.of(new ZuoraFailures.Reason(code,
                "the message")), null);

        assertThat(failed.failure().getClass().getSimpleName()).isEqualTo(kind);
        assertThat(failed.retryable()).isEqualTo(retryable);
    }

    @ParameterizedTest(name = "HTTP {0} without a reason -> {1}")
    @CsvSource({"404, NotFound", "409, Unavailable", "500, Unavailable", "502, Unavailable", "503, Unavailable",
            "504, Unavailable", "400, Rejected", "422, Rejected", "429, RateLimited"})
    void reads_the_status_when_there_is_no_reason_code(int status, String kind) {
        assertThat(ZuoraFailures.categorise(status, List.of(), null).failure().getClass().getSimpleName())
                .isEqualTo(kind);
    }

    @Test
    void keeps_zuoras_code_and_messages_in_a_rejection() {
        BillingFailure failure = ZuoraFailures.categorise(200, List.of(
                new ZuoraFailures.Reason("53100320", "billToContact is required"),
                new ZuoraFailures.Reason("53100321", "unknown field foo")), null).failure();

        assertThat(failure).isEqualTo(new BillingFailure.Rejected("53100320",
                "billToContact is required; unknown field foo"));
    }

    @Test
    void a_temporary_error_counts_against_the_circuit_only_when_answered_with_a_5xx() {
        assertThat(ZuoraFailures.categorise(503, List.of(new ZuoraFailures.Reason("50000061", "outage")), null)
                .countsAgainstCircuit()).isTrue();
        assertThat(ZuoraFailures.categorise(409, List.of(new ZuoraFailures.Reason("53100350", "locked")), null)
                .countsAgainstCircuit()).isFalse();
    }

    @Test
    void a_rate_limit_carries_retry_after() {
        ZuoraFailures.Failed failed = ZuoraFailures.categorise(429, List.of(), Duration.ofSeconds(7));

        assertThat(failed.failure()).isEqualTo(new BillingFailure.RateLimited(Duration.ofSeconds(7)));
        assertThat(failed.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void no_answer_is_unavailable_and_counts_against_the_circuit() {
        ZuoraFailures.Failed failed = ZuoraFailures.noAnswer("read timed out");

        assertThat(failed.failure()).isInstanceOf(BillingFailure.Unavailable.class);
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.countsAgainstCircuit()).isTrue();
    }

    @Test
    void idempotency_keys_are_per_step_and_hashed_when_too_long() {
        assertThat(ZuoraClient.idempotencyKey("op-1:subscribe", "subscribe/order")).isEqualTo(
                "op-1:subscribe:subscribe/order");
        assertThat(ZuoraClient.idempotencyKey("op-1:subscribe", "subscribe/order"))
                .isNotEqualTo(ZuoraClient.idempotencyKey("op-1:subscribe", "payment-method/create"));
        String longKey = "k".repeat(250);
        String hashed = ZuoraClient.idempotencyKey(longKey, "subscribe/order");
        assertThat(hashed).startsWith("h-").hasSizeLessThanOrEqualTo(255)
                .isEqualTo(ZuoraClient.idempotencyKey(longKey, "subscribe/order"));
    }

    @Test
    void track_ids_keep_to_what_zuora_takes() {
        assertThat(ZuoraClient.trackId("abc:def;\"g'h")).isEqualTo("abcdefgh");
        assertThat(ZuoraClient.trackId("x".repeat(100))).hasSize(64);
        assertThat(ZuoraClient.trackId(null)).isNull();
        assertThat(ZuoraClient.trackId(":;")).isNull();
    }

    @Test
    void retry_after_is_seconds_or_a_date() {
        assertThat(ZuoraClient.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(ZuoraClient.retryAfter("0")).isEqualTo(Duration.ofSeconds(1));
        assertThat(ZuoraClient.retryAfter(null)).isNull();
        assertThat(ZuoraClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ofSeconds(1));
    }
}
