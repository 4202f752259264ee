package dev.kycevents.webhook;

import java.util.Locale;

/** Ralio sends JSON; anything else, or JSON declared in a charset other than UTF-8, is refused. */
final class WebhookContentType {

    private WebhookContentType() {
    }

    static boolean acceptable(String header) {
        if (header == null) {
            return false;
        }
        String[] parts = header.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=")) {
                String charset = parameter.substring("charset=".length()).replace("\"", "");
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    return false;
                }
            }
        }
        return true;
    }
}
