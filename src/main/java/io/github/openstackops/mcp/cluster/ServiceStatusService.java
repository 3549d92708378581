package io.github.openstackops.mcp.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.openstackops.mcp.catalog.Secrets;
import io.github.openstackops.mcp.cloud.CloudProfile;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.services.EndpointProbe;
import io.github.openstackops.mcp.cloud.services.EndpointProbe.Target;
import io.github.openstackops.mcp.cluster.ClusterRecords.ServiceProbe;
import io.github.openstackops.mcp.cluster.ClusterRecords.ServiceStatusReport;
import jakarta.inject.Singleton;
import org.openstack4j.api.exceptions.ConnectionException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

import static io.github.openstackops.mcp.cloud.Json.text;

/**
 * Probes every service of the token's catalog: an unauthenticated GET of the endpoint's root (its version document,
 * which OpenStack APIs serve without a token), with a short timeout, on the endpoint this server really calls (the
 * catalog's, for the configured interface and region, or its OS_*_PORT override). All probes run at the same time.
 */
@Singleton
public class ServiceStatusService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudSession cloud;
    private final EndpointProbe endpoints;
    private final OpenStackFaults faults;
    private final Clock clock = Clock.systemUTC();

    public ServiceStatusService(CloudSession cloud, EndpointProbe endpoints, OpenStackFaults faults) {
        this.cloud = cloud;
        this.endpoints = endpoints;
        this.faults = faults;
    }

    public ServiceStatusReport status(Duration timeout) {
        CloudProfile profile = cloud.profile();
        List<Target> targets = endpoints.targets();
        Map<String, Supplier<ServiceProbe>> probes = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            probes.put(i + "/" + t.type(), () -> probe(t, timeout));
        }
        // the probes time out by themselves; the deadline only guards against a hung connection
        Map<String, Parallel.Outcome<ServiceProbe>> out = Parallel.run(probes, timeout.multipliedBy(2).plusSeconds(2),
                probes.size(), faults);
        List<ServiceProbe> services = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            Parallel.Outcome<ServiceProbe> o = out.get(i + "/" + t.type());
            services.add(o.ok() ? o.value() : new ServiceProbe(t.type(), t.name(), t.endpoint(), root(t.endpoint()),
                    "unreachable", null, null, null, null, Secrets.scrub(o.failure().getMessage())));
        }
        services.sort(Comparator.comparing(ServiceProbe::type));
        int ok = (int) services.stream().filter(s -> "ok".equals(s.status())).count();
        return new ServiceStatusReport(clock.instant().toString(), profile.facing().value(), services, services.size(),
                ok, services.size() - ok);
    }

    private ServiceProbe probe(Target t, Duration timeout) {
        String url = root(t.endpoint());
        long start = System.nanoTime();
        try {
            EndpointProbe.Answer answer = endpoints.get(url, timeout);
            long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
            int status = answer.status();
            String[] version = version(answer.body());
            boolean ok = status < 500;
            return new ServiceProbe(t.type(), t.name(), t.endpoint(), url, ok ? "ok" : "error", status, ms,
                    version[0], version[1], ok ? null : "It answered HTTP " + status + ".");
        } catch (ConnectionException e) {
            return new ServiceProbe(t.type(), t.name(), t.endpoint(), url, "unreachable", null, null, null, null,
                    why(e, timeout));
        } catch (IOException e) {
            return new ServiceProbe(t.type(), t.name(), t.endpoint(), url, "unreachable", null, null, null, null,
                    "The answer could not be read (" + e.getClass().getSimpleName() + ").");
        }
    }

    private static String why(ConnectionException e, Duration timeout) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof ConnectException) {
            return "The connection was refused (is the service up?).";
        }
        if (cause instanceof SocketTimeoutException) {
            return "It did not answer within " + timeout.toSeconds() + " s.";
        }
        if (cause instanceof UnknownHostException) {
            return "The host name does not resolve.";
        }
        if (cause instanceof SSLException) {
            return "TLS failed: the certificate could not be verified (set OS_CACERT to the CA that signed it).";
        }
        return "A network error (" + cause.getClass().getSimpleName() + ").";
    }

    /** The endpoint's root: the path up to its version segment ("/v2.1", "/v3/{project}"), e.g. http://h:8774/. */
    static String root(String endpoint) {
        URI uri = URI.create(endpoint);
        StringBuilder path = new StringBuilder("/");
        if (uri.getRawPath() != null) {
            for (String segment : uri.getRawPath().split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                if (segment.matches("(?i)v\\d+(\\.\\d+)?")) {
                    break;
                }
                path.append(segment).append('/');
            }
        }
        return uri.getScheme() + "://" + uri.getRawAuthority() + path;
    }

    /** The current API version of a version document and its highest microversion: [id, max]. */
    static String[] version(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            List<JsonNode> versions = new ArrayList<>();
            JsonNode v = root.get("versions");
            if (v != null && v.isObject() && v.has("values")) {
                v = v.get("values");
            }
            if (v != null && v.isArray()) {
                v.forEach(versions::add);
            } else if (root.has("version")) {
                versions.add(root.get("version"));
            }
            JsonNode current = versions.stream().filter(x -> {
                String s = text(x, "status");
                return s != null && (s.equalsIgnoreCase("CURRENT") || s.equalsIgnoreCase("stable"));
            }).reduce((a, b) -> b).orElse(versions.isEmpty() ? null : versions.get(versions.size() - 1));
            if (current == null) {
                return new String[2];
            }
            String max = text(current, "version");
            if (max == null || max.isEmpty()) {
                max = text(current, "max_version");
            }
            return new String[]{text(current, "id"), max == null || max.isEmpty() ? null : max};
        } catch (IOException | RuntimeException e) {
            return new String[2];
        }
    }
}
