package com.subscriptionsuite.application.service.revenue;

import com.subscriptionsuite.application.port.in.revenue.PostRevenue;
import com.subscriptionsuite.application.port.out.revenue.RevenueBatches;
import com.subscriptionsuite.application.port.out.revenue.RevenueBatches.BatchRef;
import com.subscriptionsuite.application.port.out.revenue.RevenueBatches.ErrorRecord;
import com.subscriptionsuite.application.port.out.revenue.RevenueBatches.StoredLine;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeed;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeed.Lookup;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeed.StageError;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeed.StageErrorKind;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeed.UploadOutcome;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeed.UploadState;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeed.UploadTemplate;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeedFailure;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch job. Per run: opens batches from the lines in none, then works through the due batches,
 * each under a claim (a lease and a version, {@link RevenueBatches#claim}). No remote call runs inside
 * a database transaction: the store records "uploading under this file name" and commits, the feed is
 * called, then the outcome is recorded under the same version.
 * <p>
 * An upload whose outcome was lost (the instance died, or the answer never came) is looked up by its
 * file name ({@link RevenueFeed#find}); when the feed cannot tell, the batch goes IN_DOUBT for an
 * admin rather than being posted a second time. A configuration failure (405, refused credentials, an
 * unusable template) stops the run: nothing is retried until the next run.
 */
final class PostRevenueService implements PostRevenue {
    private static final int DUE_PER_RUN = 200;
    private static final int BATCHES_PER_TENANT_PER_RUN = 50;
    static final String BATCH_FAILED = "revenue_batch_failed";

    private final RevenueBatches batches;
    private final RevenueFeed feed;
    private final RevenueUseCases.Settings settings;
    private final Clock clock;

    PostRevenueService(RevenueBatches batches, RevenueFeed feed, RevenueUseCases.Settings settings, Clock clock) {
        this.batches = batches;
        this.feed = feed;
        this.settings = settings;
        this.clock = clock;
    }

    /** One run's counters and its template, fetched at most once. */
    private final class RunState {
        int opened;
        int uploaded;
        int loaded;
        int failed;
        int inDoubt;
        String stoppedBy;
        Either<RevenueFeedFailure, UploadTemplate> template;

        Either<RevenueFeedFailure, UploadTemplate> template() {
            if (template == null) {
                template = feed.template();
            }
            return template;
        }

        void stop(RevenueFeedFailure failure) {
            if (failure.configuration()) {
                stoppedBy = failure.code() + ": " + failure.message();
            }
        }
    }

    @Override
    public Run run() {
        return run(Option.none());
    }

    @Override
    public Run run(long tenantId) {
        return run(Option.some(tenantId));
    }

    private Run run(Option<Long> only) {
        RunState run = new RunState();
        for (long tenantId : batches.tenantsWithUnbatchedLines()) {
            if (only.isDefined() && only.get() != tenantId) {
                continue;
            }
            for (int i = 0; i < BATCHES_PER_TENANT_PER_RUN; i++) {
                if (batches.open(tenantId, settings.batchSize(), clock.instant()).isEmpty()) {
                    break;
                }
                run.opened++;
            }
        }
        for (BatchRef due : batches.due(clock.instant(), DUE_PER_RUN)) {
            if (run.stoppedBy != null) {
                break;
            }
            if (only.isDefined() && only.get() != due.tenantId()) {
                continue;
            }
            Instant now = clock.instant();
            Option<Long> claimed = batches.claim(due, now, now.plus(settings.lease()));
            if (claimed.isEmpty()) {
                continue; // another instance has it
            }
            long version = claimed.get();
            switch (due.status()) {
                case QUEUED -> upload(run, due, version);
                case UPLOADING -> recover(run, due, version);
                case STAGED -> check(run, due, version, due.uploadId());
                default -> {
                    // due() answers no other status
                }
            }
        }
        return new Run(run.opened, run.uploaded, run.loaded, run.failed, run.inDoubt, run.stoppedBy);
    }

    private void upload(RunState run, BatchRef batch, long version) {
        Either<RevenueFeedFailure, UploadTemplate> template = run.template();
        if (template.isLeft()) {
            requeue(run, batch, version, template.getLeft());
            return;
        }
        List<StoredLine> lines = batches.unposted(batch.id());
        Either<RevenueFeedFailure, String> csv = RevenueCsv.build(template.get(),
                lines.stream().map(StoredLine::line).toList());
        if (csv.isLeft()) {
            requeue(run, batch, version, csv.getLeft());
            return;
        }
        String filename = filename(batch);
        if (!batches.uploading(batch.id(), version, filename, csv.get(), clock.instant())) {
            return; // the claim was lost
        }
        Either<RevenueFeedFailure, UploadOutcome> outcome = feed.upload(filename, csv.get());
        run.uploaded++;
        if (outcome.isRight()) {
            if (outcome.get() instanceof UploadOutcome.Staged staged) {
                if (batches.staged(batch.id(), version, staged.uploadId(), clock.instant(), clock.instant())) {
                    check(run, batch, version, staged.uploadId());
                }
            } else if (outcome.get() instanceof UploadOutcome.FailedAsAWhole failure) {
                fail(run, batch, version, failure.message());
            }
            return;
        }
        RevenueFeedFailure failure = outcome.getLeft();
        if (failure instanceof RevenueFeedFailure.Unavailable u && u.maybeReceived()) {
            lookUp(run, batch, version, filename, batch.uploads() + 1);
        } else if (failure instanceof RevenueFeedFailure.Rejected rejected) {
            fail(run, batch, version, rejected.message());
        } else {
            requeue(run, batch, version, failure);
        }
    }

    /** A batch left UPLOADING by a claim that ran out: did its last upload arrive? */
    private void recover(RunState run, BatchRef batch, long version) {
        if (batch.filename() == null) {
            // the claim ran out before a file name was recorded: nothing was sent
            batches.requeue(batch.id(), version, "revenue_upload_interrupted", "the upload was interrupted before"
                    + " anything was sent", clock.instant());
            upload(run, batch, version);
            return;
        }
        lookUp(run, batch, version, batch.filename(), batch.uploads());
    }

    /** {@code uploadsSoFar}: the uploads the batch made, the one looked up included. */
    private void lookUp(RunState run, BatchRef batch, long version, String filename, int uploadsSoFar) {
        Either<RevenueFeedFailure, Lookup> found = feed.find(filename);
        if (found.isLeft()) {
            run.stop(found.getLeft());
            return; // stays UPLOADING: looked up again once the claim runs out
        }
        Lookup lookup = found.get();
        if (lookup instanceof Lookup.Found f) {
            if (batches.staged(batch.id(), version, f.uploadId(), clock.instant(), clock.instant())) {
                check(run, batch, version, f.uploadId());
            }
        } else if (lookup instanceof Lookup.Absent) {
            if (batches.requeue(batch.id(), version, "revenue_upload_not_received", "the upload of " + filename
                    + " did not arrive; uploading again", clock.instant())) {
                upload(run, new BatchRef(batch.tenantId(), batch.id(), RevenueBatches.BatchStatus.QUEUED, version,
                        uploadsSoFar, null, null), version);
            }
        } else {
            if (batches.inDoubt(batch.id(), version, "the upload of " + filename + " was interrupted and Zuora"
                    + " Revenue's API cannot tell whether it arrived: look for the file in Zuora Revenue, then confirm"
                    + " the batch if it is there or re-post it if it is not", clock.instant())) {
                run.inDoubt++;
            }
        }
    }

    private void check(RunState run, BatchRef batch, long version, Long uploadId) {
        if (uploadId == null) {
            return;
        }
        Instant later = clock.instant().plus(settings.checkInterval());
        Either<RevenueFeedFailure, UploadState> state = feed.status(uploadId);
        if (state.isLeft() && state.getLeft() instanceof RevenueFeedFailure.Rejected unknown) {
            // Zuora Revenue does not know the upload it gave us the id of: an admin has to look
            if (batches.inDoubt(batch.id(), version, "Zuora Revenue has no status for upload " + uploadId + " ("
                    + unknown.message() + "): look for it in Zuora Revenue, then confirm or re-post the batch",
                    clock.instant())) {
                run.inDoubt++;
            }
            return;
        }
        if (state.isLeft()) {
            run.stop(state.getLeft());
            batches.checkLater(batch.id(), version, later, clock.instant());
            return;
        }
        switch (state.get().phase()) {
            case IN_PROGRESS -> batches.checkLater(batch.id(), version, later, clock.instant());
            case FAILED -> fail(run, batch, version, state.get().status()
                    + (state.get().message() == null ? "" : ": " + state.get().message()));
            case LOADED -> {
                List<ErrorRecord> errors = new ArrayList<>();
                for (StageErrorKind kind : StageErrorKind.values()) {
                    Either<RevenueFeedFailure, List<StageError>> listed = feed.stageErrors(kind);
                    if (listed.isLeft()) {
                        run.stop(listed.getLeft());
                        batches.checkLater(batch.id(), version, later, clock.instant());
                        return;
                    }
                    listed.get().stream().filter(e -> String.valueOf(uploadId).equals(e.uploadId()))
                            .forEach(e -> errors.add(new ErrorRecord(kind.pathName(), e.orderNumber(), e.lineNumber(),
                                    e.message() == null ? "(no message)" : e.message())));
                }
                if (batches.loaded(batch.id(), version, errors, clock.instant())) {
                    run.loaded++;
                }
            }
            default -> {
            }
        }
    }

    private void fail(RunState run, BatchRef batch, long version, String message) {
        if (batches.failed(batch.id(), version, BATCH_FAILED, new ErrorRecord("batch", null, null, message),
                clock.instant())) {
            run.failed++;
        }
    }

    private void requeue(RunState run, BatchRef batch, long version, RevenueFeedFailure failure) {
        batches.requeue(batch.id(), version, failure.code(), failure.message(), clock.instant());
        run.stop(failure);
    }

    /**
     * Unique per upload and recognisable: tenant, batch and the upload's number
     * ({@code suite-t7-b42-u2.csv} is batch 42's second upload).
     */
    static String filename(BatchRef batch) {
        return "suite-t" + batch.tenantId() + "-b" + batch.id() + "-u" + (batch.uploads() + 1) + ".csv";
    }
}
