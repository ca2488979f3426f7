package com.subscriptionsuite.adapters.http.revenue;

import com.subscriptionsuite.application.port.in.revenue.ManageRevenueBatches;
import com.subscriptionsuite.application.port.in.revenue.PostRevenue;
import java.math.BigDecimal;
import java.util.List;

/** The /admin/revenue answers (snake_case on the wire). */
final class RevenueResponses {
    private RevenueResponses() {
    }

    record Batch(long id, String status, int lines, int linesInError, int uploads, String filename, Long uploadId,
            String lastErrorCode, String lastError, String createdAt, String updatedAt) {
        static Batch from(ManageRevenueBatches.BatchSummary b) {
            return new Batch(b.id(), b.status(), b.lines(), b.linesInError(), b.uploads(), b.filename(), b.uploadId(),
                    b.lastErrorCode(), b.lastError(), text(b.createdAt()), text(b.updatedAt()));
        }
    }

    record BatchPage(List<Batch> batches, int page, int pageSize, long total) {
        static BatchPage from(ManageRevenueBatches.BatchPage p) {
            return new BatchPage(p.batches().stream().map(Batch::from).toList(), p.page(), p.pageSize(), p.total());
        }
    }

    record Line(String sourceId, String kind, String orderNumber, int lineNumber, String customerNumber,
            String suiteProduct, String quantity, String currency, String extendedSellPrice, String bookedOn,
            String status) {
        static Line from(ManageRevenueBatches.LineView l) {
            return new Line(l.sourceId(), l.kind(), l.orderNumber(), l.lineNumber(), l.customerNumber(),
                    l.suiteProduct(), plain(l.quantity()), l.currency(), plain(l.extendedSellPrice()), text(l.bookedOn()),
                    l.status());
        }
    }

    record Error(int upload, String kind, String orderNumber, String lineNumber, String message, String at) {
        static Error from(ManageRevenueBatches.ErrorView e) {
            return new Error(e.upload(), e.kind(), e.orderNumber(), e.lineNumber(), e.message(), text(e.at()));
        }
    }

    record BatchDetail(Batch batch, List<Line> lines, List<Error> errors) {
        static BatchDetail from(ManageRevenueBatches.BatchDetail d) {
            return new BatchDetail(Batch.from(d.batch()), d.lines().stream().map(Line::from).toList(),
                    d.errors().stream().map(Error::from).toList());
        }
    }

    record Run(int opened, int uploaded, int loaded, int failed, int inDoubt, String stoppedBy) {
        static Run from(PostRevenue.Run r) {
            return new Run(r.opened(), r.uploaded(), r.loaded(), r.failed(), r.inDoubt(), r.stoppedBy());
        }
    }

    /** Instants (ISO-8601, UTC) and dates (YYYY-MM-DD) as strings. */
    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** Amounts as decimal strings (never JSON floats). */
    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
