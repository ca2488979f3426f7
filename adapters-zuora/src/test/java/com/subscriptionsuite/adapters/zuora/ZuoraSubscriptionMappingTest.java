package com.subscriptionsuite.adapters.zuora;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.subscriptionsuite.application.fixtures.TeamShop;
import com.subscriptionsuite.application.ledger.TeamShopBilling;
import com.subscriptionsuite.domain.billing.SubscribedCharge;
import com.subscriptionsuite.domain.billing.Subscription;
import com.subscriptionsuite.domain.billing.SubscriptionStatus;
import com.subscriptionsuite.domain.catalog.Catalog;
import com.subscriptionsuite.domain.catalog.ChargeType;
import com.subscriptionsuite.domain.pricing.CartLine;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

class ZuoraSubscriptionMappingTest {
    private final ObjectMapper mapper = new ZuoraClient(ZuoraSettings.of("http://localhost:1", "id", "secret")).mapper;
    private final Catalog catalog = ZuoraTestCatalogs.withZuoraIds(TeamShopBilling.shop()).catalog();

    private static final String BASIC = """
            {"id":"v2id","subscriptionNumber":"A-S00000001","version":2,"status":"Active","accountId":"acc1",
             "currency":"EUR","termType":"TERMED","initialTerm":12,"initialTermPeriodType":"Month","renewalTerm":12,
             "renewalTermPeriodType":"Month","autoRenew":true,"contractEffectiveDate":"2025-05-06",
             "subscriptionEndDate":"2026-05-06","SuiteProductId__c":"901","SuiteRequestKey__c":"op:subscribe",
             "ratePlans":[{"id":"rp1","productRatePlanId":"zplan811","ratePlanName":"Basic monthly","ratePlanCharges":[
               {"id":"c1v2","originalChargeId":"c1","number":"C-00000001","productRatePlanChargeId":"8a80charge821",
                "name":"Basic seats","type":"Recurring","model":"PerUnit","price":29.90,"quantity":2,"segment":1,
                "effectiveStartDate":"2025-05-06","effectiveEndDate":"2025-05-20","chargedThroughDate":"2025-06-06",
                "chargeSegments":[
                  {"id":"s1","segment":1,"quantity":2,"price":29.90,"effectiveStartDate":"2025-05-06",
                   "effectiveEndDate":"2025-05-20","chargedThroughDate":"2025-06-06"},
                  {"id":"s2","segment":2,"quantity":5,"price":29.90,"effectiveStartDate":"2025-05-20",
                   "chargedThroughDate":"2025-06-06"}]},
               {"id":"c2","number":"C-00000002","productRatePlanChargeId":"zcharge822","name":"Setup",
                "type":"OneTime","model":"FlatFee","price":10.00,"quantity":1,"segment":1,
                "effectiveStartDate":"2025-05-06","effectiveEndDate":"2025-05-07","chargedThroughDate":"2025-05-07"}]}]}
            """;

    @Test
    void maps_a_zuora_subscription_with_its_segments_back_to_the_catalog() throws Exception {
        Subscription s = ZuoraMapping.subscription(mapper.readValue(BASIC, ZuoraDtos.SubscriptionRead.class), 1,
                catalog);

        assertThat(s.id()).isEqualTo("A-S00000001");
        assertThat(s.number()).isEqualTo("A-S00000001");
        assertThat(s.uuid()).isEqualTo(ZuoraMapping.uuid("acc1", "A-S00000001"));
        assertThat(s.version()).isEqualTo(2);
        assertThat(s.startDate()).isEqualTo(LocalDate.of(2025, 5, 6));
        assertThat(s.chargedThroughDate()).isEqualTo(LocalDate.of(2025, 6, 6));
        assertThat(s.terms().initialMonths()).isEqualTo(12);
        assertThat(s.cancelDate()).isNull();
        assertThat(s.charges()).hasSize(3);
        List<SubscribedCharge> seats = s.charges().stream().filter(c -> c.type() == ChargeType.RECURRING).toList();
        assertThat(seats).extracting(SubscribedCharge::segment).containsExactly(1, 2);
        assertThat(seats).extracting(SubscribedCharge::originalId).containsOnly("c1");
        assertThat(seats).extracting(SubscribedCharge::number).containsOnly("C-00000001");
        assertThat(seats.get(1).quantity()).isEqualTo(5);
        assertThat(seats.get(1).periodPrice()).isEqualTo(Money.parse("EUR 149.50"));
        assertThat(seats.get(0).effectiveEnd()).isEqualTo(LocalDate.of(2025, 5, 20));
        assertThat(seats).allSatisfy(c -> {
            assertThat(c.suiteProductId()).isEqualTo(TeamShop.BASIC);
            assertThat(c.ratePlanId()).isEqualTo(811);
            assertThat(c.chargeId()).isEqualTo(TeamShop.BASIC_SEATS);
        });
    }

    @Test
    void a_cancelled_subscription_is_cancelled_from_its_end_date() throws Exception {
        String cancelled = BASIC.replace("\"status\":\"Active\"", "\"status\":\"Cancelled\"")
                .replace("2026-05-06", "2025-06-06");

        Subscription s = ZuoraMapping.subscription(mapper.readValue(cancelled, ZuoraDtos.SubscriptionRead.class), 1,
                catalog);

        assertThat(s.cancelDate()).isEqualTo(LocalDate.of(2025, 6, 6));
        assertThat(s.statusOn(LocalDate.of(2025, 6, 5))).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(s.statusOn(LocalDate.of(2025, 6, 6))).isEqualTo(SubscriptionStatus.CANCELLED);
    }

    @Test
    void a_cart_line_becomes_one_create_subscription_with_its_quantity_and_custom_fields() throws Exception {
        var sp = catalog.suiteProduct(TeamShop.BASIC).get();
        CartLine line = new CartLine(sp.id(), 3, 1, List.of(catalog.ratePlan(sp.ratePlanId()).get()));

        @SuppressWarnings("unchecked")
        Map<String, Object> json = mapper.readValue(mapper.writeValueAsString(ZuoraMapping.newSubscription("A001", sp,
                line, LocalDate.of(2025, 5, 6), "op:subscribe")), Map.class);

        assertThat(json.get("customFields")).isEqualTo(Map.of(ZuoraMapping.SUITE_PRODUCT, "901",
                ZuoraMapping.SUBSCRIBE_KEY, "op:subscribe", ZuoraMapping.LINE_QUANTITY, "3"));
        String text = mapper.writeValueAsString(json);
        assertThat(text).contains("\"type\":\"CreateSubscription\"", "\"productRatePlanId\":\"zplan811\"",
                "\"productRatePlanChargeId\":\"8a80charge821\"", "\"recurringPerUnit\":{\"quantity\":3}",
                "\"termType\":\"TERMED\"", "\"subscriptionOwnerAccountNumber\":\"A001\"");
        assertThat(text).doesNotContain("zcharge822");
    }
}
