package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.github.openstackops.mcp.compute.FlavorRecords.Flavor;
import io.github.openstackops.mcp.compute.FlavorRecords.FlavorCreated;
import io.github.openstackops.mcp.compute.FlavorRecords.FlavorDeleted;
import io.github.openstackops.mcp.compute.FlavorRecords.FlavorDetail;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.array;
import static io.github.openstackops.mcp.cloud.Json.bool;
import static io.github.openstackops.mcp.cloud.Json.decimal;
import static io.github.openstackops.mcp.cloud.Json.integer;
import static io.github.openstackops.mcp.cloud.Json.segment;
import static io.github.openstackops.mcp.cloud.Json.text;

/**
 * Flavors (Nova, microversion 2.61: descriptions and extra specs in the list and detail views). Nova has no name
 * filter for flavors, so a lookup by name pages through the flavor list (flavors number in the tens or hundreds).
 */
@Singleton
public class FlavorService {

    static final String MV = "2.61";
    /** Most servers a delete preview counts (one call). */
    static final int USAGE_SCAN = 1000;
    private static final int NAME_SCAN_PAGES = 20;

    /** Which flavors to list. */
    public enum Visibility { ALL, PUBLIC, PRIVATE }

    private final NovaClient nova;

    public FlavorService(NovaClient nova) {
        this.nova = nova;
    }

