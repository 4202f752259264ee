package dev.kycevents.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * What a body becomes in PostgreSQL's jsonb, checked before it is stored. jsonb refuses U+0000 and unpaired UTF-16
 * surrogates (from \\u escapes) although JSON allows them; and it keeps numbers as numeric, printed in full without
 * an exponent ({@code 1e1000} comes back as 1,001 digits), which the readers' {@link JsonLimits} must still accept
 * and which must not blow one small body up into megabytes. Caught here, each is a 400 naming the field; missed, it
 * would fail the insert (retried by Ralio forever) or be stored and break every later read.
 */
final class PostgresJsonLimits {

    private final long maxLength;
    private long length;

    private PostgresJsonLimits(long maxLength) {
        this.maxLength = maxLength;
    }

    /**
     * Refuses {@code root} if jsonb could not store it, or would print it longer than {@code maxLength} bytes or with
     * a number longer than {@link JsonLimits#MAX_NUMBER_LENGTH}.
     */
    static void check(JsonNode root, long maxLength) {
        new PostgresJsonLimits(maxLength).walk(root, "");
    }

    /**
     * How long jsonb prints {@code number}: sign, integer digits, and a point and the fraction digits if any. A zero
     * with an exponent ({@code 0e5000}) is counted as if its digits were written out: jsonb prints it as 0, but its
     * exponent must still pass numeric's range checks, and no sender means anything by it.
     */
    static long printedLength(BigDecimal number) {
        // Arithmetic, not toPlainString(): 1e131071 must not be written out to be measured.
        long fraction = Math.max(number.scale(), 0);
        long integer = Math.max((long) number.precision() - number.scale(), 1);
        return (number.signum() < 0 ? 1 : 0) + integer + (fraction > 0 ? 1 + fraction : 0);
    }

    private void walk(JsonNode node, String path) {
        if (node.isTextual()) {
            text(node.textValue(), path);
        } else if (node.isNumber()) {
            long printed = printedLength(node.decimalValue());
            if (printed > JsonLimits.MAX_NUMBER_LENGTH) {
                throw new InvalidEventException(path, path + " is a number of " + printed
                        + " digits when written out in full (as stored); at most " + JsonLimits.MAX_NUMBER_LENGTH
                        + " are accepted");
            }
            add(printed, path);
        } else if (node.isArray()) {
            add(2 + 2L * Math.max(node.size() - 1, 0), path);
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            add(2 + 2L * Math.max(node.size() - 1, 0), path);
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                text(field.getKey(), fieldPath);
                add(2, fieldPath); // ": "
                walk(field.getValue(), fieldPath);
            }
        } else {
            add(node.isBoolean() && !node.booleanValue() ? 5 : 4, path); // true, null; false
        }
    }

    // jsonb prints a string quoted, as UTF-8, escaping " \ and control characters.
    private void text(String text, String path) {
        String problem = StorableText.problem(text);
        if (problem != null) {
            throw new InvalidEventException(path, path + " " + problem);
        }
        long printed = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            printed += c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t' ? 2
                    : c < 0x20 ? 6
                    : c < 0x80 ? 1
                    : c < 0x800 ? 2
                    : Character.isSurrogate(c) ? 2 // each half of a pair: 4 bytes together
                    : 3;
        }
        add(printed, path);
    }

    private void add(long printed, String path) {
        length += printed;
        if (length > maxLength) {
            throw new InvalidEventException(path.isEmpty() ? null : path, "the event would be stored as more than "
                    + maxLength + " bytes (twice the body, plus " + JsonLimits.EXPANSION_SLACK + "), reached at "
                    + (path.isEmpty() ? "the body" : path) + ": numbers are stored written out in full");
        }
    }
}
