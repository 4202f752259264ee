package dev.kycevents.webhook;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** Builds the verifier once, at start, so a production service without a secret never starts. */
public class WebhookSignatureProducer {

    @Produces
    @Singleton
    @Startup
    WebhookSignature webhookSignature(WebhookConfig config) {
        List<String> secrets = config.secrets().orElse(List.of());
        if (secrets.isEmpty() && LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException("No webhook secret configured: set RALIO_WEBHOOK_SECRETS "
                    + "(ralio.webhook.secrets) to the whsec_... secret from the Ralio Management Portal. "
                    + "Without it every webhook would be refused.");
        }
        return new WebhookSignature(secrets, config.tolerance());
    }
}
