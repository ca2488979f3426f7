package com.subscriptionsuite.adapters.http.pricing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.subscriptionsuite.domain.pricing.Amounts;
import com.subscriptionsuite.domain.pricing.ChargePrice;
import com.subscriptionsuite.domain.pricing.PeriodPrice;
import com.subscriptionsuite.domain.pricing.PricePreview;
import com.subscriptionsuite.domain.pricing.RatePlanPrice;
import com.subscriptionsuite.domain.pricing.SuiteProductPrice;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes the preview's answer token by token: the same bytes as Jackson's serialisation of
 * {@link SubscribeOptionWithPrice} (the wire shape's definition, field for field and in its order;
 * {@code PreviewWriterTest} compares the two), without building those records and without reflection.
 * The preview is the API's hot read; writing its ~2.4 KB answer through the records was the largest
 * part of its cost over a trivial endpoint (docs/benchmarks.md §2).
 */
final class PreviewWriter {
    private PreviewWriter() {
    }

    static void write(PricePreview preview, JsonGenerator g) throws IOException {
        String currency = preview.currency().getCode();
        g.writeStartArray();
        for (SuiteProductPrice sp : preview.suiteProducts()) {
            g.writeStartObject();
            g.writeNumberField("id", sp.id());
            g.writeNumberField("quantity", sp.quantity());
            g.writeNumberField("order_pos", sp.orderPos());
            periods(sp.prices(), g);
            g.writeArrayFieldStart("rate_plans");
            for (RatePlanPrice rp : sp.ratePlans()) {
                g.writeStartObject();
                g.writeNumberField("id", rp.id());
                g.writeNumberField("quantity", rp.quantity());
                periods(rp.prices(), g);
                g.writeArrayFieldStart("charges");
                for (ChargePrice c : rp.charges()) {
                    charge(c, g);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("currency", currency);
            tax(preview, g);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** {@code "prices": [...]}: the amounts of each billing period. */
    private static void periods(List<PeriodPrice> prices, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("prices");
        for (PeriodPrice p : prices) {
            g.writeStartObject();
            g.writeStringField("billing_period", p.billingPeriod());
            amounts(p.amounts(), g);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void charge(ChargePrice c, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", c.id());
        number("quantity", c.quantity(), g);
        g.writeStringField("billing_period", c.billingPeriod());
        g.writeObjectFieldStart("prices");
        amounts(c.amounts(), g);
        g.writeEndObject();
        if (c.usage()) {
            g.writeBooleanField("is_usage", true);
            if (c.unitPrice() != null) {
                number("unit_price", c.unitPrice().getAmount(), g);
            }
        }
        g.writeEndObject();
    }

    private static void amounts(Amounts a, JsonGenerator g) throws IOException {
        g.writeBooleanField("is_discounted", a.discounted());
        number("netto", a.netto().getAmount(), g);
        number("tax", a.tax().getAmount(), g);
        number("brutto", a.brutto().getAmount(), g);
        number("original_netto", a.originalNetto().getAmount(), g);
        number("original_tax", a.originalTax().getAmount(), g);
        number("original_brutto", a.originalBrutto().getAmount(), g);
    }

    private static void tax(PricePreview preview, JsonGenerator g) throws IOException {
        SubscribeOptionWithPrice.TaxEntry tax = SubscribeOptionWithPrice.TaxEntry.from(preview.tax());
        g.writeObjectFieldStart("tax");
        g.writeStringField("country", tax.country());
        number("rate", tax.rate(), g);
        g.writeStringField("reason", tax.reason());
        g.writeStringField("explanation", tax.explanation());
        g.writeEndObject();
    }

    private static void number(String name, BigDecimal value, JsonGenerator g) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value);
        }
    }
}
