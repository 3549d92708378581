package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.openstack4j.model.identity.v3.Token;
import org.openstack4j.openstack.internal.OSClientSession;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Neutron's v2.0 API as plain JSON, over {@link CloudApi} (same token, endpoint, overrides and fault mapping as every
 * other call). openstack4j's networking models lack fields this family needs (MTU writability, segments, normalized
 * CIDRs, port details of floating IPs, quota details, IP availability) and several of its list calls cannot page;
 * Neutron's JSON is stable and self-describing, so the services read it directly and turn it into records.
 */
@Singleton
public class NeutronApi {

    /** Most items an internal, unpaged listing (previews, topology, name lookups) fetches at once. */
    public static final int INTERNAL_CAP = 500;
    /** Most calls one page may take when Neutron under-fills pages (see {@link #fetch}). */
    static final int MAX_TOP_UPS = 8;

    private final CloudApi api;
    private final CloudSession cloud;

    public NeutronApi(CloudApi api, CloudSession cloud) {
        this.api = api;
        this.cloud = cloud;
    }

    /** Items of a bounded listing, and whether there were more than the cap. */
    public record Bounded(List<JsonNode> items, boolean truncated) {
    }

    // ------------------------------------------------------------------ raw calls

    public JsonNode get(String path, @Nullable Map<String, ?> query) {
        return api.send(HttpMethod.GET, ServiceType.NETWORK, versioned(path), query, null, null);
    }

    /** A single resource ({@code path} like "/networks/<id>", {@code singular} like "network"); null on 404. */
    @Nullable
    public JsonNode find(String path, String singular) {
        JsonNode found = Json.orNull(() -> get(path, null));
        return found == null ? null : found.path(singular);
    }

    public JsonNode post(String path, Object body) {
        return api.send(HttpMethod.POST, ServiceType.NETWORK, versioned(path), null, body, null);
    }

    public JsonNode put(String path, Object body) {
        return api.send(HttpMethod.PUT, ServiceType.NETWORK, versioned(path), null, body, null);
    }

    public void delete(String path) {
        api.send(HttpMethod.DELETE, ServiceType.NETWORK, versioned(path), null, null, null);
    }

    /**
     * Neutron's catalog entry is usually the bare service URL, sometimes with "/v2.0" already on it (openstack4j
     * enforces the version the same way).
     */
    private String versioned(String path) {
        String endpoint = cloud.call(os -> ((OSClientSession.OSClientSessionV3) os).getEndpoint(ServiceType.NETWORK));
        String base = endpoint == null ? "" : endpoint.replaceAll("/+$", "");
        return base.endsWith("/v2.0") ? path : "/v2.0" + path;
    }

    // ------------------------------------------------------------------ lists

    /**
     * One page of a collection, filtered and paged by Neutron: {@code limit + 1} items from {@code marker}, the extra
     * one only telling that there is a next page.
     */
    public Paging.Slice<JsonNode> page(String collection, Map<String, ?> filters, int limit, @Nullable String marker) {
        return pageBy(collection, "id", filters, limit, marker);
    }

    /** Same, for collections whose items are keyed by another field (e.g. network IP availability: network_id). */
    public Paging.Slice<JsonNode> pageBy(String collection, String idField, Map<String, ?> filters, int limit,
                                         @Nullable String marker) {
        List<JsonNode> items = fetch(collection, idField, filters, Paging.fetchSize(limit), marker);
        return Paging.slice(items, limit, n -> Json.text(n, idField));
    }

    /** Up to {@code cap} items matching the filters (for previews and summaries, never for list tools). */
    public Bounded list(String collection, Map<String, ?> filters, int cap) {
        List<JsonNode> items = fetch(collection, "id", filters, cap + 1, null);
        return items.size() > cap ? new Bounded(items.subList(0, cap), true) : new Bounded(items, false);
    }

