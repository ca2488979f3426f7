package com.subscriptionsuite.adapters.zuora;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.subscriptionsuite.application.port.out.billing.AccountRef;
import com.subscriptionsuite.application.port.out.billing.BillingGateway;
import com.subscriptionsuite.domain.account.AccountDetails;
import com.subscriptionsuite.domain.billing.BillingAccount;
import java.time.Instant;
import java.util.Map;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

class ZuoraMappingTest {
    private final ObjectMapper mapper = new ZuoraClient(ZuoraSettings.of("http://localhost:1", "id", "secret")).mapper;

    private static AccountDetails consumer() {
        return new AccountDetails(false, null, "Ann", "Example", "Hauptstr. 1", "10115", "Berlin", null, "DE",
                "ann@example.com", "+49 30 1234567", "2nd floor", false, null, null, null, null, null, null, null, null,
                null, null, "EUR");
    }

    private static AccountDetails companyWithBillingAddress() {
        return new AccountDetails(true, "Example GmbH", "Ann", "Example", "Hauptstr. 1", "10115", "Berlin", null, "DE",
                "ann@example.com", "+49 30 1234567", null, true, "Bea", "Billing", "Rechnungsweg 5", "Postfach 9",
                "80331", "München", "DE", "billing@example.com", "+49 89 1", "DE123456789", "EUR");
    }

    @Test
    void bill_to_is_the_billing_address_when_there_is_one_else_the_contact_address() {
        assertThat(ZuoraMapping.billTo(consumer())).isEqualTo(ZuoraMapping.soldTo(consumer()));
        ZuoraDtos.Contact billTo = ZuoraMapping.billTo(companyWithBillingAddress());
        assertThat(billTo.firstName()).isEqualTo("Bea");
        assertThat(billTo.address1()).isEqualTo("Rechnungsweg 5");
        assertThat(billTo.city()).isEqualTo("München");
    }

    @Test
    void a_new_account_bills_on_the_day_of_month_it_was_opened_without_auto_pay_and_names_its_customer()
            throws Exception {
        BillingGateway.OpenAccount open = new BillingGateway.OpenAccount(7, 42, CurrencyUnit.EUR, consumer(), "pm-1",
                Instant.parse("2025-05-31T23:30:00Z"));

        @SuppressWarnings("unchecked")
        Map<String, Object> json = mapper.readValue(mapper.writeValueAsString(ZuoraMapping.createAccount(open)), Map.class);

        assertThat(json.get("billCycleDay")).isEqualTo(31);
        assertThat(json.get("autoPay")).isEqualTo(false);
        assertThat(json.get("currency")).isEqualTo("EUR");
        assertThat(json.get("name")).isEqualTo("Ann Example");
        assertThat(json.get("hpmCreditCardPaymentMethodId")).isEqualTo("pm-1");
        assertThat(json.get(ZuoraMapping.TENANT)).isEqualTo("7");
        assertThat(json.get(ZuoraMapping.USER)).isEqualTo("42");
        assertThat(((Map<?, ?>) json.get("billToContact")).get("address1")).isEqualTo("Hauptstr. 1");
        assertThat(json).doesNotContainKey("customFields");
    }

    @Test
    void an_account_read_back_gives_the_details_it_was_opened_with() throws Exception {
        AccountDetails details = companyWithBillingAddress();
        BillingGateway.OpenAccount open = new BillingGateway.OpenAccount(7, 42, CurrencyUnit.EUR, details, null,
                Instant.parse("2025-05-06T09:00:00Z"));
        ZuoraDtos.CreateAccount sent = ZuoraMapping.createAccount(open);
        Map<String, Object> basicInfo = new java.util.HashMap<>(sent.customFields());
        basicInfo.put("id", "2c9");
        basicInfo.put("accountNumber", "A00000001");
        String answer = mapper.writeValueAsString(Map.of(
                "basicInfo", basicInfo,
                "billingAndPayment", Map.of("currency", "EUR", "defaultPaymentMethodId", "pm-9"),
                "billToContact", sent.billToContact(),
                "soldToContact", sent.soldToContact(),
                "taxInfo", Map.of("VATId", "DE123456789"),
                "success", true));

        ZuoraDtos.Account read = mapper.readValue(answer, ZuoraDtos.Account.class);
        BillingAccount account = ZuoraMapping.account(read, 7, 42);

        assertThat(account.details()).isEqualTo(details);
        assertThat(account.id()).isEqualTo("2c9");
        assertThat(account.number()).isEqualTo("A00000001");
        assertThat(account.paymentMethodId()).isEqualTo("pm-9");
        assertThat(account.createdAt()).isEqualTo(Instant.parse("2025-05-06T09:00:00Z"));
        assertThat(ZuoraMapping.owns(read, new AccountRef(7, 42, "2c9"))).isTrue();
        assertThat(ZuoraMapping.owns(read, new AccountRef(7, 43, "2c9"))).isFalse();
        assertThat(ZuoraMapping.owns(read, new AccountRef(8, 42, "2c9"))).isFalse();
    }

    @Test
    void countries_named_by_zuora_go_back_to_their_codes() {
        assertThat(ZuoraMapping.countryCode("Germany")).isEqualTo("DE");
        assertThat(ZuoraMapping.countryCode("DEU")).isEqualTo("DE");
        assertThat(ZuoraMapping.countryCode("de")).isEqualTo("DE");
    }

    @Test
    void order_numbers_are_derived_from_tenant_and_request_key() {
        assertThat(ZuoraMapping.orderNumber(1, "op:subscribe")).isEqualTo(ZuoraMapping.orderNumber(1, "op:subscribe"))
                .isNotEqualTo(ZuoraMapping.orderNumber(2, "op:subscribe"))
                .isNotEqualTo(ZuoraMapping.orderNumber(1, "op:change"))
                .startsWith("SSE-").hasSize(44);
    }

    @Test
    void an_account_remembers_its_recent_update_keys() {
        String kept = null;
        for (int i = 0; i < 20; i++) {
            kept = ZuoraMapping.withUpdateKey(kept, "key-" + i);
        }
        assertThat(ZuoraMapping.seenUpdateKey(kept, "key-19")).isTrue();
        assertThat(ZuoraMapping.seenUpdateKey(kept, "key-12")).isTrue();
        assertThat(ZuoraMapping.seenUpdateKey(kept, "key-0")).isFalse();
        assertThat(kept.length()).isLessThanOrEqualTo(255);
    }

    @Test
    void a_subscriptions_uuid_is_stable_and_opaque() {
        assertThat(ZuoraMapping.uuid("acc", "A-S00000001")).isEqualTo(ZuoraMapping.uuid("acc", "A-S00000001"))
                .isNotEqualTo(ZuoraMapping.uuid("acc", "A-S00000002"));
    }
}
