package io.github.openstackops.mcp.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.services.CinderClient;
import io.github.openstackops.mcp.storage.StorageRecords.Pool;
import io.github.openstackops.mcp.storage.StorageRecords.PoolList;
import io.github.openstackops.mcp.storage.StorageRecords.QuotaItem;
import io.github.openstackops.mcp.storage.StorageRecords.VolumeQuota;
import io.github.openstackops.mcp.storage.StorageRecords.VolumeServiceEntry;
import io.github.openstackops.mcp.storage.StorageRecords.VolumeServiceList;
import io.github.openstackops.mcp.storage.StorageRecords.VolumeType;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.openstackops.mcp.cloud.Json.array;
import static io.github.openstackops.mcp.cloud.Json.bool;
import static io.github.openstackops.mcp.cloud.Json.decimal;
import static io.github.openstackops.mcp.cloud.Json.stringMap;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.cloud.services.CinderClient.time;

/** Cinder's catalogue and admin views: volume types, quotas, services, backend pools. */
@Singleton
public class BlockStorageService {

    /** Cinder does not page the pool list; more than this many pools are cut off (and said so). */
    static final int MAX_POOLS = 200;
    private static final Set<String> GLOBAL_QUOTAS = Set.of("volumes", "gigabytes", "snapshots", "backups",
            "backup_gigabytes", "groups", "per_volume_gigabytes");

    private final CinderClient cinder;
    private final CloudSession cloud;

    public BlockStorageService(CinderClient cinder, CloudSession cloud) {
        this.cinder = cinder;
        this.cloud = cloud;
    }

    public Page<VolumeType> types(int limit, @Nullable String marker) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("limit", Paging.fetchSize(limit));
        if (marker != null) {
            query.put("marker", marker);
        }
        Paging.Slice<JsonNode> page = Paging.slice(array(cinder.get("/types", query), "volume_types"), limit,
                t -> text(t, "id"));
        List<VolumeType> types = page.items().stream().map(t -> new VolumeType(text(t, "id"), text(t, "name"),
                text(t, "description"), !Boolean.FALSE.equals(bool(t, "is_public")), stringMap(t, "extra_specs")))
                .toList();
        return StorageRecords.VOLUME_TYPES.page(types, page.nextMarker());
    }

    public VolumeQuota quota(@Nullable String project) {
        String projectId = project == null || project.isBlank() ? cloud.projectId() : project.trim();
        JsonNode set = cinder.get("/os-quota-sets/" + projectId, Map.of("usage", "true")).path("quota_set");
        List<QuotaItem> quotas = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = set.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode q = e.getValue();
            if (!q.isObject()) {
                continue; // "id"
            }
            int limit = q.path("limit").asInt(-1);
            int inUse = q.path("in_use").asInt(0);
            boolean perType = !GLOBAL_QUOTAS.contains(e.getKey());
            if (perType && limit == -1 && inUse == 0) {
                continue;
            }
            quotas.add(new QuotaItem(e.getKey(), limit, inUse, q.path("reserved").asInt(0)));
        }
        quotas.sort(java.util.Comparator.comparing((QuotaItem q) -> !GLOBAL_QUOTAS.contains(q.resource()))
                .thenComparing(QuotaItem::resource));
        return new VolumeQuota(projectId, quotas);
    }

    public VolumeServiceList services(@Nullable String host, @Nullable String binary) {
        Map<String, Object> query = new LinkedHashMap<>();
        if (host != null) {
            query.put("host", host);
        }
        if (binary != null) {
            query.put("binary", binary);
        }
        List<VolumeServiceEntry> services = array(cinder.get("/os-services", query), "services").stream()
                .map(s -> new VolumeServiceEntry(text(s, "binary"), text(s, "host"), text(s, "zone"),
                        text(s, "status"), text(s, "state"), text(s, "backend_state"), text(s, "disabled_reason"),
                        time(s, "updated_at")))
                .toList();
        int down = (int) services.stream().filter(s -> !"up".equals(s.state())).count();
        return new VolumeServiceList(services, services.size(), down);
    }

    public PoolList pools(@Nullable String backend) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("detail", "true");
        List<JsonNode> matching = array(cinder.get("/scheduler-stats/get_pools", query), "pools").stream()
                .filter(p -> backend == null || backend.equals(text(p.path("capabilities"), "volume_backend_name")))
                .toList();
        List<Pool> pools = matching.stream().limit(MAX_POOLS).map(BlockStorageService::pool).toList();
        return new PoolList(pools, pools.size(), matching.size() > pools.size());
    }

    private static Pool pool(JsonNode p) {
        JsonNode c = p.path("capabilities");
        List<String> notes = new ArrayList<>();
        Double total = capacity(c, "total_capacity_gb", notes);
        Double free = capacity(c, "free_capacity_gb", notes);
        String note = notes.isEmpty() ? null : "reported as " + String.join(", ", notes);
        return new Pool(text(p, "name"), text(c, "volume_backend_name"), text(c, "storage_protocol"),
                text(c, "vendor_name"), total, free, decimal(c, "allocated_capacity_gb"),
                decimal(c, "provisioned_capacity_gb"), decimal(c, "reserved_percentage"),
                text(c, "max_over_subscription_ratio"), bool(c, "thin_provisioning_support"), note,
                time(c, "timestamp"));
    }

    /** A capacity, or null with a note when the backend reports 'infinite' or 'unknown'. */
    @Nullable
    private static Double capacity(JsonNode c, String field, List<String> notes) {
        Double value = decimal(c, field);
        if (value == null && c.hasNonNull(field)) {
            notes.add(field + " = " + c.path(field).asText());
        }
        return value;
    }

    /**
     * A volume type by id or exact name. Cinder shows types by id only and has no name filter, so a name is looked
     * up page by page (types are few; at most {@code 20 x MAX_LIMIT} are searched).
     */
    static JsonNode resolveType(CinderClient cinder, String ref) {
        return Lookup.byIdOrName("Volume type", ref, id -> cinder.find("/types/" + id, "volume_type"),
                name -> typesNamed(cinder, name), t -> text(t, "name"), t -> text(t, "id"));
    }

    private static List<JsonNode> typesNamed(CinderClient cinder, String name) {
        List<JsonNode> found = new ArrayList<>();
        String marker = null;
        for (int page = 0; page < 20; page++) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("limit", Paging.MAX_LIMIT);
            if (marker != null) {
                query.put("marker", marker);
            }
            List<JsonNode> types = array(cinder.get("/types", query), "volume_types");
            types.stream().filter(t -> name.equals(text(t, "name"))).forEach(found::add);
            if (types.size() < Paging.MAX_LIMIT) {
                return found;
            }
            marker = text(types.get(types.size() - 1), "id");
        }
        if (found.isEmpty()) {
            throw ToolException.invalid("Too many volume types to find '" + name + "' by name; give its id.");
        }
        return found;
    }
}
