package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.compute.FlavorRecords.FlavorDetail;
import io.github.openstackops.mcp.compute.PlacementRecords.FlavorCapacity;
import io.github.openstackops.mcp.compute.PlacementRecords.HostRoom;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * "Can this flavor fit, where, how many more?": the flavor turned into the resource request Nova's scheduler sends
 * Placement (vCPUs, RAM, root + ephemeral + swap disk, the {@code resources:} and {@code trait:} extra specs, and
 * the forbidden trait of disabled compute services), asked of Placement's {@code GET /allocation_candidates}, the
 * scheduler's own first step; how many more fit is counted from the candidates' capacity and usage.
 */
@Singleton
public class CapacityService {

    /** Nova's scheduler excludes the compute nodes of disabled compute services with this trait. */
    static final String DISABLED = "COMPUTE_STATUS_DISABLED";
    private static final String NOT_MODELLED = " This is Placement's answer (resources and traits); the scheduler's"
            + " filters may still rule out hosts it names: availability zones, host aggregate metadata, server group"
            + " policies, NUMA and PCI needs, and hosts whose nova-compute is down.";

    private final FlavorService flavors;
    private final PlacementService placement;

    public CapacityService(FlavorService flavors, PlacementService placement) {
        this.flavors = flavors;
        this.placement = placement;
    }

    public FlavorCapacity flavorCapacity(String flavor, boolean bootFromVolume, int limit) {
        FlavorDetail f = flavors.get(flavor);
        Map<String, Long> request = request(f, bootFromVolume);
        List<String> required = new ArrayList<>();
        List<String> forbidden = new ArrayList<>(List.of(DISABLED));
        boolean groups = false;
        for (Map.Entry<String, String> spec : new TreeMap<>(f.extraSpecs()).entrySet()) {
            String key = spec.getKey();
            String value = spec.getValue().trim().toLowerCase(Locale.ROOT);
            if (key.startsWith("trait:")) {
                String trait = key.substring("trait:".length());
                if (value.equals("required")) {
                    required.add(trait);
                } else if (value.equals("forbidden")) {
                    forbidden.add(trait);
                }
            } else if (key.matches("(resources|trait)[^:]+:.*")) {
                groups = true;
            }
        }
        if (request.isEmpty()) {
            throw io.github.openstackops.mcp.catalog.ToolException.invalid("Flavor '" + f.name() + "' asks for no"
                    + " resources (every class is 0), so it fits anywhere; nothing to count.");
        }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("resources", request.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(",")));
        List<String> traits = new ArrayList<>(required);
        forbidden.forEach(t -> traits.add("!" + t));
        query.put("required", String.join(",", traits));
        JsonNode answer = OpenStackFaults.attempt("ask Placement where flavor '" + f.name() + "' fits",
                () -> placement.api().get("/allocation_candidates", query));
        Map<String, String> names = new HashMap<>();
        List<String> roots = new ArrayList<>();
        for (JsonNode p : placement.providers(Map.of())) {
            names.put(Json.text(p, "uuid"), Json.text(p, "name"));
            if (Json.text(p, "uuid").equals(Json.text(p, "root_provider_uuid"))) {
                roots.add(Json.text(p, "uuid"));
            }
        }
        Map<String, HostRoom> byRoot = rooms(answer, names);
        List<HostRoom> fits = byRoot.values().stream()
                .sorted(Comparator.comparingLong(HostRoom::moreServers).reversed()
                        .thenComparing(r -> String.valueOf(r.provider().name())))
                .toList();
        List<String> noRoom = roots.stream().filter(r -> !byRoot.containsKey(r)).map(names::get).sorted().toList();
        long total = fits.stream().mapToLong(HostRoom::moreServers).sum();
        boolean truncated = fits.size() > limit || noRoom.size() > limit;
        String message = (fits.isEmpty() ? "Flavor '" + f.name() + "' fits on none of the " + roots.size()
                + " compute hosts now."
                : "Flavor '" + f.name() + "' fits on " + fits.size() + " of " + roots.size() + " compute hosts,"
                + " room for " + total + " more servers of it (" + fits.get(0).provider().name() + ": "
                + fits.get(0).moreServers() + ", limited by " + fits.get(0).limitedBy() + ").")
                + (bootFromVolume ? " The root disk is counted as a volume (not on the host)." : "")
                + (groups ? " The flavor's numbered request groups (resourcesN:, traitN:) are not included." : "")
                + NOT_MODELLED;
        return new FlavorCapacity(new Ref(f.id(), f.name()), request, List.copyOf(required), List.copyOf(forbidden),
                fits.stream().limit(limit).toList(), fits.size(), total, noRoom.stream().limit(limit).toList(),
                truncated, message);
    }

    /** What Nova asks Placement for one server of the flavor. */
    static Map<String, Long> request(FlavorDetail f, boolean bootFromVolume) {
        Map<String, Long> request = new TreeMap<>();
        request.put("VCPU", (long) f.vcpus());
        request.put("MEMORY_MB", (long) f.ramMb());
        long swapGb = (f.swapMb() + 1023L) / 1024L;
        request.put("DISK_GB", (bootFromVolume ? 0L : f.diskGb()) + f.ephemeralGb() + swapGb);
        f.extraSpecs().forEach((key, value) -> {
            if (key.startsWith("resources:")) {
                try {
                    request.put(key.substring("resources:".length()), Long.parseLong(value.trim()));
                } catch (NumberFormatException e) {
                    // Nova ignores what it cannot read as an amount; so does this count
                }
            }
        });
        request.values().removeIf(v -> v <= 0);
        return request;
    }

    /**
     * Per root provider, the most servers that fit: each allocation request names the providers and amounts one
     * server would take; free = capacity - used of each, from the provider summaries.
     */
    private static Map<String, HostRoom> rooms(JsonNode answer, Map<String, String> names) {
        JsonNode summaries = answer.path("provider_summaries");
        Map<String, HostRoom> byRoot = new LinkedHashMap<>();
        for (JsonNode candidate : Json.array(answer, "allocation_requests")) {
            long more = Long.MAX_VALUE;
            String limitedBy = null;
            String root = null;
            Map<String, Long> free = new TreeMap<>();
            for (Map.Entry<String, JsonNode> allocation : candidate.path("allocations").properties()) {
                JsonNode summary = summaries.path(allocation.getKey());
                if (root == null) {
                    root = summary.path("root_provider_uuid").asText(allocation.getKey());
                }
                for (Map.Entry<String, JsonNode> amount : allocation.getValue().path("resources").properties()) {
                    JsonNode r = summary.path("resources").path(amount.getKey());
                    long left = r.path("capacity").asLong() - r.path("used").asLong();
                    long each = Math.max(1, amount.getValue().asLong());
                    free.merge(amount.getKey(), left, Long::sum);
                    if (left / each < more) {
                        more = left / each;
                        limitedBy = amount.getKey();
                    }
                }
            }
            if (root == null || limitedBy == null) {
                continue;
            }
            HostRoom room = new HostRoom(new Ref(root, names.getOrDefault(root, root)), more, limitedBy, free);
            byRoot.merge(root, room, (a, b) -> a.moreServers() >= b.moreServers() ? a : b);
        }
        return byRoot;
    }
}
