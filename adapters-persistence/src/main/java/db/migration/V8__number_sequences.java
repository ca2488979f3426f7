package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Numbers come from database sequences, one per kind, instead of the {@code number_sequence} rows
 * (issue 9): a sequence hands out a value inside the running unit of work without a row lock and
 * without a transaction of its own, so a unit never needs a second pool connection for a number.
 * Each sequence starts after the highest number any tenant was given of its kind, so no number is
 * ever handed out twice; the rows are dropped. A Java migration because the start value is read
 * from the data, which neither database's {@code CREATE SEQUENCE} can do in plain SQL on both.
 */
public class V8__number_sequences extends BaseJavaMigration {
    /** Billing.NumberKind's names, lower-cased: the sequences are {@code <kind>_number_seq}. */
    private static final String[] KINDS = {"account", "subscription", "invoice", "charge"};

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            for (String kind : KINDS) {
                long last = 0;
                try (ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(last_number), 0) FROM number_sequence"
                        + " WHERE kind = '" + kind.toUpperCase(java.util.Locale.ROOT) + "'")) {
                    if (rs.next()) {
                        last = rs.getLong(1);
                    }
                }
                statement.execute("CREATE SEQUENCE " + kind + "_number_seq START WITH " + (last + 1));
            }
            statement.execute("DROP TABLE number_sequence");
        }
    }
}
