package dev.kycevents.http;

import dev.kycevents.event.Uuids;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;

/**
 * UUID path, query and header parameters: anything but a canonical UUID is a 400 problem naming the
 * parameter, before the resource runs (JAX-RS alone would answer 404 for a path parameter).
 */
@Provider
public class UuidParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == UUID.class ? (ParamConverter<T>) new Converter(name(annotations)) : null;
    }

    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return "parameter";
    }

    private record Converter(String name) implements ParamConverter<UUID> {

        @Override
        public UUID fromString(String text) {
            return Uuids.parse(text).orElseThrow(() -> new InvalidParameterException(name, name + " must be a UUID"));
        }

        @Override
        public String toString(UUID value) {
            return value.toString();
        }
    }
}
