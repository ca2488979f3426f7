package com.subscriptionsuite.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How {@link Handles#attach} hands out DAOs: one instance per type for the units of work, whose
 * statements run on the unit of the calling thread; a DAO of its own for a handle outside the units.
 */
class HandlesTest {
    public interface Notes {
        @SqlUpdate("INSERT INTO note (text) VALUES (:text)")
        void add(@Bind("text") String text);

        @SqlQuery("SELECT count(*) FROM note")
        int count();
    }

    private static final class Refused extends RuntimeException {
    }

    private Jdbi jdbi;
    private Handles handles;
    private Handle keepAlive;
    private ExecutorService elsewhere;

    @BeforeEach
    void database() {
        jdbi = Jdbi.create("jdbc:h2:mem:handles-" + UUID.randomUUID())
                .installPlugin(new SqlObjectPlugin());
        keepAlive = jdbi.open(); // the in-memory database lives while this handle does
        keepAlive.execute("CREATE TABLE note (text VARCHAR(40))");
        handles = new Handles(jdbi);
        elsewhere = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void close() {
        elsewhere.shutdownNow();
        keepAlive.close();
    }

    private int committed() {
        return keepAlive.createQuery("SELECT count(*) FROM note").mapTo(Integer.class).one();
    }

    @Test
    void the_units_share_one_dao_and_each_call_runs_in_the_unit_of_its_thread() {
        Notes first = handles.with(Notes.class, notes -> {
            notes.add("kept");
            return notes;
        });
        assertThatThrownBy(() -> handles.with(Notes.class, notes -> {
            notes.add("rolled back");
            assertThat(notes.count()).as("the unit sees its own write").isEqualTo(2);
            assertThat(committed()).as("no one else sees it before the commit").isEqualTo(1);
            throw new Refused();
        })).isInstanceOf(Refused.class);
        Notes again = handles.with(Notes.class, notes -> notes);

        assertThat(again).isSameAs(first);
        assertThat(committed()).isEqualTo(1);
    }

    @Test
    void a_dao_called_in_a_nested_with_joins_the_outer_unit() {
        assertThatThrownBy(() -> handles.with(outer -> {
            handles.with(Notes.class, notes -> {
                notes.add("inner");
                return null;
            });
            assertThat(Handles.attach(outer, Notes.class).count()).isEqualTo(1);
            throw new Refused();
        })).isInstanceOf(Refused.class);

        assertThat(committed()).as("the inner write was rolled back with the outer unit").isZero();
    }

    @Test
    void two_threads_in_their_own_units_never_run_on_each_others_handle() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1);
        Future<Integer> other = elsewhere.submit(() -> handles.with(Notes.class, notes -> {
            notes.add("other thread");
            written.countDown();
            await(read);
            return notes.count();
        }));
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();

        int seenHere = handles.with(Notes.class, Notes::count);
        read.countDown();

        assertThat(seenHere).as("this thread's unit does not see the other's uncommitted row").isZero();
        assertThat(other.get(10, TimeUnit.SECONDS)).as("the other thread's unit sees its own row").isEqualTo(1);
        assertThat(committed()).isEqualTo(1);
    }

    @Test
    void a_handle_opened_inside_a_unit_gets_a_dao_of_its_own_that_commits_without_the_unit() {
        assertThatThrownBy(() -> handles.with(Notes.class, unitNotes -> {
            try (Handle own = jdbi.open()) {
                Notes ownNotes = Handles.attach(own, Notes.class);
                assertThat(ownNotes).isNotSameAs(unitNotes);
                assertThat(Handles.attach(own, Notes.class)).as("attached once per handle").isSameAs(ownNotes);
                ownNotes.add("on its own connection");
            }
            unitNotes.add("in the unit");
            throw new Refused();
        })).isInstanceOf(Refused.class);

        assertThat(committed()).as("only the write on the handle of its own stands").isEqualTo(1);
    }

    @Test
    void a_dao_of_a_unit_called_after_the_unit_fails_instead_of_running_elsewhere() {
        Notes kept = handles.with(Notes.class, notes -> notes);

        assertThatThrownBy(kept::count).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside any unit of work");
        assertThat(committed()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other thread did not read");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
