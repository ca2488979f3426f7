package com.subscriptionsuite.adapters.zuora.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesforceSettingsTest {
    @Test
    void names_every_missing_or_malformed_variable() {
        var problems = SalesforceSettings.fromEnvironment(Map.of(SalesforceSettings.LOGIN_URL, "ftp://x",
                SalesforceSettings.READ_TIMEOUT_MS, "soon", SalesforceSettings.USERNAME, "u",
                SalesforceSettings.API_VERSION, "v62")).getLeft();

        assertThat(String.join("\n", problems)).contains(SalesforceSettings.LOGIN_URL, SalesforceSettings.CLIENT_ID,
                SalesforceSettings.CLIENT_SECRET, SalesforceSettings.READ_TIMEOUT_MS, SalesforceSettings.PASSWORD,
                SalesforceSettings.API_VERSION);
    }

    @Test
    void reads_defaults_and_never_shows_the_secrets() {
        SalesforceSettings settings = SalesforceSettings.fromEnvironment(Map.of(SalesforceSettings.LOGIN_URL,
                "https://login.salesforce.com/", SalesforceSettings.CLIENT_ID, "id",
                SalesforceSettings.CLIENT_SECRET, "s3cr3t-value", SalesforceSettings.USERNAME, "u@example.com",
                SalesforceSettings.PASSWORD, "pa55-value")).get();

        assertThat(settings.loginUrl()).isEqualTo("https://login.salesforce.com");
        assertThat(settings.apiVersion()).isEqualTo(SalesforceSettings.DEFAULT_API_VERSION);
        assertThat(settings.acceptedStatus()).isEqualTo("Accepted");
        assertThat(settings.openStatuses()).contains("New");
        assertThat(settings.toString()).doesNotContain("s3cr3t-value", "pa55-value");
    }

    @Test
    void an_accepted_status_may_not_also_be_open() {
        assertThat(SalesforceSettings.fromEnvironment(Map.of(SalesforceSettings.LOGIN_URL, "https://x.example",
                SalesforceSettings.CLIENT_ID, "id", SalesforceSettings.CLIENT_SECRET, "s",
                SalesforceSettings.OPEN_STATUSES, "New,Accepted")).getLeft())
                .anySatisfy(p -> assertThat(p).contains(SalesforceSettings.OPEN_STATUSES));
    }
}
