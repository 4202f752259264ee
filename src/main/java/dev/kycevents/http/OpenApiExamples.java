package dev.kycevents.http;

/**
 * Example bodies for the OpenAPI document, kept together so they are easy to keep true. A test checks
 * each one against its schema in the document, and the Ralio events against the fixtures they copy.
 */
public final class OpenApiExamples {

    public static final String RECEIPT = """
            {"received":true,"eventId":"550e8400-e29b-41d4-a716-446655440000","position":42}""";

    public static final String DUPLICATE_RECEIPT = """
            {"received":true,"duplicate":true,"eventId":"550e8400-e29b-41d4-a716-446655440000","position":42}""";

    public static final String INVALID_FIELD = """
            {"type":"urn:kyc-events:problem:invalid-event","title":"Bad Request","status":400,
             "detail":"data.userId must be a UUID","field":"data.userId"}""";

    public static final String CONFLICT = """
            {"type":"urn:kyc-events:problem:event-id-reused","title":"Conflict","status":409,
             "detail":"event 550e8400-e29b-41d4-a716-446655440000 was already received with different content"}""";

    public static final String BODY_TOO_LARGE = """
            {"type":"urn:kyc-events:problem:body-too-large","title":"Request Entity Too Large","status":413,
             "detail":"The body is over the limit of 1048576 bytes."}""";

    public static final String NO_TOKEN = """
            {"type":"urn:kyc-events:problem:unauthorized","title":"Unauthorized","status":401,
             "detail":"A bearer token is required."}""";

    public static final String ERASED_USER = """
            {"type":"urn:kyc-events:problem:erased","title":"Gone","status":410,
             "detail":"The user's data was erased at the end of the retention period."}""";

    public static final String ERASED_EVENT = """
            {"type":"urn:kyc-events:problem:erased","title":"Gone","status":410,
             "detail":"The body of event 3f2b8c1e-6c55-4c8e-9d43-1a2b3c4d5e6f was erased."}""";

    public static final String INVALID_ENDED_AT = """
            {"type":"urn:kyc-events:problem:invalid-parameter","title":"Bad Request","status":400,
             "detail":"endedAt must not be in the future","field":"endedAt"}""";

    public static final String INVALID_REASON = """
            {"type":"urn:kyc-events:problem:invalid-parameter","title":"Bad Request","status":400,
             "detail":"reason must be given: why the records are held","field":"reason"}""";

    public static final String SWEEP_RUNNING = """
            {"type":"urn:kyc-events:problem:sweep-running","title":"Conflict","status":409,
             "detail":"A retention sweep is already running; try again when it has finished."}""";

    public static final String INVALID_TOKEN = """
            {"type":"urn:kyc-events:problem:invalid-token","title":"Unauthorized","status":401,
             "detail":"The bearer token is invalid or expired, or its signing key is not trusted."}""";

    public static final String UNAUTHORIZED = """
            {"type":"urn:kyc-events:problem:invalid-signature","title":"Unauthorized","status":401,
             "detail":"The webhook signature is missing, invalid or outside the accepted time window."}""";

    public static final String UNSUPPORTED = """
            {"type":"urn:kyc-events:problem:unsupported-media-type","title":"Unsupported Media Type","status":415,
             "detail":"Send the event as application/json (UTF-8)."}""";

    public static final String UNAVAILABLE = """
            {"type":"urn:kyc-events:problem:unavailable","title":"Service Unavailable","status":503,
             "detail":"The service could not complete the request; nothing was recorded. Retry later."}""";

    public static final String OVERLOADED = """
            {"type":"urn:kyc-events:problem:overloaded","title":"Service Unavailable","status":503,
             "detail":"Too many requests are waiting; this one was not processed and nothing was recorded. Retry after 1 s."}""";

    public static final String FORBIDDEN_VIEW = """
            {"type":"urn:kyc-events:problem:forbidden","title":"Forbidden","status":403,
             "detail":"This token may not read this user's KYC view."}""";

    public static final String FORBIDDEN_SESSION = """
            {"type":"urn:kyc-events:problem:forbidden","title":"Forbidden","status":403,
             "detail":"This token may not read this session."}""";

    public static final String FORBIDDEN_START = """
            {"type":"urn:kyc-events:problem:forbidden","title":"Forbidden","status":403,
             "detail":"This token may not start a verification for this user."}""";

    public static final String SESSION_CONFLICT = """
            {"type":"urn:kyc-events:problem:session-of-another-user","title":"Conflict","status":409,
             "detail":"session 550e8400-e29b-41d4-a716-446655440002 belongs to another user"}""";

    public static final String NOT_A_UUID = """
            {"type":"urn:kyc-events:problem:invalid-parameter","title":"Bad Request","status":400,
             "detail":"uid must be a UUID","field":"uid"}""";

