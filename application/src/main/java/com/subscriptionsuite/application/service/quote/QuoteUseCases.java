package com.subscriptionsuite.application.service.quote;

import com.subscriptionsuite.application.port.out.events.BusinessEvents;
import com.subscriptionsuite.application.port.in.checkout.Checkout;
import com.subscriptionsuite.application.port.in.quote.ConfirmQuote;
import com.subscriptionsuite.application.port.in.quote.MarkAcceptedQuotes;
import com.subscriptionsuite.application.port.in.quote.PublishQuote;
import com.subscriptionsuite.application.port.in.quote.ShowQuote;
import com.subscriptionsuite.application.port.out.Secrets;
import com.subscriptionsuite.application.port.out.Transactions;
import com.subscriptionsuite.application.port.out.quote.QuoteLinks;
import com.subscriptionsuite.application.port.out.quote.QuoteSource;
import com.subscriptionsuite.application.port.out.quote.StoredQuotes;
import com.subscriptionsuite.application.service.tenant.TenantDirectory;
import io.vavr.control.Option;
import java.time.Clock;

/** Builds the quote use cases; the service itself stays package-private. */
public final class QuoteUseCases {
    private QuoteUseCases() {
    }

    /** The four quote use cases, one service. */
    public record QuoteCases(ShowQuote showQuote, ConfirmQuote confirmQuote, PublishQuote publishQuote,
            MarkAcceptedQuotes markAcceptedQuotes) {
    }

    /**
     * @param stored the engine's own quote store when the source is the built-in one (quotes can then be
     *               published with their content), none for a remote source
     */
    public static QuoteCases create(TenantDirectory directory, Checkout checkout, QuoteSource source,
            Option<StoredQuotes> stored, QuoteLinks links, Transactions transactions, Secrets secrets, Clock clock,
            BusinessEvents events) {
        QuoteService service = new QuoteService(directory, checkout, source, stored, links, transactions, secrets,
                clock, events);
        return new QuoteCases(service, service, service, service);
    }
}
