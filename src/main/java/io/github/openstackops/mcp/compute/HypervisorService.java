package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.github.openstackops.mcp.compute.HostRecords.HostedServer;
import io.github.openstackops.mcp.compute.HostRecords.Hypervisor;
import io.github.openstackops.mcp.compute.HostRecords.HypervisorDetail;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.array;
import static io.github.openstackops.mcp.cloud.Json.integer;
import static io.github.openstackops.mcp.cloud.Json.longValue;
import static io.github.openstackops.mcp.cloud.Json.orNull;
import static io.github.openstackops.mcp.cloud.Json.segment;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.cloud.Rounding.percent;

/**
 * Hypervisors (Nova, admin only). Spoken at microversion 2.53: UUID ids, pagination, host name patterns, and still
 * the capacity fields (vcpus, memory, disk) and the statistics call that 2.88 removed.
 */
@Singleton
public class HypervisorService {

    static final String MV = "2.53";
    static final int SERVERS_SHOWN = 50;

    private final NovaClient nova;

    public HypervisorService(NovaClient nova) {
        this.nova = nova;
    }

    public Page<Hypervisor> list(int limit, @Nullable String marker, @Nullable String hostname) {
        Map<String, Object> query = new LinkedHashMap<>();
        if (hostname != null && !hostname.isBlank()) {
            if (marker != null) {
                throw ToolException.invalid("Nova does not page hypervisors filtered by host name: drop 'marker'.");
            }
            // Nova matches the pattern as a substring and cannot page such a query: the result is capped at limit
            query.put("hypervisor_hostname_pattern", hostname.trim());
        } else {
            query.put("limit", Paging.fetchSize(limit));
            query.put("marker", marker);
        }
        List<JsonNode> fetched = array(orNull(() -> nova.at(MV).get("/os-hypervisors/detail", query)),
                "hypervisors");
        Paging.Slice<JsonNode> page = Paging.slice(fetched, limit, h -> text(h, "id"));
        List<Hypervisor> hypervisors = page.items().stream().map(HypervisorService::summary).toList();
        return HostRecords.HYPERVISORS.page(hypervisors,
                query.containsKey("hypervisor_hostname_pattern") ? null : page.nextMarker());
    }

    public HypervisorDetail get(String ref) {
        JsonNode h = Lookup.byIdOrName("Hypervisor", ref, this::byId, this::byName,
                x -> text(x, "hypervisor_hostname"), x -> text(x, "id"));
        List<JsonNode> servers = array(h, "servers"); // absent for a hypervisor without servers (before 2.75)
        List<HostedServer> shown = servers.stream().limit(SERVERS_SHOWN)
                .map(s -> new HostedServer(text(s, "uuid"), text(s, "name"))).toList();
        return new HypervisorDetail(summary(h), text(h, "hypervisor_version"), cpu(h.get("cpu_info")), servers.size(),
                shown);
    }

    @Nullable
    private JsonNode byId(String id) {
        if (!Lookup.UUID.matcher(id).matches()) {
            return null; // integer ids are those of microversions before 2.53
        }
        JsonNode found = orNull(() -> nova.at(MV).get("/os-hypervisors/" + segment(id), Map.of("with_servers", "true")));
        return found == null ? null : found.get("hypervisor");
    }

    private List<JsonNode> byName(String name) {
        JsonNode found = orNull(() -> nova.at(MV).get("/os-hypervisors/detail", Map.of("hypervisor_hostname_pattern", name, "with_servers", "true")));
        return array(found, "hypervisors");
    }

    static Hypervisor summary(JsonNode h) {
        Integer vcpus = integer(h, "vcpus");
        Integer vcpusUsed = integer(h, "vcpus_used");
        Long ram = longValue(h, "memory_mb");
        Long ramUsed = longValue(h, "memory_mb_used");
        Long disk = longValue(h, "local_gb");
        Long diskUsed = longValue(h, "local_gb_used");
        JsonNode service = h.get("service");
        return new Hypervisor(text(h, "id"), text(h, "hypervisor_hostname"), text(h, "state"), text(h, "status"),
                text(h, "hypervisor_type"), text(h, "host_ip"), vcpus, vcpusUsed, percent(vcpusUsed, vcpus), ram,
                ramUsed, percent(ramUsed, ram), disk, diskUsed, percent(diskUsed, disk), integer(h, "running_vms"),
                text(service, "host"), text(service, "disabled_reason"));
    }

    @Nullable
    private static String cpu(@Nullable JsonNode cpu) {
        if (cpu == null || !cpu.isObject()) { // an object since microversion 2.28
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String field : List.of("arch", "vendor", "model")) {
            String v = text(cpu, field);
            if (v != null) {
                parts.add(v);
            }
        }
        JsonNode topology = cpu.get("topology");
        if (topology != null && topology.isObject()) {
            parts.add(orZero(longValue(topology, "sockets")) + " sockets x " + orZero(longValue(topology, "cores"))
                    + " cores x " + orZero(longValue(topology, "threads")) + " threads");
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static long orZero(@Nullable Long v) {
        return v == null ? 0 : v;
    }
}
