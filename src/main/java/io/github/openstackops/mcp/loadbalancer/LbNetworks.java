package io.github.openstackops.mcp.loadbalancer;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.lookup.ResourceLookup;
import io.github.openstackops.mcp.cloud.lookup.ServerNames;
import io.github.openstackops.mcp.cloud.services.NeutronClient;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.text;

/**
 * What load balancing needs from Neutron and Nova: subnets and networks by name, a server's address on a subnet (to
 * add it as a member), and whether a VIP faces the internet (on an external network, or behind a floating IP).
 */
@Singleton
public class LbNetworks {

    private final NeutronClient neutron;
    private final ResourceLookup resources;
    private final ServerNames servers;

    public LbNetworks(NeutronClient neutron, ResourceLookup resources, ServerNames servers) {
        this.neutron = neutron;
        this.resources = resources;
        this.servers = servers;
    }

    String subnetId(String ref) {
        return text(neutron.resolve("Subnet", "subnets", "subnet", ref), "id");
    }

    String networkId(String ref) {
        return text(resources.network(ref), "id");
    }

    /** A server (id or exact name) and its address on the given subnet. */
    record ServerAddress(String serverId, String serverName, String address) {
    }

    ServerAddress serverAddress(String serverRef, String subnetId) {
        JsonNode server = servers.resolve(serverRef);
        String serverId = text(server, "id");
        List<String> elsewhere = new ArrayList<>();
        for (JsonNode port : neutron.list("ports", Map.of("device_id", serverId))) {
            for (JsonNode ip : port.path("fixed_ips")) {
                if (subnetId.equals(text(ip, "subnet_id"))) {
                    return new ServerAddress(serverId, text(server, "name"), text(ip, "ip_address"));
                }
                elsewhere.add(text(ip, "ip_address"));
            }
        }
        throw ToolException.invalid("Server '" + text(server, "name") + "' (" + serverId + ") has no address on"
                + " subnet " + subnetId + (elsewhere.isEmpty() ? " (it has no ports)" : " (its addresses: "
                + String.join(", ", elsewhere) + ")") + ". Give subnet for the member, or add it by address.");
    }

    /** Whether the load balancer's VIP faces the internet: on an external network, or with a floating IP. */
    boolean publicVip(JsonNode lb) {
        String networkId = text(lb, "vip_network_id");
        JsonNode network = networkId == null ? null : neutron.find("/networks/" + networkId, "network");
        if (network != null && Json.flag(network, "router:external")) {
            return true;
        }
        String portId = text(lb, "vip_port_id");
        return portId != null && !neutron.list("floatingips", Map.of("port_id", portId)).isEmpty();
    }
}
