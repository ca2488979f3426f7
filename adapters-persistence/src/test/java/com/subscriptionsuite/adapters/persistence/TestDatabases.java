package com.subscriptionsuite.adapters.persistence;

import java.nio.file.Path;

/** Migrated, empty databases for tests: an H2 file in a directory, or a fresh PostgreSQL schema. */
public final class TestDatabases {
    private TestDatabases() {
    }

    /** The two databases, for tests parameterised over both. */
    public enum Kind {
        H2, POSTGRESQL;

        /** A migrated, empty database of this kind ({@code dataDir} is used by H2 only). */
        public Database open(Path dataDir) {
            return this == H2 ? h2(dataDir) : postgres();
        }
    }

    public static Database h2(Path dataDir) {
        return new Database(Database.h2File(dataDir), "sa", "");
    }

    /** A fresh schema on the server shared by all test classes ({@link TestPostgres#shared()}). */
    public static Database postgres() {
        return new Database(TestPostgres.shared().freshSchemaUrl(), TestPostgres.USER, TestPostgres.PASSWORD);
    }
}
