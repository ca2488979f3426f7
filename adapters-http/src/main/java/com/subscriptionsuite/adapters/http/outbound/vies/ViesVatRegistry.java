package com.subscriptionsuite.adapters.http.outbound.vies;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.subscriptionsuite.adapters.http.outbound.LazyHttpClient;
import com.subscriptionsuite.application.port.out.VatRegistry;
import com.subscriptionsuite.domain.tax.VatId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link VatRegistry} over the EU's VIES REST API: {@code POST .../check-vat-number} with
 * {@code {countryCode, vatNumber, requesterMemberStateCode, requesterNumber}}, answered with
 * {@code {valid, name, address, requestDate, requestIdentifier, ...}} or with a fault
 * ({@code {actionSucceed: false, errorWrappers: [{error, message}]}}, on any status).
 *
 * <ul>
 * <li>{@code valid} true/false → {@link Confirmed} (VIES's {@code "---"} for an unknown name or address,
 * and an empty request identifier, become null);</li>
 * <li>{@code INVALID_INPUT} → {@link Confirmed} not valid, reason {@code invalid_input} (not retried);</li>
 * <li>{@code MS_UNAVAILABLE}, {@code TIMEOUT}, {@code SERVICE_UNAVAILABLE} (and any other fault),
 * {@code GLOBAL_MAX_CONCURRENT_REQ}/{@code MS_MAX_CONCURRENT_REQ}, a 429 or 5xx without a fault,
 * no answer within the timeout, a refused connection → {@link Unavailable}.</li>
 * </ul>
 * The request is a read, so a rate-limit fault is retried once after a short pause; nothing else is
 * retried (the caller charges VAT for an unverified ID and may check again later). Never throws.
 */
public final class ViesVatRegistry implements VatRegistry {
    /** The official endpoint. */
    public static final URI OFFICIAL =
            URI.create("https://ec.europa.eu/taxation_customs/vies/rest-api/check-vat-number");
    private static final Logger LOG = LoggerFactory.getLogger(ViesVatRegistry.class);
    private static final Set<String> RATE_LIMITS = Set.of("GLOBAL_MAX_CONCURRENT_REQ", "MS_MAX_CONCURRENT_REQ",
            "GLOBAL_MAX_CONCURRENT_REQ_TIME", "MS_MAX_CONCURRENT_REQ_TIME");

    private final URI endpoint;
    private final Duration timeout;
    private final Duration retryPause;
    /** Built on the first check: a start does not pay for the TLS context and the selector thread. */
    private final LazyHttpClient client;
    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** With a pause of 1 second before the one retry of a rate-limit fault. */
    public ViesVatRegistry(URI endpoint, Duration timeout) {
        this(endpoint, timeout, Duration.ofSeconds(1));
    }

    public ViesVatRegistry(URI endpoint, Duration timeout, Duration retryPause) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.retryPause = Objects.requireNonNull(retryPause, "retryPause");
        this.client = new LazyHttpClient(() -> HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    @Override
    public VatCheck check(VatId id, String requesterVatId) {
        byte[] body = requestBody(id, requesterVatId);
        VatCheck answer = ask(body);
        if (answer instanceof Unavailable u && u.reason().equals(Unavailable.RATE_LIMITED)) {
            try {
                Thread.sleep(retryPause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
            answer = ask(body);
        }
        return answer;
    }

    private byte[] requestBody(VatId id, String requesterVatId) {
        ObjectNode node = mapper.createObjectNode();
        node.put("countryCode", id.prefix());
        node.put("vatNumber", id.number());
        if (requesterVatId != null && requesterVatId.length() > 2) {
            node.put("requesterMemberStateCode", requesterVatId.substring(0, 2));
            node.put("requesterNumber", requesterVatId.substring(2));
        }
        try {
            return mapper.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a JSON object", e);
        }
    }

    private VatCheck ask(byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        // the customer's request's correlation id (docs/observability.md), so both sides' logs can be matched
        String correlationId = org.slf4j.MDC.get(com.subscriptionsuite.adapters.http.HttpApi.CORRELATION_ID);
        if (correlationId != null) {
            builder.header("X-Request-Id", correlationId);
        }
        HttpRequest request = builder.build();
        HttpResponse<byte[]> response;
        try {
            response = client.get().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            LOG.warn("VIES did not answer within {}", timeout);
            return new Unavailable(Unavailable.TIMEOUT);
        } catch (IOException e) {
            LOG.warn("VIES could not be reached: {}", e.toString());
            return new Unavailable(Unavailable.SERVICE_UNAVAILABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unavailable(Unavailable.SERVICE_UNAVAILABLE);
        }
        return answer(response.statusCode(), response.body());
    }

    private VatCheck answer(int status, byte[] body) {
        JsonNode json = parse(body);
        String fault = fault(json);
        if (fault != null) {
            LOG.info("VIES answered {} with fault {}", status, fault);
            return fromFault(fault);
        }
        if (status >= 200 && status < 300 && json != null && json.path("valid").isBoolean()) {
            return new Confirmed(json.path("valid").booleanValue(), text(json, "name"), text(json, "address"),
                    text(json, "requestIdentifier"), date(text(json, "requestDate")), null);
        }
        LOG.warn("VIES answered {} without a result", status);
        return new Unavailable(status == 429 ? Unavailable.RATE_LIMITED : Unavailable.SERVICE_UNAVAILABLE);
    }

    /** The fault code of an answer: the first of {@code errorWrappers}, or a fault in {@code userError}. */
    private static String fault(JsonNode json) {
        if (json == null) {
            return null;
        }
        JsonNode wrappers = json.path("errorWrappers");
        if (wrappers.isArray() && !wrappers.isEmpty()) {
            String error = wrappers.get(0).path("error").asText("");
            return error.isEmpty() ? "SERVICE_UNAVAILABLE" : error;
        }
        String userError = json.path("userError").asText("");
        if (!userError.isEmpty() && !userError.equals("VALID") && !userError.equals("INVALID")
                && !json.path("valid").booleanValue()) {
            return userError;
        }
        return null;
    }

    private static VatCheck fromFault(String fault) {
        if (fault.equals("INVALID_INPUT")) {
            return Confirmed.invalidInput();
        }
        if (RATE_LIMITS.contains(fault)) {
            return new Unavailable(Unavailable.RATE_LIMITED);
        }
        return switch (fault) {
            case "MS_UNAVAILABLE" -> new Unavailable(Unavailable.MS_UNAVAILABLE);
            case "TIMEOUT" -> new Unavailable(Unavailable.TIMEOUT);
            default -> new Unavailable(Unavailable.SERVICE_UNAVAILABLE);
        };
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A text field; VIES's {@code "---"} (not available) and blanks are null. */
    private static String text(JsonNode json, String field) {
        JsonNode node = json.path(field);
        if (!node.isTextual()) {
            return null;
        }
        String value = node.textValue().trim();
        return value.isEmpty() || value.equals("---") ? null : value;
    }

    /** The date part of VIES's {@code requestDate} ({@code 2026-11-21T10:00:00.000Z} or {@code 2026-11-21+01:00}). */
    private static LocalDate date(String raw) {
        if (raw == null || raw.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(raw.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
