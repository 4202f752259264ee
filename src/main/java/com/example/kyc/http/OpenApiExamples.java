package com.example.kyc.http;

/** Example bodies for the OpenAPI document, kept together so they are easy to keep true. */
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

    public static final String UNAUTHORIZED = """
            {"type":"urn:kyc-events:problem:invalid-signature","title":"Unauthorized","status":401,
             "detail":"The webhook signature is missing, invalid or outside the accepted time window."}""";

    public static final String UNSUPPORTED = """
            {"type":"urn:kyc-events:problem:unsupported-media-type","title":"Unsupported Media Type","status":415,
             "detail":"Send the event as application/json (UTF-8)."}""";

    public static final String UNAVAILABLE = """
            {"type":"urn:kyc-events:problem:unavailable","title":"Service Unavailable","status":503,
             "detail":"The service could not complete the request; nothing was recorded. Retry later."}""";

    public static final String FORBIDDEN = """
            {"type":"urn:kyc-events:problem:forbidden","title":"Forbidden","status":403,
             "detail":"This token may not read this user's data."}""";

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

    public static final String VERIFICATION = """
            {"sessionId":"550e8400-e29b-41d4-a716-446655440002",
             "hostedUrl":"https://verify.raliopay.com/session/abc123","expiresAt":"2025-06-26T17:00:00Z"}""";

    public static final String RALIO_UNAVAILABLE = """
            {"type":"urn:kyc-events:problem:ralio-unavailable","title":"Bad Gateway","status":502,
             "detail":"Ralio could not create a verification session; nothing was recorded. Retry later."}""";

    private OpenApiExamples() {
    }
}
