package dev.kycevents.audit;

import dev.kycevents.http.ApiDocument;
import dev.kycevents.http.OpenApiExamples;
import dev.kycevents.security.Access;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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
    @Operation(operationId = "exportEvents", summary = "Events as NDJSON, streamed in position order",
            description = "Group compliance. One JSON object per line with every column of the events table (raw "
                    + "body in base64, hashes in hex), so every hash can be recomputed offline. Without to, the "
                    + "export ends at the last position when it started (headers X-Export-From and X-Export-To); "
                    + "a download that ends before X-Export-To was cut short. Memory stays constant: a page of "
                    + "events is read only when the client has taken the previous one.")
    @APIResponse(responseCode = "200", description = "One event per line",
            headers = {@Header(name = "X-Export-From", description = "The first position asked for", required = true,
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64")),
                    @Header(name = "X-Export-To", description = "The last position the export goes to; a download "
                            + "that ends before it was cut short", required = true,
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64"))},
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = ExportLine.class),
                    examples = @ExampleObject(name = "one line", value = OpenApiExamples.EXPORT_LINE)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID_PARAMETER)
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    @Produces(NDJSON)
    public RestMulti<NdjsonChunk> export(
            @Parameter(description = "First position, inclusive (default: the first event)", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
            @QueryParam("from") String from,
            @Parameter(description = "Last position, inclusive (default: the last event when the export starts)", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
            @QueryParam("to") String to) {
        return RestMulti.fromUniResponse(export.range(ExportRange.of(from, to)), export::pages,
                range -> Map.of("X-Export-From", List.of(String.valueOf(range.from())),
                        "X-Export-To", List.of(String.valueOf(range.to())),
                        "Content-Disposition", List.of("attachment; filename=\"kyc-events-" + range.from() + "-"
                                + range.to() + ".ndjson\"")));
    }
}
