package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.lookup.ServerNames;
import io.github.openstackops.mcp.cloud.services.NeutronClient;
import io.github.openstackops.mcp.network.NetworkRecords.SubnetDeleted;
import io.github.openstackops.mcp.network.NetworkRecords.SubnetDetail;
import io.github.openstackops.mcp.network.NetworkRecords.SubnetSummary;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.flag;
import static io.github.openstackops.mcp.cloud.Json.integer;
import static io.github.openstackops.mcp.cloud.Json.nonEmpty;
import static io.github.openstackops.mcp.cloud.Json.stringList;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.network.NetworkService.blankToNull;
import static io.github.openstackops.mcp.network.NetworkService.put;
import static io.github.openstackops.mcp.network.NeutronJson.str;

/** Subnets (Neutron): list, get, create, update, delete. */
@Singleton
public class SubnetService {

    static final String IP = "^[0-9A-Fa-f:.]+$";

    private final NeutronClient neutron;
    private final NetworkService networks;
    private final ServerNames serverNames;

    public SubnetService(NeutronClient neutron, NetworkService networks, ServerNames serverNames) {
        this.neutron = neutron;
        this.networks = networks;
        this.serverNames = serverNames;
    }

    public record AllocationPool(
            @Param(value = "First address of the range", required = true, pattern = IP, maxLength = 45) String start,
            @Param(value = "Last address of the range", required = true, pattern = IP, maxLength = 45) String end) {
    }

    public record HostRoute(
            @Param(value = "Destination CIDR, e.g. 192.168.0.0/24", required = true, maxLength = 49) String destination,
            @Param(value = "Next hop IP address", required = true, pattern = IP, maxLength = 45) String nexthop) {
    }

    /** What a create or update sets; null leaves a field alone. */
    public record Changes(@Nullable String name, @Nullable String description, @Nullable String gatewayIp,
                          @Nullable Boolean disableGateway, @Nullable Boolean enableDhcp,
                          @Nullable List<String> dnsNameservers, @Nullable List<AllocationPool> allocationPools,
                          @Nullable List<HostRoute> hostRoutes) {

        Map<String, Object> body() {
            Map<String, Object> b = new LinkedHashMap<>();
            put(b, "name", name);
            put(b, "description", description);
            if (Boolean.TRUE.equals(disableGateway)) {
                if (gatewayIp != null) {
                    throw ToolException.invalid("Give either gateway_ip or disable_gateway=true, not both.");
                }
                b.put("gateway_ip", null);
            } else {
                put(b, "gateway_ip", gatewayIp);
            }
            put(b, "enable_dhcp", enableDhcp);
            put(b, "dns_nameservers", dnsNameservers);
            if (allocationPools != null) {
                b.put("allocation_pools", allocationPools.stream()
                        .map(p -> Map.of("start", p.start(), "end", p.end())).toList());
            }
            if (hostRoutes != null) {
                b.put("host_routes", hostRoutes.stream()
                        .map(r -> Map.of("destination", r.destination(), "nexthop", r.nexthop())).toList());
            }
            return b;
        }
    }

    public Page<SubnetSummary> list(int limit, @Nullable String marker, @Nullable String network, @Nullable Integer ipVersion,
                           @Nullable String name, @Nullable String cidr, @Nullable String projectId) {
        checkIpVersion(ipVersion);
        Map<String, Object> query = new LinkedHashMap<>();
        if (blankToNull(network) != null) {
            query.put("network_id", Json.text(networks.resolve(network), "id"));
        }
        put(query, "ip_version", ipVersion);
        put(query, "name", blankToNull(name));
        put(query, "cidr", blankToNull(cidr));
        put(query, "project_id", blankToNull(projectId));
        Paging.Slice<JsonNode> page = neutron.page("subnets", query, limit, marker);
        Map<String, String> networkNames = neutron.names("networks",
                page.items().stream().map(s -> text(s, "network_id")).toList());
        List<SubnetSummary> out = page.items().stream().map(s -> new SubnetSummary(text(s, "id"), str(s, "name"),
                text(s, "network_id"), networkNames.get(text(s, "network_id")), text(s, "cidr"), ipVersion(s),
                text(s, "gateway_ip"), flag(s, "enable_dhcp"), text(s, "project_id"))).toList();
        return NetworkRecords.SUBNETS.page(out, page.nextMarker());
    }

    public SubnetDetail get(String ref) {
        return detail(resolve(ref));
    }

    JsonNode resolve(String ref) {
        return neutron.resolve("Subnet", "subnets", "subnet", ref);
    }

