package com.subscriptionsuite.adapters.http.pricing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
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
    // the field names, encoded once (JsonGenerator copies their UTF-8 bytes instead of encoding each name again)
    private static final SerializableString BILLING_PERIOD = new SerializedString("billing_period");
    private static final SerializableString BRUTTO = new SerializedString("brutto");
    private static final SerializableString CHARGES = new SerializedString("charges");
    private static final SerializableString COUNTRY = new SerializedString("country");
    private static final SerializableString CURRENCY = new SerializedString("currency");
    private static final SerializableString EXPLANATION = new SerializedString("explanation");
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString IS_DISCOUNTED = new SerializedString("is_discounted");
    private static final SerializableString IS_USAGE = new SerializedString("is_usage");
    private static final SerializableString NETTO = new SerializedString("netto");
    private static final SerializableString ORDER_POS = new SerializedString("order_pos");
    private static final SerializableString ORIGINAL_BRUTTO = new SerializedString("original_brutto");
    private static final SerializableString ORIGINAL_NETTO = new SerializedString("original_netto");
    private static final SerializableString ORIGINAL_TAX = new SerializedString("original_tax");
    private static final SerializableString PRICES = new SerializedString("prices");
    private static final SerializableString QUANTITY = new SerializedString("quantity");
    private static final SerializableString RATE = new SerializedString("rate");
    private static final SerializableString RATE_PLANS = new SerializedString("rate_plans");
    private static final SerializableString REASON = new SerializedString("reason");
    private static final SerializableString TAX = new SerializedString("tax");
    private static final SerializableString UNIT_PRICE = new SerializedString("unit_price");

    private PreviewWriter() {
    }

    static void write(PricePreview preview, JsonGenerator g) throws IOException {
        String currency = preview.currency().getCode();
        g.writeStartArray();
        for (SuiteProductPrice sp : preview.suiteProducts()) {
            g.writeStartObject();
            g.writeFieldName(ID);
            g.writeNumber(sp.id());
            g.writeFieldName(QUANTITY);
            g.writeNumber(sp.quantity());
            g.writeFieldName(ORDER_POS);
            g.writeNumber(sp.orderPos());
            periods(sp.prices(), g);
            g.writeFieldName(RATE_PLANS);
            g.writeStartArray();
            for (RatePlanPrice rp : sp.ratePlans()) {
                g.writeStartObject();
                g.writeFieldName(ID);
                g.writeNumber(rp.id());
                g.writeFieldName(QUANTITY);
                g.writeNumber(rp.quantity());
                periods(rp.prices(), g);
                g.writeFieldName(CHARGES);
                g.writeStartArray();
                for (ChargePrice c : rp.charges()) {
                    charge(c, g);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName(CURRENCY);
            g.writeString(currency);
            tax(preview, g);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** {@code "prices": [...]}: the amounts of each billing period. */
    private static void periods(List<PeriodPrice> prices, JsonGenerator g) throws IOException {
        g.writeFieldName(PRICES);
        g.writeStartArray();
        for (PeriodPrice p : prices) {
            g.writeStartObject();
            g.writeFieldName(BILLING_PERIOD);
            g.writeString(p.billingPeriod());
            amounts(p.amounts(), g);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void charge(ChargePrice c, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeFieldName(ID);
        g.writeNumber(c.id());
        number(QUANTITY, c.quantity(), g);
        g.writeFieldName(BILLING_PERIOD);
        g.writeString(c.billingPeriod());
        g.writeFieldName(PRICES);
        g.writeStartObject();
        amounts(c.amounts(), g);
        g.writeEndObject();
        if (c.usage()) {
            g.writeFieldName(IS_USAGE);
            g.writeBoolean(true);
            if (c.unitPrice() != null) {
                number(UNIT_PRICE, c.unitPrice().getAmount(), g);
            }
        }
        g.writeEndObject();
    }

    private static void amounts(Amounts a, JsonGenerator g) throws IOException {
        g.writeFieldName(IS_DISCOUNTED);
        g.writeBoolean(a.discounted());
        number(NETTO, a.netto().getAmount(), g);
        number(TAX, a.tax().getAmount(), g);
        number(BRUTTO, a.brutto().getAmount(), g);
        number(ORIGINAL_NETTO, a.originalNetto().getAmount(), g);
        number(ORIGINAL_TAX, a.originalTax().getAmount(), g);
        number(ORIGINAL_BRUTTO, a.originalBrutto().getAmount(), g);
    }

    private static void tax(PricePreview preview, JsonGenerator g) throws IOException {
        SubscribeOptionWithPrice.TaxEntry tax = SubscribeOptionWithPrice.TaxEntry.from(preview.tax());
        g.writeFieldName(TAX);
        g.writeStartObject();
        g.writeFieldName(COUNTRY);
        g.writeString(tax.country());
        number(RATE, tax.rate(), g);
        g.writeFieldName(REASON);
        g.writeString(tax.reason());
        g.writeFieldName(EXPLANATION);
        g.writeString(tax.explanation());
        g.writeEndObject();
    }

    private static void number(SerializableString name, BigDecimal value, JsonGenerator g) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            plain(value, g);
        }
    }

    /** The most characters {@link #plain} writes itself: a sign, 19 digits, a point and a leading zero. */
    private static final int PLAIN_MAX = 22;
    private static final ThreadLocal<char[]> PLAIN_CHARS = ThreadLocal.withInitial(() -> new char[PLAIN_MAX]);

    /**
     * Writes {@code value} as {@link BigDecimal#toPlainString()} writes it (the mapper's
     * {@code WRITE_BIGDECIMAL_AS_PLAIN}), the same characters, without its four objects per number
     * (a StringBuilder, its array, the String and the digits' String): the amounts are most of the
     * answer's numbers, and their text was a fifth of what a preview allocated (docs/benchmarks.md §2).
     * Values whose unscaled value does not fit a long, or whose scale is negative or above 18, go
     * through Jackson as before. {@code PreviewWriterTest} compares the two over edge cases and many values.
     */
    static void plain(BigDecimal value, JsonGenerator g) throws IOException {
        int scale = value.scale();
        if (scale < 0 || scale > 18 || value.precision() > 18) {
            g.writeNumber(value);
            return;
        }
        char[] out = PLAIN_CHARS.get();
        // the unscaled value as a long without unscaledValue()'s BigInteger: one compact BigDecimal of scale 0
        int len = plain(value.scaleByPowerOfTen(scale).longValue(), scale, out);
        g.writeNumber(out, 0, len);
    }

    /** The plain text of {@code unscaled} × 10^-{@code scale} ({@code |unscaled|} < 10^18, 0 ≤ scale ≤ 18) into {@code out}. */
    static int plain(long unscaled, int scale, char[] out) {
        boolean negative = unscaled < 0;
        long rest = Math.abs(unscaled);
        // digits right to left into the end of out, at least scale + 1 of them (leading zeros)
        int pos = out.length;
        int digits = 0;
        do {
            if (digits == scale && scale > 0) {
                out[--pos] = '.';
            }
            out[--pos] = (char) ('0' + rest % 10);
            rest /= 10;
            digits++;
        } while (rest > 0 || digits <= scale);
        if (negative) {
            out[--pos] = '-';
        }
        int len = out.length - pos;
        System.arraycopy(out, pos, out, 0, len);
        return len;
    }
}
