package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.services.NeutronClient;
import io.github.openstackops.mcp.network.RouterRecords.Gateway;
import io.github.openstackops.mcp.network.RouterRecords.RouterDeleted;
import io.github.openstackops.mcp.network.RouterRecords.RouterDetail;
import io.github.openstackops.mcp.network.RouterRecords.RouterInterface;
import io.github.openstackops.mcp.network.RouterRecords.RouterInterfaceChange;
import io.github.openstackops.mcp.network.RouterRecords.RouterSummary;
import io.github.openstackops.mcp.network.SubnetService.HostRoute;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.bool;
import static io.github.openstackops.mcp.cloud.Json.flag;
import static io.github.openstackops.mcp.cloud.Json.nonEmpty;
import static io.github.openstackops.mcp.cloud.Json.stringList;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.network.NetworkService.blankToNull;
import static io.github.openstackops.mcp.network.NetworkService.put;
import static io.github.openstackops.mcp.network.NeutronJson.str;

/** Routers (Neutron): list, get, create, update, interfaces, gateway, delete. */
@Singleton
public class RouterService {

    private final NeutronClient neutron;
    private final NetworkService networks;
    private final SubnetService subnets;
    private final PortService ports;

    public RouterService(NeutronClient neutron, NetworkService networks, SubnetService subnets, PortService ports) {
        this.neutron = neutron;
        this.networks = networks;
        this.subnets = subnets;
        this.ports = ports;
    }

    public Page<RouterSummary> list(int limit, @Nullable String marker, @Nullable String name, @Nullable String status,
                           @Nullable String projectId) {
        Map<String, Object> query = new LinkedHashMap<>();
        put(query, "name", blankToNull(name));
        put(query, "status", status);
        put(query, "project_id", blankToNull(projectId));
        Paging.Slice<JsonNode> page = neutron.page("routers", query, limit, marker);
        Map<String, String> networkNames = neutron.names("networks", page.items().stream()
                .map(r -> text(r.path("external_gateway_info"), "network_id")).toList());
        List<RouterSummary> out = page.items().stream().map(r -> {
            JsonNode gw = r.path("external_gateway_info");
            String networkId = text(gw, "network_id");
            String network = networkId == null ? null : networkNames.getOrDefault(networkId, networkId);
            return new RouterSummary(text(r, "id"), str(r, "name"), text(r, "status"), flag(r, "admin_state_up"),
                    network, externalIps(gw), text(r, "project_id"));
        }).toList();
        return RouterRecords.ROUTERS.page(out, page.nextMarker());
    }

    private static List<String> externalIps(JsonNode gateway) {
        List<String> ips = new ArrayList<>();
        gateway.path("external_fixed_ips").forEach(ip -> ips.add(text(ip, "ip_address")));
        return ips;
    }

    public RouterDetail get(String ref) {
        return detail(resolve(ref));
    }

    JsonNode resolve(String ref) {
        return neutron.resolve("Router", "routers", "router", ref);
    }

    /** The router's interface ports on internal subnets (not its gateway). */
    List<JsonNode> interfacePorts(String routerId) {
        return neutron.list("ports", Map.of("device_id", routerId)).stream().filter(PortUse::isRouterInterface).toList();
    }

    RouterDetail detail(JsonNode r) {
        String id = text(r, "id");
        List<JsonNode> interfacePorts = interfacePorts(id);
        List<String> subnetIds = new ArrayList<>();
        interfacePorts.forEach(p -> p.path("fixed_ips").forEach(ip -> subnetIds.add(text(ip, "subnet_id"))));
        Map<String, JsonNode> subnetById = new HashMap<>();
        neutron.byIds("subnets", subnetIds, "id", "name", "cidr").forEach(s -> subnetById.put(text(s, "id"), s));
        JsonNode gw = r.path("external_gateway_info");
        String gatewayNetwork = text(gw, "network_id");
        List<String> networkIds = new ArrayList<>(interfacePorts.stream().map(p -> text(p, "network_id")).toList());
        networkIds.add(gatewayNetwork);
        Map<String, String> networkNames = neutron.names("networks", networkIds);
        List<RouterInterface> interfaces = new ArrayList<>();
        for (JsonNode p : interfacePorts) {
            p.path("fixed_ips").forEach(ip -> {
                JsonNode s = subnetById.get(text(ip, "subnet_id"));
                interfaces.add(new RouterInterface(text(p, "id"), text(ip, "ip_address"), text(ip, "subnet_id"),
                        s == null ? null : nonEmpty(s, "name"), s == null ? null : text(s, "cidr"),
                        new Ref(text(p, "network_id"), networkNames.get(text(p, "network_id")))));
            });
        }
        Gateway gateway = gatewayNetwork == null ? null : new Gateway(
                new Ref(gatewayNetwork, networkNames.get(gatewayNetwork)), externalIps(gw), bool(gw, "enable_snat"));
        List<String> routes = new ArrayList<>();
        r.path("routes").forEach(rt -> routes.add(text(rt, "destination") + " via " + text(rt, "nexthop")));
        return new RouterDetail(id, str(r, "name"), nonEmpty(r, "description"), text(r, "status"),
                flag(r, "admin_state_up"), gateway, interfaces, routes, bool(r, "distributed"), bool(r, "ha"),
                stringList(r, "availability_zones"), stringList(r, "tags"), text(r, "project_id"), text(r, "created_at"),
                text(r, "updated_at"));
    }

