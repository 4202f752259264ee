package dev.kycevents.devralio;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The webhook bodies Ralio would send for an outcome, in the order it sends them. Pure. */
final class StandInEvents {

    private StandInEvents() {
    }

    static List<String> bodies(Outcome outcome, Refusal refusal, UUID sessionId, UUID userId, Instant now) {
        return switch (outcome) {
            case VERIFIED -> List.of(
                    session("kyc_session_verified", sessionId, userId, now,
                            checks(validated("document-verification"), validated("face-matching"))),
                    envelope("kyc_state_updated", now, new JsonObject().put("userId", userId.toString()).put("state", "REGULAR")));
            case REVIEW -> List.of(session("kyc_session_manual_review", sessionId, userId, now,
                    checks(validated("document-verification"), refused("face-matching", "face-match", "LOW_CONFIDENCE",
                            "Face matching confidence below threshold"))));
            case FAILED -> List.of(session("kyc_session_failed", sessionId, userId, now, failedChecks(refusal)));
            case EXPIRED -> List.of(session("kyc_session_expired", sessionId, userId, now, new JsonArray()));
        };
    }

    private static JsonArray failedChecks(Refusal refusal) {
        JsonArray checks = new JsonArray();
        for (String type : List.of("document-verification", "face-matching")) {
            checks.add(type.equals(refusal.checkType)
                    ? refused(type, refusal.reasonType, refusal.name(), refusal.message)
                    : validated(type));
        }
        return checks;
    }

    private static String session(String type, UUID sessionId, UUID userId, Instant now, JsonArray checks) {
        return envelope(type, now, new JsonObject().put("sessionId", sessionId.toString())
                .put("userId", userId.toString()).put("checks", checks));
    }

    private static String envelope(String type, Instant now, JsonObject data) {
        return new JsonObject().put("id", UUID.randomUUID().toString()).put("event", type)
                .put("timestamp", now.toString()).put("data", data).encode();
    }

    private static JsonArray checks(JsonObject... checks) {
        JsonArray array = new JsonArray();
        for (JsonObject check : checks) {
            array.add(check);
        }
        return array;
    }

    private static JsonObject validated(String type) {
        return new JsonObject().put("type", type).put("state", "Validated").put("data", new JsonObject())
                .put("reasons", new JsonArray());
    }

    private static JsonObject refused(String type, String reasonType, String code, String message) {
        return new JsonObject().put("type", type).put("state", "Refused").put("data", new JsonObject())
                .put("reasons", new JsonArray().add(new JsonObject().put("type", reasonType).put("code", code)
                        .put("message", message)));
    }
}
