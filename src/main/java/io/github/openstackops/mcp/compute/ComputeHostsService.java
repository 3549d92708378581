package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.github.openstackops.mcp.compute.HostRecords.ComputeService;
import io.github.openstackops.mcp.compute.HostRecords.ComputeServiceList;
import io.github.openstackops.mcp.compute.HostRecords.Zone;
import io.github.openstackops.mcp.compute.HostRecords.ZoneHost;
import io.github.openstackops.mcp.compute.HostRecords.ZoneList;
import io.github.openstackops.mcp.compute.HostRecords.ZoneService;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.array;
import static io.github.openstackops.mcp.cloud.Json.bool;
import static io.github.openstackops.mcp.cloud.Json.text;

/**
 * Nova's services (admin only; microversion 2.53: UUID ids and forced_down) and availability zones. Neither API
 * pages: services are filtered by host and binary in Nova and capped at {@link #MAX_SERVICES}.
 */
@Singleton
public class ComputeHostsService {

    static final String MV = "2.53";
    static final int MAX_SERVICES = 500;

    private final NovaClient nova;

    public ComputeHostsService(NovaClient nova) {
        this.nova = nova;
    }

    public ComputeServiceList services(@Nullable String host, @Nullable String binary) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("host", blankToNull(host));
        query.put("binary", blankToNull(binary));
        List<ComputeService> all = array(nova.at(MV).get("/os-services", query), "services").stream()
                .map(ComputeHostsService::service).toList();
        List<ComputeService> shown = all.stream().limit(MAX_SERVICES).toList();
        return new ComputeServiceList(shown, shown.size(),
                (int) all.stream().filter(s -> "up".equals(s.state())).count(),
                (int) all.stream().filter(s -> !"up".equals(s.state())).count(),
                (int) all.stream().filter(s -> "disabled".equals(s.status())).count());
    }

    public ZoneList zones(boolean withHosts) {
        JsonNode body = nova.get(withHosts ? "/os-availability-zone/detail" : "/os-availability-zone", null);
        List<Zone> zones = new ArrayList<>();
        for (JsonNode z : array(body, "availabilityZoneInfo")) {
            boolean available = Boolean.TRUE.equals(bool(z.get("zoneState"), "available"));
            List<ZoneHost> hosts = null;
            JsonNode h = z.get("hosts");
            if (withHosts) {
                hosts = new ArrayList<>();
                if (h != null && h.isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> host = it.next();
                        List<ZoneService> services = new ArrayList<>();
                        host.getValue().fields().forEachRemaining(s -> services.add(new ZoneService(s.getKey(),
                                Boolean.TRUE.equals(bool(s.getValue(), "available")),
                                Boolean.TRUE.equals(bool(s.getValue(), "active")))));
                        hosts.add(new ZoneHost(host.getKey(), services));
                    }
                }
            }
            zones.add(new Zone(text(z, "zoneName"), available, hosts));
        }
        return new ZoneList(zones, zones.size());
    }

    static ComputeService service(JsonNode s) {
        return new ComputeService(text(s, "id"), text(s, "binary"), text(s, "host"), text(s, "zone"),
                text(s, "status"), text(s, "state"), text(s, "updated_at"), text(s, "disabled_reason"),
                bool(s, "forced_down"));
    }

    @Nullable
    private static String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
