package com.subscriptionsuite.application.port.out.revenue;

import com.subscriptionsuite.application.port.in.revenue.ManageRevenueBatches.BatchDetail;
import com.subscriptionsuite.application.port.in.revenue.ManageRevenueBatches.BatchPage;
import com.subscriptionsuite.application.port.in.revenue.ManageRevenueBatches.BatchSummary;
import com.subscriptionsuite.application.port.in.revenue.RevenueLine;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The engine's own record of revenue lines and the batches that carry them to Zuora Revenue (a local
 * store: row locks and compare-and-set live here, never in {@link RevenueFeed}).
 * <p>
 * A batch is worked on only under a claim: {@link #claim} raises its {@code version} and gives it a lease;
 * every later write names that version and is refused (answers false) once another instance claimed the
 * batch after the lease ran out. So two instances never upload one batch, and a crashed instance's
 * batch is taken over when its lease ends. Every method runs in a short transaction of its own.
 */
public interface RevenueBatches {
    /** Lines without a batch are not yet in one; in a batch they are PENDING until POSTED or in ERROR. */
    enum BatchStatus {
        /** Waiting for its (next) upload. */
        QUEUED,
        /** An upload was started under {@code filename}; its outcome is being recorded. */
        UPLOADING,
        /** Received by Zuora Revenue under {@code uploadId}; its load is followed. */
        STAGED,
        /** Loaded; the lines Zuora Revenue refused in staging are in ERROR, the others POSTED. */
        LOADED,
        /** Failed as a whole: its lines stay pending in it, its errors are kept; can be re-posted. */
        FAILED,
        /** An upload was interrupted and the feed cannot tell whether it arrived: an admin decides. */
        IN_DOUBT
    }

    /** A batch as the job sees it. */
    record BatchRef(long tenantId, long id, BatchStatus status, long version, int uploads, String filename,
            Long uploadId) {
        public BatchRef {
            Objects.requireNonNull(status, "status");
        }
    }

    /** A line of a batch, with the store's id and its status (PENDING, POSTED, ERROR). */
    record StoredLine(long id, RevenueLine line, String status) {
    }

    /** An error to keep: of the whole batch ({@code kind} "batch") or naming a line. */
    record ErrorRecord(String kind, String orderNumber, String lineNumber, String message) {
        public ErrorRecord {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Records the lines whose source id the tenant does not have yet; answers how many were new. */
    int record(long tenantId, List<RevenueLine> lines, Instant at);

    /** Tenants with lines in no batch. */
    List<Long> tenantsWithUnbatchedLines();

    /**
     * Takes up to {@code maxLines} lines of the tenant that are in no batch (oldest first, lines another
     * instance is taking skipped) into a new QUEUED batch; its id, or none when no line was free.
     */
    Option<Long> open(long tenantId, int maxLines, Instant now);

    /**
     * Batches to work on, oldest first: QUEUED, STAGED whose next check is due, and UPLOADING ones
     * whose lease ran out (an interrupted upload); none under a running lease.
     */
    List<BatchRef> due(Instant now, int limit);

    /** Claims the batch if it is still as seen; the new version to write with, or none. */
    Option<Long> claim(BatchRef seen, Instant now, Instant leaseUntil);

    /** The batch's lines not POSTED yet (the ones an upload carries), in line order. */
    List<StoredLine> unposted(long batchId);

    /** Before sending: UPLOADING under {@code filename} with this CSV, one upload more. */
    boolean uploading(long batchId, long version, String filename, String csv, Instant now);

    /** Received under {@code uploadId}; its status is checked from {@code checkAt}. */
    boolean staged(long batchId, long version, long uploadId, Instant checkAt, Instant now);

    /** Still loading: checked again from {@code checkAt}. */
    boolean checkLater(long batchId, long version, Instant checkAt, Instant now);

    /** Loaded: lines named by an error in ERROR, the other unposted lines POSTED; the errors kept. */
    boolean loaded(long batchId, long version, List<ErrorRecord> errors, Instant now);

    /** Failed as a whole: lines stay pending in the batch; the error kept. */
    boolean failed(long batchId, long version, String code, ErrorRecord error, Instant now);

    /** The outcome of an upload is unknown: IN_DOUBT with the reason. */
    boolean inDoubt(long batchId, long version, String reason, Instant now);

    /** Nothing was sent (or nothing arrived): QUEUED again, with the reason kept as the last error. */
    boolean requeue(long batchId, long version, String code, String reason, Instant now);

    BatchPage page(long tenantId, int page, int pageSize);

    Option<BatchDetail> detail(long tenantId, long batchId);

    /** The batch's last CSV: none if the tenant has no such batch, an empty option before any upload. */
    Option<Option<String>> csv(long tenantId, long batchId);

    /**
     * Queues a FAILED or IN_DOUBT batch, or a LOADED one with lines in ERROR, for another upload; its
     * summary after, or the summary unchanged (status not re-postable) — none if the tenant has no such batch.
     */
    Option<Reposted> repost(long tenantId, long batchId, Instant now);

    /**
     * Marks an IN_DOUBT batch LOADED, its unposted lines POSTED: an admin found its last upload in Zuora
     * Revenue. The summary after, or unchanged (not IN_DOUBT); none if the tenant has no such batch.
     */
    Option<Reposted> confirm(long tenantId, long batchId, Instant now);

    /** Whether the re-post (or confirmation) was made, and the batch after. */
    record Reposted(boolean queued, BatchSummary batch) {
    }
}
