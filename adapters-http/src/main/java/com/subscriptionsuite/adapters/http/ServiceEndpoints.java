package com.subscriptionsuite.adapters.http;

import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.routing.Access;
import com.subscriptionsuite.adapters.http.routing.Route;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** GET /health and GET /openapi.yaml: no tenant needed. */
final class ServiceEndpoints {
    static final String OPENAPI_RESOURCE = "/openapi/openapi.yaml";

    private final Json json;
    private final byte[] openApi;

    private ServiceEndpoints(Json json, byte[] openApi) {
        this.json = json;
        this.openApi = openApi;
    }

    static List<Route> routes(Json json) {
        ServiceEndpoints e = new ServiceEndpoints(json, loadOpenApi());
        return List.of(
                Route.get("/health", Route.Scope.GLOBAL, Access.PUBLIC, e::health),
                Route.get("/openapi.yaml", Route.Scope.GLOBAL, Access.PUBLIC, e::openApi));
    }

    record Health(String status) {
    }

    void health(Context ctx) {
        json.ok(ctx, new Health("UP"));
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
