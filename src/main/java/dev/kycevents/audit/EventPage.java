package dev.kycevents.audit;

import java.util.List;

/**
 * A page of events in position order.
 *
 * @param nextAfter the {@code after} for the next page: the last position here, or the request's
 *                  own {@code after} when the page is empty (nothing newer yet)
 */
public record EventPage(List<FeedEvent> events, long nextAfter) {
}
