package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.lookup.ServerNames;
import io.github.openstackops.mcp.cloud.services.NeutronClient;
import io.github.openstackops.mcp.network.FloatingIpRecords.FloatingIp;
import io.github.openstackops.mcp.network.FloatingIpRecords.FloatingIpChange;
import io.github.openstackops.mcp.network.FloatingIpRecords.FloatingIpPool;
import io.github.openstackops.mcp.network.FloatingIpRecords.FloatingIpPoolPage;
import io.github.openstackops.mcp.network.FloatingIpRecords.FloatingIpReleased;
import io.github.openstackops.mcp.network.FloatingIpRecords.PoolSubnet;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.openstackops.mcp.cloud.Json.flag;
import static io.github.openstackops.mcp.cloud.Json.nonEmpty;
import static io.github.openstackops.mcp.cloud.Json.stringList;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.network.NetworkService.blankToNull;
import static io.github.openstackops.mcp.network.NetworkService.put;
import static io.github.openstackops.mcp.network.NeutronJson.str;

/** Floating IPs (Neutron): list, get, pools, allocate, associate, disassociate, release. */
@Singleton
public class FloatingIpService {

    private final NeutronClient neutron;
    private final QosService qos;
    private final NetworkService networks;
    private final SubnetService subnets;
    private final PortService ports;
    private final ServerNames serverNames;

    public FloatingIpService(NeutronClient neutron, NetworkService networks, SubnetService subnets, PortService ports,
                             ServerNames serverNames, QosService qos) {
        this.qos = qos;
        this.neutron = neutron;
        this.networks = networks;
        this.subnets = subnets;
        this.ports = ports;
        this.serverNames = serverNames;
    }

    /** Filters Neutron applies; references are resolved to ids first. */
    public record Filters(@Nullable String network, @Nullable String server, @Nullable String port,
                          @Nullable String fixedIp, @Nullable String address, @Nullable String status,
                          @Nullable String projectId) {
    }

    public Page<FloatingIp> list(int limit, @Nullable String marker, Filters f) {
        if (blankToNull(f.server()) != null && blankToNull(f.port()) != null) {
            throw ToolException.invalid("Give either server or port, not both: both filter on the port a floating IP"
                    + " is attached to. Use port alone for one interface of the server.");
        }
        Map<String, Object> query = new LinkedHashMap<>();
        if (blankToNull(f.network()) != null) {
            query.put("floating_network_id", text(networks.resolve(f.network()), "id"));
        }
        if (blankToNull(f.server()) != null) {
            JsonNode server = serverNames.resolve(f.server());
            List<String> portIds = neutron.list("ports", Map.of("device_id", text(server, "id"))).stream()
                    .map(p -> text(p, "id")).toList();
            if (portIds.isEmpty()) {
                return FloatingIpRecords.FLOATING_IPS.page(List.of(), null);
            }
            query.put("port_id", portIds);
        }
        if (blankToNull(f.port()) != null) {
            query.put("port_id", text(ports.resolve(f.port()), "id"));
        }
        put(query, "fixed_ip_address", blankToNull(f.fixedIp()));
        put(query, "floating_ip_address", blankToNull(f.address()));
        put(query, "status", f.status());
        put(query, "project_id", blankToNull(f.projectId()));
        Paging.Slice<JsonNode> page = neutron.page("floatingips", query, limit, marker);
        List<FloatingIp> out = describe(page.items());
        return FloatingIpRecords.FLOATING_IPS.page(out, page.nextMarker());
    }

