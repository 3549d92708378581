package io.github.openstackops.mcp.loadbalancer;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudApi;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.network.NeutronApi;
import jakarta.inject.Singleton;
import org.openstack4j.api.types.ServiceType;

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

    private final NeutronApi neutron;
    private final CloudApi api;

    public LbNetworks(NeutronApi neutron, CloudApi api) {
        this.neutron = neutron;
        this.api = api;
    }

    String subnetId(String ref) {
        return text(neutron.resolve("Subnet", "subnets", "subnet", ref), "id");
    }

    String networkId(String ref) {
        return text(neutron.resolve("Network", "networks", "network", ref), "id");
    }

    /** A server (id or exact name) and its address on the given subnet. */
    record ServerAddress(String serverId, String serverName, String address) {
    }

    ServerAddress serverAddress(String serverRef, String subnetId) {
        JsonNode server = Lookup.byIdOrName("Server", serverRef,
                id -> {
                    JsonNode found = Json.orNull(() -> api.get(ServiceType.COMPUTE, "/servers/" + Json.segment(id),
                            null, null));
                    return found == null ? null : found.path("server");
                },
                name -> {
                    List<JsonNode> out = new ArrayList<>();
                    api.get(ServiceType.COMPUTE, "/servers", Map.of("name", "^" + Lookup.regexLiteral(name) + "$"),
                            null).path("servers").forEach(out::add);
                    return out;
                }, s -> text(s, "name"), s -> text(s, "id"));
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
