package com.subscriptionsuite.application.port.out.revenue;

import io.vavr.control.Either;
import java.util.List;
import java.util.Objects;

/**
 * Zuora Revenue's inbound integration, in its own vocabulary: the upload template's field mapping, a
 * CSV upload under a unique file name, the upload's status, the staging errors. Every call answers
 * {@link RevenueFeedFailure} instead of throwing. The feed holds its template name and credentials
 * itself; the caller builds the CSV from {@link #template()}.
 * <p>
 * An upload is all or nothing (the seed): it is {@link UploadOutcome.Staged} as a whole or
 * {@link UploadOutcome.FailedAsAWhole}. Lines staged but refused later are reported by
 * {@link #stageErrors}.
 */
public interface RevenueFeed {
    /** The template's mapping: the CSV header's labels in order and the date format of its values. */
    Either<RevenueFeedFailure, UploadTemplate> template();

    /** Uploads one CSV under {@code filename} (unique per upload; the caller derives it from its batch). */
    Either<RevenueFeedFailure, UploadOutcome> upload(String filename, String csv);

    /** Where the upload with this id stands. */
    Either<RevenueFeedFailure, UploadState> status(long uploadId);

    /** The staging errors of one kind (every upload's; the caller keeps its own by upload id). */
    Either<RevenueFeedFailure, List<StageError>> stageErrors(StageErrorKind kind);

    /**
     * Whether an upload under {@code filename} was received, for an upload whose outcome the caller
     * lost (a crash between sending and recording). A feed that cannot tell answers
     * {@link Lookup.CannotTell}: Zuora Revenue's API has no lookup by file name.
     */
    Either<RevenueFeedFailure, Lookup> find(String filename);

    /** Which staging table's errors. */
    enum StageErrorKind {
        TRANSACTION("transaction"), EVENT("event");

        private final String pathName;

        StageErrorKind(String pathName) {
            this.pathName = pathName;
        }

        public String pathName() {
            return pathName;
        }
    }

    /** One column of the template: staging field name, CSV label, data type, position. */
    record TemplateColumn(String fieldName, String label, String dataType, int seq) {
        public TemplateColumn {
            Objects.requireNonNull(fieldName, "fieldName");
            Objects.requireNonNull(label, "label");
        }
    }

    /** The template: its date format (Oracle style, {@code DD-MON-YYYY}) and columns. */
    record UploadTemplate(String dateFormat, List<TemplateColumn> columns) {
        public UploadTemplate {
            Objects.requireNonNull(dateFormat, "dateFormat");
            columns = List.copyOf(columns);
        }

        /**
         * The columns the engine fills when no template is fetched (the CSV files of the embedded
         * default): every field the engine knows, labelled as in docs/revenue-feed.md.
         */
        public static UploadTemplate standard() {
            String[][] fields = {
                {"TYPE", "Type", "VARCHAR2"}, {"SO_NUM", "Sales Order Number", "VARCHAR2"},
                {"SO_LINE_NUM", "Sales Order Line Number", "VARCHAR2"},
                {"SO_LINE_ID", "Sales Order Line ID", "VARCHAR2"}, {"SO_BOOK_DATE", "Booking Date", "DATE"},
                {"CUSTOMER_NUM", "Customer Number", "VARCHAR2"}, {"CUSTOMER_NAME", "Customer Name", "VARCHAR2"},
                {"ITEM_NUM", "Item Number", "VARCHAR2"}, {"RATE_PLAN", "Rate Plan", "VARCHAR2"},
                {"CHARGE", "Charge", "VARCHAR2"}, {"ORD_QTY", "Quantity", "NUMBER"},
                {"CURR", "Currency", "VARCHAR2"}, {"UNIT_LIST_PRC", "Unit List Price", "NUMBER"},
                {"UNIT_SELL_PRC", "Unit Sell Price", "NUMBER"}, {"EXT_LIST_PRC", "Extended List Price", "NUMBER"},
                {"EXT_SELL_PRC", "Extended Sell Price", "NUMBER"}, {"TAX_AMT", "Tax Amount", "NUMBER"},
                {"START_DATE", "Start Date", "DATE"}, {"END_DATE", "End Date", "DATE"}};
            java.util.ArrayList<TemplateColumn> columns = new java.util.ArrayList<>();
            for (int i = 0; i < fields.length; i++) {
                columns.add(new TemplateColumn(fields[i][0], fields[i][1], fields[i][2], i + 1));
            }
            return new UploadTemplate("DD-MON-YYYY", columns);
        }
    }

    /** What an upload gave. */
    sealed interface UploadOutcome {
        /** In the pre-stage tables as a whole; {@code uploadId} is Zuora Revenue's request id. */
        record Staged(long uploadId, String message) implements UploadOutcome {
        }

        /** Refused as a whole ("Error loading Data into Staging Area"): nothing of it was staged. */
        record FailedAsAWhole(Long uploadId, String message) implements UploadOutcome {
        }
    }

    /** An upload's status: Zuora Revenue's text and what it means. */
    record UploadState(long uploadId, String status, String message, Phase phase) {
        public enum Phase {
            /** Still being processed: ask again later. */
            IN_PROGRESS,
            /** Loaded ("Successfully Uploaded"): the staging errors tell which lines were refused. */
            LOADED,
            /** Failed as a whole. */
            FAILED
        }
    }

    /** One staging error, naming its line by sales order number and line number. */
    record StageError(String uploadId, String orderNumber, String lineNumber, String type, String message) {
    }

    /** Whether an upload under a file name was received. */
    sealed interface Lookup {
        record Found(long uploadId) implements Lookup {
        }

        record Absent() implements Lookup {
        }

        record CannotTell() implements Lookup {
        }
    }
}