    /**
     * Floating IPs with their pool names and servers: the server comes from the port details Neutron embeds
     * (fip-port-details), else from one port listing; names from one network and one Nova call. Never per item.
     */
    List<FloatingIp> describe(List<JsonNode> fips) {
        Map<String, String> deviceOfPort = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (JsonNode f : fips) {
            String portId = text(f, "port_id");
            if (portId == null) {
                continue;
            }
            JsonNode details = f.get("port_details");
            if (details != null && details.isObject()) {
                if (PortUse.isServerPort(details)) {
                    deviceOfPort.put(portId, text(details, "device_id"));
                }
            } else {
                missing.add(portId);
            }
        }
        for (JsonNode p : neutron.byIds("ports", missing, "id", "device_id", "device_owner")) {
            if (PortUse.isServerPort(p)) {
                deviceOfPort.put(text(p, "id"), text(p, "device_id"));
            }
        }
        Map<String, String> servers = serverNames.of(deviceOfPort.values());
        Map<String, String> pools = neutron.names("networks", fips.stream()
                .map(f -> text(f, "floating_network_id")).toList());
        List<String> policyIds = fips.stream().map(f -> text(f, "qos_policy_id")).filter(id -> id != null)
                .distinct().toList();
        Map<String, String> policies = policyIds.isEmpty() ? Map.of()
                : neutron.names(QosService.POLICIES, policyIds);
        return fips.stream().map(f -> {
            String serverId = deviceOfPort.get(text(f, "port_id"));
            return new FloatingIp(text(f, "id"), text(f, "floating_ip_address"), text(f, "status"),
                    text(f, "floating_network_id"), pools.get(text(f, "floating_network_id")),
                    text(f, "fixed_ip_address"), text(f, "port_id"), serverId,
                    serverId == null ? null : servers.get(serverId), text(f, "router_id"), nonEmpty(f, "description"),
                    text(f, "qos_policy_id") == null ? null : new Ref(text(f, "qos_policy_id"),
                            policies.get(text(f, "qos_policy_id"))), text(f, "project_id"));
        }).toList();
    }

    public FloatingIp get(String ref) {
        return describe(List.of(resolve(ref))).get(0);
    }

    /** A floating IP by id or by its address. */
    JsonNode resolve(String ref) {
        String value = ref == null ? "" : ref.trim();
        if (value.isEmpty()) {
            throw ToolException.invalid("Name the floating IP by its address or id.");
        }
        if (Lookup.UUID.matcher(value).matches()) {
            JsonNode found = neutron.find("/floatingips/" + value, "floatingip");
            if (found != null) {
                return found;
            }
        } else {
            List<JsonNode> found = neutron.list("floatingips", Map.of("floating_ip_address", value));
            if (found.size() == 1) {
                return found.get(0);
            }
            if (found.size() > 1) {
                throw ToolException.invalid(found.size() + " floating IPs have address " + value + " (ids "
                        + found.stream().map(f -> text(f, "id")).toList() + "); name it by id.");
            }
        }
        throw OpenStackFaults.notFound("Floating IP '" + value + "'");
    }

    // ------------------------------------------------------------------ pools

    public FloatingIpPoolPage pools(int limit, @Nullable String marker) {
        Paging.Slice<JsonNode> page = neutron.page("networks", Map.of("router:external", true), limit, marker);
        List<String> subnetIds = new ArrayList<>();
        List<String> networkIds = new ArrayList<>();
        page.items().forEach(n -> {
            subnetIds.addAll(stringList(n, "subnets"));
            networkIds.add(text(n, "id"));
        });
        Map<String, JsonNode> subnetById = new HashMap<>();
        neutron.byIds("subnets", subnetIds).forEach(s -> subnetById.put(text(s, "id"), s));
        Map<String, JsonNode> availability = new HashMap<>();
        if (!networkIds.isEmpty()) {
            neutron.list("network-ip-availabilities", Map.of("network_id", networkIds))
                    .forEach(a -> availability.put(text(a, "network_id"), a));
        }
        List<FloatingIpPool> pools = new ArrayList<>();
        for (JsonNode n : page.items()) {
            JsonNode a = availability.get(text(n, "id"));
            Map<String, JsonNode> subnetAvailability = new HashMap<>();
            if (a != null) {
                a.path("subnet_ip_availability").forEach(s -> subnetAvailability.put(text(s, "subnet_id"), s));
            }
            List<PoolSubnet> poolSubnets = new ArrayList<>();
            for (String id : stringList(n, "subnets")) {
                JsonNode s = subnetById.get(id);
                List<String> serviceTypes = stringList(s, "service_types");
                if (s == null || !serviceTypes.isEmpty() && !serviceTypes.contains("network:floatingip")) {
                    continue; // not usable for floating IPs
                }
                JsonNode sa = subnetAvailability.get(id);
                poolSubnets.add(new PoolSubnet(id, nonEmpty(s, "name"), text(s, "cidr"), NeutronJson.count(sa, "total_ips"),
                        NeutronJson.count(sa, "used_ips"), free(sa)));
            }
            pools.add(new FloatingIpPool(text(n, "id"), str(n, "name"), flag(n, "shared"), poolSubnets,
                    NeutronJson.count(a, "total_ips"), NeutronJson.count(a, "used_ips"), free(a)));
        }
        String note = null;
        if (!pools.isEmpty() && availability.isEmpty()) {
            note = "Free-IP counts come from Neutron's network IP availability API, which its default policy allows"
                    + " to admins only; this user sees none.";
        }
        return new FloatingIpPoolPage(pools, pools.size(), page.nextMarker(), note);
    }

