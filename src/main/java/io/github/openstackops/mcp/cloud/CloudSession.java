package io.github.openstackops.mcp.cloud;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.openstackops.mcp.catalog.Secrets;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.http.CaBundle;
import io.github.openstackops.mcp.cloud.http.PooledOkHttpConnector;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.exceptions.AuthenticationException;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.core.transport.Config;
import org.openstack4j.model.identity.v3.Token;
import org.openstack4j.openstack.OSFactory;
import org.openstack4j.openstack.identity.v3.domain.KeystoneToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * The connection to the cloud: one Keystone token per scope, cached until shortly before it expires, obtained by one
 * authentication at a time however many calls wait for it; and an openstack4j client built from that token on the
 * executing thread for every call (openstack4j keeps its session in a ThreadLocal, so a client is never shared or
 * kept). Nothing here runs at start-up: a cloud that is down or misconfigured makes calls fail with a clear message,
 * and they succeed again once it is back.
 */
@Singleton
public class CloudSession {

    private static final Logger LOG = LoggerFactory.getLogger(CloudSession.class);
    /** After a failed authentication, callers within this window get the same error instead of a new attempt. */
    private static final Duration FAILURE_MEMORY = Duration.ofSeconds(2);

    private final CloudSettings settings;
    private final KeystoneAuthenticator authenticator = new KeystoneAuthenticator();
    private final Cache<String, KeystoneToken> tokens;
    private final Ticker ticker;
    /** Tokens out of the cache that calls in flight may still use: scrubbed from text until Keystone expires them. */
    private final Queue<KeystoneToken> retired = new ConcurrentLinkedQueue<>();
    private volatile Connection connection;
    private volatile RecentFailure recentFailure;

    private record Connection(CloudProfile profile, Config config) {
    }

    private record RecentFailure(RuntimeException error, long atNanos) {
    }

    public CloudSession(CloudSettings settings) {
        this(settings, Ticker.systemTicker());
    }

    CloudSession(CloudSettings settings, Ticker ticker) {
        this.settings = settings;
        this.ticker = ticker;
        this.tokens = Caffeine.newBuilder().ticker(ticker).maximumSize(64)
                .expireAfter(new TokenLifetime(settings.tokenRefreshMargin()))
                .removalListener((String key, KeystoneToken token, RemovalCause cause) -> {
                    if (token != null) {
                        retired.add(token);
                    }
                })
                .build();
    }

    /** The resolved connection profile; a {@link ToolException} naming the missing setting when there is none. */
    public CloudProfile profile() {
        return connection().profile();
    }

    /** The scope-wide token, authenticating if there is none (or it is about to expire). */
    public Token token() {
        return token(connection());
    }

    /**
     * A client bound to the current thread, built from the cached token. Use it on this thread only, for this call
     * only; prefer {@link #call} which also retries once with a fresh token when the cloud rejects a stale one.
     */
    public OSClientV3 client() {
        Connection c = connection();
        return client(c, token(c));
    }

    /**
     * Runs {@code work} with a client bound to this thread. On a 401 the token it used is dropped and, if
     * {@code work} had sent only reads (GET/HEAD), it runs once more with a fresh token. Once it has sent anything
     * else (a create, a delete, an action) it is not run again: that would repeat the change. The caller is then told
     * that the change went out before the cloud stopped accepting the token.
     */
    public <T> T call(Function<OSClientV3, T> work) {
        Connection c = connection();
        KeystoneToken used = token(c);
        OSClientV3 os = client(c, used);
        long writesBefore = PooledOkHttpConnector.writesSent();
        try {
            return work.apply(os);
        } catch (ResponseException e) {
            if (e.getStatus() != 401 && !(e instanceof AuthenticationException)) {
                throw e;
            }
            tokens.asMap().remove(c.profile().scopeKey(), used);
            if (PooledOkHttpConnector.writesSent() != writesBefore) {
                LOG.warn("the cloud rejected the token (HTTP 401) after a change had been sent; not repeating it");
                throw new ToolException(ToolException.Kind.UNAVAILABLE, "The cloud stopped accepting this server's"
                        + " token (HTTP 401) after the change had already been sent, so it was not sent again. It may"
                        + " or may not have taken effect: check the resource's current state before retrying.");
            }
            LOG.info("the cloud rejected the cached token (HTTP 401); authenticating again");
            return work.apply(client(c, token(c)));
        }
    }

    /**
     * True when the token carries the admin role: OpenStack's default policies then allow cloud-wide views
     * (all projects, hypervisors, agents). Tools use it to explain an empty answer, not to decide access: the cloud
     * decides that.
     */
    public boolean isAdmin() {
        Token token = token();
        return token.getRoles() != null && token.getRoles().stream()
                .anyMatch(r -> r.getName() != null && r.getName().equalsIgnoreCase("admin"));
    }

    /** Who this server is and where it acts, from the cached token (no call unless the token must be renewed). */
    public TokenScope scope() {
        return TokenScope.of(token());
    }

    /** The project of the token's scope; null for a domain-scoped token. */
    @Nullable
    public String projectId() {
        Token token = token();
        return token.getProject() == null ? null : token.getProject().getId();
    }

    /** True when the catalog of the current token lists the service. */
    public boolean hasService(ServiceType type) {
        return token().getCatalog().stream().anyMatch(s -> ServiceType.forName(s.getType()) == type
                || s.getType().equals(type.getType()));
    }

