package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.lookup.ServerNames;
import io.github.openstackops.mcp.cloud.services.NeutronClient;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a port is used by, in words an operator recognises ("server 'web-1'", "interface of router 'router1'"), and
 * which ports Neutron removes by itself when their network or subnet goes. Used by the delete previews to name what
 * breaks and what blocks a deletion, with the tool that clears each blocker.
 */
final class PortUse {

    /** Device owners Neutron deletes together with their network or subnet. */
    static final Set<String> AUTO_DELETED = Set.of("network:dhcp", "network:distributed",
            "network:floatingip_agent_gateway");

    private PortUse() {
    }

    /** Names of the servers and routers the ports belong to, resolved in one call each. */
    record Owners(Map<String, String> servers, Map<String, String> routers) {

        static Owners of(List<JsonNode> ports, NeutronClient neutron, ServerNames serverNames) {
            List<String> serverIds = new ArrayList<>();
            List<String> routerIds = new ArrayList<>();
            for (JsonNode p : ports) {
                String device = Json.text(p, "device_id");
                if (isServerPort(p)) {
                    serverIds.add(device);
                } else if (isRouterPort(p)) {
                    routerIds.add(device);
                }
            }
            return new Owners(serverNames.of(serverIds), neutron.names("routers", routerIds));
        }
    }

    /**
     * The ports on a network, subnet or security group about to be deleted: those Neutron removes by itself, and those
     * that block the delete, with their owners' names.
     */
    record InUse(List<JsonNode> autoDeleted, List<JsonNode> blockers, Owners owners, boolean truncated) {

        /** Neutron's own ports (DHCP, distributed) go with a network or subnet; every other port blocks. */
        static InUse of(NeutronClient.Bounded ports, NeutronClient neutron, ServerNames serverNames) {
            List<JsonNode> auto = ports.items().stream().filter(PortUse::autoDeleted).toList();
            List<JsonNode> blockers = ports.items().stream().filter(p -> !PortUse.autoDeleted(p)).toList();
            return new InUse(auto, blockers, Owners.of(blockers, neutron, serverNames), ports.truncated());
        }

        /** Every port blocks (a security group cannot go while any port uses it). */
        static InUse every(NeutronClient.Bounded ports, NeutronClient neutron, ServerNames serverNames) {
            return new InUse(List.of(), ports.items(), Owners.of(ports.items(), neutron, serverNames),
                    ports.truncated());
        }

        /** e.g. "3 port(s): server 'web-1' via port …; …; and 5 more" (at most 20 named). */
        String blockersInWords() {
            List<String> uses = blockers.stream().limit(20).map(p -> describe(p, owners)).toList();
            int more = blockers.size() - uses.size();
            return blockers.size() + (truncated ? "+" : "") + " port(s): " + String.join("; ", uses)
                    + (more > 0 ? "; and " + more + " more" : "");
        }
    }

    static boolean autoDeleted(JsonNode port) {
        return AUTO_DELETED.contains(String.valueOf(Json.text(port, "device_owner")));
    }

    /** Whether a port belongs to a server (Nova's device owners are "compute:<zone>"). */
    static boolean isServerPort(JsonNode port) {
        String owner = Json.text(port, "device_owner");
        return owner != null && owner.startsWith("compute:");
    }

    static boolean isRouterPort(JsonNode port) {
        String owner = Json.text(port, "device_owner");
        return owner != null && (owner.startsWith("network:router_interface") || owner.equals("network:router_gateway")
                || owner.equals("network:ha_router_replicated_interface"));
    }

    static boolean isRouterInterface(JsonNode port) {
        String owner = Json.text(port, "device_owner");
        return owner != null && (owner.startsWith("network:router_interface")
                || owner.equals("network:ha_router_replicated_interface"));
    }

    static List<String> ips(JsonNode port) {
        List<String> ips = new ArrayList<>();
        port.path("fixed_ips").forEach(ip -> ips.add(Json.text(ip, "ip_address")));
        return ips;
    }

    /** e.g. "server 'web-1' (port 3a71…, 10.0.0.159)". */
    static String describe(JsonNode port, Owners owners) {
        String owner = String.valueOf(Json.text(port, "device_owner"));
        String device = Json.text(port, "device_id");
        String ips = String.join(", ", ips(port));
        String where = "port " + Json.text(port, "id") + (ips.isEmpty() ? "" : ", " + ips);
        if (isServerPort(port)) {
            String name = owners.servers().get(device);
            return "server " + (name == null ? device : "'" + name + "' (" + device + ")") + " via " + where;
        }
        if (isRouterInterface(port)) {
            return "interface of router " + routerLabel(device, owners) + " (" + where + ")";
        }
        if ("network:router_gateway".equals(owner)) {
            return "gateway of router " + routerLabel(device, owners) + " (" + where + ")";
        }
        if ("network:floatingip".equals(owner)) {
            return "floating IP " + (ips.isEmpty() ? device : ips) + " (" + device + ")";
        }
        if (owner.isEmpty() || "null".equals(owner)) {
            String name = Json.nonEmpty(port, "name");
            return "unattached port " + (name == null ? "" : "'" + name + "' ") + "(" + where + ")";
        }
        return "port owned by " + owner + " (" + where + ")";
    }

    private static String routerLabel(String id, Owners owners) {
        String name = owners.routers().get(id);
        return name == null || name.isEmpty() ? id : "'" + name + "' (" + id + ")";
    }

    /** How to clear the kinds of blockers in the list, as one sentence. */
    static String advice(List<JsonNode> blockers) {
        Set<String> steps = new LinkedHashSet<>();
        for (JsonNode p : blockers) {
            String owner = String.valueOf(Json.text(p, "device_owner"));
            if (isServerPort(p)) {
                steps.add("delete or move the servers (or delete their ports with port_delete)");
            } else if (isRouterInterface(p)) {
                steps.add("detach the router interfaces with router_interface_remove");
            } else if ("network:router_gateway".equals(owner)) {
                steps.add("clear the router gateways with router_gateway_clear");
            } else if ("network:floatingip".equals(owner)) {
                steps.add("release the floating IPs with floating_ip_delete");
            } else {
                steps.add("delete the remaining ports with port_delete");
            }
        }
        return "First " + String.join(", ", steps) + ".";
    }
}
