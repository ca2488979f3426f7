package com.subscriptionsuite.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.subscriptionsuite.application.port.out.webhooks.WebhookDeliveries.Delivery;
import com.subscriptionsuite.application.port.out.webhooks.WebhookDeliveries.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** GET /admin/webhooks/deliveries and POST /admin/webhooks/deliveries/{id}/resend, with the admin key. */
class WebhookAdminIT {
    private static final String LIST = "/admin/webhooks/deliveries";
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private final Http acme = TestServer.tenant("acme");
    private final Http admin = acme.bearer(TestServer.ACME_ADMIN_KEY);
    private final Http otherAdmin = TestServer.tenant("other").bearer(TestServer.OTHER_ADMIN_KEY);

    @Test
    void asks_for_the_tenants_own_admin_key() {
        acme.get(LIST).error(401, "admin_key_invalid");
        acme.bearer(TestServer.OTHER_ADMIN_KEY).get(LIST).error(401, "admin_key_invalid");
        acme.bearer(TestServer.OTHER_ADMIN_KEY).post(LIST + "/1/resend").error(401, "admin_key_invalid");
    }

    @Test
    void lists_the_tenants_deliveries_newest_first_filtered_and_paged() {
        Delivery failed = TestServer.WEBHOOKS.put(1, Status.FAILED, AT);
        Delivery delivered = TestServer.WEBHOOKS.put(1, Status.DELIVERED, AT);
        Delivery others = TestServer.WEBHOOKS.put(2, Status.FAILED, AT);

        JsonNode all = admin.get(LIST + "?size=100").ok();
        assertThat(all.path("deliveries").findValuesAsText("event_id")).contains(failed.eventId(),
                delivered.eventId()).doesNotContain(others.eventId());
        JsonNode onlyFailed = admin.get(LIST + "?status=failed&size=100").ok();
        assertThat(onlyFailed.path("deliveries").findValuesAsText("status")).containsOnly("failed");
        assertThat(onlyFailed.path("deliveries").findValuesAsText("event_id")).contains(failed.eventId());
        JsonNode first = onlyFailed.path("deliveries").get(0);
        assertThat(first.path("attempts").asInt()).isEqualTo(3);
        assertThat(first.path("last_status").asInt()).isEqualTo(500);
        assertThat(first.path("last_error").asText()).isEqualTo("HTTP 500");
        assertThat(admin.get(LIST + "?size=1").ok().path("deliveries")).hasSize(1);
        assertThat(admin.get(LIST + "?page=1000&size=100").ok().path("deliveries")).isEmpty();
    }

    @Test
    void refuses_a_bad_status_page_size_or_id_naming_it() {
        assertThat(admin.get(LIST + "?status=parked").error(400, "field_type").path("details").get(0)
                .path("field").asText()).isEqualTo("status");
        admin.get(LIST + "?size=0").error(400, "field_type");
        admin.get(LIST + "?size=101").error(400, "field_type");
        admin.get(LIST + "?page=-1").error(400, "field_type");
        admin.post(LIST + "/abc/resend").error(400, "field_type");
    }

    @Test
    void resends_a_failed_delivery_of_the_tenant_only() {
        Delivery failed = TestServer.WEBHOOKS.put(1, Status.FAILED, AT);
        Delivery delivered = TestServer.WEBHOOKS.put(1, Status.DELIVERED, AT);

        otherAdmin.post(LIST + "/" + failed.id() + "/resend").error(404, "webhook_delivery_not_found");
        admin.post(LIST + "/" + delivered.id() + "/resend").error(409, "webhook_delivery_not_failed");
        admin.post(LIST + "/999999/resend").error(404, "webhook_delivery_not_found");
        JsonNode resent = admin.post(LIST + "/" + failed.id() + "/resend").ok();
        assertThat(resent.path("status").asText()).isEqualTo("pending");
        assertThat(resent.path("first_attempt_at").isNull()).isTrue();
        admin.post(LIST + "/" + failed.id() + "/resend").error(409, "webhook_delivery_not_failed");
    }
}