    private Map<String, Object> gatewayInfo(String externalNetwork, @Nullable Boolean enableSnat) {
        JsonNode n = networks.resolve(externalNetwork);
        if (!flag(n, "router:external")) {
            throw ToolException.invalid("Network " + NeutronJson.describe(n) + " is not external; a router gateway"
                    + " needs an external network (see network_list with external=true).");
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("network_id", text(n, "id"));
        put(info, "enable_snat", enableSnat);
        return info;
    }

    public RouterDetail create(String name, @Nullable String description, @Nullable String externalNetwork,
                               @Nullable Boolean enableSnat, @Nullable Boolean adminStateUp, ToolContext context) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name.trim());
        put(body, "description", description);
        put(body, "admin_state_up", adminStateUp);
        if (blankToNull(externalNetwork) != null) {
            body.put("external_gateway_info", gatewayInfo(externalNetwork, enableSnat));
        } else if (enableSnat != null) {
            throw ToolException.invalid("enable_snat applies to a gateway: give external_network too.");
        }
        JsonNode created = neutron.post("/routers", Map.of("router", body)).path("router");
        context.info("created router " + text(created, "name") + " (" + text(created, "id") + ")");
        return detail(created);
    }

    public RouterDetail update(String ref, @Nullable String name, @Nullable String description,
                               @Nullable Boolean adminStateUp, @Nullable List<HostRoute> routes, ToolContext context) {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "name", name);
        put(body, "description", description);
        put(body, "admin_state_up", adminStateUp);
        if (routes != null) {
            body.put("routes", routes.stream().map(r -> Map.of("destination", r.destination(), "nexthop", r.nexthop()))
                    .toList());
        }
        if (body.isEmpty()) {
            throw ToolException.invalid("Nothing to change: give at least one of name, description, admin_state_up,"
                    + " routes.");
        }
        JsonNode r = resolve(ref);
        JsonNode updated = neutron.put("/routers/" + text(r, "id"), Map.of("router", body)).path("router");
        context.info("updated router " + text(r, "id") + ": " + body.keySet());
        return detail(updated);
    }

    // ------------------------------------------------------------------ interfaces and gateway

    public RouterInterfaceChange addInterface(String routerRef, @Nullable String subnetRef, @Nullable String portRef,
                                              ToolContext context) {
        JsonNode r = resolve(routerRef);
        Map<String, Object> body = interfaceBody(subnetRef, portRef);
        JsonNode result = neutron.put("/routers/" + text(r, "id") + "/add_router_interface", body);
        String portId = text(result, "port_id");
        String subnetId = text(result, "subnet_id");
        JsonNode port = neutron.find("/ports/" + portId, "port");
        String ip = null;
        if (port != null) {
            for (JsonNode fixed : port.path("fixed_ips")) {
                if (subnetId == null || subnetId.equals(text(fixed, "subnet_id"))) {
                    ip = text(fixed, "ip_address");
                    break;
                }
            }
        }
        Map<String, String> subnetName = neutron.names("subnets", java.util.Collections.singletonList(subnetId));
        context.info("attached subnet " + subnetId + " to router " + text(r, "id"));
        return new RouterInterfaceChange(new Ref(text(r, "id"), str(r, "name")),
                new Ref(subnetId, subnetName.get(subnetId)), portId, ip, "Router " + NeutronJson.describe(r)
                + " now has an interface on subnet " + label(subnetId, subnetName) + (ip == null ? "" : " at " + ip)
                + ".");
    }

    public RouterInterfaceChange removeInterface(String routerRef, @Nullable String subnetRef,
                                                 @Nullable String portRef, ToolContext context) {
        JsonNode r = resolve(routerRef);
        Map<String, Object> body = interfaceBody(subnetRef, portRef);
        String routerId = text(r, "id");
        // the interface as it is now, to report its address once it is gone
        List<JsonNode> current = interfacePorts(routerId);
        JsonNode result = neutron.put("/routers/" + routerId + "/remove_router_interface", body);
        String portId = text(result, "port_id");
        String subnetId = text(result, "subnet_id");
        String ip = null;
        for (JsonNode p : current) {
            if (p.path("id").asText().equals(portId)) {
                for (JsonNode fixed : p.path("fixed_ips")) {
                    if (subnetId == null || subnetId.equals(text(fixed, "subnet_id"))) {
                        ip = text(fixed, "ip_address");
                    }
                }
            }
        }
        Map<String, String> subnetName = neutron.names("subnets", java.util.Collections.singletonList(subnetId));
        context.info("detached subnet " + subnetId + " from router " + routerId);
        return new RouterInterfaceChange(new Ref(routerId, str(r, "name")), new Ref(subnetId, subnetName.get(subnetId)),
                portId, ip, "Router " + NeutronJson.describe(r) + " no longer has an interface on subnet "
                + label(subnetId, subnetName) + (ip == null ? "" : " (was " + ip + ")")
                + "; servers on that subnet lose the route through it.");
    }

    private static String label(String id, Map<String, String> names) {
        String name = names.get(id);
        return name == null || name.isEmpty() ? id : "'" + name + "' (" + id + ")";
    }

    private Map<String, Object> interfaceBody(@Nullable String subnetRef, @Nullable String portRef) {
        if ((blankToNull(subnetRef) == null) == (blankToNull(portRef) == null)) {
            throw ToolException.invalid("Give exactly one of subnet (the usual way) or port.");
        }
        return blankToNull(subnetRef) != null ? Map.of("subnet_id", text(subnets.resolve(subnetRef), "id"))
                : Map.of("port_id", text(ports.resolve(portRef), "id"));
    }

    public RouterDetail setGateway(String routerRef, String externalNetwork, @Nullable Boolean enableSnat,
                                   ToolContext context) {
        JsonNode r = resolve(routerRef);
        Map<String, Object> info = gatewayInfo(externalNetwork, enableSnat);
        JsonNode updated = neutron.put("/routers/" + text(r, "id"),
                Map.of("router", Map.of("external_gateway_info", info))).path("router");
        context.info("set gateway of router " + text(r, "id") + " to network " + info.get("network_id"));
        return detail(updated);
    }

    public RouterDetail clearGateway(String routerRef, ToolContext context) {
        JsonNode r = resolve(routerRef);
        if (text(r.path("external_gateway_info"), "network_id") == null) {
            throw ToolException.conflict("Router " + NeutronJson.describe(r) + " has no gateway; nothing to clear.");
        }
        JsonNode updated = neutron.put("/routers/" + text(r, "id"),
                Map.of("router", Map.of("external_gateway_info", Map.of()))).path("router");
        context.info("cleared gateway of router " + text(r, "id"));
        return detail(updated);
    }

    // ------------------------------------------------------------------ delete

    private RouterDetail plan(String ref) {
        RouterDetail r = detail(resolve(ref));
        if (!r.interfaces().isEmpty()) {
            List<String> uses = r.interfaces().stream().map(i -> "subnet " + (i.subnet() == null ? i.subnetId()
                    : "'" + i.subnet() + "'") + " " + (i.cidr() == null ? "" : i.cidr() + " ") + "at " + i.ipAddress())
                    .toList();
            throw ToolException.conflict("Router '" + r.name() + "' (" + r.id() + ") still has "
                    + r.interfaces().size() + " interface(s): " + String.join("; ", uses) + ". Neutron refuses to"
                    + " delete a router with interfaces. First detach them with router_interface_remove (servers"
                    + " on those subnets lose their route out, and floating IPs through this router stop working).");
        }
        return r;
    }

    public Preview deletePreview(String ref) {
        RouterDetail r = plan(ref);
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("router", r.id(), r.name(), "deleted"));
        List<String> warnings = new ArrayList<>();
        if (r.gateway() != null) {
            resources.add(new Preview.Resource("router_gateway", r.gateway().network().id(),
                    r.gateway().network().name(), "cleared, external IP(s) " + String.join(", ",
                    r.gateway().externalIps()) + " released"));
        }
        if (!r.routes().isEmpty()) {
            warnings.add("Its static routes go with it: " + String.join("; ", r.routes()) + ".");
        }
        return new Preview("delete router", "Delete router '" + r.name() + "' (" + r.id() + ")"
                + (r.gateway() == null ? "." : " and release its gateway on network "
                + (r.gateway().network().name() == null ? r.gateway().network().id() : r.gateway().network().name())
                + "."), resources, warnings);
    }

    public RouterDeleted delete(String ref, ToolContext context) {
        RouterDetail r = plan(ref);
        neutron.delete("/routers/" + r.id());
        context.info("deleted router " + r.id());
        List<String> ips = r.gateway() == null ? List.of() : r.gateway().externalIps();
        return new RouterDeleted(r.id(), r.name(), ips, "Router '" + r.name() + "' (" + r.id() + ") is deleted"
                + (ips.isEmpty() ? "." : "; its gateway IP(s) " + String.join(", ", ips) + " are released."));
    }
}
