package com.subscriptionsuite.benchmarks;

import com.subscriptionsuite.domain.pricing.CartLine;
import com.subscriptionsuite.domain.pricing.CartPricing;
import com.subscriptionsuite.domain.pricing.PricePreview;
import com.subscriptionsuite.domain.tax.Seller;
import com.subscriptionsuite.domain.tax.TaxCustomer;
import com.subscriptionsuite.domain.tax.TaxDecision;
import com.subscriptionsuite.domain.tax.VatDetermination;
import com.subscriptionsuite.domain.tax.VatRates;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pricing core on one thread: a 10-line cart priced with its tax decided each time (an OSS
 * consumer in France and a reverse-charge company), as the preview's hot path does.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar PricingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class PricingBenchmark {
    private final List<CartLine> cart = TenCartFixture.cart();
    private final VatDetermination vat = new VatDetermination(VatRates.euStandardRates());
    private final Seller seller = new Seller("DE", false);
    private final TaxCustomer consumerInFrance = new TaxCustomer("FR", "75001", false, null);
    private final TaxCustomer companyInAustria = new TaxCustomer("AT", "1010", true, "ATU13585627");
    private final LocalDate today = LocalDate.of(2026, 11, 21);

    @Benchmark
    public PricePreview tenLineCartForAConsumerInAnotherMemberState() {
        TaxDecision tax = vat.decide(seller, consumerInFrance, today);
        return CartPricing.price(cart, TenCartFixture.EUR, tax);
    }

    @Benchmark
    public PricePreview tenLineCartForAReverseChargeCompany() {
        TaxDecision tax = vat.decide(seller, companyInAustria, today);
        return CartPricing.price(cart, TenCartFixture.EUR, tax);
    }
}
