package com.example.kyc.audit;

import com.example.kyc.http.OpenApiExamples;
import com.example.kyc.http.Problem;
import com.example.kyc.security.Access;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

/** The whole log (or a range of it) as NDJSON, for auditors to check offline. */
@Path("/audit/export")
@Tag(name = "Audit")
@RolesAllowed(Access.COMPLIANCE)
public class AuditExportResource {

    public static final String NDJSON = "application/x-ndjson";

    private final EventExport export;

    public AuditExportResource(EventExport export) {
        this.export = export;
    }

    @GET
    @Operation(summary = "Events as NDJSON, streamed in position order",
            description = "Group compliance. One JSON object per line with every column of the events table (raw "
                    + "body in base64, hashes in hex), so every hash can be recomputed offline. Without to, the "
                    + "export ends at the last position when it started (headers X-Export-From and X-Export-To); "
                    + "a download that ends before X-Export-To was cut short. Memory stays constant: a page of "
                    + "events is read only when the client has taken the previous one.")
    @APIResponse(responseCode = "200", description = "One event per line", content = @Content(
            mediaType = NDJSON, schema = @Schema(implementation = ExportLine.class),
            examples = @ExampleObject(name = "one line", value = OpenApiExamples.EXPORT_LINE)))
    @APIResponse(responseCode = "400", description = "from or to is not a position, or from is after to",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "400", value = OpenApiExamples.INVALID_RANGE)))
    @APIResponse(responseCode = "401", description = "No bearer token, or one refused (expired, forged, unknown key)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "401", value = OpenApiExamples.INVALID_TOKEN)))
    @APIResponse(responseCode = "403", description = "The token is not in group compliance", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "403", value = OpenApiExamples.FORBIDDEN_GROUP)))
    @Produces(NDJSON)
    public RestMulti<NdjsonChunk> export(
            @Parameter(description = "First position, inclusive (default: the first event)")
            @QueryParam("from") String from,
            @Parameter(description = "Last position, inclusive (default: the last event when the export starts)")
            @QueryParam("to") String to) {
        return RestMulti.fromUniResponse(export.range(ExportRange.of(from, to)), export::pages,
                range -> Map.of("X-Export-From", List.of(String.valueOf(range.from())),
                        "X-Export-To", List.of(String.valueOf(range.to())),
                        "Content-Disposition", List.of("attachment; filename=\"kyc-events-" + range.from() + "-"
                                + range.to() + ".ndjson\"")));
    }
}
