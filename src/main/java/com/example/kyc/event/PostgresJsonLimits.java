package com.example.kyc.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * What PostgreSQL's jsonb refuses although JSON allows it: U+0000, unpaired UTF-16 surrogates
 * (from \\u escapes), and numbers beyond numeric's range. Caught here, such a body is a 400; missed,
 * it would fail the insert and be retried by Ralio forever.
 */
final class PostgresJsonLimits {

    private static final int MAX_INTEGER_DIGITS = 131072;
    private static final int MAX_FRACTION_DIGITS = 16383;

    private PostgresJsonLimits() {
    }

    static void check(JsonNode node, String path) {
        if (node.isTextual()) {
            checkText(node.textValue(), path);
        } else if (node.isNumber()) {
            checkNumber(node.decimalValue(), path);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                checkText(field.getKey(), fieldPath);
                check(field.getValue(), fieldPath);
            }
        }
    }

    private static void checkText(String text, String path) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                throw new InvalidEventException(path, path + " contains U+0000, which cannot be stored");
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                throw new InvalidEventException(path, path + " contains an unpaired surrogate");
            }
        }
    }

    private static void checkNumber(BigDecimal number, String path) {
        int fraction = Math.max(number.scale(), 0);
        long integer = (long) number.precision() - number.scale();
        if (integer > MAX_INTEGER_DIGITS || fraction > MAX_FRACTION_DIGITS) {
            throw new InvalidEventException(path, path + " is a number outside the range that can be stored");
        }
    }
}