    @Nullable
    static Long free(@Nullable JsonNode availability) {
        Long total = NeutronJson.count(availability, "total_ips");
        Long used = NeutronJson.count(availability, "used_ips");
        return total == null || used == null ? null : Math.max(0, total - used);
    }

    // ------------------------------------------------------------------ allocate, associate, release

    public FloatingIp create(@Nullable String network, @Nullable String subnet, @Nullable String address,
                             @Nullable String description, ToolContext context) {
        JsonNode pool;
        if (blankToNull(network) != null) {
            pool = networks.resolve(network);
            if (!flag(pool, "router:external")) {
                throw ToolException.invalid("Network " + NeutronJson.describe(pool) + " is not external and cannot"
                        + " hand out floating IPs; see floating_ip_pool_list.");
            }
        } else {
            List<JsonNode> external = neutron.list("networks", Map.of("router:external", true), 10).items();
            if (external.size() != 1) {
                throw ToolException.invalid(external.isEmpty() ? "This cloud has no external network to allocate"
                        + " floating IPs from." : "Several floating IP pools exist ("
                        + String.join(", ", external.stream().map(NeutronJson::label).toList())
                        + "); name one with 'network'.");
            }
            pool = external.get(0);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("floating_network_id", text(pool, "id"));
        if (blankToNull(subnet) != null) {
            body.put("subnet_id", text(subnets.resolve(subnet), "id"));
        }
        put(body, "floating_ip_address", blankToNull(address));
        put(body, "description", description);
        JsonNode created = neutron.post("/floatingips", Map.of("floatingip", body)).path("floatingip");
        context.info("allocated floating IP " + text(created, "floating_ip_address") + " (" + text(created, "id") + ")");
        return describe(List.of(created)).get(0);
    }

    /** Sets the description and/or the QoS policy ("" clears either). */
    public FloatingIp update(String ref, @Nullable String description, @Nullable String qosPolicy,
                             ToolContext context) {
        if (description == null && qosPolicy == null) {
            throw ToolException.invalid("Give description and/or qos_policy (\"\" clears either).");
        }
        JsonNode f = resolve(ref);
        Map<String, Object> body = new LinkedHashMap<>();
        if (description != null) {
            body.put("description", description);
        }
        if (qosPolicy != null) {
            body.put("qos_policy_id", qos.idToSet(qosPolicy));
        }
        JsonNode updated = OpenStackFaults.attempt("update floating IP " + text(f, "floating_ip_address"),
                () -> neutron.put("/floatingips/" + text(f, "id"), Map.of("floatingip", body))).path("floatingip");
        context.info("updated floating IP " + text(f, "id") + ": " + body.keySet());
        return describe(List.of(updated)).get(0);
    }

    public FloatingIpChange associate(String fipRef, @Nullable String serverRef, @Nullable String portRef,
                                      @Nullable String fixedIp, ToolContext context) {
        if ((blankToNull(serverRef) == null) == (blankToNull(portRef) == null)) {
            throw ToolException.invalid("Give exactly one of server (name or id) or port.");
        }
        JsonNode fip = resolve(fipRef);
        JsonNode port = blankToNull(portRef) != null ? ports.resolve(portRef) : serverPort(serverRef, fip, fixedIp);
        String portId = text(port, "id");
        String current = text(fip, "port_id");
        FloatingIp before = describe(List.of(fip)).get(0);
        if (portId.equals(current) && (fixedIp == null || fixedIp.equals(text(fip, "fixed_ip_address")))) {
            return new FloatingIpChange(before, false, "Floating IP " + before.floatingIpAddress() + " is already"
                    + " associated with that port (" + before.fixedIpAddress() + "); nothing to do.");
        }
        if (current != null) {
            throw ToolException.conflict("Floating IP " + before.floatingIpAddress() + " is already associated with "
                    + (before.server() != null ? "server '" + before.server() + "' " : "port " + current + " ")
                    + "(" + before.fixedIpAddress() + "). Disassociate it first with floating_ip_disassociate if it"
                    + " should move.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("port_id", portId);
        put(body, "fixed_ip_address", blankToNull(fixedIp));
        JsonNode updated = neutron.put("/floatingips/" + text(fip, "id"), Map.of("floatingip", body))
                .path("floatingip");
        FloatingIp now = describe(List.of(updated)).get(0);
        context.info("associated floating IP " + now.floatingIpAddress() + " with port " + portId);
        String target = now.server() != null ? "server '" + now.server() + "'"
                : now.serverId() != null ? "server " + now.serverId() : "port " + portId;
        return new FloatingIpChange(now, true, "Floating IP " + now.floatingIpAddress() + " now forwards to "
                + target + " at " + now.fixedIpAddress() + ".");
    }

    /**
     * The port of a server to carry a floating IP: the one holding {@code fixedIp} when given, else its only port,
     * else the only one whose subnet a router connects to the floating IP's external network.
     */
    private JsonNode serverPort(String serverRef, JsonNode fip, @Nullable String fixedIp) {
        JsonNode server = serverNames.resolve(serverRef);
        String serverLabel = "'" + text(server, "name") + "' (" + text(server, "id") + ")";
        List<JsonNode> candidates = neutron.list("ports", Map.of("device_id", text(server, "id")));
        if (blankToNull(fixedIp) != null) {
            candidates = candidates.stream().filter(p -> PortUse.ips(p).contains(fixedIp.trim())).toList();
            if (candidates.isEmpty()) {
                throw ToolException.invalid("Server " + serverLabel + " has no port with fixed IP " + fixedIp + ".");
            }
        }
        if (candidates.isEmpty()) {
            throw ToolException.conflict("Server " + serverLabel + " has no network port to attach a floating IP to.");
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        Set<String> reachable = reachableSubnets(text(fip, "floating_network_id"));
        List<JsonNode> routed = candidates.stream().filter(p -> {
            for (JsonNode ip : p.path("fixed_ips")) {
                if (reachable.contains(text(ip, "subnet_id"))) {
                    return true;
                }
            }
            return false;
        }).toList();
        if (routed.size() == 1) {
            return routed.get(0);
        }
        throw ToolException.invalid("Server " + serverLabel + " has " + candidates.size() + " ports ("
                + String.join("; ", candidates.stream().map(p -> text(p, "id") + " " + PortUse.ips(p)).toList())
                + ") and " + (routed.isEmpty() ? "none" : routed.size()) + " of them sit on a subnet routed to the"
                + " floating IP's network; name the one to use with 'port' or 'fixed_ip'.");
    }

    /** Subnets with an interface on a router whose gateway is on the given external network. */
    private Set<String> reachableSubnets(String externalNetworkId) {
        Set<String> routers = new HashSet<>();
        for (JsonNode r : neutron.list("routers", Map.of())) {
            if (externalNetworkId.equals(text(r.path("external_gateway_info"), "network_id"))) {
                routers.add(text(r, "id"));
            }
        }
        Set<String> reachable = new HashSet<>();
        if (routers.isEmpty()) {
            return reachable;
        }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("device_id", new ArrayList<>(routers));
        for (JsonNode p : neutron.list("ports", query)) {
            if (PortUse.isRouterInterface(p)) {
                p.path("fixed_ips").forEach(ip -> reachable.add(text(ip, "subnet_id")));
            }
        }
        return reachable;
    }

    public FloatingIpChange disassociate(String fipRef, ToolContext context) {
        JsonNode fip = resolve(fipRef);
        FloatingIp before = describe(List.of(fip)).get(0);
        if (before.portId() == null) {
            return new FloatingIpChange(before, false, "Floating IP " + before.floatingIpAddress() + " is not"
                    + " associated; nothing to do.");
        }
        Map<String, Object> body = new HashMap<>();
        body.put("port_id", null);
        JsonNode updated = neutron.put("/floatingips/" + text(fip, "id"), Map.of("floatingip", body))
                .path("floatingip");
        context.info("disassociated floating IP " + before.floatingIpAddress());
        return new FloatingIpChange(describe(List.of(updated)).get(0), true, "Floating IP "
                + before.floatingIpAddress() + " no longer forwards to " + (before.server() != null ? "server '"
                + before.server() + "' " : "port " + before.portId() + " ") + "(" + before.fixedIpAddress()
                + "); it stays allocated to the project.");
    }

    public Preview deletePreview(String ref) {
        FloatingIp f = get(ref);
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("floating_ip", f.id(), f.floatingIpAddress(),
                "released back to pool " + (f.network() == null ? f.networkId() : f.network())));
        List<String> warnings = new ArrayList<>();
        if (f.portId() != null) {
            String target = f.server() != null ? "server '" + f.server() + "'"
                    : f.serverId() != null ? "server " + f.serverId() : "port " + f.portId();
            if (f.serverId() != null) {
                resources.add(new Preview.Resource("server", f.serverId(), f.server(),
                        "loses its public address " + f.floatingIpAddress()));
            }
            warnings.add("It is in use: " + target + " (" + f.fixedIpAddress() + ") loses this public address at"
                    + " once, and the address may go to another project.");
        }
        List<String> forwarded = new ArrayList<>();
        for (JsonNode p : forwardings(f.id())) {
            String summary = text(p, "protocol") + " " + f.floatingIpAddress() + ":"
                    + PortForwardingService.range(p, "external_port", "external_port_range") + " -> "
                    + text(p, "internal_ip_address") + ":"
                    + PortForwardingService.range(p, "internal_port", "internal_port_range");
            resources.add(new Preview.Resource("port_forwarding", text(p, "id"), summary,
                    "deleted first (Neutron keeps an address that still forwards)"));
            forwarded.add(summary);
        }
        if (!forwarded.isEmpty()) {
            warnings.add("Port forwardings deleted with it (" + forwarded.size() + "): " + String.join("; ", forwarded)
                    + ".");
        }
        warnings.add("A released address cannot be reserved again; another allocation may return a different one.");
        return new Preview("release floating IP", "Release floating IP " + f.floatingIpAddress() + " (" + f.id()
                + ")" + (f.portId() == null ? "." : ", currently attached to "
                + (f.server() != null ? "server '" + f.server() + "'" : "port " + f.portId()) + "."),
                resources, warnings);
    }

    public FloatingIpReleased delete(String ref, ToolContext context) {
        FloatingIp f = get(ref);
        List<JsonNode> forwardings = forwardings(f.id());
        for (JsonNode p : forwardings) {
            OpenStackFaults.attempt("delete port forwarding " + text(p, "id") + " of floating IP "
                    + f.floatingIpAddress(), () -> {
                        neutron.delete("/floatingips/" + f.id() + "/port_forwardings/" + text(p, "id"));
                        return null;
                    });
        }
        neutron.delete("/floatingips/" + f.id());
        context.info("released floating IP " + f.floatingIpAddress()
                + (forwardings.isEmpty() ? "" : " and deleted its " + forwardings.size() + " port forwardings"));
        return new FloatingIpReleased(f.id(), f.floatingIpAddress(), "Floating IP " + f.floatingIpAddress()
                + " is released" + (forwardings.isEmpty() ? "" : " (its " + forwardings.size()
                + " port forwardings deleted first)") + (f.server() != null ? "; server '" + f.server()
                + "' no longer has it." : "."));
    }

    /** The port forwardings of a floating IP (none where Neutron lacks the extension). */
    private List<JsonNode> forwardings(String fipId) {
        JsonNode answer = Json.orNull(() -> neutron.get("/floatingips/" + fipId + "/port_forwardings", null));
        return answer == null ? List.of() : Json.array(answer, "port_forwardings");
    }
}
