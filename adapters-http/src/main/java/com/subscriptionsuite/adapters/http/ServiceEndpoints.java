package com.subscriptionsuite.adapters.http;

import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.routing.Access;
import com.subscriptionsuite.adapters.http.routing.Route;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * GET /health, GET /health/live, GET /health/ready and GET /openapi.yaml: no tenant needed.
 * {@code /health} and {@code /health/live} answer 200 while the process serves HTTP at all;
 * {@code /health/ready} asks the host's {@link Readiness} and answers 503 naming what is not ready.
 */
final class ServiceEndpoints {
    static final String OPENAPI_RESOURCE = "/openapi/openapi.yaml";

    private final Json json;
    private final byte[] openApi;
    private final Readiness readiness;

    private ServiceEndpoints(Json json, byte[] openApi, Readiness readiness) {
        this.json = json;
        this.openApi = openApi;
        this.readiness = readiness;
    }

    static List<Route> routes(Json json, Readiness readiness) {
        ServiceEndpoints e = new ServiceEndpoints(json, loadOpenApi(), readiness);
        return List.of(
                Route.get("/health", Route.Scope.GLOBAL, Access.PUBLIC, e::health),
                Route.get("/health/live", Route.Scope.GLOBAL, Access.PUBLIC, e::health),
                Route.get("/health/ready", Route.Scope.GLOBAL, Access.PUBLIC, e::ready),
                Route.get("/openapi.yaml", Route.Scope.GLOBAL, Access.PUBLIC, e::openApi));
    }

    record Health(String status) {
    }

    void health(Context ctx) {
        json.ok(ctx, new Health("UP"));
    }

    /** The readiness answer: {@code UP} with nothing listed, or {@code DOWN} with every failing check. */
    record Ready(String status, List<Check> notReady) {
    }

    record Check(String check, String reason) {
    }

    void ready(Context ctx) {
        List<Readiness.NotReady> failing = readiness.notReady();
        List<Check> checks = failing.stream().map(f -> new Check(f.check(), f.reason())).toList();
        if (checks.isEmpty()) {
            json.ok(ctx, new Ready("UP", checks));
        } else {
            json.write(ctx, 503, new Ready("DOWN", checks));
        }
    }

    void openApi(Context ctx) {
        ctx.status(200).contentType("application/yaml").result(openApi);
    }

    private static byte[] loadOpenApi() {
        try (InputStream in = ServiceEndpoints.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + OPENAPI_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