    public static final String NOT_FOUND = """
            {"type":"urn:kyc-events:problem:not-found","title":"Not Found","status":404,
             "detail":"No session 550e8400-e29b-41d4-a716-446655440002 is known."}""";

    public static final String SESSION = """
            {"sessionId":"550e8400-e29b-41d4-a716-446655440002","userId":"550e8400-e29b-41d4-a716-446655440001",
             "state":"REVIEW","stateCode":4,
             "checks":[{"type":"document-verification","state":"Validated","reasons":[]},
                       {"type":"face-matching","state":"Refused","reasons":[{"type":"face-match",
                        "code":"LOW_CONFIDENCE","message":"Face matching confidence below threshold"}]}],
             "reasons":[{"checkType":"face-matching","code":"LOW_CONFIDENCE",
                         "message":"Face matching confidence below threshold"}],
             "hostedUrl":"https://verify.raliopay.com/session/abc123","expiresAt":"2025-06-26T17:00:00Z",
             "startedAt":"2025-06-19T17:00:00Z","updatedAt":"2025-06-19T17:14:13.123Z"}""";

    public static final String KYC_VIEW = """
            {"userId":"550e8400-e29b-41d4-a716-446655440001","level":"LIGHT","levelCode":2,
             "accountCreationAllowed":false,"nextAction":"WAIT_FOR_REVIEW",
             "currentSession":""" + SESSION + """
            ,"sessions":[""" + SESSION + """
            ],"version":2}""";

    public static final String KYC_VIEW_UNKNOWN_USER = """
            {"userId":"550e8400-e29b-41d4-a716-446655440009","level":"LIGHT","levelCode":2,
             "accountCreationAllowed":false,"nextAction":"START_VERIFICATION","currentSession":null,
             "sessions":[],"version":0}""";

    public static final String VERIFICATION_FROM_WEBHOOK = """
            {"sessionId":"550e8400-e29b-41d4-a716-446655440002","hostedUrl":null,"expiresAt":null}""";

    public static final String VERIFICATION = """
            {"sessionId":"550e8400-e29b-41d4-a716-446655440002",
             "hostedUrl":"https://verify.raliopay.com/session/abc123","expiresAt":"2025-06-26T17:00:00Z"}""";

    public static final String RALIO_UNAVAILABLE = """
            {"type":"urn:kyc-events:problem:ralio-unavailable","title":"Bad Gateway","status":502,
             "detail":"Ralio could not create a verification session; nothing was recorded. Retry later."}""";
    public static final String FEED_EVENT = """
            {"position":42,"eventId":"550e8400-e29b-41d4-a716-446655440000","type":"kyc_session_manual_review",
             "userId":"550e8400-e29b-41d4-a716-446655440001","sessionId":"550e8400-e29b-41d4-a716-446655440002",
             "occurredAt":"2025-06-19T17:14:13.123Z","recordedAt":"2025-06-19T17:14:13.402817Z",
             "source":"ralio-webhook",
             "payload":{"id":"550e8400-e29b-41d4-a716-446655440000","event":"kyc_session_manual_review",
                        "timestamp":"2025-06-19T17:14:13.123Z",
                        "data":{"userId":"550e8400-e29b-41d4-a716-446655440001",
                                "sessionId":"550e8400-e29b-41d4-a716-446655440002","checks":[]}},
             "hash":"9f2c4e0a5b7d3e1f8a6c2b4d0e9f7a5c3b1d8e6f4a2c0b9d7e5f3a1c8b6d4e2f",
             "prevHash":"1a3c5e7f9b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a","erased":false}""";

    public static final String EVENT_PAGE = """
            {"events":[""" + FEED_EVENT + """
            ],"nextAfter":42}""";

    public static final String RAW_EVENT = """
            {"id":"550e8400-e29b-41d4-a716-446655440000","event":"kyc_session_manual_review",
              "timestamp":"2025-06-19T17:14:13.123Z",
              "data":{"userId":"550e8400-e29b-41d4-a716-446655440001","sessionId":"550e8400-e29b-41d4-a716-446655440002","checks":[]}}""";

