package com.example.kyc.retention;

/** OpenAPI examples for the retention endpoints and the 410 answers of erased data. */
public final class RetentionExamples {

    public static final String STATUS = """
            {"userId":"550e8400-e29b-41d4-a716-446655440000","relationshipEndedAt":"2025-06-30T00:00:00Z",
             "clockRunning":true,"erasableFrom":"2030-06-30T00:00:00Z","legalHold":false,"erasedAt":null,
             "retentionPeriod":"P5Y"}""";

    public static final String ON_HOLD = """
            {"userId":"550e8400-e29b-41d4-a716-446655440000","relationshipEndedAt":"2025-06-30T00:00:00Z",
             "clockRunning":true,"erasableFrom":"2030-06-30T00:00:00Z","legalHold":true,"erasedAt":null,
             "retentionPeriod":"P5Y"}""";

    public static final String SWEEP_REPORT = """
            {"startedAt":"2030-07-01T03:00:00Z","finishedAt":"2030-07-01T03:00:41Z","usersErased":100000,
             "eventsErased":1000000,"usersSkipped":0,"period":"P5Y"}""";

    public static final String INVALID_ENDED_AT = """
            {"type":"urn:kyc-events:problem:invalid-parameter","title":"Bad Request","status":400,
             "detail":"endedAt must not be in the future","field":"endedAt"}""";

    public static final String INVALID_REASON = """
            {"type":"urn:kyc-events:problem:invalid-parameter","title":"Bad Request","status":400,
             "detail":"reason must be given: why the records are held","field":"reason"}""";

    public static final String FORBIDDEN = """
            {"type":"urn:kyc-events:problem:forbidden","title":"Forbidden","status":403,
             "detail":"This token's groups do not allow this operation."}""";

    public static final String SWEEP_RUNNING = """
            {"type":"urn:kyc-events:problem:sweep-running","title":"Conflict","status":409,
             "detail":"A retention sweep is already running; try again when it has finished."}""";

    public static final String GONE = """
            {"type":"urn:kyc-events:problem:erased","title":"Gone","status":410,
             "detail":"The user's data was erased at the end of the retention period."}""";

    public static final String GONE_EVENT = """
            {"type":"urn:kyc-events:problem:erased","title":"Gone","status":410,
             "detail":"The body of event 3f2b8c1e-6c55-4c8e-9d43-1a2b3c4d5e6f was erased."}""";

    private RetentionExamples() {
    }
}
