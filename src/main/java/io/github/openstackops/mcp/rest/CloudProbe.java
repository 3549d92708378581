package io.github.openstackops.mcp.rest;

import io.github.openstackops.mcp.cloud.CloudProfile;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether the cloud is reachable, for {@code /health}: a TCP connection to Keystone's auth URL, at most once per TTL
 * however often the health endpoint is called (concurrent callers share one probe). It never authenticates and never
 * sends credentials; the answer names no host (health is public).
 */
@Singleton
public class CloudProbe {

    /** The last answer. */
    public record Reachability(boolean reachable, String detail, Instant checkedAt) {
    }

    private final CloudSession session;
    private final Duration ttl;
    private final Duration timeout;
    private final Clock clock;
    private volatile Mono<Reachability> current;
    private volatile Instant expires = Instant.MIN;

    public CloudProbe(CloudSession session, @Value("${mcp.health.cloud-check-ttl:10s}") Duration ttl,
                      @Value("${mcp.health.cloud-check-timeout:2s}") Duration timeout) {
        this.session = session;
        this.ttl = ttl;
        this.timeout = timeout;
        this.clock = Clock.systemUTC();
    }

    public Mono<Reachability> reachability() {
        Instant now = clock.instant();
        Mono<Reachability> mono = current;
        if (mono != null && now.isBefore(expires)) {
            return mono;
        }
        synchronized (this) {
            if (current == null || !clock.instant().isBefore(expires)) {
                current = Mono.fromCallable(this::probe).subscribeOn(Schedulers.boundedElastic()).cache();
                expires = clock.instant().plus(ttl);
            }
            return current;
        }
    }

    private Reachability probe() {
        CloudProfile profile;
        try {
            profile = session.profile();
        } catch (RuntimeException e) {
            return new Reachability(false, "not configured", clock.instant());
        }
        URI auth = profile.authUrl();
        int port = auth.getPort() > 0 ? auth.getPort() : "https".equals(auth.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(auth.getHost(), port), (int) timeout.toMillis());
            return new Reachability(true, "keystone accepts connections", clock.instant());
        } catch (IOException e) {
            return new Reachability(false, "keystone unreachable", clock.instant());
        }
    }
}
