package com.subscriptionsuite.adapters.http.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.subscriptionsuite.adapters.http.json.Json;
import com.subscriptionsuite.domain.pricing.Amounts;
import com.subscriptionsuite.domain.pricing.ChargePrice;
import com.subscriptionsuite.domain.pricing.PeriodPrice;
import com.subscriptionsuite.domain.pricing.PricePreview;
import com.subscriptionsuite.domain.pricing.RatePlanPrice;
import com.subscriptionsuite.domain.pricing.SuiteProductPrice;
import com.subscriptionsuite.domain.tax.TaxDecision;
import com.subscriptionsuite.domain.tax.TaxReason;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

/**
 * The preview's streamed answer is byte for byte what Jackson writes for the wire records
 * ({@link SubscribeOptionWithPrice}): every field, its order, usage extensions present or absent,
 * nulls, discounted and undiscounted amounts, plain decimals, whole and fractional tax rates.
 */
class PreviewWriterTest {
    private final Json json = Json.strict();

    @Test
    void writesTheSameBytesAsTheRecords() {
        PricePreview preview = new PricePreview(CurrencyUnit.EUR,
                new TaxDecision("FR", new BigDecimal("0.20"), TaxReason.OSS_DESTINATION, "Consumer in France: \"OSS\" é"),
                List.of(product(2, 5, 0), product(4, 150, 1)));
        assertSame(preview);
    }

    @Test
    void writesFractionalRatesEmptyCartsAndLargeAmountsTheSameWay() {
        assertSame(new PricePreview(CurrencyUnit.EUR,
                new TaxDecision("FI", new BigDecimal("0.255"), TaxReason.DOMESTIC, "Finland"), List.of()));
        assertSame(new PricePreview(CurrencyUnit.of("JPY"),
                new TaxDecision("DE", BigDecimal.ZERO, TaxReason.REVERSE_CHARGE, "reverse charge"),
                List.of(new SuiteProductPrice(9, Long.MAX_VALUE, Integer.MAX_VALUE,
                        List.of(new PeriodPrice("annual", amounts(CurrencyUnit.of("JPY"), "123456789012345", "0"))),
                        List.of()))));
    }

    @Test
    void writesNegativeAndUnusualDecimalsTheSameAsTheRecords() {
        CurrencyUnit eur = CurrencyUnit.EUR;
        Amounts credit = new Amounts(money("-12.30"), money("-2.46"), money("-14.76"), money("0.00"), money("0.00"),
                money("0.00"));
        assertSame(new PricePreview(eur, new TaxDecision("AT", new BigDecimal("1E+1"), TaxReason.DOMESTIC, "x"),
                List.of(new SuiteProductPrice(1, 1, 0, List.of(new PeriodPrice("monthly", credit)),
                        List.of(new RatePlanPrice(1, 1, List.of(), List.of(
                                new ChargePrice(1, new BigDecimal("1E+3"), "monthly", credit, true,
                                        BigMoney.of(eur, new BigDecimal("0.0000000000000000000001"))),
                                new ChargePrice(2, new BigDecimal("12345678901234567890.5"), "monthly", credit, true,
                                        BigMoney.of(eur, new BigDecimal("-0.002"))))))))));
    }

    @Test
    void writesEveryDecimalAsPlainTextExactlyAsBigDecimalDoes() throws Exception {
        List<String> edges = List.of("0", "0.00", "-0.00", "0.05", "-0.05", "1", "-1", "19.99", "-19.99", "100.00",
                "0.000000000000000001", "999999999999999999", "-999999999999999999", "99999999999999999.9",
                "1000000000000000000", "0.1234567890123456789", "1E+1", "-1E+3", "1E-19", "12345678901234567890.5",
                "9223372036854775807", "-9223372036854775808", "0.255", "20", "0.20");
        for (String edge : edges) {
            assertPlain(new BigDecimal(edge));
        }
        java.util.Random random = new java.util.Random(15);
        for (int i = 0; i < 20_000; i++) {
            long unscaled = switch (i % 3) {
                case 0 -> random.nextInt(100_000) - 50_000;
                case 1 -> random.nextLong() / (1L << random.nextInt(63));
                default -> random.nextLong();
            };
            assertPlain(BigDecimal.valueOf(unscaled, random.nextInt(25) - 3));
        }
    }

    private void assertPlain(BigDecimal value) throws Exception {
        String written = new String(json.written(g -> PreviewWriter.plain(value, g)), StandardCharsets.UTF_8);
        assertEquals(value.toPlainString(), written, () -> "unscaled " + value.unscaledValue() + ", scale " + value.scale());
    }

    private void assertSame(PricePreview preview) {
        String records = new String(json.bytes(SubscribeOptionWithPrice.from(preview)), StandardCharsets.UTF_8);
        String streamed = new String(json.written(g -> PreviewWriter.write(preview, g)), StandardCharsets.UTF_8);
        assertEquals(records, streamed);
    }

    private static SuiteProductPrice product(long id, long quantity, int orderPos) {
        CurrencyUnit eur = CurrencyUnit.EUR;
        Amounts monthly = amounts(eur, "100.00", "20.00");
        Amounts discounted = new Amounts(money("90.00"), money("18.00"), money("108.00"), money("100.00"),
                money("20.00"), money("120.00"));
        List<ChargePrice> charges = List.of(
                new ChargePrice(id * 10, new BigDecimal("5"), "monthly", discounted, false, null),
                new ChargePrice(id * 10 + 1, new BigDecimal("150.5"), "monthly", Amounts.zero(eur), true,
                        BigMoney.of(eur, new BigDecimal("0.002"))),
                new ChargePrice(id * 10 + 2, null, null, Amounts.zero(eur), true, null),
                new ChargePrice(id * 10 + 3, BigDecimal.ONE, "one_time", amounts(eur, "0.00", "0.00"), false, null));
        List<PeriodPrice> periods = List.of(new PeriodPrice("monthly", monthly), new PeriodPrice("one_time", discounted),
                new PeriodPrice(null, Amounts.zero(eur)));
        return new SuiteProductPrice(id, quantity, orderPos, periods,
                List.of(new RatePlanPrice(id * 100, quantity, periods, charges),
                        new RatePlanPrice(id * 100 + 1, 0, List.of(), List.of())));
    }

    private static Amounts amounts(CurrencyUnit currency, String netto, String tax) {
        Money n = Money.of(currency, new BigDecimal(netto));
        Money t = Money.of(currency, new BigDecimal(tax));
        return new Amounts(n, t, n.plus(t), n, t, n.plus(t));
    }

    private static Money money(String amount) {
        return Money.of(CurrencyUnit.EUR, new BigDecimal(amount));
    }
}
