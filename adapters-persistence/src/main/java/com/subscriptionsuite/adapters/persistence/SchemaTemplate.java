package com.subscriptionsuite.adapters.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded default's first start without running the migrations: the build migrates a new H2 file with
 * Flyway, from this module's own migrations, and ships the file in the jar ({@value #RESOURCE}); a data
 * directory without a database gets a copy of it ({@link #install}). The copy is what Flyway made, its schema
 * history included, so at the next start Flyway finds its own rows, checks them against the scripts (they come
 * from the same build) and applies only newer migrations: there is one way to make the schema, Flyway's.
 *
 * <p>Why: on a first start the migrations were the longest part of the way to the first answer (Flyway's own
 * start, its parser, about 120 DDL statements run by H2's code before the JIT has compiled any of it;
 * docs/benchmarks.md "Startup"). Copying the file takes a few milliseconds.
 *
 * <p>Crash safety: the copy is written under a name of its own and linked into place only when complete, so a
 * start killed while copying leaves no database file (the next start copies again, and removes the leftover),
 * never half of one; the link fails rather than replace a database another process made meanwhile.
 */
public final class SchemaTemplate {
    /** Where the build puts the migrated file in this module's classes. */
    public static final String RESOURCE = "/db/h2-template/" + Database.H2_FILE_NAME + ".mv.db";
    /** The embedded default's user and password, as the server opens the file (H2 keeps them in the file). */
    public static final String USER = "sa";
    public static final String PASSWORD = "";
    private static final String COPYING = ".copying";

    private SchemaTemplate() {
    }

    /**
     * Puts the template into {@code dataDir} when there is no database there yet; true when it did (the database
     * is then migrated: see {@link Database#installedFromTemplate()}), false when a database is there already or
     * this build has no template (classes run from an IDE without the build's step: the migrations then run).
     */
    public static boolean install(Path dataDir) {
        return install(dataDir, () -> { });
    }

    /** As {@link #install(Path)}, running {@code copied} between the copy and its linking (a test's other process). */
    static boolean install(Path dataDir, Runnable copied) {
        Path target = Database.h2FilePath(dataDir);
        if (Files.exists(target)) {
            return false;
        }
        try (InputStream template = SchemaTemplate.class.getResourceAsStream(RESOURCE)) {
            if (template == null) {
                return false;
            }
            Files.createDirectories(dataDir);
            removeLeftovers(dataDir);
            // a name of its own: two processes starting on the same new directory each copy their own
            Path partial = Files.createTempFile(dataDir, target.getFileName() + ".", COPYING);
            try {
                Files.copy(template, partial, StandardCopyOption.REPLACE_EXISTING);
                copied.run();
                try {
                    // a link fails when the database appeared meanwhile; a rename would replace a file in use
                    Files.createLink(target, partial);
                } catch (java.nio.file.FileAlreadyExistsException another) {
                    return false; // another process made the database meanwhile: theirs stands
                } catch (UnsupportedOperationException | java.nio.file.FileSystemException noLinks) {
                    if (Files.exists(target)) {
                        return false;
                    }
                    Files.move(partial, target); // a file system without hard links: no replacing either
                }
                return true;
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the database template in " + dataDir, e);
        }
    }

    /** Copies a killed start left behind (a copy takes milliseconds: one older than a minute is nobody's). */
    private static void removeLeftovers(Path dataDir) throws IOException {
        java.nio.file.attribute.FileTime before = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofMinutes(1)));
        try (var files = Files.newDirectoryStream(dataDir, Database.H2_FILE_NAME + ".mv.db.*" + COPYING)) {
            for (Path leftover : files) {
                if (Files.getLastModifiedTime(leftover).compareTo(before) < 0) {
                    Files.deleteIfExists(leftover);
                }
            }
        }
    }

    /**
     * The build's step ({@code process-classes}): migrates a new H2 file in a temporary directory with Flyway and
     * writes it, compacted, to {@code args[0]}/{@value Database#H2_FILE_NAME}.mv.db.
     */
    public static void main(String[] args) throws IOException, SQLException {
        Path out = Path.of(args[0]);
        Path work = Files.createTempDirectory("suite-schema-template");
        try {
            String url = Database.h2File(work);
            try (Database database = Database.withoutMigrating(url, USER, PASSWORD, PoolSettings.defaults())) {
                System.out.println("schema template: " + database.migrate() + " migrations applied, written to " + out);
            }
            try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
                    Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            }
            Files.createDirectories(out);
            Files.copy(Database.h2FilePath(work), Database.h2FilePath(out), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
