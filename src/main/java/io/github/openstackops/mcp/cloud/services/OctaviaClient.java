package io.github.openstackops.mcp.cloud.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudApi;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.Paging;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.core.transport.HttpMethod;
import org.openstack4j.model.identity.v3.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Octavia's v2 API (service type {@code load-balancer}) as plain JSON over {@link CloudApi}: the same token, catalog
 * endpoint, overrides and fault mapping as every other call. Paths are relative to {@code /v2}, e.g.
 * "/lbaas/loadbalancers" or "/octavia/amphorae"; lists are filtered and paged by Octavia (limit/marker).
 */
@Singleton
public class OctaviaClient {

    /** Most items an internal, unpaged listing (previews, status summaries) fetches at once. */
    public static final int INTERNAL_CAP = 500;
    public static final String SERVICE_TYPE = "load-balancer";

    private final CloudApi api;
    private final CloudSession cloud;

    public OctaviaClient(CloudApi api, CloudSession cloud) {
        this.api = api;
        this.cloud = cloud;
    }

    /** Whether the token's catalog has a load-balancer service (many clouds run without Octavia). */
    public boolean available() {
        List<? extends Service> catalog = cloud.token().getCatalog();
        return catalog != null && catalog.stream().anyMatch(s -> SERVICE_TYPE.equals(s.getType()));
    }

    /** Refuses early, in words, when the cloud has no load-balancer service. */
    public void requireAvailable() {
        if (!available()) {
            throw new ToolException(ToolException.Kind.NOT_FOUND, "This cloud has no load-balancer (Octavia)"
                    + " service in its catalog, so there are no load balancers to manage.");
        }
    }

    public JsonNode get(String path, @Nullable Map<String, ?> query) {
        requireAvailable();
        return api.send(HttpMethod.GET, ServiceType.OCTAVIA, "/v2" + path, query, null, null);
    }

    /** A single resource ({@code path} like "/lbaas/pools/<id>", {@code singular} like "pool"); null on 404. */
    @Nullable
    public JsonNode find(String path, String singular) {
        JsonNode found = Json.orNull(() -> get(path, null));
        return found == null ? null : found.path(singular);
    }

    public JsonNode post(String path, Object body) {
        requireAvailable();
        return api.send(HttpMethod.POST, ServiceType.OCTAVIA, "/v2" + path, null, body, null);
    }

    public JsonNode put(String path, Object body) {
        requireAvailable();
        return api.send(HttpMethod.PUT, ServiceType.OCTAVIA, "/v2" + path, null, body, null);
    }

    public void delete(String path, @Nullable Map<String, ?> query) {
        requireAvailable();
        api.send(HttpMethod.DELETE, ServiceType.OCTAVIA, "/v2" + path, query, null, null);
    }

    /**
     * One page of a collection ({@code path} like "/lbaas/listeners", items under {@code key} like "listeners"),
     * filtered by Octavia: {@code limit + 1} items from {@code marker}, the extra one only telling there is more.
     */
    public Paging.Slice<JsonNode> page(String path, String key, Map<String, ?> filters, int limit,
                                       @Nullable String marker) {
        Map<String, Object> query = new LinkedHashMap<>(filters);
        query.put("limit", Paging.fetchSize(limit));
        if (marker != null && !marker.isBlank()) {
            query.put("marker", marker.trim());
        }
        return Paging.slice(items(get(path, query), key), limit, n -> Json.text(n, "id"));
    }

    /** Up to {@link #INTERNAL_CAP} items matching the filters (previews and summaries, never list tools). */
    public List<JsonNode> list(String path, String key, Map<String, ?> filters) {
        Map<String, Object> query = new LinkedHashMap<>(filters);
        query.put("limit", INTERNAL_CAP);
        return items(get(path, query), key);
    }

    private static List<JsonNode> items(JsonNode response, String key) {
        List<JsonNode> items = new ArrayList<>();
        response.path(key).forEach(items::add);
        return items;
    }

    /**
     * A resource by id, or by exact name when that name is unique ({@code kind} "Load balancer", {@code path}
     * "/lbaas/loadbalancers", {@code key} "loadbalancers", {@code singular} "loadbalancer").
     */
    public JsonNode resolve(String kind, String path, String key, String singular, String ref) {
        return Lookup.byIdOrName(kind, ref, id -> find(path + "/" + Json.segment(id), singular),
                name -> items(get(path, Map.of("name", name, "limit", 50)), key),
                n -> Json.text(n, "name"), n -> Json.text(n, "id"));
    }

    /** A resource by id only (L7 rules have no names). */
    public JsonNode require(String kind, String path, String singular, String id) {
        String value = id == null ? "" : id.trim();
        if (value.isEmpty()) {
            throw ToolException.invalid("Name the " + kind.toLowerCase(Locale.ROOT) + " by id.");
        }
        JsonNode found = Lookup.UUID.matcher(value).matches() ? find(path + "/" + value, singular) : null;
        if (found == null) {
            throw OpenStackFaults.notFound(kind + " '" + value + "'");
        }
        return found;
    }

    /** Whether the configured user holds the admin role in its token's scope. */
    public boolean isAdmin() {
        return cloud.isAdmin();
    }
}