    /** One line of the NDJSON export (the document shows a single line; the export has one per event). */
    public static final String EXPORT_LINE = """
            {"position":1,"eventId":"550e8400-e29b-41d4-a716-446655440000","type":"kyc_state_updated","userId":"550e8400-e29b-41d4-a716-446655440001","sessionId":null,"occurredAt":"2025-06-19T17:14:13.123Z","recordedAt":"2025-06-19T17:14:13.402817Z","source":"ralio-webhook","contentType":"application/json","payload":{"id":"550e8400-e29b-41d4-a716-446655440000","event":"kyc_state_updated","timestamp":"2025-06-19T17:14:13.123Z","data":{"userId":"550e8400-e29b-41d4-a716-446655440001","state":"REGULAR"}},"rawBody":"eyJpZCI6IjU1MGU4NDAwLWUyOWItNDFkNC1hNzE2LTQ0NjY1NTQ0MDAwMCIsImV2ZW50Ijoia3ljX3N0YXRlX3VwZGF0ZWQiLCJ0aW1lc3RhbXAiOiIyMDI1LTA2LTE5VDE3OjE0OjEzLjEyM1oiLCJkYXRhIjp7InVzZXJJZCI6IjU1MGU4NDAwLWUyOWItNDFkNC1hNzE2LTQ0NjY1NTQ0MDAwMSIsInN0YXRlIjoiUkVHVUxBUiJ9fQ==","hash":"9f2c4e0a5b7d3e1f8a6c2b4d0e9f7a5c3b1d8e6f4a2c0b9d7e5f3a1c8b6d4e2f","prevHash":"0000000000000000000000000000000000000000000000000000000000000000","hashVersion":2,"bodyDigest":"5d1c0f3e8a7b6c4d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d","erased":false}""";

    public static final String REBUILD_REPORT = """
            {"eventsReplayed":1000000,"position":1000000,"sessionRows":300000,"levelRows":100000,
             "drift":{"sessions":1,"levels":0},"durationMs":14250}""";

    public static final String INVALID_LIMIT = """
            {"type":"urn:kyc-events:problem:invalid-parameter","title":"Bad Request","status":400,
             "detail":"limit must be between 1 and 1000","field":"limit"}""";

    public static final String INVALID_AS_OF = """
            {"type":"urn:kyc-events:problem:invalid-parameter","title":"Bad Request","status":400,
             "detail":"asOf must be an ISO-8601 instant with an offset, e.g. 2025-06-19T17:14:13Z","field":"asOf"}""";

    public static final String INVALID_RANGE = """
            {"type":"urn:kyc-events:problem:invalid-parameter","title":"Bad Request","status":400,
             "detail":"from must not be greater than to","field":"from"}""";

    public static final String FORBIDDEN_GROUP = """
            {"type":"urn:kyc-events:problem:forbidden","title":"Forbidden","status":403,
             "detail":"This token's groups do not allow GET /events."}""";

    public static final String FORBIDDEN_AS_OF = """
            {"type":"urn:kyc-events:problem:forbidden","title":"Forbidden","status":403,
             "detail":"Only group compliance may read a past view (asOf)."}""";

    public static final String EVENT_NOT_FOUND = """
            {"type":"urn:kyc-events:problem:not-found","title":"Not Found","status":404,
             "detail":"No event 550e8400-e29b-41d4-a716-446655440000 is stored."}""";

    public static final String REBUILD_RUNNING = """
            {"type":"urn:kyc-events:problem:rebuild-running","title":"Conflict","status":409,
             "detail":"A rebuild is already running; try again when it has finished."}""";

    public static final String CHAIN_VALID = """
            {"valid":true,"checked":1000000,"firstBrokenPosition":null,"problem":null,"detail":null,
             "lastPosition":1000000,"lastHash":"4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a1a3c5e7f9b2d4f6a8c0e2b4d6f8a0c2e"}""";

    public static final String CHAIN_BROKEN = """
            {"valid":false,"checked":4210,"firstBrokenPosition":4211,"problem":"POSITION_GAP",
             "detail":"expected position 4210, found 4211","lastPosition":4209,
             "lastHash":"9f2c4e0a5b7d3e1f8a6c2b4d0e9f7a5c3b1d8e6f4a2c0b9d7e5f3a1c8b6d4e2f"}""";

    public static final String INVALID_POSITION = """
            {"type":"urn:kyc-events:problem:invalid-parameter","title":"Bad Request","status":400,
             "detail":"from must be a position: a whole number from 1","field":"from"}""";

