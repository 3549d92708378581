package io.github.openstackops.mcp.cloud;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.openstackops.mcp.catalog.ActingIdentity;
import io.github.openstackops.mcp.catalog.CloudChoice;
import io.github.openstackops.mcp.catalog.OpenStackCredential;
import io.github.openstackops.mcp.catalog.Secrets;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.http.CaBundle;
import io.github.openstackops.mcp.cloud.http.PooledOkHttpConnector;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The connection to the cloud: one Keystone token per scope, cached until shortly before it expires, obtained by one
 * authentication at a time however many calls wait for it; and an openstack4j client built from that token on the
 * executing thread for every call (openstack4j keeps its session in a ThreadLocal, so a client is never shared or
 * kept). Nothing here runs at start-up: a cloud that is down or misconfigured makes calls fail with a clear message,
 * and they succeed again once it is back.
 *
 * <p>Every call acts with the identity current on its thread ({@link ActingIdentity}): this server's own, or the
 * application credential an HTTP caller presented ({@code OS_IDENTITY_MODE=caller|both}). A caller's token is cached
 * apart, in a bounded cache keyed by the hash of the credential (never its secret), and everything here that reads the
 * token (the admin role, the scope, the catalog) reads the current identity's.
 *
 * <p>With several clouds ({@code OS_CLOUDS=prod,staging}) there is one connection per clouds.yaml entry, resolved on
 * first use, and every call reaches the cloud current on its thread ({@link ActingIdentity#cloud()}; none: the first,
 * the default). Token caches are per cloud: the service token under the profile's scope key (which names the cloud),
 * a caller's under its credential's hash and the cloud.
 */
@Singleton
public class CloudSession {

    private static final Logger LOG = LoggerFactory.getLogger(CloudSession.class);
    /** After a failed authentication, callers within this window get the same error instead of a new attempt. */
    private static final Duration FAILURE_MEMORY = Duration.ofSeconds(2);

    private final CloudSettings settings;
    private final CloudChoice clouds;
    private final KeystoneAuthenticator authenticator = new KeystoneAuthenticator();
    private final Cache<String, KeystoneToken> tokens;
    /** Tokens of callers' application credentials, by {@link OpenStackCredential#key()}. */
    private final Cache<String, KeystoneToken> callerTokens;
    private final Ticker ticker;
    /** Tokens out of the cache that calls in flight may still use: scrubbed from text until Keystone expires them. */
    private final Queue<KeystoneToken> retired = new ConcurrentLinkedQueue<>();
    /** Resolved connections by cloud name ("" for the one cloud of OS_CLOUD / OS_*). */
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    private record Connection(CloudProfile profile, Config config, AtomicReference<RecentFailure> recentFailure) {
    }

    private record RecentFailure(RuntimeException error, long atNanos) {
    }

    public CloudSession(CloudSettings settings) {
        this(settings, Ticker.systemTicker(), 1000, CloudChoice.single());
    }

    public CloudSession(CloudSettings settings, CloudChoice clouds) {
        this(settings, Ticker.systemTicker(), 1000, clouds);
    }

    @Inject
    public CloudSession(CloudSettings settings, @Value("${mcp.identity.cache-size:1000}") int callerTokens,
                        CloudChoice clouds) {
        this(settings, Ticker.systemTicker(), callerTokens, clouds);
    }

    CloudSession(CloudSettings settings, Ticker ticker) {
        this(settings, ticker, 1000, CloudChoice.single());
    }

    CloudSession(CloudSettings settings, Ticker ticker, int callerTokens) {
        this(settings, ticker, callerTokens, CloudChoice.single());
    }

    CloudSession(CloudSettings settings, Ticker ticker, int callerTokens, CloudChoice clouds) {
        // OS_CLOUDS with one name is OS_CLOUD by another name
        this.settings = clouds.names().size() == 1 && (settings.cloud() == null || settings.cloud().isBlank())
                ? only(clouds.names().get(0), settings, true) : settings;
        this.clouds = clouds;
        this.ticker = ticker;
        this.tokens = tokenCache(ticker, 64);
        this.callerTokens = tokenCache(ticker, Math.max(1, callerTokens));
    }

    private Cache<String, KeystoneToken> tokenCache(Ticker ticker, int size) {
        return Caffeine.newBuilder().ticker(ticker).maximumSize(size)
                .expireAfter(new TokenLifetime(settings.tokenRefreshMargin()))
                .removalListener((String key, KeystoneToken token, RemovalCause cause) -> {
                    if (token != null) {
                        retired.add(token);
                    }
                })
                .build();
    }

    /**
     * Checks a caller's application credential with Keystone (once: its token is then cached) and tells what its
     * token says. A {@link CredentialRejected} when Keystone refuses it; another {@link ToolException} when the cloud
     * cannot be reached or is not configured.
     */
    public TokenScope verify(OpenStackCredential credential) {
        try (ActingIdentity.Scope ignored = ActingIdentity.enter(credential)) {
            return scope();
        }
    }

    /**
     * What the current identity's cached token says, without authenticating: null when no token is cached (the
     * audit trail reads it and must never cause a request).
     */
    @Nullable
    public TokenScope cachedScope() {
        Connection c = connections.get(currentCloud());
        if (c == null) {
            return null;
        }
        OpenStackCredential caller = ActingIdentity.current();
        KeystoneToken token = caller == null ? tokens.getIfPresent(c.profile().scopeKey())
                : callerTokens.getIfPresent(callerKey(c, caller));
        return token == null ? null : TokenScope.of(token);
    }

    /**
     * A partition for caches of what the cloud returned: "service", or the hash of the caller's credential, and the
     * cloud when several are offered, so that what one identity may see in one cloud is never served to another.
     */
    public static String identityKey() {
        OpenStackCredential caller = ActingIdentity.current();
        String cloud = ActingIdentity.cloud();
        return (caller == null ? "service" : caller.key()) + (cloud == null ? "" : "@" + cloud);
    }

    /**
     * The clouds this server offers, the default first: the OS_CLOUDS names, or the one cloud's name ("env" when it
     * is configured by OS_* variables).
     */
    public List<String> clouds() {
        if (clouds.multiple()) {
            return clouds.names();
        }
        return List.of(settings.cloud() == null || settings.cloud().isBlank() ? "env" : settings.cloud().trim());
    }

    /** Runs {@code work} in the named cloud (one of {@link #clouds()}), with the current identity. */
    public <T> T in(String cloud, Supplier<T> work) {
        if (!clouds.multiple()) {
            return work.get();
        }
        try (ActingIdentity.Scope ignored = ActingIdentity.enterCloud(cloud)) {
            return work.get();
        }
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
            forget(c, used);
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
        Connection c = connections.get(currentCloud());
        return c != null && c.config().getEndpointURLResolver() instanceof EndpointOverrides endpoints
                ? endpoints.typeOf(url) : Optional.empty();
    }

    /** The services of the current token's catalog: type and name, sorted by type. */
    public List<Map<String, String>> catalogServices() {
        return token().getCatalog().stream()
                .map(svc -> Map.of("type", String.valueOf(svc.getType()), "name", String.valueOf(svc.getName())))
                .sorted(java.util.Comparator.comparing((Map<String, String> m) -> m.get("type"))).toList();
    }

    /** Drops the cached token of the current identity; the next call authenticates again. */
    public void invalidate() {
        Connection c = connections.get(currentCloud());
        if (c != null) {
            OpenStackCredential caller = ActingIdentity.current();
            if (caller == null) {
                tokens.invalidate(c.profile().scopeKey());
            } else {
                callerTokens.invalidate(callerKey(c, caller));
            }
        }
    }

    private void forget(Connection c, KeystoneToken used) {
        OpenStackCredential caller = ActingIdentity.current();
        if (caller == null) {
            tokens.asMap().remove(c.profile().scopeKey(), used);
        } else {
            callerTokens.asMap().remove(callerKey(c, caller), used);
        }
    }

    private KeystoneToken token(Connection c) {
        OpenStackCredential caller = ActingIdentity.current();
        if (caller != null) {
            String key = callerKey(c, caller);
            KeystoneToken cached = callerTokens.getIfPresent(key);
            CloudTelemetry.tokenLookup(cached != null);
            return cached != null ? cached : callerTokens.get(key, k -> authenticate(c, caller));
        }
        KeystoneToken cached = tokens.getIfPresent(c.profile().scopeKey());
        CloudTelemetry.tokenLookup(cached != null);
        return cached != null ? cached : tokens.get(c.profile().scopeKey(), key -> authenticate(c));
    }

    /**
     * Authenticates a caller's application credential against this cloud. No failure memory (one caller's bad
     * credential must not fail another's calls); Keystone's refusal is a {@link CredentialRejected} naming the
     * credential's id, never its secret.
     */
    private KeystoneToken authenticate(Connection c, OpenStackCredential caller) {
        long start = System.nanoTime();
        try {
            KeystoneToken token = authenticator.authenticate(
                    c.profile().withApplicationCredential(caller.id(), caller.secret()), c.config());
            CloudTelemetry.authentication(token, start);
            forgetExpired();
            LOG.info("authenticated the caller's {} (user {}, project {}, token valid until {}, {} ms)", caller,
                    token.getUser() == null ? null : token.getUser().getName(),
                    token.getProject() == null ? null : token.getProject().getName(), token.getExpires(),
                    (System.nanoTime() - start) / 1_000_000);
            return token;
        } catch (KeystoneAuthenticator.Rejected e) {
            CloudTelemetry.authentication(null, start);
            LOG.info("Keystone rejected the caller's {} (HTTP {})", caller, e.status());
            throw new CredentialRejected("Keystone rejected the " + caller + " (HTTP " + e.status() + "). Check the"
                    + " X-OpenStack-Application-Credential-Id and X-OpenStack-Application-Credential-Secret headers,"
                    + " and that the credential has not expired or been deleted.");
        } catch (RuntimeException e) {
            CloudTelemetry.authentication(null, start);
            LOG.warn("authentication of the caller's {} failed: {}", caller, Secrets.scrub(e.getMessage()));
            throw e;
        }
    }

    /** Keystone refused a caller's application credential: the HTTP surfaces answer 401 with this sentence. */
    public static final class CredentialRejected extends ToolException {
        CredentialRejected(String message) {
            super(ToolException.Kind.FORBIDDEN, message);
        }
    }

    private static OSClientV3 client(Connection c, Token token) {
        OSClientV3 os = OSFactory.clientFromToken(token, c.profile().facing(), c.config());
        if (c.profile().region() != null) {
            os.useRegion(c.profile().region());
        }
        return os;
    }

    /** A caller's token in one cloud: the credential's hash (never its secret) and the cloud's name. */
    private static String callerKey(Connection c, OpenStackCredential caller) {
        return caller.key() + "|" + c.profile().cloudName();
    }

    private KeystoneToken authenticate(Connection c) {
        RecentFailure failure = c.recentFailure().get();
        if (failure != null && ticker.read() - failure.atNanos() < FAILURE_MEMORY.toNanos()) {
            throw failure.error();
        }
        long start = System.nanoTime();
        try {
            KeystoneToken token = authenticator.authenticate(c.profile(), c.config());
            CloudTelemetry.authentication(token, start);
            c.recentFailure().set(null);
            forgetExpired();
            LOG.info("authenticated {} (token valid until {}, {} ms)", c.profile().describe(), token.getExpires(),
                    (System.nanoTime() - start) / 1_000_000);
            return token;
        } catch (RuntimeException e) {
            CloudTelemetry.authentication(null, start);
            c.recentFailure().set(new RecentFailure(e, ticker.read()));
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

    /** The cloud current on this thread: "" for the one cloud, else its OS_CLOUDS name (none: the default). */
    private String currentCloud() {
        if (!clouds.multiple()) {
            return "";
        }
        String cloud = ActingIdentity.cloud();
        return cloud != null ? cloud : clouds.defaultCloud();
    }

    private Connection connection() {
        String cloud = currentCloud();
        Connection c = connections.get(cloud);
        if (c != null) {
            return c;
        }
        if (!cloud.isEmpty()) {
            clouds.select(cloud); // refuses a name that is not offered, as the invoker does
        }
        synchronized (this) {
            c = connections.get(cloud);
            if (c == null) {
                try {
                    CloudProfile profile = CloudProfile.resolve(cloud.isEmpty() ? settings : only(cloud, settings, false));
                    c = new Connection(profile, config(profile), new AtomicReference<>());
                    connections.put(cloud, c);
                    LOG.info("cloud{}: {}", cloud.isEmpty() ? "" : " " + cloud, profile);
                } catch (CloudConfigurationException e) {
                    // not cached: the operator may fix a clouds.yaml or CA file without a restart
                    throw new ToolException(ToolException.Kind.UNAVAILABLE, e.getMessage());
                }
            }
            return c;
        }
    }

    /**
     * The settings of one clouds.yaml entry. With several clouds, each comes from its entry alone (an OS_USERNAME
     * meant for one must not leak into another); the file, timeouts and token margin stay the server's. With one
     * ({@code keepEnvironment}), the OS_* variables still override the entry, as with OS_CLOUD.
     */
    private static CloudSettings only(String cloud, CloudSettings s, boolean keepEnvironment) {
        if (keepEnvironment) {
            return new CloudSettings(cloud, s.cloudsFile(), s.authUrl(), s.authHost(), s.authPort(), s.authProtocol(),
                    s.authType(), s.username(), s.userId(), s.password(), s.projectName(), s.projectId(),
                    s.userDomainName(), s.userDomainId(), s.projectDomainName(), s.projectDomainId(), s.regionName(),
                    s.endpointInterface(), s.cacert(), s.insecure(), s.applicationCredentialId(),
                    s.applicationCredentialSecret(), s.endpointPorts(), s.connectTimeout(), s.readTimeout(),
                    s.tokenRefreshMargin());
        }
        return new CloudSettings(cloud, s.cloudsFile(), null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, Map.of(), s.connectTimeout(),
                s.readTimeout(), s.tokenRefreshMargin());
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
