package com.subscriptionsuite.application.port.in.account;

import com.subscriptionsuite.domain.billing.Invoice;
import io.vavr.control.Either;
import java.util.List;
import java.util.Objects;

/** The caller's posted invoices (seed GET /account/invoice) and their documents (GET /account/invoice/{id}). */
public interface ReadInvoices {
    /** The caller's invoices, newest first; none before the first checkout. */
    Either<AccountFailure, List<Invoice>> invoices(long tenantId, long userId);

    /** The document of one of the caller's invoices; another account's invoice is {@code invoice_not_found}. */
    Either<AccountFailure, Document> document(long tenantId, long userId, String invoiceId);

    /** An invoice document: its bytes, their media type (a PDF from the ledger) and a file name. */
    record Document(String invoiceNumber, String mediaType, String fileName, byte[] content) {
        public Document {
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(fileName, "fileName");
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }
}
