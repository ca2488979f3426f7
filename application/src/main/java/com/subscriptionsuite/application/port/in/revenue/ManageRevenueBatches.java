package com.subscriptionsuite.application.port.in.revenue;

import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The admin's view of a tenant's revenue batches: list, lines, errors, CSV, re-post. */
public interface ManageRevenueBatches {
    /** A page of the tenant's batches, newest first; {@code page} from 1. */
    BatchPage batches(long tenantId, int page, int pageSize);

    Either<RevenueFailure, BatchDetail> batch(long tenantId, long batchId);

    /** The CSV of the batch's last upload ({@link RevenueFailure.BatchNotUploaded} before its first upload). */
    Either<RevenueFailure, String> csv(long tenantId, long batchId);

    /**
     * Queues the batch for another upload under a new file name: a FAILED or IN_DOUBT batch as a
     * whole, a LOADED one with the lines Zuora Revenue refused in staging.
     */
    Either<RevenueFailure, BatchSummary> repost(long tenantId, long batchId);

    /**
     * Marks an IN_DOUBT batch LOADED, its lines POSTED, once an admin found its last upload (the file
     * name) in Zuora Revenue; any other status is {@link RevenueFailure.BatchNotInDoubt}.
     */
    Either<RevenueFailure, BatchSummary> confirm(long tenantId, long batchId);

    record BatchSummary(long id, String status, int lines, int linesInError, int uploads, String filename,
            Long uploadId, String lastErrorCode, String lastError, Instant createdAt, Instant updatedAt) {
    }

    record BatchPage(List<BatchSummary> batches, int page, int pageSize, long total) {
        public BatchPage {
            batches = List.copyOf(batches);
        }
    }

    record LineView(String sourceId, String kind, String orderNumber, int lineNumber, String customerNumber,
            String suiteProduct, BigDecimal quantity, String currency, BigDecimal extendedSellPrice,
            LocalDate bookedOn, String status) {
    }

    /** An error: of the batch as a whole ({@code kind} batch) or of one line (transaction, event). */
    record ErrorView(int upload, String kind, String orderNumber, String lineNumber, String message, Instant at) {
    }

    record BatchDetail(BatchSummary batch, List<LineView> lines, List<ErrorView> errors) {
        public BatchDetail {
            lines = List.copyOf(lines);
            errors = List.copyOf(errors);
        }
    }
}
