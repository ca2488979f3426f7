package com.subscriptionsuite.adapters.persistence.revenue;

import com.subscriptionsuite.application.port.out.revenue.RevenueFeed;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeedFailure;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A feed for the job's tests: CSV files underneath, with failures on cue (a product that fails an
 * upload as a whole, staging errors for a product, a 405, a crash after the upload was written, a
 * feed that cannot tell whether an upload arrived).
 */
final class ScriptedFeed implements RevenueFeed {
    final CsvFileRevenueFeed files;
    final List<String> uploads = new CopyOnWriteArrayList<>();
    volatile String failingProduct;
    volatile String stagingErrorProduct;
    volatile boolean notEnabled;
    volatile boolean crashAfterUpload;
    volatile boolean cannotTell;

    ScriptedFeed(CsvFileRevenueFeed files) {
        this.files = files;
    }

    @Override
    public Either<RevenueFeedFailure, UploadTemplate> template() {
        return notEnabled ? Either.left(new RevenueFeedFailure.ApiNotEnabled()) : files.template();
    }

    @Override
    public Either<RevenueFeedFailure, UploadOutcome> upload(String filename, String csv) {
        if (notEnabled) {
            return Either.left(new RevenueFeedFailure.ApiNotEnabled());
        }
        if (failingProduct != null && csv.contains("," + failingProduct + ",")) {
            return Either.right(new UploadOutcome.FailedAsAWhole(null, "Error loading Data into Staging Area: item "
                    + failingProduct + " is unknown"));
        }
        uploads.add(filename);
        var outcome = files.upload(filename, csv);
        if (crashAfterUpload) {
            throw new IllegalStateException("the instance dies after the upload");
        }
        return outcome;
    }

    @Override
    public Either<RevenueFeedFailure, UploadState> status(long uploadId) {
        return files.status(uploadId);
    }

    @Override
    public Either<RevenueFeedFailure, List<StageError>> stageErrors(StageErrorKind kind) {
        List<StageError> errors = new ArrayList<>();
        if (stagingErrorProduct != null && kind == StageErrorKind.TRANSACTION) {
            for (String name : uploads) {
                long id = files.find(name).get() instanceof Lookup.Found f ? f.uploadId() : -1;
                errors.add(new StageError(String.valueOf(id), "S-b", "2", "Invalid item", "Item "
                        + stagingErrorProduct + " has no revenue rule"));
            }
        }
        return Either.right(errors);
    }

    @Override
    public Either<RevenueFeedFailure, Lookup> find(String filename) {
        return cannotTell ? Either.right(new Lookup.CannotTell()) : files.find(filename);
    }
}
