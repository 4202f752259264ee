package dev.kycevents.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.store.HashChain;
import dev.kycevents.support.BulkEvents;
import dev.kycevents.support.SuiteOrder;
import dev.kycevents.support.Tokens;
import dev.kycevents.support.Webhooks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** GET /audit/export: NDJSON that an auditor can check offline, streamed with constant memory. */
@QuarkusTest
@Order(SuiteOrder.BULK_25_000_LAST)
class AuditExportTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/audit/export")
    URI export;
    @Inject
    Pool pool;
    @Inject
    MeterRegistry registry;

    double pagesRead() {
        var counter = registry.find("kyc.audit.export.pages").counter(); // registered with the first export
        return counter == null ? 0 : counter.count();
    }

    /**
     * Streaming is shown by back-pressure, not by timing: 25,000 events make about 25 MB of NDJSON
     * in 25 pages. A client reads the first line and stops, with a small socket receive buffer (a
     * fixed size also turns off the kernel's autotuning, which could otherwise hold tens of MB); the
     * server can then run ahead only by its own send buffer (a few MB), so it must stop fetching
     * pages long before the end. An export that buffered the whole answer, or fetched pages
     * regardless of the client, would have read all 25 by then. When the client goes away, the
     * export stops. A second, complete read then checks every line offline.
     */
    @Test
    void the_export_reads_a_page_only_when_the_client_has_taken_the_previous_one() throws Exception {
        long[] range = BulkEvents.append(pool, 5_000);
        int total = (int) (range[1] - range[0] + 1);
        int totalPages = (total + EventExport.PAGE_ROWS - 1) / EventExport.PAGE_ROWS;
        String query = "?from=" + range[0] + "&to=" + range[1];

        double before = pagesRead();
        try (Socket slowClient = new Socket()) {
            slowClient.setReceiveBufferSize(16 * 1024);
            slowClient.connect(new InetSocketAddress(export.getHost(), export.getPort()));
            slowClient.getOutputStream().write(("GET " + export.getPath() + query + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Tokens.group("compliance") + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            readUntil(slowClient.getInputStream(), "{\"position\":" + range[0] + ",");
            double whileWaiting = settledPages(before);
            assertTrue(whileWaiting < totalPages / 2.0,
                    "pages read while the client waited: " + whileWaiting + " of " + totalPages);
        }
        double afterLeaving = settledPages(before);
        assertTrue(afterLeaving < totalPages, "pages read after the client left: " + afterLeaving);

        before = pagesRead();
        HttpRequest request = HttpRequest.newBuilder(URI.create(export + query))
                .header("Authorization", "Bearer " + Tokens.group("compliance")).build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith(AuditExportResource.NDJSON));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            long expected = range[0];
            byte[] prevHash = null;
            String text;
            while ((text = lines.readLine()) != null) {
                JsonNode line = JSON.readTree(text);
                assertEquals(expected++, line.get("position").asLong());
                if (prevHash != null) {
                    assertArrayEquals(prevHash, HexFormat.of().parseHex(line.get("prevHash").asText()));
                }
                prevHash = recomputedHash(line);
                assertEquals(HashChain.hex(prevHash), line.get("hash").asText(), "hash of " + text);
            }
            assertEquals(range[1] + 1, expected, "every event exported once");
        }
        assertEquals(totalPages, pagesRead() - before, 0.0);
    }

    static void readUntil(InputStream in, String marker) throws IOException {
        byte[] wanted = marker.getBytes(StandardCharsets.US_ASCII);
        int matched = 0;
        while (matched < wanted.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the stream ended before " + marker);
            }
            matched = b == wanted[matched] ? matched + 1 : (b == wanted[0] ? 1 : 0);
        }
    }

    // Waits until the server has stopped reading pages (it is blocked on the socket): half a second without a
    // page read, where reading one takes milliseconds. Then says how many.
    double settledPages(double before) throws InterruptedException {
        double seen = -1;
        for (int quiet = 0; quiet < 5; ) {
            Thread.sleep(100);
            double now = pagesRead() - before;
            quiet = now == seen ? quiet + 1 : 0;
            seen = now;
        }
        return seen;
    }

    /** The README's hash input, from nothing but the exported line. */
    static byte[] recomputedHash(JsonNode line) {
        JsonNode session = line.get("sessionId");
        if (line.get("hashVersion").asInt() == 2) {
            assertArrayEquals(HashChain.bodyDigest(Base64.getDecoder().decode(line.get("rawBody").asText())),
                    HexFormat.of().parseHex(line.get("bodyDigest").asText()), "bodyDigest is the SHA-256 of rawBody");
            return HashChain.hashV2(HexFormat.of().parseHex(line.get("prevHash").asText()), line.get("position").asLong(),
                    UUID.fromString(line.get("eventId").asText()), line.get("type").asText(),
                    UUID.fromString(line.get("userId").asText()),
                    session.isNull() ? null : UUID.fromString(session.asText()),
                    Instant.parse(line.get("occurredAt").asText()), Instant.parse(line.get("recordedAt").asText()),
                    line.get("source").asText(), line.get("contentType").asText(),
                    HexFormat.of().parseHex(line.get("bodyDigest").asText()));
        }
        return HashChain.hash(HexFormat.of().parseHex(line.get("prevHash").asText()), line.get("position").asLong(),
                UUID.fromString(line.get("eventId").asText()), line.get("type").asText(),
                UUID.fromString(line.get("userId").asText()),
                session.isNull() ? null : UUID.fromString(session.asText()),
                Instant.parse(line.get("occurredAt").asText()), Instant.parse(line.get("recordedAt").asText()),
                line.get("source").asText(), line.get("contentType").asText(),
                Base64.getDecoder().decode(line.get("rawBody").asText()));
    }

    @Test
    void a_line_carries_every_column_with_the_raw_body_in_base64_and_the_payload_as_json() throws Exception {
        UUID id = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        String body = "{ \"id\":\"" + id + "\", \"event\":\"kyc_state_updated\",\t\"timestamp\":\"2025-06-19T17:14:13.123456Z\","
                + "\"data\":{\"userId\":\"" + user + "\",\"state\":\"LIGHT\",\"note\":\"Zoë ✓\"}}\n";
        Webhooks.post(body).statusCode(200);
        String position = given().auth().oauth2(Tokens.group("compliance")).get("/users/{uid}/events", user)
                .then().extract().jsonPath().getString("events[0].position");

        String ndjson = given().auth().oauth2(Tokens.group("compliance"))
                .queryParam("from", position).queryParam("to", position).get("/audit/export").then()
                .statusCode(200).contentType(startsWith(AuditExportResource.NDJSON))
                .header("X-Export-From", position).header("X-Export-To", position)
                .extract().asString();

        List<String> lines = ndjson.lines().toList();
        assertEquals(1, lines.size());
        assertTrue(ndjson.endsWith("}\n"), "every line ends with a newline");
        JsonNode line = JSON.readTree(lines.get(0));
        assertEquals(id.toString(), line.get("eventId").asText());
        assertEquals("kyc_state_updated", line.get("type").asText());
        assertEquals(user.toString(), line.get("userId").asText());
        assertTrue(line.get("sessionId").isNull());
        assertEquals("2025-06-19T17:14:13.123456Z", line.get("occurredAt").asText());
        assertEquals("ralio-webhook", line.get("source").asText());
        assertEquals("application/json", line.get("contentType").asText());
        assertEquals("Zoë ✓", line.get("payload").get("data").get("note").asText());
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode(line.get("rawBody").asText()));
        assertEquals(2, line.get("hashVersion").asInt());
        assertFalse(line.get("erased").asBoolean());
        assertEquals(line.get("hash").asText(), HashChain.hex(recomputedHash(line)));
    }

    @Test
    void without_bounds_the_export_runs_from_the_first_event_to_the_last_one_when_it_started() {
        Webhooks.post(Webhooks.levelEvent(UUID.randomUUID(), UUID.randomUUID(), Instant.now(), "LIGHT"))
                .statusCode(200);
        long head = Long.parseLong(given().auth().oauth2(Tokens.group("compliance")).get("/events?after=0&limit=1")
                .then().extract().jsonPath().getString("events[0].position"));
        assertEquals(1, head);

        var response = given().auth().oauth2(Tokens.group("compliance")).get("/audit/export").then().statusCode(200)
                .header("X-Export-From", "1").extract();
        long to = Long.parseLong(response.header("X-Export-To"));
        List<String> lines = response.asString().lines().toList();
        assertEquals(to, lines.size());
        assertTrue(lines.get(lines.size() - 1).startsWith("{\"position\":" + to + ","));
    }

    @Test
    void a_range_past_the_end_of_the_log_is_empty() {
        given().auth().oauth2(Tokens.group("compliance")).queryParam("from", Long.MAX_VALUE / 2)
                .get("/audit/export").then().statusCode(200).body(equalTo(""));
    }

    @Test
    void bad_bounds_are_400_problems_naming_the_parameter() {
        String[][] cases = {{"from", "-1", null}, {"from", "x", null}, {"to", "1.5", null}, {"from", "10", "9"}};
        for (String[] c : cases) {
            var request = given().auth().oauth2(Tokens.group("compliance")).queryParam(c[0], c[1]);
            if (c[2] != null) {
                request = request.queryParam("to", c[2]);
            }
            request.get("/audit/export").then().statusCode(400).contentType("application/problem+json")
                    .body("field", equalTo(c[0]));
        }
    }
}
