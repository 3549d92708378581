package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.services.PlacementClient;
import io.github.openstackops.mcp.cloud.services.ServiceClient;
import io.github.openstackops.mcp.compute.PlacementRecords.Inventory;
import io.github.openstackops.mcp.compute.PlacementRecords.ResourceProvider;
import io.github.openstackops.mcp.compute.PlacementRecords.ResourceProviderDetail;
import io.github.openstackops.mcp.compute.PlacementRecords.ResourceProviderList;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Placement's resource providers (admin): the inventories, usages, traits and aggregates the scheduler decides with,
 * read at microversion {@value #MV} (resources/required/member_of filters, forbidden traits, root providers).
 */
@Singleton
public class PlacementService {

    static final String MV = "1.29";
    /** "VCPU:2,MEMORY_MB:4096": Placement's syntax for amounts of resource classes. */
    static final Pattern RESOURCES = Pattern.compile("[A-Z][A-Z0-9_]*:[0-9]+(,[A-Z][A-Z0-9_]*:[0-9]+)*");
    private static final Pattern TRAIT = Pattern.compile("!?[A-Z][A-Z0-9_]*");

    public record Filters(@Nullable String name, @Nullable String resources, @Nullable List<String> traits,
                          @Nullable String memberOf) {
    }

    private final PlacementClient placement;

    public PlacementService(PlacementClient placement) {
        this.placement = placement;
    }

    ServiceClient api() {
        return placement.at(MV);
    }

    public ResourceProviderList list(int limit, Filters f) {
        Map<String, Object> query = new LinkedHashMap<>();
        if (ServerService.notBlank(f.name())) {
            query.put("name", f.name().trim());
        }
        if (ServerService.notBlank(f.resources())) {
            query.put("resources", resources(f.resources()));
        }
        if (f.traits() != null && !f.traits().isEmpty()) {
            query.put("required", traits(f.traits()));
        }
        if (ServerService.notBlank(f.memberOf())) {
            query.put("member_of", f.memberOf().trim());
        }
        List<JsonNode> all = providers(query);
        List<ResourceProvider> providers = all.stream().limit(limit).map(PlacementService::provider).toList();
        return new ResourceProviderList(providers, providers.size(), all.size() > limit);
    }

    /** One provider by uuid or exact name, with inventories and usages per class, traits and aggregates. */
    public ResourceProviderDetail get(String ref) {
        JsonNode p = resolve(ref);
        String uuid = Json.text(p, "uuid");
        String path = "/resource_providers/" + uuid;
        JsonNode inventories = read("read the inventories of " + Json.text(p, "name"), path + "/inventories");
        JsonNode usages = read("read the usages of " + Json.text(p, "name"), path + "/usages");
        List<Inventory> classes = new ArrayList<>();
        inventories.path("inventories").properties().forEach(e -> classes.add(inventory(e.getKey(), e.getValue(),
                usages.path("usages").path(e.getKey()).asLong(0))));
        List<String> traits = Json.stringList(read("read the traits of " + Json.text(p, "name"), path + "/traits"),
                "traits").stream().sorted().toList();
        List<String> aggregates = Json.stringList(read("read the aggregates of " + Json.text(p, "name"),
                path + "/aggregates"), "aggregates");
        ResourceProvider summary = provider(p);
        Long generation = Json.longValue(p, "generation");
        return new ResourceProviderDetail(uuid, summary.name(), generation == null ? 0 : generation,
                summary.parentUuid(), summary.rootUuid(), classes, traits, aggregates);
    }

    /** Every provider matching the query, in Placement's order (Placement does not page this list). */
    List<JsonNode> providers(Map<String, Object> query) {
        return Json.array(read("list resource providers", "/resource_providers", query), "resource_providers");
    }

    private JsonNode resolve(String ref) {
        String wanted = ref.trim();
        if (Lookup.UUID.matcher(wanted).matches()) {
            JsonNode found = OpenStackFaults.attempt("read resource provider " + wanted,
                    () -> Json.orNull(() -> api().get("/resource_providers/" + wanted, null)));
            if (found != null) {
                return found;
            }
        }
        List<JsonNode> named = providers(Map.of("name", wanted));
        if (named.isEmpty()) {
            throw OpenStackFaults.notFound("Resource provider '" + wanted + "'");
        }
        return named.get(0);
    }

    private JsonNode read(String what, String path) {
        return read(what, path, null);
    }

    private JsonNode read(String what, String path, @Nullable Map<String, Object> query) {
        return OpenStackFaults.attempt(what, () -> api().get(path, query));
    }

    static Inventory inventory(String resourceClass, JsonNode i, long used) {
        long total = i.path("total").asLong();
        long reserved = i.path("reserved").asLong();
        double ratio = i.path("allocation_ratio").asDouble(1.0);
        long capacity = (long) ((total - reserved) * ratio);
        return new Inventory(resourceClass, total, reserved, ratio, i.path("min_unit").asLong(1),
                i.path("max_unit").asLong(total), i.path("step_size").asLong(1), used, capacity, capacity - used);
    }

    static ResourceProvider provider(JsonNode p) {
        String uuid = Json.text(p, "uuid");
        String root = Json.text(p, "root_provider_uuid");
        return new ResourceProvider(uuid, Json.text(p, "name"), Json.text(p, "parent_provider_uuid"),
                Objects.equals(root, uuid) ? null : root);
    }

    static String resources(String resources) {
        String compact = resources.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (!RESOURCES.matcher(compact).matches()) {
            throw ToolException.invalid("'resources' is '" + resources + "'; give amounts of resource classes like"
                    + " VCPU:2,MEMORY_MB:4096,DISK_GB:20.");
        }
        return compact;
    }

    static String traits(List<String> traits) {
        List<String> clean = traits.stream().map(t -> t.trim().toUpperCase(java.util.Locale.ROOT)).toList();
        for (String t : clean) {
            if (!TRAIT.matcher(t).matches()) {
                throw ToolException.invalid("Trait '" + t + "' is not a trait name; give names like"
                        + " HW_CPU_X86_AVX2, or !NAME to exclude providers that have it.");
            }
        }
        return String.join(",", clean);
    }
}
