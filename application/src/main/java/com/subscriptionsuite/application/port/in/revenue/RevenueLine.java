package com.subscriptionsuite.application.port.in.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One revenue line: a sales order line as Zuora Revenue takes it. {@code sourceId} makes it unique in
 * its tenant (e.g. the business event's id and the line's index in it): recording the same source id
 * twice records it once. Amounts are in {@code currency} (ISO 4217); {@code taxAmount} and
 * {@code endsOn} may be null (no tax given, an evergreen term). Checked by {@link RecordRevenueLines}.
 *
 * @param sourceId       what makes the line unique in its tenant (printable ASCII, at most 255)
 * @param kind           the type of line
 * @param orderNumber    the sales order (e.g. the subscription number)
 * @param lineNumber     the line in the order (positive)
 * @param customerNumber the customer's account number
 * @param customerName   the customer's name
 * @param suiteProduct   the product sold (Zuora Revenue's item number)
 * @param ratePlan       the rate plan, or null
 * @param charge         the charge, or null
 * @param quantity       the quantity (may be negative for a reduction or a cancel)
 * @param currency       ISO 4217 currency code of every amount
 * @param unitListPrice  list price of one unit
 * @param unitSellPrice  sell price of one unit
 * @param extendedListPrice list price of the line
 * @param extendedSellPrice sell price of the line
 * @param taxAmount      tax of the line, or null
 * @param bookedOn       the booking date
 * @param startsOn       the revenue start date
 * @param endsOn         the revenue end date, or null
 */
public record RevenueLine(String sourceId, Kind kind, String orderNumber, int lineNumber, String customerNumber,
        String customerName, String suiteProduct, String ratePlan, String charge, BigDecimal quantity,
        String currency, BigDecimal unitListPrice, BigDecimal unitSellPrice, BigDecimal extendedListPrice,
        BigDecimal extendedSellPrice, BigDecimal taxAmount, LocalDate bookedOn, LocalDate startsOn,
        LocalDate endsOn) {

    /** The type of line, with Zuora Revenue's {@code TYPE} value. */
    public enum Kind {
        SALES_ORDER("SO"), INVOICE("INV"), CREDIT("CM");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
