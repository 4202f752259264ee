import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Benchmark helper, JDK only.
 *
 *   java bench/WebhookTool.java generate <secret> <firstUser> <users> <out.tsv>
 *       Realistic histories for users numbered firstUser.., each a UUID derived from its number
 *       (00000000-0000-4000-8000-<12 decimal digits>) so pgbench and wrk can name them too.
 *       One signed webhook per line: webhook-id TAB webhook-timestamp TAB webhook-signature TAB body.
 *   java bench/WebhookTool.java send <url> <in.tsv> <concurrency>
 *       Posts every line once and prints how many got which status.
 */
public class WebhookTool {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(args[1], Long.parseLong(args[2]), Long.parseLong(args[3]), Path.of(args[4]));
            case "send" -> send(URI.create(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("generate or send");
        }
    }

    static UUID user(long n) {
        return UUID.fromString("00000000-0000-4000-8000-" + String.format("%012d", n));
    }

    static void generate(String secret, long first, long users, Path out) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        Random random = new Random(first);
        long timestamp = Instant.now().getEpochSecond();
        Instant t = Instant.parse("2025-06-01T00:00:00Z");
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            for (long n = first; n < first + users; n++) {
                UUID user = user(n);
                List<String> bodies = new ArrayList<>();
                int path = random.nextInt(100);
                UUID s1 = UUID.randomUUID();
                if (path < 50) {          // manual review, then approved, then upgraded
                    bodies.add(session("kyc_session_manual_review", user, s1, t, REFUSED));
                    bodies.add(session("kyc_session_verified", user, s1, t.plusSeconds(3600), VALIDATED));
                    bodies.add(level(user, t.plusSeconds(3601), "REGULAR"));
                } else if (path < 70) {   // approved straight away
                    bodies.add(session("kyc_session_verified", user, s1, t, VALIDATED));
                    bodies.add(level(user, t.plusSeconds(1), "REGULAR"));
                } else if (path < 85) {   // rejected, then a second session succeeds
                    UUID s2 = UUID.randomUUID();
                    bodies.add(session("kyc_session_failed", user, s1, t, EXPIRED_DOCUMENT));
                    bodies.add(session("kyc_session_manual_review", user, s2, t.plusSeconds(86400), REFUSED));
                    bodies.add(session("kyc_session_verified", user, s2, t.plusSeconds(90000), VALIDATED));
                    bodies.add(level(user, t.plusSeconds(90001), "REGULAR"));
                } else if (path < 95) {   // never finished
                    bodies.add(session("kyc_session_expired", user, s1, t.plusSeconds(7 * 86400), "[]"));
                } else {                  // still in review
                    bodies.add(session("kyc_session_manual_review", user, s1, t, REFUSED));
                }
                for (String body : bodies) {
                    String id = "msg_" + UUID.randomUUID();
                    mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
                    String signature = Base64.getEncoder().encodeToString(
                            mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
                    w.write(id + "\t" + timestamp + "\tv1," + signature + "\t" + body + "\n");
                }
                t = t.plusMillis(1);
            }
        }
    }

    static final String VALIDATED = "[{\"type\":\"document-verification\",\"state\":\"Validated\",\"data\":{},\"reasons\":[]},"
            + "{\"type\":\"face-matching\",\"state\":\"Validated\",\"data\":{},\"reasons\":[]}]";
    static final String REFUSED = "[{\"type\":\"document-verification\",\"state\":\"Validated\",\"data\":{},\"reasons\":[]},"
            + "{\"type\":\"face-matching\",\"state\":\"Refused\",\"data\":{},\"reasons\":[{\"type\":\"face-match\","
            + "\"code\":\"LOW_CONFIDENCE\",\"message\":\"Face matching confidence below threshold\"}]}]";
    static final String EXPIRED_DOCUMENT = "[{\"type\":\"document-verification\",\"state\":\"Refused\",\"data\":{},"
            + "\"reasons\":[{\"type\":\"document\",\"code\":\"DOCUMENT_EXPIRED\",\"message\":\"The identity document has expired\"}]}]";

    static String session(String type, UUID user, UUID session, Instant at, String checks) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"event\":\"" + type + "\",\"timestamp\":\"" + at
                + "\",\"data\":{\"sessionId\":\"" + session + "\",\"userId\":\"" + user + "\",\"checks\":" + checks + "}}";
    }

    static String level(UUID user, Instant at, String state) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"event\":\"kyc_state_updated\",\"timestamp\":\"" + at
                + "\",\"data\":{\"userId\":\"" + user + "\",\"state\":\"" + state + "\"}}";
    }

    static void send(URI url, Path in, int concurrency) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long started = System.nanoTime();
        try (BufferedReader r = Files.newBufferedReader(in)) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t", 4);
                HttpRequest request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                        .header("webhook-id", f[0]).header("webhook-timestamp", f[1]).header("webhook-signature", f[2])
                        .POST(HttpRequest.BodyPublishers.ofString(f[3])).build();
                inFlight.acquire();
                http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                    if (error == null && response.statusCode() == 200) {
                        ok.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                    inFlight.release();
                });
            }
        }
        inFlight.acquire(concurrency);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("sent %d ok, %d failed in %.1f s (%.0f/s)%n", ok.get(), failed.get(), seconds,
                (ok.get() + failed.get()) / seconds);
        if (failed.get() > 0) {
            System.exit(1);
        }
    }
}
