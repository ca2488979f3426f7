package com.subscriptionsuite.zuora.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/** The demo catalog {@code main} seeds, and catalog seeding from JSON for a separately started simulator. */
final class DemoCatalog {
    private DemoCatalog() {}

    /** Every charge taxable (TaxExclusive, no tax code): taxed once a tax rate is set (--tax-rate=DE:0.19). */
    static void seed(Catalog catalog) {
        catalog.addProduct(Catalog.product("Subscription Suite").sku("SUITE")
                .ratePlan(Catalog.ratePlan("Monthly")
                        .charge(taxable(Catalog.recurring("Seats", "PerUnit").price("USD", "10.00").price("EUR", "9.00")))
                        .charge(taxable(Catalog.oneTime("Setup", "FlatFee").price("USD", "50.00").price("EUR", "45.00"))))
                .ratePlan(Catalog.ratePlan("Annual")
                        .charge(taxable(Catalog.recurring("Seats", "PerUnit").billingPeriod("Annual").price("USD", "100.00")
                                .price("EUR", "90.00"))))
                .ratePlan(Catalog.ratePlan("Volume discount 10%")
                        .charge(taxable(Catalog.recurring("Discount", "DiscountPercentage").price("USD", "10").price("EUR", "10")))));
    }

    private static Catalog.ChargeBuilder taxable(Catalog.ChargeBuilder c) {
        return c.attribute("taxable", true).attribute("taxMode", "TaxExclusive");
    }

    /**
     * {"name", "sku", "ratePlans":[{"name", "charges":[{"name", "type": Recurring|OneTime|Usage, "model",
     * "billingPeriod", "prices": {"USD": "10.00"}, "tiers": {"USD": [{"startingUnit","endingUnit","price","priceFormat"}]},
     * "taxable": true, "taxCode", "taxMode", "applyDiscountTo", "attributes": {any other charge field}}]}]}
     */
    static Catalog.Product fromJson(Catalog catalog, JsonNode p) {
        Catalog.ProductBuilder pb = Catalog.product(p.path("name").asText("Product"));
        if (p.hasNonNull("id")) {
            pb.id(p.get("id").asText());
        }
        if (p.hasNonNull("sku")) {
            pb.sku(p.get("sku").asText());
        }
        for (JsonNode rp : p.path("ratePlans")) {
            Catalog.RatePlanBuilder rb = Catalog.ratePlan(rp.path("name").asText("Plan"));
            if (rp.hasNonNull("id")) {
                rb.id(rp.get("id").asText());
            }
            for (JsonNode c : rp.path("charges")) {
                String type = c.path("type").asText("Recurring");
                String model = c.path("model").asText("FlatFee");
                Catalog.ChargeBuilder cb = "OneTime".equals(type) ? Catalog.oneTime(c.path("name").asText(), model)
                        : "Usage".equals(type) ? Catalog.usage(c.path("name").asText(), model)
                        : Catalog.recurring(c.path("name").asText(), model);
                if (c.hasNonNull("id")) {
                    cb.id(c.get("id").asText());
                }
                if (c.hasNonNull("billingPeriod")) {
                    cb.billingPeriod(c.get("billingPeriod").asText());
                }
                if (c.hasNonNull("billingTiming")) {
                    cb.billingTiming(c.get("billingTiming").asText());
                }
                c.path("prices").properties().forEach(e -> cb.price(e.getKey(), e.getValue().asText()));
                if (c.has("taxable")) {
                    cb.attribute("taxable", c.get("taxable").asBoolean());
                }
                for (String field : new String[] {"taxCode", "taxMode", "applyDiscountTo"}) {
                    if (c.hasNonNull(field)) {
                        cb.attribute(field, c.get(field).asText());
                    }
                }
                c.path("attributes").properties().forEach(e -> cb.attribute(e.getKey(),
                        ZuoraSimulator.JSON.convertValue(e.getValue(), Object.class)));
                c.path("tiers").properties().forEach(e -> {
                    for (JsonNode t : e.getValue()) {
                        cb.tier(e.getKey(), t.path("startingUnit").asText("0"),
                                t.hasNonNull("endingUnit") ? t.get("endingUnit").asText() : null,
                                t.path("price").asText(), t.path("priceFormat").asText("PerUnit"));
                    }
                });
                rb.charge(cb);
            }
            pb.ratePlan(rb);
        }
        return catalog.addProduct(pb);
    }
}
