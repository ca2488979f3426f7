package com.subscriptionsuite.adapters.persistence.revenue;

import com.subscriptionsuite.application.port.out.revenue.RevenueFeed;
import com.subscriptionsuite.application.port.out.revenue.RevenueFeedFailure;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * The embedded default when Zuora Revenue is not configured: each upload is written as a CSV file
 * ({@code <directory>/<filename>}, UTF-8, the standard template's header) and is loaded at once, with no
 * staging errors. A file is written to a temporary name and moved into place, so a file under its name
 * is complete; {@link #find} tells by the file's presence whether an interrupted upload arrived.
 * The upload id is derived from the file name (stable, so {@link #find} answers the same id).
 */
public final class CsvFileRevenueFeed implements RevenueFeed {
    private final Path directory;

    public CsvFileRevenueFeed(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    public Path directory() {
        return directory;
    }

    @Override
    public Either<RevenueFeedFailure, UploadTemplate> template() {
        return Either.right(UploadTemplate.standard());
    }

    @Override
    public Either<RevenueFeedFailure, UploadOutcome> upload(String filename, String csv) {
        Path target = file(filename);
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".upload-", ".tmp");
            Files.writeString(temporary, csv, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            return Either.left(new RevenueFeedFailure.Unavailable("cannot write " + target + ": " + e.getMessage(),
                    false));
        }
        return Either.right(new UploadOutcome.Staged(id(filename), "written to " + target));
    }

    @Override
    public Either<RevenueFeedFailure, UploadState> status(long uploadId) {
        return Either.right(new UploadState(uploadId, "Successfully Uploaded", "written as a CSV file",
                UploadState.Phase.LOADED));
    }

    @Override
    public Either<RevenueFeedFailure, List<StageError>> stageErrors(StageErrorKind kind) {
        return Either.right(List.of());
    }

    @Override
    public Either<RevenueFeedFailure, Lookup> find(String filename) {
        try {
            return Either.right(Files.isRegularFile(file(filename)) ? new Lookup.Found(id(filename))
                    : new Lookup.Absent());
        } catch (UncheckedIOException e) {
            return Either.left(new RevenueFeedFailure.Unavailable(e.getMessage(), false));
        }
    }

    private Path file(String filename) {
        if (filename.contains("/") || filename.contains("\\") || filename.startsWith(".")) {
            throw new IllegalArgumentException("not a plain file name: " + filename);
        }
        return directory.resolve(filename);
    }

    private static long id(String filename) {
        CRC32 crc = new CRC32();
        crc.update(filename.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