    SubnetDetail detail(JsonNode s) {
        String networkId = text(s, "network_id");
        Map<String, String> networkName = neutron.names("networks", List.of(networkId));
        List<String> pools = new ArrayList<>();
        s.path("allocation_pools").forEach(p -> pools.add(text(p, "start") + "-" + text(p, "end")));
        List<String> routes = new ArrayList<>();
        s.path("host_routes").forEach(r -> routes.add(text(r, "destination") + " via " + text(r, "nexthop")));
        return new SubnetDetail(text(s, "id"), str(s, "name"), nonEmpty(s, "description"),
                new Ref(networkId, networkName.get(networkId)), text(s, "cidr"), ipVersion(s), text(s, "gateway_ip"),
                flag(s, "enable_dhcp"), pools, stringList(s, "dns_nameservers"), routes, text(s, "ipv6_ra_mode"),
                text(s, "ipv6_address_mode"), text(s, "subnetpool_id"), stringList(s, "service_types"),
                stringList(s, "tags"), text(s, "project_id"), text(s, "created_at"), text(s, "updated_at"));
    }

    static void checkIpVersion(@Nullable Integer ipVersion) {
        if (ipVersion != null && ipVersion != 4 && ipVersion != 6) {
            throw ToolException.invalid("ip_version is 4 or 6.");
        }
    }

    static int ipVersion(JsonNode s) {
        Integer v = integer(s, "ip_version");
        return v == null ? 4 : v;
    }

    public SubnetDetail create(String network, String cidr, @Nullable Integer ipVersion, Changes changes,
                               ToolContext context) {
        checkIpVersion(ipVersion);
        JsonNode n = networks.resolve(network);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("network_id", text(n, "id"));
        body.put("cidr", cidr.trim());
        body.put("ip_version", ipVersion != null ? ipVersion : cidr.contains(":") ? 6 : 4);
        body.putAll(changes.body());
        JsonNode created = neutron.post("/subnets", Map.of("subnet", body)).path("subnet");
        context.info("created subnet " + text(created, "cidr") + " (" + text(created, "id") + ") on network "
                + text(n, "id"));
        return detail(created);
    }

    public SubnetDetail update(String ref, Changes changes, ToolContext context) {
        Map<String, Object> body = changes.body();
        if (body.isEmpty()) {
            throw ToolException.invalid("Nothing to change: give at least one of name, description, gateway_ip,"
                    + " disable_gateway, enable_dhcp, dns_nameservers, allocation_pools, host_routes.");
        }
        JsonNode s = resolve(ref);
        JsonNode updated = neutron.put("/subnets/" + text(s, "id"), Map.of("subnet", body)).path("subnet");
        context.info("updated subnet " + text(s, "id") + ": " + body.keySet());
        return detail(updated);
    }

    // ------------------------------------------------------------------ delete

    private record Plan(JsonNode subnet, PortUse.InUse ports) {
    }

    private Plan plan(String ref) {
        JsonNode s = resolve(ref);
        return new Plan(s, PortUse.InUse.of(neutron.list("ports", Map.of("fixed_ips", "subnet_id=" + text(s, "id")),
                NeutronClient.INTERNAL_CAP), neutron, serverNames));
    }

    private static void refuseIfInUse(Plan plan) {
        if (plan.ports().blockers().isEmpty()) {
            return;
        }
        throw ToolException.conflict("Subnet " + describe(plan.subnet()) + " still has addresses in use by "
                + plan.ports().blockersInWords() + ". Neutron refuses to delete a subnet in use. "
                + PortUse.advice(plan.ports().blockers()));
    }

    public Preview deletePreview(String ref) {
        Plan plan = plan(ref);
        refuseIfInUse(plan);
        JsonNode s = plan.subnet();
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("subnet", text(s, "id"), str(s, "name") + " " + text(s, "cidr"),
                "deleted"));
        plan.ports().autoDeleted().forEach(p -> resources.add(new Preview.Resource("port", text(p, "id"),
                text(p, "device_owner"), "loses its address on this subnet (Neutron's own port)")));
        List<String> warnings = new ArrayList<>();
        JsonNode network = neutron.find("/networks/" + text(s, "network_id"), "network");
        if (network != null && stringList(network, "subnets").size() == 1) {
            warnings.add("It is the only subnet of network " + NeutronJson.describe(network)
                    + ": new ports on that network get no IP address until a subnet is added.");
        }
        return new Preview("delete subnet", "Delete subnet " + describe(s) + ".", resources, warnings);
    }

    /** "'name' (id, 10.0.0.0/24)". */
    static String describe(JsonNode s) {
        String name = nonEmpty(s, "name");
        return (name == null ? "" : "'" + name + "' ") + "(" + text(s, "id") + ", " + text(s, "cidr") + ")";
    }

    public SubnetDeleted delete(String ref, ToolContext context) {
        Plan plan = plan(ref);
        refuseIfInUse(plan);
        JsonNode s = plan.subnet();
        neutron.delete("/subnets/" + text(s, "id"));
        context.info("deleted subnet " + text(s, "id"));
        return new SubnetDeleted(text(s, "id"), str(s, "name"), text(s, "cidr"),
                "Subnet " + describe(s) + " is deleted.");
    }
}
