package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.lookup.ServerNames;
import io.github.openstackops.mcp.cloud.services.NeutronClient;
import io.github.openstackops.mcp.network.PortForwardingRecords.PortForwarding;
import io.github.openstackops.mcp.network.PortForwardingRecords.PortForwardingDeleted;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.github.openstackops.mcp.cloud.Json.nonEmpty;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.network.NetworkService.blankToNull;
import static io.github.openstackops.mcp.network.NetworkService.put;

/**
 * Port forwardings of floating IPs (Neutron's floating-ip-port-forwarding extension): a floating IP not associated
 * with a port forwards some of its ports to fixed IPs behind its router.
 */
@Singleton
public class PortForwardingService {

    private final NeutronClient neutron;
    private final FloatingIpService fips;
    private final PortService ports;
    private final ServerNames serverNames;

    public PortForwardingService(NeutronClient neutron, FloatingIpService fips, PortService ports,
                                 ServerNames serverNames) {
        this.neutron = neutron;
        this.fips = fips;
        this.ports = ports;
        this.serverNames = serverNames;
    }

    /** What a create or update sets; null leaves a field alone. Ports are "22" or a range "5000:5010". */
    public record Changes(@Nullable String port, @Nullable String internalIpAddress, @Nullable String protocol,
                          @Nullable String internalPort, @Nullable String externalPort, @Nullable String description) {
    }

    private <T> T pf(Supplier<T> call) {
        return neutron.requiring("floating-ip-port-forwarding", "port forwardings", call);
    }

    private static String path(JsonNode fip) {
        return "floatingips/" + text(fip, "id") + "/port_forwardings";
    }

    public Page<PortForwarding> list(String floatingIp, int limit, @Nullable String marker, @Nullable String protocol,
                                     @Nullable String port, @Nullable Integer externalPort) {
        JsonNode fip = fips.resolve(floatingIp);
        Map<String, Object> query = new LinkedHashMap<>();
        put(query, "protocol", protocol);
        if (blankToNull(port) != null) {
            query.put("internal_port_id", text(ports.resolve(port), "id"));
        }
        put(query, "external_port", externalPort);
        Paging.Slice<JsonNode> page = pf(() -> neutron.page(path(fip), query, limit, marker));
        Map<String, String> servers = serverNamesOf(page.items());
        return PortForwardingRecords.PORT_FORWARDINGS.page(page.items().stream()
                .map(p -> record(fip, p, servers)).toList(), page.nextMarker());
    }

    public PortForwarding get(String floatingIp, String id) {
        JsonNode fip = fips.resolve(floatingIp);
        JsonNode p = find(fip, id);
        return record(fip, p, serverNamesOf(List.of(p)));
    }

    private JsonNode find(JsonNode fip, String id) {
        return pf(() -> neutron.require("Port forwarding", path(fip), "port_forwarding", id));
    }

    /** Server names by port id, for the ports of these forwardings that servers hold. */
    private Map<String, String> serverNamesOf(List<JsonNode> forwardings) {
        List<JsonNode> held = neutron.byIds("ports", forwardings.stream().map(p -> text(p, "internal_port_id"))
                .toList(), "id", "device_id", "device_owner");
        Map<String, String> names = serverNames.of(held.stream().filter(PortUse::isServerPort)
                .map(p -> text(p, "device_id")).toList());
        Map<String, String> byPort = new LinkedHashMap<>();
        held.stream().filter(PortUse::isServerPort).forEach(p -> byPort.put(text(p, "id"),
                names.get(text(p, "device_id"))));
        return byPort;
    }

    static String range(JsonNode p, String single, String range) {
        String r = text(p, range);
        if (r != null) {
            String[] ends = r.split(":");
            return ends.length == 2 && ends[0].equals(ends[1]) ? ends[0] : r;
        }
        return text(p, single);
    }

