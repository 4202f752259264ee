package dev.kycevents.webhook;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code ralio.webhook.*}: how deliveries are authenticated and bounded. */
@ConfigMapping(prefix = "ralio.webhook")
public interface WebhookConfig {

    /** whsec_... secrets from Ralio's portal; several while a key is rotated (RALIO_WEBHOOK_SECRETS, comma-separated). */
    Optional<List<String>> secrets();

    /** How far webhook-timestamp may be from now, either way. */
    @WithDefault("PT5M")
    Duration tolerance();

    /** Larger bodies are refused with 413 before they are read. */
    @WithDefault("1M")
    MemorySize maxBodySize();
}
