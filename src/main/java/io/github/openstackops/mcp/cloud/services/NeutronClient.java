package io.github.openstackops.mcp.cloud.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudApi;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.Paging;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.api.types.ServiceType;

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
import java.util.function.Supplier;

/**
 * Neutron (networking v2.0). Catalogs list it as the bare service URL or with "/v2.0" already on it; paths are given
 * without the version. openstack4j's networking models lack fields this family needs (MTU writability, segments, normalized
 * CIDRs, port details of floating IPs, quota details, IP availability) and several of its list calls cannot page;
 * Neutron's JSON is stable and self-describing, so the services read it directly and turn it into records.
 */
@Singleton
public class NeutronClient extends ServiceClient {

    /** Most items an internal, unpaged listing (previews, topology, name lookups) fetches at once. */
    public static final int INTERNAL_CAP = 500;
    /** Most calls one page may take when Neutron under-fills pages (see {@link #fetch}). */
    static final int MAX_TOP_UPS = 8;

    @Inject
    public NeutronClient(CloudApi api) {
        super(api, ServiceType.NETWORK, "/v2.0", Map.of());
    }

    /** Items of a bounded listing, and whether there were more than the cap. */
    public record Bounded(List<JsonNode> items, boolean truncated) {
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
            List<JsonNode> batch = collection(get("/" + collection, query), collection);
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
            out.addAll(collection(get("/" + collection, query), collection));
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

    /**
     * The items of a list response; {@code collection} as in the path ("network-ip-availabilities", "qos/policies",
     * "floatingips/{id}/port_forwardings"): the key is its last segment, with '_' for '-'.
     */
    public static List<JsonNode> collection(JsonNode response, String collection) {
        return items(response, collection.substring(collection.lastIndexOf('/') + 1).replace('-', '_'));
    }

    // ------------------------------------------------------------------ extensions

    /**
     * Runs a call of an API extension ({@code alias}, e.g. "qos"). When it fails with "not found", Neutron is asked
     * whether it has the extension at all (one call, only then): without it the caller learns that this cloud does not
     * offer {@code feature}, instead of a bare 404.
     */
    public <T> T requiring(String alias, String feature, Supplier<T> call) {
        try {
            return call.get();
        } catch (ResponseException e) {
            if (e.getStatus() == 404 && !hasExtension(alias)) {
                throw missingExtension(alias, feature);
            }
            throw e;
        } catch (ToolException e) {
            if (e.kind() == ToolException.Kind.NOT_FOUND && !hasExtension(alias)) {
                throw missingExtension(alias, feature);
            }
            throw e;
        }
    }

    /** True when Neutron lists the extension ({@code GET /extensions/{alias}}). */
    public boolean hasExtension(String alias) {
        return find("/extensions/" + alias, "extension") != null;
    }

    private static ToolException missingExtension(String alias, String feature) {
        return new ToolException(ToolException.Kind.UNAVAILABLE, "This cloud's Neutron lacks the '" + alias
                + "' API extension (its service plugin is not enabled), so " + feature + " are not available here.");
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
            throw ToolException.invalid("Name the " + kind.toLowerCase(Locale.ROOT)
                    + " by id.");
        }
        JsonNode found = Lookup.UUID.matcher(value).matches() ? find("/" + collection + "/" + value, singular) : null;
        if (found == null) {
            throw OpenStackFaults.notFound(kind + " '" + value + "'");
        }
        return found;
    }
}
