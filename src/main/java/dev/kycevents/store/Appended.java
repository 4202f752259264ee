package dev.kycevents.store;

import dev.kycevents.event.RecordedEvent;
import java.util.List;

/**
 * What an append did, and the earlier events of the sessions it touched (read under the lock to
 * check session ownership), which the projector re-folds together with the new ones.
 */
public record Appended(AppendPlan plan, List<RecordedEvent> priorSessionEvents) {
}
