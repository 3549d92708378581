package io.github.openstackops.mcp.cloud;

import org.openstack4j.model.identity.v3.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * What the connection to the cloud reports to whoever measures it (the server's metrics): every HTTP request and its
 * status, every Keystone authentication, every token lookup. Static because openstack4j creates the HTTP connector
 * itself; nothing is reported until a listener is set, and a failing listener never fails a call.
 */
public final class CloudTelemetry {

    private static final Logger LOG = LoggerFactory.getLogger(CloudTelemetry.class);
    private static volatile Listener listener;

    private CloudTelemetry() {
    }

    public interface Listener {

        /** A request got an answer with this status, or none ({@code status} 0: connection failed or timed out). */
        void request(String url, String method, int status, Duration duration);

        /** An authentication succeeded (with the token, whose catalog names the services) or failed (null). */
        void authentication(Token token, Duration duration);

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
            report(() -> l.request(url, method, status, Duration.ofNanos(System.nanoTime() - startNanos)));
        }
    }

    static void authentication(Token token, long startNanos) {
        Listener l = listener;
        if (l != null) {
            report(() -> l.authentication(token, Duration.ofNanos(System.nanoTime() - startNanos)));
        }
    }

    static void tokenLookup(boolean cached) {
        Listener l = listener;
        if (l != null) {
            report(() -> l.tokenLookup(cached));
        }
    }

    private static void report(Runnable report) {
        try {
            report.run();
        } catch (RuntimeException e) {
            LOG.warn("cloud telemetry listener failed: {}", e.toString());
        }
    }
}
