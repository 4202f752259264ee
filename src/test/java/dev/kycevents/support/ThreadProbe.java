package dev.kycevents.support;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Test-only filters that note on which threads each request was started and answered. */
public class ThreadProbe {

    /** "METHOD path" of the latest request → "requestThread responseThread". */
    public static final Map<String, String> THREADS = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void onRequest(ContainerRequestContext request) {
        request.setProperty("probe.thread", Thread.currentThread().getName());
    }

    @ServerResponseFilter
    public void onResponse(ContainerRequestContext request) {
        THREADS.put(request.getMethod() + " " + request.getUriInfo().getPath(),
                request.getProperty("probe.thread") + " " + Thread.currentThread().getName());
    }
}