    public Page<Flavor> list(int limit, @Nullable String marker, @Nullable Integer minRamMb, @Nullable Integer minDiskGb,
                           @Nullable Visibility visibility) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("limit", Paging.fetchSize(limit));
        query.put("marker", marker);
        query.put("minRam", minRamMb);
        query.put("minDisk", minDiskGb);
        query.put("is_public", switch (visibility == null ? Visibility.ALL : visibility) {
            case ALL -> "None";
            case PUBLIC -> "true";
            case PRIVATE -> "false";
        });
        List<JsonNode> fetched = array(nova.at(MV).get("/flavors/detail", query), "flavors");
        Paging.Slice<JsonNode> page = Paging.slice(fetched, limit, f -> text(f, "id"));
        List<Flavor> flavors = page.items().stream().map(FlavorService::summary).toList();
        return FlavorRecords.FLAVORS.page(flavors, page.nextMarker());
    }

    public FlavorDetail get(String ref) {
        return detail(resolve(ref));
    }

    public FlavorCreated create(String name, int vcpus, int ramMb, int diskGb, @Nullable Integer ephemeralGb,
                                @Nullable Integer swapMb, @Nullable Boolean isPublic, @Nullable String id,
                                @Nullable String description) {
        Map<String, Object> flavor = new LinkedHashMap<>();
        flavor.put("name", name.trim());
        flavor.put("vcpus", vcpus);
        flavor.put("ram", ramMb);
        flavor.put("disk", diskGb);
        flavor.put("OS-FLV-EXT-DATA:ephemeral", ephemeralGb == null ? 0 : ephemeralGb);
        flavor.put("swap", swapMb == null ? 0 : swapMb);
        flavor.put("os-flavor-access:is_public", isPublic == null || isPublic);
        if (id != null && !id.isBlank()) {
            flavor.put("id", id.trim());
        }
        if (description != null && !description.isBlank()) {
            flavor.put("description", description);
        }
        JsonNode created = nova.at(MV).post("/flavors", Map.of("flavor", flavor))
                .get("flavor");
        FlavorDetail detail = detail(created);
        return new FlavorCreated(detail, "Flavor '" + detail.name() + "' (" + detail.id() + ") created: " + shape(detail)
                + (detail.isPublic() ? ", public." : ", private (give projects access to use it)."));
    }

    public Preview deletePreview(String ref) {
        FlavorDetail f = detail(resolve(ref));
        List<JsonNode> servers = serversUsing(f.id());
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("flavor", f.id(), f.name(), "deleted"));
        servers.stream().limit(20).forEach(s -> resources.add(new Preview.Resource("server", text(s, "id"),
                text(s, "name"), "keeps running with its own copy of the flavor")));
        List<String> warnings = new ArrayList<>();
        if (!servers.isEmpty()) {
            warnings.add("Flavor '" + f.name() + "' is in use by " + count(servers.size()) + " server"
                    + (servers.size() == 1 ? "" : "s") + (servers.size() > 20 ? " (the first 20 are listed)" : "")
                    + ": they keep running, but no server can be created with it or resized to it any more.");
        }
        if (f.isPublic()) {
            warnings.add("The flavor is public: no project can create new servers with it once it is deleted.");
        }
        warnings.add("A deleted flavor cannot be restored; it can only be created again (same id and sizes).");
        return new Preview("delete flavor", "Delete flavor '" + f.name() + "' (" + f.id() + "), " + shape(f) + ".",
                resources, warnings);
    }

    public FlavorDeleted delete(String ref) {
        FlavorDetail f = detail(resolve(ref));
        int using = serversUsing(f.id()).size();
        nova.at(MV).delete("/flavors/" + segment(f.id()));
        return new FlavorDeleted(f.id(), f.name(), using, "Flavor '" + f.name() + "' (" + f.id() + ") is deleted"
                + (using == 0 ? "." : "; " + count(using) + " server" + (using == 1 ? "" : "s")
                + " still run with their copy of it."));
    }

    /** A flavor by id, or by exact name when that name is unique among the flavors visible to the project. */
    JsonNode resolve(String ref) {
        String value = ref == null ? "" : ref.trim();
        if (value.isEmpty()) {
            throw ToolException.invalid("Name the flavor by id or exact name.");
        }
        JsonNode byId = Json.orNull(() -> nova.at(MV).get("/flavors/" + segment(value), null));
        if (byId != null && byId.has("flavor")) {
            return byId.get("flavor");
        }
        List<JsonNode> matches = new ArrayList<>();
        String marker = null;
        for (int page = 0; page < NAME_SCAN_PAGES; page++) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("is_public", "None");
            query.put("limit", 1000);
            query.put("marker", marker);
            List<JsonNode> flavors = array(nova.at(MV).get("/flavors/detail", query), "flavors");
            flavors.stream().filter(f -> value.equals(text(f, "name"))).forEach(matches::add);
            if (flavors.size() < 1000) {
                break;
            }
            marker = text(flavors.get(flavors.size() - 1), "id");
        }
        if (matches.isEmpty()) {
            throw OpenStackFaults.notFound("Flavor '" + value + "'");
        }
        if (matches.size() > 1) {
            throw ToolException.invalid(matches.size() + " flavors are named '" + value + "' (ids "
                    + matches.stream().map(f -> text(f, "id")).toList() + "); name it by id.");
        }
        return matches.get(0);
    }

    /** Servers of every project built from the flavor (admin: all_tenants), at most {@link #USAGE_SCAN}. */
    private List<JsonNode> serversUsing(String flavorId) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("all_tenants", 1);
        query.put("flavor", flavorId);
        query.put("limit", USAGE_SCAN);
        return array(nova.get("/servers", query), "servers");
    }

    private static String count(int n) {
        return n >= USAGE_SCAN ? "at least " + n : String.valueOf(n);
    }

    static String shape(FlavorDetail f) {
        return f.vcpus() + " vCPU, " + f.ramMb() + " MiB RAM, " + f.diskGb() + " GiB disk";
    }

    static Flavor summary(JsonNode f) {
        return new Flavor(text(f, "id"), text(f, "name"), orZero(integer(f, "vcpus")), orZero(integer(f, "ram")),
                orZero(integer(f, "disk")), orZero(integer(f, "OS-FLV-EXT-DATA:ephemeral")), orZero(integer(f, "swap")),
                !Boolean.FALSE.equals(bool(f, "os-flavor-access:is_public")),
                Boolean.TRUE.equals(bool(f, "OS-FLV-DISABLED:disabled")), text(f, "description"));
    }

    static FlavorDetail detail(JsonNode f) {
        Flavor s = summary(f);
        return new FlavorDetail(s.id(), s.name(), s.vcpus(), s.ramMb(), s.diskGb(), s.ephemeralGb(), s.swapMb(),
                s.isPublic(), s.disabled(), s.description(), decimal(f, "rxtx_factor"), Json.stringMap(f, "extra_specs"));
    }

    private static int orZero(@Nullable Integer v) {
        return v == null ? 0 : v;
    }
}
