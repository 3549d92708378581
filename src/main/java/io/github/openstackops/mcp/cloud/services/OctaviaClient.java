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
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.core.transport.HttpMethod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Octavia (load-balancer v2). Paths are given without the version, e.g. "/lbaas/loadbalancers" or
 * "/octavia/amphorae"; lists are filtered and paged by Octavia (limit/marker). Many clouds run without Octavia: they
 * get a refusal saying so, before any call.
 */
@Singleton
public class OctaviaClient extends ServiceClient {

    /** Most items an internal, unpaged listing (previews, status summaries) fetches at once. */
    public static final int INTERNAL_CAP = 500;

    private final CloudSession session;

    @Inject
    public OctaviaClient(CloudApi api, CloudSession session) {
        super(api, ServiceType.OCTAVIA, "/v2", Map.of());
        this.session = session;
    }

    /** Whether the token's catalog has a load-balancer service. */
    public boolean available() {
        return session.hasService(ServiceType.OCTAVIA);
    }

    /** Refuses clearly when the cloud's catalog has no load-balancer service. */
    public void requireService() {
        if (!available()) {
            throw missing("load-balancer (Octavia)", "there are no load balancers to manage here.");
        }
    }

    @Override
    public JsonNode send(HttpMethod method, String path, @Nullable Map<String, ?> query, @Nullable Object body) {
        requireService();
        return super.send(method, path, query, body);
    }

    /** DELETE with query parameters (e.g. cascade=true). */
    public void delete(String path, @Nullable Map<String, ?> query) {
        send(HttpMethod.DELETE, path, query, null);
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
}
