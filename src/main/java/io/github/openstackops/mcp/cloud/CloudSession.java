package io.github.openstackops.mcp.cloud;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.openstackops.mcp.catalog.Secrets;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.http.CaBundle;
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
import java.util.concurrent.atomic.AtomicLong;
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
    private final AtomicLong authentications = new AtomicLong();
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
                .removalListener((String key, KeystoneToken token, com.github.benmanes.caffeine.cache.RemovalCause cause) -> {
                    if (token != null) {
                        Secrets.forget(token.getId());
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
        Connection c = connection();
        return tokens.get(c.profile().scopeKey(), key -> authenticate(c));
    }

    /**
     * A client bound to the current thread, built from the cached token. Use it on this thread only, for this call
     * only; prefer {@link #call} which also retries once with a fresh token when the cloud rejects a stale one.
     */
    public OSClientV3 client() {
        Connection c = connection();
        Token token = token();
        OSClientV3 os = OSFactory.clientFromToken(token, c.profile().facing(), c.config());
        if (c.profile().region() != null) {
            os.useRegion(c.profile().region());
        }
        return os;
    }

    /** Runs {@code work} with a client bound to this thread; on a 401 re-authenticates once and runs it again. */
    public <T> T call(Function<OSClientV3, T> work) {
        try {
            return work.apply(client());
        } catch (AuthenticationException e) {
            return retryAfter401(work);
        } catch (ResponseException e) {
            if (e.getStatus() == 401) {
                return retryAfter401(work);
            }
            throw e;
        }
    }

    private <T> T retryAfter401(Function<OSClientV3, T> work) {
        LOG.info("the cloud rejected the cached token (HTTP 401); authenticating again");
        invalidate();
        return work.apply(client());
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

    /** True when the catalog of the current token lists the service. */
    public boolean hasService(ServiceType type) {
        return token().getCatalog().stream().anyMatch(s -> ServiceType.forName(s.getType()) == type
                || s.getType().equals(type.getType()));
    }

    /** Drops the cached token of the current scope; the next call authenticates again. */
    public void invalidate() {
        Connection c = connection;
        if (c != null) {
            tokens.invalidate(c.profile().scopeKey());
        }
    }

    /** Keystone authentications performed since start (each one is a POST /v3/auth/tokens). */
    public long authenticationCount() {
        return authentications.get();
    }

    private KeystoneToken authenticate(Connection c) {
        RecentFailure failure = recentFailure;
        if (failure != null && ticker.read() - failure.atNanos() < FAILURE_MEMORY.toNanos()) {
            throw failure.error();
        }
        authentications.incrementAndGet();
        long start = System.nanoTime();
        try {
            KeystoneToken token = authenticator.authenticate(c.profile(), c.config());
            recentFailure = null;
            LOG.info("authenticated {} (token valid until {}, {} ms)", c.profile().describe(), token.getExpires(),
                    (System.nanoTime() - start) / 1_000_000);
            return token;
        } catch (RuntimeException e) {
            recentFailure = new RecentFailure(e, ticker.read());
            LOG.warn("authentication failed: {}", Secrets.scrub(e.getMessage()));
            throw e;
        }
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

    /** A token lives until shortly before Keystone says it expires (the margin, at most half its lifetime). */
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
