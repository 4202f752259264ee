package dev.kycevents.webhook;

import static dev.kycevents.support.Webhooks.unsigned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Header values reach the log cut to 100 characters and escaped, however large or odd they are. */
@QuarkusTest
class WebhookLogTest {

    final Logger logger = Logger.getLogger(RalioWebhookResource.class.getName());
    final List<String> lines = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(String.format(record.getMessage(), record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stop() {
        logger.removeHandler(capture);
    }

    @Test
    void a_10_kb_webhook_id_is_logged_as_its_first_100_characters_escaped() {
        String id = "x".repeat(10_240) + "\t\u00e9";
        unsigned("{}".getBytes(StandardCharsets.UTF_8)).header("webhook-id", id)
                .post("/webhooks/ralio").then().statusCode(401);

        String line = lines.stream().filter(l -> l.startsWith("webhook rejected: signature")).findFirst().orElseThrow();
        assertEquals("webhook rejected: signature missing-headers (webhook-id " + "x".repeat(100) + "...(10242 chars))",
                line);
    }

    @Test
    void an_odd_svix_id_is_escaped_like_a_webhook_id() {
        unsigned("{}".getBytes(StandardCharsets.UTF_8)).header("svix-id", "a\tb\u00e9")
                .post("/webhooks/ralio").then().statusCode(401);

        String line = lines.stream().filter(l -> l.startsWith("webhook rejected: signature")).findFirst().orElseThrow();
        assertTrue(line.endsWith("(webhook-id a\\u0009b\\u00e9)"), line);
        assertFalse(line.contains("\t"));
    }
}
