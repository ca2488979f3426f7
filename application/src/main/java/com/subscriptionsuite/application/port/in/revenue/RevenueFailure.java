package com.subscriptionsuite.application.port.in.revenue;

import com.subscriptionsuite.application.port.out.revenue.RevenueFeedFailure;
import java.util.List;
import java.util.Objects;

/** Why a revenue use case did nothing. */
public sealed interface RevenueFailure {
    String code();

    String message();

    /** One problem of a line: its index in the request, the field and why. */
    record Problem(int index, String field, String reason) {
        public Problem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(reason, "reason");
        }

        public String path() {
            return "lines[" + index + "]." + field;
        }
    }

    /** Some lines are invalid: none was recorded. */
    record LinesInvalid(List<Problem> problems) implements RevenueFailure {
        public LinesInvalid {
            problems = List.copyOf(problems);
        }

        public String code() {
            return "revenue_lines_invalid";
        }

        public String message() {
            Problem first = problems.get(0);
            return "revenue lines invalid, none recorded: " + first.path() + " " + first.reason()
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
        }
    }

    /** No batch with this id in the tenant. */
    record BatchNotFound(long batchId) implements RevenueFailure {
        public String code() {
            return "revenue_batch_not_found";
        }

        public String message() {
            return "no revenue batch " + batchId;
        }
    }

    /** The batch has not been uploaded yet: it has no CSV. */
    record BatchNotUploaded(long batchId) implements RevenueFailure {
        public String code() {
            return "revenue_batch_csv_absent";
        }

        public String message() {
            return "revenue batch " + batchId + " has not been uploaded yet";
        }
    }

    /** The batch is not in a state that can be re-posted. */
    record BatchNotRepostable(long batchId, String status) implements RevenueFailure {
        public String code() {
            return "revenue_batch_not_repostable";
        }

        public String message() {
            return "revenue batch " + batchId + " is " + status
                    + ": only a FAILED or IN_DOUBT batch, or a LOADED one with lines in error, can be re-posted";
        }
    }

    /** Only an IN_DOUBT batch can be confirmed as received. */
    record BatchNotInDoubt(long batchId, String status) implements RevenueFailure {
        public String code() {
            return "revenue_batch_not_in_doubt";
        }

        public String message() {
            return "revenue batch " + batchId + " is " + status + ": only an IN_DOUBT batch can be confirmed";
        }
    }

    /** The feed failed (configuration or availability). */
    record FeedFailed(RevenueFeedFailure failure) implements RevenueFailure {
        public FeedFailed {
            Objects.requireNonNull(failure, "failure");
        }

        public String code() {
            return failure.code();
        }

        public String message() {
            return failure.message();
        }
    }
}
