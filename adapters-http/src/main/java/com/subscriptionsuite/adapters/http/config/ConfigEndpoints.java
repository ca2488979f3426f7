package com.subscriptionsuite.adapters.http.config;

import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.adapters.http.routing.Access;
import com.subscriptionsuite.adapters.http.routing.Route;
import com.subscriptionsuite.adapters.http.tenant.RequestTenant;
import com.subscriptionsuite.application.port.in.config.ReadConfiguration;
import io.javalin.http.Context;
import java.util.List;

/** GET /config. */
public final class ConfigEndpoints {
    private final ReadConfiguration readConfiguration;
    private final Json json;

    private ConfigEndpoints(ReadConfiguration readConfiguration, Json json) {
        this.readConfiguration = readConfiguration;
        this.json = json;
    }

    public static List<Route> routes(ReadConfiguration readConfiguration, Json json) {
        ConfigEndpoints e = new ConfigEndpoints(readConfiguration, json);
        return List.of(Route.get("/config", Route.Scope.TENANT, Access.PUBLIC, e::config));
    }

    void config(Context ctx) {
        json.ok(ctx, ConfigResponse.from(readConfiguration.configuration(RequestTenant.of(ctx).id())));
    }
}
