package io.github.openstackops.mcp.cloud;

import org.openstack4j.api.identity.EndpointURLResolver;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.model.identity.URLResolverParams;
import org.openstack4j.openstack.identity.internal.DefaultEndpointURLResolver;

import java.net.URI;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Catalog endpoints as Keystone lists them, except for the service types the operator pinned to a port
 * (OS_COMPUTE_PORT, OS_NETWORK_PORT, ...): those keep their path but go to {@code host:port}, for clouds whose
 * catalog hosts are unreachable from where this server runs.
 */
final class EndpointOverrides implements EndpointURLResolver {

    private final EndpointURLResolver catalog = new DefaultEndpointURLResolver();
    private final Map<String, Integer> ports;
    private final String host;
    /** The service type of every endpoint URL resolved so far: names the service of a request that failed. */
    private final Map<String, String> types = new ConcurrentHashMap<>();

    EndpointOverrides(Map<String, Integer> ports, String host) {
        this.ports = ports;
        this.host = host;
    }

    static String typeKey(ServiceType type) {
        return switch (type) {
            case COMPUTE -> "compute";
            case NETWORK -> "network";
            case BLOCK_STORAGE -> "volume";
            case IMAGE -> "image";
            case PLACEMENT -> "placement";
            case ORCHESTRATION -> "orchestration";
            case IDENTITY -> "identity";
            default -> type.getType();
        };
    }

    @Override
    public String findURLV2(URLResolverParams params) {
        return catalog.findURLV2(params);
    }

    @Override
    public String findURLV3(URLResolverParams params) {
        String url = catalog.findURLV3(params);
        Integer port = params.type == null ? null : ports.get(typeKey(params.type));
        String resolved = port == null ? url : rewrite(url, host, port);
        if (resolved != null && params.type != null) {
            types.put(resolved.endsWith("/") ? resolved : resolved + "/", params.type.getType());
        }
        return resolved;
    }

    /** The type of the service whose endpoint {@code url} is under (the longest matching endpoint), if any. */
    Optional<String> typeOf(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String u = url.endsWith("/") ? url : url + "/";
        return types.entrySet().stream().filter(e -> u.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue);
    }

    static String rewrite(String url, String host, int port) {
        URI uri = URI.create(url);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return uri.getScheme() + "://" + h + ":" + port + path + query;
    }
}
