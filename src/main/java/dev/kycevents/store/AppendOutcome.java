package dev.kycevents.store;

/** What became of one event offered to the store. */
public sealed interface AppendOutcome {

    /** Newly committed at this position. */
    record Stored(EventRow row) implements AppendOutcome {
    }

    /** The same event (same id, same content) was already stored. */
    record Duplicate(long position) implements AppendOutcome {
    }

    /** Refused: storing it would contradict what is already stored. */
    record Conflict(Kind kind, String detail) implements AppendOutcome {
    }

    enum Kind {
        /** The event id is already stored with different content. */
        EVENT_ID_REUSED,
        /** The session already belongs to another user. */
        SESSION_OF_ANOTHER_USER
    }
}
