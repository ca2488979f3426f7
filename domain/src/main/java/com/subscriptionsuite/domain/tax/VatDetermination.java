package com.subscriptionsuite.domain.tax;

import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides which VAT applies to electronically supplied services (SaaS, subscriptions) sold by an
 * EU seller, following domain-rules §3. The rules, in order:
 * <ol>
 *   <li>no customer country → treated as the seller's country: {@link TaxReason#DOMESTIC};</li>
 *   <li>postcode in a territory outside the EU VAT area → {@link TaxReason#SPECIAL_TERRITORY}, 0;</li>
 *   <li>customer country not a member state (GB, CH, US, …) → {@link TaxReason#OUTSIDE_SCOPE}, 0;</li>
 *   <li>customer in the seller's country → {@link TaxReason#DOMESTIC}, seller's rate, B2B or not;</li>
 *   <li>company whose VAT ID passes the offline check and belongs to the customer's country →
 *       {@link TaxReason#REVERSE_CHARGE}, 0;</li>
 *   <li>otherwise (B2C, or B2B without a valid matching VAT ID) → the seller's rate with
 *       {@link TaxReason#SELLER_RATE_BELOW_THRESHOLD} if the tenant applies the €10,000 threshold, else
 *       the customer country's rate with {@link TaxReason#OSS_DESTINATION}.</li>
 * </ol>
 * The VAT ID check here is the offline one only ({@link VatId#parse(String)}); a VAT ID that cannot
 * be shown valid is charged VAT, which the customer can reclaim.
 */
public final class VatDetermination {

    private final VatRates rates;

    public VatDetermination(VatRates rates) {
        this.rates = Objects.requireNonNull(rates, "rates");
    }

    /**
     * @throws IllegalStateException if the seller's country is not a member state of the rate table,
     *                               or a rate needed for the decision is missing on {@code on}: both
     *                               are configuration errors, not customer input errors
     */
    public TaxDecision decide(Seller seller, TaxCustomer customer, LocalDate on) {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(on, "on");
        String sellerCountry = seller.isoCountry();
        if (!rates.isMemberState(sellerCountry)) {
            throw new IllegalStateException("Seller country " + sellerCountry
                    + " is not a member state in the VAT rate table; the tenant configuration is wrong");
        }

        String customerCountry = countryOf(customer.isoCountry());
        if (customerCountry == null) {
            BigDecimal rate = rateOf(sellerCountry, on);
            return new TaxDecision(sellerCountry, rate, TaxReason.DOMESTIC,
                    "No customer country given: treated as a domestic supply in " + sellerCountry
                            + ", " + sellerCountry + " VAT " + percent(rate));
        }
        if (SpecialTerritories.outsideVatArea(customerCountry, customer.postcode())) {
            return new TaxDecision(customerCountry, BigDecimal.ZERO, TaxReason.SPECIAL_TERRITORY,
                    "Customer address " + customerCountry + postcodeSuffix(customer.postcode())
                            + " is in a territory outside the EU VAT area: no EU VAT");
        }
        if (!rates.isMemberState(customerCountry)) {
            return new TaxDecision(customerCountry, BigDecimal.ZERO, TaxReason.OUTSIDE_SCOPE,
                    "Customer country " + customerCountry + " is outside the EU: no EU VAT");
        }
        if (customerCountry.equals(sellerCountry)) {
            BigDecimal rate = rateOf(sellerCountry, on);
            String who = customer.company() ? "business customer" : "customer";
            return new TaxDecision(sellerCountry, rate, TaxReason.DOMESTIC,
                    "Domestic supply: " + who + " in the seller's country " + sellerCountry + ", "
                            + sellerCountry + " VAT " + percent(rate)
                            + (customer.company() && !isBlank(customer.vatId())
                                    ? " (a VAT ID does not change a domestic supply)" : ""));
        }

        String buyer;
        if (customer.company()) {
            if (isBlank(customer.vatId())) {
                buyer = "Business customer in " + customerCountry + " without a VAT ID";
            } else {
                Either<VatIdRejection, VatId> parsed = VatId.parse(customer.vatId());
                if (parsed.isLeft()) {
                    buyer = "Business customer in " + customerCountry + ": VAT ID " + customer.vatId().strip()
                            + " failed the offline check (" + withoutFinalStop(parsed.getLeft().reason()) + ")";
                } else {
                    VatId vatId = parsed.get();
                    if (vatId.isoCountry().equals(customerCountry)) {
                        return new TaxDecision(customerCountry, BigDecimal.ZERO, TaxReason.REVERSE_CHARGE,
                                "Reverse charge: customer " + customerCountry + " with valid VAT ID "
                                        + vatId.value() + " accounts for the VAT");
                    }
                    buyer = "Business customer in " + customerCountry + ": VAT ID " + vatId.value()
                            + " belongs to " + vatId.isoCountry() + ", not to the customer's country";
                }
            }
        } else {
            buyer = "Consumer in " + customerCountry;
        }

        if (seller.ossThresholdApplies()) {
            BigDecimal rate = rateOf(sellerCountry, on);
            return new TaxDecision(sellerCountry, rate, TaxReason.SELLER_RATE_BELOW_THRESHOLD,
                    buyer + ": seller below the EUR 10,000 EU threshold charges its own " + sellerCountry
                            + " VAT " + percent(rate));
        }
        BigDecimal rate = rateOf(customerCountry, on);
        return new TaxDecision(customerCountry, rate, TaxReason.OSS_DESTINATION,
                buyer + ": " + customerCountry + " VAT " + percent(rate) + " charged via OSS");
    }

    private BigDecimal rateOf(String country, LocalDate on) {
        return rates.standardRate(country, on).getOrElseThrow(() -> new IllegalStateException(
                "No standard VAT rate for " + country + " on " + on + " in the VAT rate table"));
    }

    /**
     * Upper-cased ISO code, {@code null} when not given; the VAT prefix EL is read as Greece (GR), and
     * Monaco (MC), which belongs to the French VAT area, as France.
     */
    private static String countryOf(String isoCountry) {
        if (isBlank(isoCountry)) {
            return null;
        }
        String country = isoCountry.strip().toUpperCase(Locale.ROOT);
        return switch (country) {
            case "EL" -> "GR";
            case "MC" -> "FR";
            default -> country;
        };
    }

    private static String postcodeSuffix(String postcode) {
        return isBlank(postcode) ? "" : " " + postcode.strip();
    }

    private static String percent(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String withoutFinalStop(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