    private static PortForwarding record(JsonNode fip, JsonNode p, Map<String, String> servers) {
        String external = range(p, "external_port", "external_port_range");
        String internal = range(p, "internal_port", "internal_port_range");
        String portId = text(p, "internal_port_id");
        String summary = text(p, "protocol") + " " + text(fip, "floating_ip_address") + ":" + external + " -> "
                + text(p, "internal_ip_address") + ":" + internal
                + (servers.get(portId) == null ? "" : " (server " + servers.get(portId) + ")");
        return new PortForwarding(text(p, "id"), summary, text(p, "protocol"), external,
                text(p, "internal_ip_address"), internal, new Ref(portId, servers.get(portId)),
                nonEmpty(p, "description"));
    }

    public PortForwarding create(String floatingIp, Changes c, ToolContext context) {
        JsonNode fip = fips.resolve(floatingIp);
        JsonNode port = ports.resolve(c.port());
        Map<String, Object> body = body(c, port);
        if (!body.containsKey("internal_ip_address")) {
            List<String> v4 = PortUse.ips(port).stream().filter(ip -> !ip.contains(":")).toList();
            if (v4.size() != 1) {
                throw ToolException.invalid("Port " + NeutronJson.describe(port) + " has " + v4.size() + " IPv4"
                        + " addresses " + v4 + ": give internal_ip_address.");
            }
            body.put("internal_ip_address", v4.get(0));
        }
        JsonNode created = pf(() -> neutron.post("/" + path(fip), Map.of("port_forwarding", body)))
                .path("port_forwarding");
        context.info("created port forwarding " + text(created, "id") + " on floating IP " + text(fip, "id"));
        return record(fip, created, serverNamesOf(List.of(created)));
    }

    public PortForwarding update(String floatingIp, String id, Changes c, ToolContext context) {
        JsonNode fip = fips.resolve(floatingIp);
        JsonNode port = blankToNull(c.port()) == null ? null : ports.resolve(c.port());
        Map<String, Object> body = body(c, port);
        if (body.isEmpty()) {
            throw ToolException.invalid("Nothing to change: give at least one of port, internal_ip_address, protocol,"
                    + " internal_port, external_port, description.");
        }
        JsonNode p = find(fip, id);
        JsonNode updated = neutron.put("/" + path(fip) + "/" + text(p, "id"), Map.of("port_forwarding", body))
                .path("port_forwarding");
        context.info("updated port forwarding " + text(p, "id") + ": " + body.keySet());
        return record(fip, updated, serverNamesOf(List.of(updated)));
    }

    private static Map<String, Object> body(Changes c, @Nullable JsonNode port) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (port != null) {
            body.put("internal_port_id", text(port, "id"));
        }
        put(body, "internal_ip_address", blankToNull(c.internalIpAddress()));
        put(body, "protocol", c.protocol());
        ports(body, c.internalPort(), "internal_port");
        ports(body, c.externalPort(), "external_port");
        put(body, "description", c.description());
        return body;
    }

    /** "22" as a number, "5000:5010" as a range. */
    private static void ports(Map<String, Object> body, @Nullable String value, String field) {
        if (blankToNull(value) == null) {
            return;
        }
        String v = value.trim();
        if (v.contains(":")) {
            body.put(field + "_range", v);
        } else {
            body.put(field, Integer.parseInt(v));
        }
    }

    public Preview deletePreview(String floatingIp, String id) {
        JsonNode fip = fips.resolve(floatingIp);
        PortForwarding p = get(floatingIp, id);
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("port_forwarding", p.id(), p.summary(), "deleted"));
        return new Preview("delete port forwarding", "Stop forwarding " + p.summary() + ".", resources,
                List.of("Connections to " + text(fip, "floating_ip_address") + ":" + p.externalPort() + "/"
                        + p.protocol() + " stop reaching " + p.internalIpAddress() + "; open ones are cut."));
    }

    public PortForwardingDeleted delete(String floatingIp, String id, ToolContext context) {
        JsonNode fip = fips.resolve(floatingIp);
        PortForwarding p = record(fip, find(fip, id), Map.of());
        neutron.delete("/" + path(fip) + "/" + p.id());
        context.info("deleted port forwarding " + p.id() + " of floating IP " + text(fip, "id"));
        return new PortForwardingDeleted(p.id(), p.summary(), "Port forwarding " + p.summary() + " is deleted.");
    }
}
