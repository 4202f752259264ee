package dev.kycevents.projection.rebuild;

import dev.kycevents.event.RecordedEvent;
import dev.kycevents.projection.UserViews;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Cuts a stream of events sorted by user into users, and folds each user as soon as the next one
 * begins: only one user's history is held at a time, however long the log. Pure; not thread-safe
 * (a replay feeds it one page after the other).
 */
final class UserStreams {

    private UUID user;
    private List<RecordedEvent> history = new ArrayList<>();
    private long events;

    /** Takes the next event (users must not interleave); a user it completes is added to {@code done}. */
    void accept(UUID userId, RecordedEvent event, List<UserViews> done) {
        if (user != null && !user.equals(userId)) {
            done.add(UserViews.fold(user, history));
            history = new ArrayList<>();
        }
        user = userId;
        history.add(event);
        events++;
    }

    /** Folds the last user, once the stream has ended. */
    void finish(List<UserViews> done) {
        if (user != null) {
            done.add(UserViews.fold(user, history));
            user = null;
            history = new ArrayList<>();
        }
    }

    long events() {
        return events;
    }
}