    /** The catalog type of the service a request to {@code url} went to; empty when no endpoint resolved is its. */
    public Optional<String> serviceTypeOf(String url) {
        Connection c = connection;
        return c != null && c.config().getEndpointURLResolver() instanceof EndpointOverrides endpoints
                ? endpoints.typeOf(url) : Optional.empty();
    }

    /** The services of the current token's catalog: type and name, sorted by type. */
    public List<Map<String, String>> catalogServices() {
        return token().getCatalog().stream()
                .map(svc -> Map.of("type", String.valueOf(svc.getType()), "name", String.valueOf(svc.getName())))
                .sorted(java.util.Comparator.comparing((Map<String, String> m) -> m.get("type"))).toList();
    }

    /** Drops the cached token of the current scope; the next call authenticates again. */
    public void invalidate() {
        Connection c = connection;
        if (c != null) {
            tokens.invalidate(c.profile().scopeKey());
        }
    }

    private KeystoneToken token(Connection c) {
        KeystoneToken cached = tokens.getIfPresent(c.profile().scopeKey());
        CloudTelemetry.tokenLookup(cached != null);
        return cached != null ? cached : tokens.get(c.profile().scopeKey(), key -> authenticate(c));
    }

    private static OSClientV3 client(Connection c, Token token) {
        OSClientV3 os = OSFactory.clientFromToken(token, c.profile().facing(), c.config());
        if (c.profile().region() != null) {
            os.useRegion(c.profile().region());
        }
        return os;
    }

    private KeystoneToken authenticate(Connection c) {
        RecentFailure failure = recentFailure;
        if (failure != null && ticker.read() - failure.atNanos() < FAILURE_MEMORY.toNanos()) {
            throw failure.error();
        }
        long start = System.nanoTime();
        try {
            KeystoneToken token = authenticator.authenticate(c.profile(), c.config());
            CloudTelemetry.authentication(token, start);
            recentFailure = null;
            forgetExpired();
            LOG.info("authenticated {} (token valid until {}, {} ms)", c.profile().describe(), token.getExpires(),
                    (System.nanoTime() - start) / 1_000_000);
            return token;
        } catch (RuntimeException e) {
            CloudTelemetry.authentication(null, start);
            recentFailure = new RecentFailure(e, ticker.read());
            LOG.warn("authentication failed: {}", Secrets.scrub(e.getMessage()));
            throw e;
        }
    }

    /** Stops scrubbing retired tokens once Keystone itself would reject them. */
    private void forgetExpired() {
        long now = System.currentTimeMillis();
        retired.removeIf(token -> {
            boolean expired = token.getExpires() == null || token.getExpires().getTime() <= now;
            if (expired) {
                Secrets.forget(token.getId());
            }
            return expired;
        });
    }

    private Connection connection() {
        Connection c = connection;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (connection == null) {
                try {
                    CloudProfile profile = CloudProfile.resolve(settings);
                    connection = new Connection(profile, config(profile));
                    LOG.info("cloud: {}", profile);
                } catch (CloudConfigurationException e) {
                    // not cached: the operator may fix a clouds.yaml or CA file without a restart
                    throw new ToolException(ToolException.Kind.UNAVAILABLE, e.getMessage());
                }
            }
            return connection;
        }
    }

    private static Config config(CloudProfile profile) {
        Config config = Config.newConfig()
                .withConnectionTimeout((int) profile.connectTimeout().toMillis())
                .withReadTimeout((int) profile.readTimeout().toMillis())
                .withEndpointURLResolver(new EndpointOverrides(profile.endpointPorts(), profile.endpointHost()));
        if (profile.insecure()) {
            LOG.warn("OS_INSECURE=true: TLS certificates of the cloud are NOT verified");
            config.withSSLVerificationDisabled();
        } else if (profile.cacert() != null) {
            config.withSSLContext(CaBundle.load(profile.cacert()));
        }
        return config;
    }

    /**
     * A token lives until shortly before Keystone says it expires (the margin, at most half its lifetime). The default
     * margin, 30 minutes (half of Keystone's default one-hour token), lets a call that writes and then waits up to that
     * long finish on the token it started with: a 401 after the write can no longer be retried (see {@link #call}).
     */
    private record TokenLifetime(Duration margin) implements Expiry<String, KeystoneToken> {
        @Override
        public long expireAfterCreate(String key, KeystoneToken token, long currentTime) {
            return lifetime(token);
        }

        @Override
        public long expireAfterUpdate(String key, KeystoneToken token, long currentTime, long currentDuration) {
            return lifetime(token);
        }

        @Override
        public long expireAfterRead(String key, KeystoneToken token, long currentTime, long currentDuration) {
            return currentDuration;
        }

        private long lifetime(@Nullable KeystoneToken token) {
            if (token == null || token.getExpires() == null) {
                return Duration.ofMinutes(5).toNanos();
            }
            long left = token.getExpires().getTime() - System.currentTimeMillis();
            long issuedFor = token.getIssuedAt() == null ? left : token.getExpires().getTime() - token.getIssuedAt().getTime();
            long keep = left - Math.min(margin.toMillis(), Math.max(0, issuedFor / 2));
            return Duration.ofMillis(Math.max(0, keep)).toNanos();
        }
    }
}
