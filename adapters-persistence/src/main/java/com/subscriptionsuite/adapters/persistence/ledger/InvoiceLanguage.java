package com.subscriptionsuite.adapters.persistence.ledger;

import java.util.EnumMap;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A language invoices are printed in, with its one table of every text the invoice prints
 * ({@link Label}); each table covers every label (checked when the class loads).
 *
 * <p>The engine keeps no language per customer (the shop's {@code ?lang=} is per request), so the
 * invoice's language follows the customer's country, the one thing the invoice records about where
 * the customer is: German for Germany, Austria and Liechtenstein, English everywhere else
 * ({@link #forCountry}). Dates are ISO 8601 in both; amounts are grouped and pointed as the
 * language writes them.
 */
public enum InvoiceLanguage {
    EN(Locale.ENGLISH, Map.ofEntries(
            Map.entry(Label.INVOICE, "Invoice"),
            Map.entry(Label.CREDIT_NOTE, "Credit note"),
            Map.entry(Label.NUMBER, "Number"),
            Map.entry(Label.INVOICE_DATE, "Invoice date"),
            Map.entry(Label.DUE_DATE, "Due date"),
            Map.entry(Label.CURRENCY, "Currency"),
            Map.entry(Label.BILL_TO, "Bill to"),
            Map.entry(Label.VAT_ID, "VAT ID"),
            Map.entry(Label.DESCRIPTION, "Description"),
            Map.entry(Label.SERVICE_PERIOD, "Service period"),
            Map.entry(Label.NET, "Net"),
            Map.entry(Label.TAX, "Tax"),
            Map.entry(Label.GROSS, "Gross"),
            Map.entry(Label.SUBSCRIPTION, "Subscription"),
            Map.entry(Label.TOTAL_NET, "Total net"),
            Map.entry(Label.TOTAL_GROSS, "Total gross"),
            Map.entry(Label.PAID, "Paid"),
            Map.entry(Label.AMOUNT_DUE, "Amount due"),
            Map.entry(Label.PAGE_OF, "page {page} of {pages}"),
            Map.entry(Label.REVERSE_CHARGE,
                    "Reverse charge: the recipient of the service is liable for the VAT "
                            + "(Art. 196 Council Directive 2006/112/EC)."),
            Map.entry(Label.OSS, "{country} VAT at {rate}, declared under the One-Stop Shop (OSS) scheme."),
            Map.entry(Label.OUTSIDE_EU_VAT,
                    "Not subject to EU VAT: the place of supply is outside the EU VAT area."))),
    DE(Locale.GERMAN, Map.ofEntries(
            Map.entry(Label.INVOICE, "Rechnung"),
            Map.entry(Label.CREDIT_NOTE, "Gutschrift"),
            Map.entry(Label.NUMBER, "Rechnungsnummer"),
            Map.entry(Label.INVOICE_DATE, "Rechnungsdatum"),
            Map.entry(Label.DUE_DATE, "Fällig am"),
            Map.entry(Label.CURRENCY, "Währung"),
            Map.entry(Label.BILL_TO, "Rechnungsempfänger"),
            Map.entry(Label.VAT_ID, "USt-IdNr."),
            Map.entry(Label.DESCRIPTION, "Beschreibung"),
            Map.entry(Label.SERVICE_PERIOD, "Leistungszeitraum"),
            Map.entry(Label.NET, "Netto"),
            Map.entry(Label.TAX, "USt"),
            Map.entry(Label.GROSS, "Brutto"),
            Map.entry(Label.SUBSCRIPTION, "Abonnement"),
            Map.entry(Label.TOTAL_NET, "Summe netto"),
            Map.entry(Label.TOTAL_GROSS, "Summe brutto"),
            Map.entry(Label.PAID, "Bezahlt"),
            Map.entry(Label.AMOUNT_DUE, "Offener Betrag"),
            Map.entry(Label.PAGE_OF, "Seite {page} von {pages}"),
            Map.entry(Label.REVERSE_CHARGE,
                    "Steuerschuldnerschaft des Leistungsempfängers (Reverse charge, "
                            + "Art. 196 Richtlinie 2006/112/EG)."),
            Map.entry(Label.OSS, "Umsatzsteuer {country} {rate}, erklärt im One-Stop-Shop-Verfahren (OSS)."),
            Map.entry(Label.OUTSIDE_EU_VAT,
                    "Nicht der Umsatzsteuer der EU unterliegend: Leistungsort außerhalb des "
                            + "Mehrwertsteuergebiets der EU.")));

    /** Every text an invoice prints; {@code {…}} are placeholders the renderer fills. */
    public enum Label {
        INVOICE, CREDIT_NOTE, NUMBER, INVOICE_DATE, DUE_DATE, CURRENCY, BILL_TO, VAT_ID, DESCRIPTION,
        SERVICE_PERIOD, NET, TAX, GROSS, SUBSCRIPTION, TOTAL_NET, TOTAL_GROSS, PAID, AMOUNT_DUE, PAGE_OF,
        REVERSE_CHARGE, OSS, OUTSIDE_EU_VAT
    }

    private static final Set<String> GERMAN_SPEAKING = Set.of("DE", "AT", "LI");

    private final Locale locale;
    private final Map<Label, String> texts;

    InvoiceLanguage(Locale locale, Map<Label, String> texts) {
        this.locale = locale;
        this.texts = new EnumMap<>(texts);
        for (Label label : Label.values()) {
            if (!this.texts.containsKey(label)) {
                throw new IllegalStateException("the " + name() + " invoice table has no text for " + label);
            }
        }
    }

    /** German for a customer in DE, AT or LI; English otherwise (also without a country). */
    public static InvoiceLanguage forCountry(String isoCountry) {
        return isoCountry != null && GERMAN_SPEAKING.contains(isoCountry.strip().toUpperCase(Locale.ROOT)) ? DE : EN;
    }

    public Locale locale() {
        return locale;
    }

    public String text(Label label) {
        return texts.get(label);
    }

    /** The country's name in this language ("Bulgarien"), or the code as given when it names none. */
    public String country(String isoCountry) {
        if (isoCountry == null || isoCountry.isBlank()) {
            return "";
        }
        try {
            String code = isoCountry.strip().toUpperCase(Locale.ROOT);
            String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(locale);
            return name.isBlank() || name.equals(code) ? isoCountry : name;
        } catch (IllformedLocaleException e) {
            return isoCountry;
        }
    }
}
