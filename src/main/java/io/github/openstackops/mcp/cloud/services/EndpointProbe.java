package io.github.openstackops.mcp.cloud.services;

import io.github.openstackops.mcp.cloud.CloudApi;
import io.github.openstackops.mcp.cloud.CloudProfile;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.http.CaBundle;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.exceptions.ConnectionException;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.core.transport.Config;
import org.openstack4j.core.transport.HttpMethod;
import org.openstack4j.core.transport.HttpRequest;
import org.openstack4j.core.transport.HttpResponse;
import org.openstack4j.core.transport.internal.HttpExecutor;
import org.openstack4j.model.identity.v3.Endpoint;
import org.openstack4j.model.identity.v3.Service;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The services of the token's catalog with the endpoint this server really calls for each (the catalog's, for the
 * configured interface and region, or its OS_*_PORT override), and an unauthenticated GET of a URL with a short
 * timeout, over the same connector and TLS settings: what a health probe of the cloud needs.
 */
@Singleton
public class EndpointProbe {

    /** A catalog service and the endpoint to probe. */
    public record Target(String type, @Nullable String name, String endpoint) {
    }

    /** What a URL answered: its status and the start of its body. */
    public record Answer(int status, String body) {
    }

    private final CloudSession session;
    private final CloudApi api;
    /** One probe configuration per timeout: the connector keeps one HTTP client per configuration. */
    private final Map<Long, Config> configs = new ConcurrentHashMap<>();

    public EndpointProbe(CloudSession session, CloudApi api) {
        this.session = session;
        this.api = api;
    }

    /** The catalog's services with their endpoint for our interface and region, with the port overrides applied. */
    public List<Target> targets() {
        CloudProfile profile = session.profile();
        List<Target> targets = new ArrayList<>();
        for (Service service : session.token().getCatalog()) {
            Endpoint endpoint = service.getEndpoints() == null ? null : service.getEndpoints().stream()
                    .filter(e -> e.getIface() == profile.facing())
                    .filter(e -> profile.region() == null || profile.region().equals(e.getRegion())
                            || profile.region().equals(e.getRegionId()))
                    .findFirst().orElse(null);
            if (endpoint == null || endpoint.getUrl() == null) {
                continue;
            }
            String url = endpoint.getUrl().toString();
            targets.add(new Target(service.getType(), service.getName(), resolved(service.getType(), url)));
        }
        return targets;
    }

    /**
     * An unauthenticated GET of {@code url} (at most 256 KiB of its body read).
     *
     * @throws ConnectionException when it cannot be reached in time
     * @throws IOException when the answer cannot be read
     */
    public Answer get(String url, Duration timeout) throws IOException {
        Config config = configs.computeIfAbsent(timeout.toMillis(), ms -> config(session.profile(), ms));
        HttpResponse response = HttpExecutor.create().execute(HttpRequest.builder().method(HttpMethod.GET)
                .endpoint(url).path("").config(config).header("Accept", "application/json").build());
        try (response; InputStream in = response.getInputStream()) {
            String body = in == null ? "" : new String(in.readNBytes(256 * 1024), StandardCharsets.UTF_8);
            return new Answer(response.getStatus(), body);
        }
    }

    /** The URL our calls really go to: the session's resolution of the type (with its override), when it is this one. */
    private String resolved(String type, String catalogUrl) {
        ServiceType serviceType = ServiceType.forName(type);
        if (serviceType == ServiceType.UNKNOWN) {
            return catalogUrl;
        }
        try {
            String url = api.endpoint(serviceType);
            return url != null && Objects.equals(path(url), path(catalogUrl)) ? url : catalogUrl;
        } catch (RuntimeException e) {
            return catalogUrl;
        }
    }

    @Nullable
    private static String path(String url) {
        try {
            String p = URI.create(url).getRawPath();
            return p == null ? "" : p.replaceAll("/+$", "").toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Config config(CloudProfile profile, long timeoutMs) {
        Config config = Config.newConfig().withConnectionTimeout((int) timeoutMs).withReadTimeout((int) timeoutMs);
        if (profile.insecure()) {
            config.withSSLVerificationDisabled();
        } else if (profile.cacert() != null) {
            config.withSSLContext(CaBundle.load(profile.cacert()));
        }
        return config;
    }
}
