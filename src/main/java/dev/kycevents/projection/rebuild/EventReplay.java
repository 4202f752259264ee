package dev.kycevents.projection.rebuild;

import dev.kycevents.projection.UserViews;
import dev.kycevents.projection.level.LevelView;
import dev.kycevents.projection.level.LevelViewTable;
import dev.kycevents.projection.session.SessionView;
import dev.kycevents.projection.session.SessionViewTable;
import dev.kycevents.store.EventReader;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Cursor;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads events sorted by user through a cursor, a page at a time, folds each user once all their
 * events are in, and writes the rows into the rebuild's copy tables. Memory holds a couple of pages
 * and one user's history, whatever the size of the log.
 */
@ApplicationScoped
class EventReplay {

    /** Rows per cursor read. */
    static final int FETCH = 2000;
    /** Pages read ahead while the previous one is folded: the database and the fold overlap. */
    private static final int READ_AHEAD = 2;

    private final SessionViewTable sessions;
    private final LevelViewTable levels;

    EventReplay(SessionViewTable sessions, LevelViewTable levels) {
        this.sessions = sessions;
        this.levels = levels;
    }

    /**
     * Replays the query's events into the copy tables (upserting); emits how many events it read.
     * Reading on its own connection lets the database scan for the next page while it inserts the
     * last one; the same connection for both works too, only slower.
     *
     * @param reader a connection in a transaction (cursors need one)
     * @param writer the rebuild's connection, whose transaction created the copies
     * @param query  one of {@link EventReader}'s replay queries
     */
    Uni<Long> replay(SqlConnection reader, SqlConnection writer, String query, Tuple parameters) {
        UserStreams streams = new UserStreams();
        return reader.prepare(query).flatMap(statement -> {
            Cursor cursor = statement.cursor(parameters);
            return Multi.createBy().repeating().uni(() -> cursor.read(FETCH)).whilst(rows -> cursor.hasMore())
                    // Parsing and folding are CPU work: off the event loop, one page after the other.
                    .emitOn(Infrastructure.getDefaultWorkerPool(), READ_AHEAD)
                    .map(rows -> fold(streams, rows))
                    // A second stage, so that writing a page (its JSON, its insert) overlaps folding the next.
                    .emitOn(Infrastructure.getDefaultWorkerPool(), 1)
                    .onItem().transformToUniAndConcatenate(done -> write(writer, done))
                    .onItem().ignoreAsUni()
                    .chain(() -> write(writer, finish(streams)))
                    .eventually(cursor::close)
                    .eventually(statement::close)
                    .map(ignored -> streams.events());
        });
    }

    private static List<UserViews> fold(UserStreams streams, RowSet<Row> rows) {
        List<UserViews> done = new ArrayList<>();
        for (Row row : rows) {
            streams.accept(row.getUUID("user_id"), EventReader.recorded(row), done);
        }
        return done;
    }

    private static List<UserViews> finish(UserStreams streams) {
        List<UserViews> done = new ArrayList<>(1);
        streams.finish(done);
        return done;
    }

    private Uni<Void> write(SqlConnection connection, List<UserViews> users) {
        List<SessionView> sessionRows = new ArrayList<>();
        List<LevelView> levelRows = new ArrayList<>(users.size());
        for (UserViews user : users) {
            sessionRows.addAll(user.sessions());
            levelRows.add(user.level());
        }
        return sessions.upsertInto(connection, RebuildTables.copyOf(SessionViewTable.TABLE), sessionRows)
                .chain(() -> levels.upsertInto(connection, RebuildTables.copyOf(LevelViewTable.TABLE), levelRows));
    }
}
