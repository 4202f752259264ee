package dev.kycevents.devralio;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The stand-in's "hosted verification page" and the page after a choice. Pure. What comes from a
 * request (an unknown session id) is escaped; everything else is an id this stand-in made or fixed text.
 */
final class StandInPages {

    private StandInPages() {
    }

    static String session(UUID sessionId, UUID userId) {
        StringBuilder choices = new StringBuilder();
        for (Outcome outcome : Outcome.values()) {
            choices.append("<p><button type=\"submit\" name=\"outcome\" value=\"").append(outcome.formValue())
                    .append("\" id=\"").append(outcome.formValue()).append("\">").append(outcome.label)
                    .append("</button> sends ").append(outcome.sends).append("</p>\n");
        }
        StringBuilder reasons = new StringBuilder();
        for (Refusal refusal : Refusal.values()) {
            reasons.append("<option value=\"").append(refusal.name()).append("\">").append(refusal.name())
                    .append(" (").append(refusal.checkType).append(")</option>");
        }
        return page("Ralio stand-in: verify", """
                <h1>Ralio stand-in</h1>
                <p>Session <code>%s</code> of user <code>%s</code>. Choose what Ralio does; the stand-in then
                delivers the signed webhooks to this service's <code>POST /webhooks/ralio</code>.</p>
                <form method="post" action="/sessions/%s/outcome">
                %s<p><label>Refusal reason for "Failed": <select name="reason">%s</select></label></p>
                </form>
                <script>
                  // dev/ralio-browser-walk.sh chooses through the page's own form: #choose=<outcome>
                  var choice = location.hash.match(/^#choose=(\\w+)$/);
                  if (choice) { document.getElementById(choice[1]).click(); }
                </script>
                """.formatted(sessionId, userId, sessionId, choices, reasons));
    }

    static String delivered(UUID sessionId, UUID userId, URI webhookUrl, List<String> deliveries) {
        return page("Ralio stand-in: delivered", """
                <h1>Webhooks delivered</h1>
                <p>To <code>%s</code>:</p>
                <ul id="deliveries">%s</ul>
                <p>Now read <code>GET /users/%s/kyc</code>. <a href="/sessions/%s">Back to the session</a></p>
                """.formatted(webhookUrl, "<li>" + String.join("</li><li>", deliveries) + "</li>", userId, sessionId));
    }

    static String badChoice() {
        return page("Ralio stand-in: no such choice", "<h1>Choose verified, review, failed or expired</h1>\n");
    }

    static String unknownSession(String sessionId) {
        return page("Ralio stand-in: unknown session", """
                <h1>Unknown session</h1>
                <p>The stand-in does not know session <code>%s</code>: it forgets its sessions when dev mode
                restarts. Start a new verification.</p>
                """.formatted(escape(sessionId)));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>\n"
                + body + "</body></html>\n";
    }
}
