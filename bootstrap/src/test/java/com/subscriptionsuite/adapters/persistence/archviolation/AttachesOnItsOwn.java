package com.subscriptionsuite.adapters.persistence.archviolation;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Breaks the persistence adapter's DAO rule twice: its own attach, and a mapper registered on a DAO. */
public final class AttachesOnItsOwn {
    private AttachesOnItsOwn() {
    }

    public record Row(long id) {
    }

    @RegisterConstructorMapper(Row.class)
    public interface RowDao {
        @SqlQuery("SELECT 1 AS id")
        Optional<Row> one();
    }

    public static Optional<Row> read(Handle handle) {
        return handle.attach(RowDao.class).one();
    }
}
