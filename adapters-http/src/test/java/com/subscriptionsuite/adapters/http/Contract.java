package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The project's OpenAPI document as the contract: every response a test receives is validated
 * against it, success and error alike. A response to a request that matches no operation
 * (route_not_found, method_not_allowed) is validated against the {@code Error} schema.
 */
final class Contract {
    static final String YAML = load();
    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForInlineApiSpecification(YAML).build();
    static final OpenAPI MODEL = parse();
    private static final SchemaValidator SCHEMAS = new SchemaValidator(MODEL, new MessageResolver());
    private static final List<String> NO_OPERATION =
            List.of("validation.request.path.missing", "validation.request.operation.notAllowed");

    private Contract() {
    }

    static void assertConforms(String method, String path, Reply reply) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status()).withBody(reply.body());
        reply.headers().map().forEach((name, values) -> response.withHeader(name, values));
        reply.headers().firstValue("Content-Type").ifPresent(response::withContentType);
        ValidationReport report = VALIDATOR.validateResponse(path, Request.Method.valueOf(method), response.build());
        boolean noOperation = report.getMessages().stream().anyMatch(m -> NO_OPERATION.contains(m.getKey()));
        if (noOperation) {
            assertThat(reply.status()).as("status for a request matching no operation").isIn(404, 405);
            report = SCHEMAS.validate(reply.body(), MODEL.getComponents().getSchemas().get("Error"), "response.body");
        }
        if (report.hasErrors()) {
            fail("%s %s answered %d, which does not conform to openapi.yaml:%n%s%nbody: %s", method, path,
                    reply.status(), describe(report), reply.body());
        }
    }

    /** For replies read off a raw socket: the body has the {@code Error} schema. */
    static void assertErrorShape(String body) {
        ValidationReport report = SCHEMAS.validate(body, MODEL.getComponents().getSchemas().get("Error"), "response.body");
        if (report.hasErrors()) {
            fail("error body does not conform to openapi.yaml:%n%s%nbody: %s", describe(report), body);
        }
    }

    private static String describe(ValidationReport report) {
        return report.getMessages().stream().map(m -> "  " + m.getLevel() + " " + m.getKey() + ": " + m.getMessage()
                + (m.getNestedMessages().isEmpty() ? "" : " " + m.getNestedMessages().stream()
                        .map(ValidationReport.Message::getMessage).collect(Collectors.joining("; "))))
                .collect(Collectors.joining("\n"));
    }

    private static String load() {
        try (InputStream in = Contract.class.getResourceAsStream("/openapi/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi/openapi.yaml is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OpenAPI parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        var result = new OpenAPIV3Parser().readContents(YAML, null, options);
        if (result.getMessages() != null && !result.getMessages().isEmpty()) {
            throw new IllegalStateException("openapi.yaml does not parse cleanly: " + result.getMessages());
        }
        return result.getOpenAPI();
    }
}
