package com.subscriptionsuite.application.port.out.webhooks;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The webhook endpoints each tenant's file names (docs/webhooks.md): kept in the engine's database so
 * every instance sees the same ones; replaced whole when the tenant file is loaded.
 */
public interface WebhookEndpoints {
    /** Replaces the tenant's endpoints (its own unit, or the running one). */
    void replace(long tenantId, List<Endpoint> endpoints);

    /** The tenant's endpoints, by name. */
    List<Endpoint> endpoints(long tenantId);

    /**
     * One endpoint: its name (unique in the tenant), the URL it is posted to, the event types it gets
     * (wire names; empty = all), and the name of the environment variable holding its signing secret.
     */
    record Endpoint(long tenantId, String name, String url, Set<String> eventTypes, String secretEnv) {
        public Endpoint {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            eventTypes = Set.copyOf(eventTypes);
            Objects.requireNonNull(secretEnv, "secretEnv");
        }

        public boolean wants(String eventType) {
            return eventTypes.isEmpty() || eventTypes.contains(eventType);
        }
    }
}
