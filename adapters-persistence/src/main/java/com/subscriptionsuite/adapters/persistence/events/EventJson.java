package com.subscriptionsuite.adapters.persistence.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.subscriptionsuite.application.port.out.events.BusinessEvent;
import com.subscriptionsuite.application.port.out.events.EventPayload;
import com.subscriptionsuite.application.port.out.events.EventType;
import java.time.Instant;

/**
 * The JSON of a business event (docs/events.md): an envelope {@code id, type, tenant_id,
 * occurred_at, ordering_key, data} with the typed payload in snake_case under {@code data}. The same
 * text is stored, handed to listeners and posted to webhooks; it is read back into the typed event.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {
    }

    public static String write(BusinessEvent event) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", event.id());
        root.put("type", event.type().wireName());
        root.put("tenant_id", event.tenantId());
        root.put("occurred_at", event.occurredAt().toString());
        root.put("ordering_key", event.orderingKey());
        root.set("data", MAPPER.valueToTree(event.payload()));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.id() + " cannot be written as JSON", e);
        }
    }

    public static BusinessEvent read(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            EventType type = EventType.fromWireName(root.get("type").asText())
                    .getOrElseThrow(() -> new IllegalStateException("unknown event type in " + json));
            EventPayload payload = MAPPER.treeToValue(root.get("data"), payloadClass(type));
            return new BusinessEvent(root.get("id").asText(), type, root.get("tenant_id").asLong(),
                    Instant.parse(root.get("occurred_at").asText()), root.get("ordering_key").asText(), payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored event is not readable JSON", e);
        }
    }

    /** The same JSON with another occurred_at (a scheduled event when released). */
    static String occurringAt(String json, Instant at) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(json);
            root.put("occurred_at", at.toString());
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored event is not readable JSON", e);
        }
    }

    static Class<? extends EventPayload> payloadClass(EventType type) {
        return switch (type) {
            case ACCOUNT_OPENED -> EventPayload.AccountOpened.class;
            case SUBSCRIPTION_CREATED -> EventPayload.SubscriptionCreated.class;
            case SUBSCRIPTION_QUANTITY_CHANGED, SUBSCRIPTION_UPGRADED, SUBSCRIPTION_DOWNGRADED,
                    SUBSCRIPTION_CANCEL_BOOKED -> EventPayload.SubscriptionChanged.class;
            case SUBSCRIPTION_CANCELLED -> EventPayload.SubscriptionCancelled.class;
            case INVOICE_RAISED -> EventPayload.InvoiceRaised.class;
            case PAYMENT_METHOD_CHANGED -> EventPayload.PaymentMethodChanged.class;
            case QUOTE_ACCEPTED -> EventPayload.QuoteAccepted.class;
            case SUBSCRIPTION_CHANGE_WITHDRAWN -> EventPayload.ChangeWithdrawn.class;
        };
    }
}
