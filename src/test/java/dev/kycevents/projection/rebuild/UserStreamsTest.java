package dev.kycevents.projection.rebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.event.KycLevel;
import dev.kycevents.event.KycStateUpdated;
import dev.kycevents.event.RecordedEvent;
import dev.kycevents.event.SessionSentToReview;
import dev.kycevents.projection.UserViews;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserStreamsTest {

    static final Instant T = Instant.parse("2025-06-19T17:00:00Z");
    final UUID alice = UUID.randomUUID();
    final UUID bob = UUID.randomUUID();
    long position;

    RecordedEvent level(UUID user, KycLevel level) {
        return new RecordedEvent(++position, T, new KycStateUpdated(UUID.randomUUID(), user, T.plusSeconds(position), level));
    }

    RecordedEvent review(UUID user, UUID session) {
        return new RecordedEvent(++position, T,
                new SessionSentToReview(UUID.randomUUID(), user, session, T.plusSeconds(position), List.of()));
    }

    @Test
    void a_user_is_folded_when_the_next_user_begins_and_the_last_one_when_the_stream_ends() {
        UserStreams streams = new UserStreams();
        List<UserViews> done = new ArrayList<>();
        UUID session = UUID.randomUUID();

        streams.accept(alice, review(alice, session), done);
        streams.accept(alice, level(alice, KycLevel.REGULAR), done);
        assertTrue(done.isEmpty(), "alice may have more events");

        streams.accept(bob, level(bob, KycLevel.LIGHT), done);
        assertEquals(1, done.size());
        assertEquals(alice, done.get(0).level().userId());
        assertEquals(KycLevel.REGULAR, done.get(0).level().level());
        assertEquals(2, done.get(0).level().version());
        assertEquals(session, done.get(0).sessions().get(0).sessionId());

        streams.finish(done);
        assertEquals(2, done.size());
        assertEquals(bob, done.get(1).level().userId());
        assertTrue(done.get(1).sessions().isEmpty());
        assertEquals(3, streams.events());
    }

    @Test
    void an_empty_stream_folds_no_user() {
        UserStreams streams = new UserStreams();
        List<UserViews> done = new ArrayList<>();
        streams.finish(done);
        assertTrue(done.isEmpty());
        assertEquals(0, streams.events());
    }
}
