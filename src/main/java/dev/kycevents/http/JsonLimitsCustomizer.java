package dev.kycevents.http;

import dev.kycevents.event.JsonLimits;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The application's ObjectMapper (request bodies, the read models' jsonb columns) parses with the same limits as
 * webhook intake and the event readers: one set of limits, whatever reads the JSON.
 */
@Singleton
public class JsonLimitsCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(JsonLimits.CONSTRAINTS);
    }
}
