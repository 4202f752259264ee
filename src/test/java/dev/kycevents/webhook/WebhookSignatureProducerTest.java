package dev.kycevents.webhook;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookSignatureProducerTest {

    static WebhookConfig config(List<String> secrets) {
        return new WebhookConfig() {
            @Override
            public Optional<List<String>> secrets() {
                return secrets.isEmpty() ? Optional.empty() : Optional.of(secrets);
            }

            @Override
            public Duration tolerance() {
                return Duration.ofMinutes(5);
            }

            @Override
            public MemorySize maxBodySize() {
                return new MemorySize(BigInteger.valueOf(1024 * 1024));
            }
        };
    }

    @Test
    void outside_dev_and_test_the_service_refuses_to_start_without_a_secret() {
        // Plain JUnit: no Quarkus launch mode is set, which is how a production start looks.
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new WebhookSignatureProducer().webhookSignature(config(List.of())));
        assertTrue(e.getMessage().contains("RALIO_WEBHOOK_SECRETS"));
    }

    @Test
    void with_a_secret_it_starts() {
        assertNotNull(new WebhookSignatureProducer()
                .webhookSignature(config(List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))));
    }
}
