package dev.kycevents.retention;

/** OpenAPI examples of the retention endpoints' answers (their refusals are in http.OpenApiExamples). */
public final class RetentionExamples {

    public static final String STATUS = """
            {"userId":"550e8400-e29b-41d4-a716-446655440000","relationshipEndedAt":"2025-06-30T00:00:00Z",
             "clockRunning":true,"erasableFrom":"2030-06-30T00:00:00Z","legalHold":false,"erasedAt":null,
             "retentionPeriod":"P5Y"}""";

    public static final String ON_HOLD = """
            {"userId":"550e8400-e29b-41d4-a716-446655440000","relationshipEndedAt":"2025-06-30T00:00:00Z",
             "clockRunning":true,"erasableFrom":"2030-06-30T00:00:00Z","legalHold":true,"erasedAt":null,
             "retentionPeriod":"P5Y"}""";

    public static final String RELATIONSHIP_END = """
            {"endedAt":"2025-06-30T00:00:00Z"}""";

    public static final String LEGAL_HOLD = """
            {"reason":"Subpoena 2025-117 (case handled by legal)"}""";

    public static final String SWEEP_REPORT = """
            {"startedAt":"2030-07-01T03:00:00Z","finishedAt":"2030-07-01T03:00:41Z","usersErased":100000,
             "eventsErased":1000000,"usersSkipped":0,"period":"P5Y"}""";

    private RetentionExamples() {
    }
}
