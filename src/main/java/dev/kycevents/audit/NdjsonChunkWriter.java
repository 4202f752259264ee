package dev.kycevents.audit;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** Writes an {@link NdjsonChunk}'s text as UTF-8, untouched. */
@Provider
@Produces(AuditExportResource.NDJSON)
public class NdjsonChunkWriter implements MessageBodyWriter<NdjsonChunk> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == NdjsonChunk.class;
    }

    @Override
    public void writeTo(NdjsonChunk chunk, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws IOException {
        out.write(chunk.lines().getBytes(StandardCharsets.UTF_8));
    }
}
