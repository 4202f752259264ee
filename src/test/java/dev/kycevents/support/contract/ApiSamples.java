package dev.kycevents.support.contract;

import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Keeps the JSON bodies the tests really received, one file per distinct body, under
 * {@code target/api-samples/<operationId>/<status>-<digest>.json}; {@code tools/openapi-client-check.sh}
 * types each one with the client generated from the document.
 */
final class ApiSamples {

    private static final Path ROOT = Path.of("target", "api-samples");
    /** Enough to see every shape an operation answers with, few enough for one compiler run. */
    private static final int MOST_PER_STATUS = 40;

    void keep(String operationId, Response response) {
        String type = response.contentType();
        if (operationId == null || type == null || !type.contains("json") || type.contains("ndjson")) {
            return;
        }
        byte[] body = response.asByteArray();
        if (body.length == 0) {
            return;
        }
        try {
            Path dir = Files.createDirectories(ROOT.resolve(operationId));
            String prefix = response.statusCode() + "-";
            try (var existing = Files.list(dir)) {
                if (existing.filter(p -> p.getFileName().toString().startsWith(prefix)).count() >= MOST_PER_STATUS) {
                    return;
                }
            }
            Path file = dir.resolve(prefix + digest(body) + ".json");
            if (Files.notExists(file)) {
                Files.write(file, body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