    /**
     * Up to {@code want} items from {@code marker}. Neutron can under-fill a page while more items exist: for a
     * non-admin, resources shared through RBAC (e.g. an external network shared with every project) match several
     * joined rows, the SQL LIMIT counts the duplicates, and fewer distinct items come back (on the testbed,
     * {@code networks?limit=2} returns one of three networks and no "next" link). So a short answer is topped up
     * from its last item until the page is full or Neutron has nothing more; a last page costs one extra, empty call.
     */
    private List<JsonNode> fetch(String collection, String idField, Map<String, ?> filters, int want,
                                 @Nullable String marker) {
        List<JsonNode> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String from = marker == null || marker.isBlank() ? null : marker.trim();
        for (int round = 0; round < MAX_TOP_UPS && items.size() < want; round++) {
            Map<String, Object> query = new LinkedHashMap<>(filters);
            query.put("limit", want - items.size());
            if (from != null) {
                query.put("marker", from);
            }
            List<JsonNode> batch = items(get("/" + collection, query), collection);
            if (batch.isEmpty()) {
                break;
            }
            for (JsonNode item : batch) {
                if (seen.add(Json.text(item, idField))) {
                    items.add(item);
                }
            }
            from = Json.text(batch.get(batch.size() - 1), idField);
        }
        return items.size() > want ? items.subList(0, want) : items;
    }

    /** Every item of one filtered call, capped at {@link #INTERNAL_CAP}. */
    public List<JsonNode> list(String collection, Map<String, ?> filters) {
        return list(collection, filters, INTERNAL_CAP).items();
    }

    /** Items with the given ids, in one call ({@code ?id=a&id=b}); empty input makes no call. */
    public List<JsonNode> byIds(String collection, Collection<String> ids, String... fields) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        ids.stream().filter(Objects::nonNull).filter(s -> !s.isBlank()).forEach(distinct::add);
        if (distinct.isEmpty()) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        List<String> all = new ArrayList<>(distinct);
        // keep URLs well below common 8 KiB limits: ~40 bytes per id
        for (int from = 0; from < all.size(); from += 100) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("id", all.subList(from, Math.min(all.size(), from + 100)));
            if (fields.length > 0) {
                query.put("fields", List.of(fields));
            }
            out.addAll(items(get("/" + collection, query), collection));
        }
        return out;
    }

    /** id → name of the given resources, in one call. */
    public Map<String, String> names(String collection, Collection<String> ids) {
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode n : byIds(collection, ids, "id", "name")) {
            names.put(Json.text(n, "id"), Json.text(n, "name"));
        }
        return names;
    }

    static List<JsonNode> items(JsonNode response, String collection) {
        List<JsonNode> items = new ArrayList<>();
        String key = collection.replace('-', '_');
        response.path(key).forEach(items::add);
        return items;
    }

    // ------------------------------------------------------------------ lookups

    /**
     * A resource by id, or by exact name when that name is unique ({@code kind} "Network", {@code collection}
     * "networks", {@code singular} "network").
     */
    public JsonNode resolve(String kind, String collection, String singular, String ref) {
        return Lookup.byIdOrName(kind, ref, id -> find("/" + collection + "/" + id, singular),
                name -> list(collection, Map.of("name", name), 50).items(),
                n -> Json.text(n, "name"), n -> Json.text(n, "id"));
    }

    /** A resource by id only (security group rules have no names). */
    public JsonNode require(String kind, String collection, String singular, String id) {
        String value = id == null ? "" : id.trim();
        if (value.isEmpty()) {
            throw io.github.openstackops.mcp.catalog.ToolException.invalid("Name the " + kind.toLowerCase(Locale.ROOT)
                    + " by id.");
        }
        JsonNode found = Lookup.UUID.matcher(value).matches() ? find("/" + collection + "/" + value, singular) : null;
        if (found == null) {
            throw OpenStackFaults.notFound(kind + " '" + value + "'");
        }
        return found;
    }

    // ------------------------------------------------------------------ the caller

    /** Whether the configured user holds the admin role in its token's scope. */
    public boolean isAdmin() {
        return cloud.isAdmin();
    }

    /** The project of the configured token. */
    @Nullable
    public String projectId() {
        Token token = cloud.token();
        return token.getProject() == null ? null : token.getProject().getId();
    }
}
