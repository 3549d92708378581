package io.github.openstackops.mcp.cloud;

import org.openstack4j.model.identity.v3.Endpoint;
import org.openstack4j.model.identity.v3.Service;
import org.openstack4j.model.identity.v3.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the connection to the cloud reports to whoever measures it (the server's metrics): every HTTP request with the
 * service type it went to and its status, every Keystone authentication, every token lookup. Static because
 * openstack4j creates the HTTP connector itself; nothing is reported until a listener is set, and a failing listener
 * never fails a call. The service of a request comes from the last token's catalog (longest endpoint URL that
 * prefixes the request's), "identity" for an authentication, "other" otherwise: a bounded set.
 */
public final class CloudTelemetry {

    private static final Logger LOG = LoggerFactory.getLogger(CloudTelemetry.class);
    private static volatile Listener listener;
    /** Endpoint URLs of the last catalog, longest first, with their service type. */
    private static volatile List<Map.Entry<String, String>> endpoints = List.of();

    private CloudTelemetry() {
    }

    public interface Listener {

        /** A request got an answer with this status, or none ({@code status} 0: connection failed or timed out). */
        void request(String service, String method, int status, Duration duration);

        /** An authentication succeeded or failed. */
        void authentication(boolean succeeded, Duration duration);

        /** A call asked for the token of its scope: {@code cached} when it needed no authentication. */
        void tokenLookup(boolean cached);
    }

    public static synchronized void listen(Listener newListener) {
        listener = newListener;
    }

    /** Stops reporting to {@code old}, unless another listener replaced it meanwhile. */
    public static synchronized void stopListening(Listener old) {
        if (listener == old) {
            listener = null;
        }
    }

    public static void request(String url, String method, int status, long startNanos) {
        Listener l = listener;
        if (l != null) {
            report(() -> l.request(service(url), method, status, Duration.ofNanos(System.nanoTime() - startNanos)));
        }
    }

    static void authentication(Token token, long startNanos) {
        if (token != null && token.getCatalog() != null) {
            learn(token.getCatalog());
        }
        Listener l = listener;
        if (l != null) {
            report(() -> l.authentication(token != null, Duration.ofNanos(System.nanoTime() - startNanos)));
        }
    }

    static void tokenLookup(boolean cached) {
        Listener l = listener;
        if (l != null) {
            report(() -> l.tokenLookup(cached));
        }
    }

    static String service(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> endpoint : endpoints) {
            String base = endpoint.getKey();
            if (lower.startsWith(base) && (lower.length() == base.length() || "/?".indexOf(lower.charAt(base.length())) >= 0)) {
                return endpoint.getValue();
            }
        }
        return lower.contains("/auth/tokens") ? "identity" : "other";
    }

    private static void learn(List<? extends Service> catalog) {
        List<Map.Entry<String, String>> learned = new ArrayList<>();
        for (Service service : catalog) {
            if (service.getEndpoints() == null || service.getType() == null) {
                continue;
            }
            for (Endpoint endpoint : service.getEndpoints()) {
                if (endpoint.getUrl() != null) {
                    String base = endpoint.getUrl().toString().toLowerCase(Locale.ROOT).replaceAll("/+$", "");
                    learned.add(Map.entry(base, service.getType().toLowerCase(Locale.ROOT)));
                }
            }
        }
        learned.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        endpoints = List.copyOf(learned);
    }

    private static void report(Runnable report) {
        try {
            report.run();
        } catch (RuntimeException e) {
            LOG.warn("cloud telemetry listener failed: {}", e.toString());
        }
    }
}