    public static final String KYC_EXPLANATION = """
            {"userId":"550e8400-e29b-41d4-a716-446655440001",
             "level":{"level":"REGULAR","basis":"latest kyc_state_updated",
               "decidedBy":{"position":44,"eventId":"550e8400-e29b-41d4-a716-446655440044","type":"kyc_state_updated",
                 "occurredAt":"2025-06-20T09:00:00Z","recordedAt":"2025-06-20T09:00:00.210344Z","late":false,
                 "reason":null},
               "ignored":[{"position":45,"eventId":"550e8400-e29b-41d4-a716-446655440045","type":"kyc_state_updated",
                 "occurredAt":"2025-06-19T18:00:00Z","recordedAt":"2025-06-20T09:05:00.118202Z","late":true,
                 "reason":"late arrival: the later update 550e8400-e29b-41d4-a716-446655440044 was already in effect"}]},
             "sessions":[{"sessionId":"550e8400-e29b-41d4-a716-446655440002","state":"VERIFIED",
               "applied":[{"position":41,"eventId":"550e8400-e29b-41d4-a716-446655440041","type":"kyc_session_created",
                   "occurredAt":"2025-06-19T17:00:00Z","recordedAt":"2025-06-19T17:00:00.402817Z","late":false,
                   "reason":null},
                 {"position":42,"eventId":"550e8400-e29b-41d4-a716-446655440042","type":"kyc_session_verified",
                   "occurredAt":"2025-06-19T17:14:13.123Z","recordedAt":"2025-06-19T17:14:13.530114Z","late":false,
                   "reason":null}],
               "ignored":[{"position":43,"eventId":"550e8400-e29b-41d4-a716-446655440043","type":"kyc_session_failed",
                   "occurredAt":"2025-06-19T17:20:00Z","recordedAt":"2025-06-19T17:20:00.377251Z","late":false,
                   "reason":"after terminal state VERIFIED"}]}],
             "ignored":[{"position":46,"eventId":"550e8400-e29b-41d4-a716-446655440046","type":"kyc_document_uploaded",
               "occurredAt":"2025-06-20T09:30:00Z","recordedAt":"2025-06-20T09:30:00.051930Z","late":false,
               "reason":"unknown type kyc_document_uploaded"}]}""";

    // Ralio's published sample events, byte for byte as in src/test/resources/fixtures.

    public static final String RALIO_SESSION_EXPIRED = """
            {
              "id": "9b2f3c1e-4d5a-4b6c-8d7e-0f1a2b3c4d5e",
              "event": "kyc_session_expired",
              "timestamp": "2025-06-28T11:30:00.000Z",
              "data": {
                "sessionId": "9b2f3c1e-4d5a-4b6c-8d7e-0f1a2b3c4d5f",
                "userId": "7c9e6679-7425-40de-944b-e07fc1f90ae9",
                "checks": []
              }
            }""";

    public static final String RALIO_SESSION_FAILED = """
            {
              "id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
              "event": "kyc_session_failed",
              "timestamp": "2025-06-21T11:30:00.000Z",
              "data": {
                "sessionId": "7c9e6679-7425-40de-944b-e07fc1f90ae8",
                "userId": "7c9e6679-7425-40de-944b-e07fc1f90ae9",
                "checks": [
                  {
                    "type": "document-verification",
                    "state": "Refused",
                    "data": {},
                    "reasons": [
                      { "type": "document", "code": "DOCUMENT_EXPIRED", "message": "The identity document has expired" }
                    ]
                  },
                  { "type": "face-matching", "state": "Validated", "data": {}, "reasons": [] }
                ]
              }
            }""";

    public static final String RALIO_SESSION_MANUAL_REVIEW = """
            {
              "id": "550e8400-e29b-41d4-a716-446655440000",
              "event": "kyc_session_manual_review",
              "timestamp": "2025-06-19T17:14:13.123Z",
              "data": {
                "sessionId": "550e8400-e29b-41d4-a716-446655440002",
                "userId": "550e8400-e29b-41d4-a716-446655440001",
                "checks": [
                  {
                    "type": "document-verification",
                    "state": "Validated",
                    "data": {},
                    "reasons": []
                  },
                  {
                    "type": "face-matching",
                    "state": "Refused",
                    "data": {},
                    "reasons": [
                      {
                        "type": "face-match",
                        "code": "LOW_CONFIDENCE",
                        "message": "Face matching confidence below threshold"
                      }
                    ]
                  }
                ]
              }
            }""";

    public static final String RALIO_SESSION_VERIFIED = """
            {
              "id": "550e8400-e29b-41d4-a716-446655440010",
              "event": "kyc_session_verified",
              "timestamp": "2025-06-20T09:02:41.500Z",
              "data": {
                "sessionId": "550e8400-e29b-41d4-a716-446655440002",
                "userId": "550e8400-e29b-41d4-a716-446655440001",
                "checks": [
                  { "type": "document-verification", "state": "Validated", "data": {}, "reasons": [] },
                  { "type": "face-matching", "state": "Validated", "data": {}, "reasons": [] }
                ]
              }
            }""";

    public static final String RALIO_STATE_UPDATED = """
            {
              "id": "550e8400-e29b-41d4-a716-446655440011",
              "event": "kyc_state_updated",
              "timestamp": "2025-06-20T09:02:42.010Z",
              "data": {
                "userId": "550e8400-e29b-41d4-a716-446655440001",
                "state": "REGULAR"
              }
            }""";

    private OpenApiExamples() {
    }
}
