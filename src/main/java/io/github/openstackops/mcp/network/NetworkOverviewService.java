package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.lookup.ProjectScope;
import io.github.openstackops.mcp.cloud.lookup.ServerNames;
import io.github.openstackops.mcp.cloud.services.NeutronClient;
import io.github.openstackops.mcp.network.NetworkOverviewRecords.Agent;
import io.github.openstackops.mcp.network.NetworkOverviewRecords.AgentPage;
import io.github.openstackops.mcp.network.NetworkOverviewRecords.IpAvailabilityPage;
import io.github.openstackops.mcp.network.NetworkOverviewRecords.NetworkAvailability;
import io.github.openstackops.mcp.network.NetworkOverviewRecords.NetworkQuota;
import io.github.openstackops.mcp.network.NetworkOverviewRecords.NetworkTopology;
import io.github.openstackops.mcp.network.NetworkOverviewRecords.QuotaUsage;
import io.github.openstackops.mcp.network.NetworkOverviewRecords.SubnetAvailability;
import io.github.openstackops.mcp.network.NetworkOverviewRecords.TopologyNetwork;
import io.github.openstackops.mcp.network.NetworkOverviewRecords.TopologyRouter;
import io.github.openstackops.mcp.network.NetworkOverviewRecords.TopologyServer;
import io.github.openstackops.mcp.network.NetworkOverviewRecords.TopologySubnet;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.openstackops.mcp.cloud.Json.flag;
import static io.github.openstackops.mcp.cloud.Json.nonEmpty;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.network.NetworkService.blankToNull;
import static io.github.openstackops.mcp.network.NetworkService.put;
import static io.github.openstackops.mcp.network.NeutronJson.str;

/** Cross-resource views of Neutron: IP availability, agents, quotas, a project's topology. */
@Singleton
public class NetworkOverviewService {

    /** Bounds of the topology, so one call stays small whatever the project holds. */
    static final int TOPOLOGY_NETWORKS = 50;
    static final int TOPOLOGY_ROUTERS = 50;
    static final int TOPOLOGY_PORTS = 500;
    static final int TOPOLOGY_FIPS = 200;
    static final int TOPOLOGY_SERVERS_PER_SUBNET = 50;

    private final NeutronClient neutron;
    private final NetworkService networks;
    private final ServerNames serverNames;
    private final ProjectScope projects;
    private final CloudSession cloud;

    public NetworkOverviewService(NeutronClient neutron, NetworkService networks, ServerNames serverNames,
                                  ProjectScope projects, CloudSession cloud) {
        this.neutron = neutron;
        this.cloud = cloud;
        this.networks = networks;
        this.serverNames = serverNames;
        this.projects = projects;
    }

    // ------------------------------------------------------------------ IP availability

    public IpAvailabilityPage ipAvailability(int limit, @Nullable String marker, @Nullable String network,
                                             @Nullable Integer ipVersion, @Nullable String projectId) {
        SubnetService.checkIpVersion(ipVersion);
        Map<String, Object> query = new LinkedHashMap<>();
        if (blankToNull(network) != null) {
            query.put("network_id", text(networks.resolve(network), "id"));
        }
        put(query, "ip_version", ipVersion);
        put(query, "project_id", blankToNull(projectId));
        Paging.Slice<JsonNode> page = neutron.pageBy("network-ip-availabilities", "network_id", query, limit, marker);
        List<NetworkAvailability> out = page.items().stream().map(a -> {
            List<SubnetAvailability> subnets = new ArrayList<>();
            a.path("subnet_ip_availability").forEach(s -> subnets.add(new SubnetAvailability(text(s, "subnet_id"),
                    nonEmpty(s, "subnet_name"), text(s, "cidr"), SubnetService.ipVersion(s), count(s, "total_ips"),
                    count(s, "used_ips"), Math.max(0, count(s, "total_ips") - count(s, "used_ips")))));
            return new NetworkAvailability(text(a, "network_id"), nonEmpty(a, "network_name"), text(a, "project_id"),
                    count(a, "total_ips"), count(a, "used_ips"),
                    Math.max(0, count(a, "total_ips") - count(a, "used_ips")), subnets);
        }).toList();
        String note = out.isEmpty() && !cloud.isAdmin() ? "Neutron's default policy shows IP availability to"
                + " admins only; for other users it answers with an empty list rather than an error." : null;
        return new IpAvailabilityPage(out, out.size(), page.nextMarker(), note);
    }

    private static long count(JsonNode node, String field) {
        Long value = NeutronJson.count(node, field);
        return value == null ? 0 : value;
    }

    // ------------------------------------------------------------------ agents

    public AgentPage agents(int limit, @Nullable String marker, @Nullable String agentType, @Nullable String host,
                            @Nullable Boolean alive) {
        Map<String, Object> query = new LinkedHashMap<>();
        put(query, "agent_type", blankToNull(agentType));
        put(query, "host", blankToNull(host));
        put(query, "alive", alive);
        Paging.Slice<JsonNode> page = neutron.page("agents", query, limit, marker);
        List<Agent> out = page.items().stream().map(a -> new Agent(text(a, "id"), str(a, "agent_type"),
                text(a, "binary"), str(a, "host"), flag(a, "alive"), flag(a, "admin_state_up"),
                nonEmpty(a, "availability_zone"), text(a, "heartbeat_timestamp"))).toList();
        String note = null;
        if (out.isEmpty()) {
            note = cloud.isAdmin() ? "Neutron reports no agents: either the cloud runs without them (e.g. OVN"
                    + " without the metadata agent, or an SDN controller) or none has registered."
                    : "Neutron's default policy shows agents to admins only; for other users it answers with an"
                    + " empty list rather than an error.";
        }
        return new AgentPage(out, out.size(), (int) out.stream().filter(a -> !a.alive()).count(), page.nextMarker(),
                note);
    }

    // ------------------------------------------------------------------ quotas

    /**
     * The project named by id or exact name, checked to exist (Neutron answers quota calls for any string with the
     * defaults), or the token's own.
     */
    private String projectId(@Nullable String project) {
        if (cloud.projectId() == null) {
            throw ToolException.invalid("The configured credentials are not scoped to a project; configure a"
                    + " project (OS_PROJECT_NAME or OS_PROJECT_ID) to read network quotas and topology.");
        }
        return projects.resolve(project).id();
    }

    public NetworkQuota quota(@Nullable String project) {
        String projectId = projectId(project);
        JsonNode quota = neutron.get("/quotas/" + Json.segment(projectId) + "/details", null).path("quota");
        List<QuotaUsage> usages = new ArrayList<>();
        List<String> near = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = quota.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode q = e.getValue();
            int limit = q.path("limit").asInt(-1);
            int used = q.path("used").asInt(0);
            int reserved = q.path("reserved").asInt(0);
            Integer available = limit < 0 ? null : Math.max(0, limit - used - reserved);
            usages.add(new QuotaUsage(e.getKey(), limit, used, reserved, available));
            if (limit > 0 && (used + reserved) * 100L >= limit * 80L) {
                near.add(e.getKey() + ": " + (used + reserved) + " of " + limit + " used");
            }
        }
        return new NetworkQuota(projectId, usages, near);
    }

    // ------------------------------------------------------------------ topology

    public NetworkTopology topology(@Nullable String project) {
        String projectId = projectId(project);
        List<String> notes = new ArrayList<>();
        boolean truncated = false;

        NeutronClient.Bounded routers = neutron.list("routers", Map.of("project_id", projectId), TOPOLOGY_ROUTERS);
        NeutronClient.Bounded ports = neutron.list("ports", Map.of("project_id", projectId), TOPOLOGY_PORTS);
        NeutronClient.Bounded owned = neutron.list("networks", Map.of("project_id", projectId), TOPOLOGY_NETWORKS);
        NeutronClient.Bounded fips = neutron.list("floatingips", Map.of("project_id", projectId), TOPOLOGY_FIPS);
        truncated |= routers.truncated() || ports.truncated() || owned.truncated() || fips.truncated();

        // networks: the project's own, and those its ports and router gateways reach (shared, external)
        Map<String, JsonNode> networkById = new LinkedHashMap<>();
        owned.items().forEach(n -> networkById.put(text(n, "id"), n));
        Set<String> referenced = new LinkedHashSet<>();
        ports.items().forEach(p -> referenced.add(text(p, "network_id")));
        routers.items().forEach(r -> referenced.add(text(r.path("external_gateway_info"), "network_id")));
        referenced.remove(null);
        referenced.removeAll(networkById.keySet());
        List<String> foreignIds = new ArrayList<>(referenced);
        if (networkById.size() + foreignIds.size() > TOPOLOGY_NETWORKS) {
            foreignIds = foreignIds.subList(0, Math.max(0, TOPOLOGY_NETWORKS - networkById.size()));
            truncated = true;
        }
        neutron.byIds("networks", foreignIds).forEach(n -> networkById.put(text(n, "id"), n));

        Map<String, List<JsonNode>> subnetsByNetwork = new HashMap<>();
        if (!networkById.isEmpty()) {
            NeutronClient.Bounded subnets = neutron.list("subnets",
                    Map.of("network_id", new ArrayList<>(networkById.keySet())), NeutronClient.INTERNAL_CAP);
            truncated |= subnets.truncated();
            subnets.items().forEach(s -> subnetsByNetwork.computeIfAbsent(text(s, "network_id"),
                    k -> new ArrayList<>()).add(s));
        }

        Map<String, String> routerNames = new HashMap<>();
        routers.items().forEach(r -> routerNames.put(text(r, "id"), NeutronJson.label(r)));
        List<String> serverIds = ports.items().stream().filter(PortUse::isServerPort)
                .map(p -> text(p, "device_id")).distinct().toList();
        Map<String, String> servers = serverNames.of(serverIds);
        Map<String, List<String>> fipsByFixed = new HashMap<>();
        List<String> unattached = new ArrayList<>();
        for (JsonNode f : fips.items()) {
            if (text(f, "port_id") == null) {
                unattached.add(text(f, "floating_ip_address"));
            } else {
                fipsByFixed.computeIfAbsent(text(f, "port_id") + "|" + text(f, "fixed_ip_address"),
                        k -> new ArrayList<>()).add(text(f, "floating_ip_address"));
            }
        }

        // what sits on each subnet
        Map<String, List<String>> routersOnSubnet = new HashMap<>();
        Map<String, Map<String, TopologyServerBuilder>> serversOnSubnet = new HashMap<>();
        Map<String, Integer> otherOnSubnet = new HashMap<>();
        for (JsonNode p : ports.items()) {
            for (JsonNode ip : p.path("fixed_ips")) {
                String subnet = text(ip, "subnet_id");
                String address = text(ip, "ip_address");
                if (PortUse.isRouterInterface(p)) {
                    routersOnSubnet.computeIfAbsent(subnet, k -> new ArrayList<>()).add(
                            routerNames.getOrDefault(text(p, "device_id"), text(p, "device_id")) + " at " + address);
                } else if (PortUse.isServerPort(p)) {
                    String device = text(p, "device_id");
                    TopologyServerBuilder b = serversOnSubnet.computeIfAbsent(subnet, k -> new LinkedHashMap<>())
                            .computeIfAbsent(device, k -> new TopologyServerBuilder(device, servers.get(device)));
                    b.fixedIps.add(address);
                    b.floatingIps.addAll(fipsByFixed.getOrDefault(text(p, "id") + "|" + address, List.of()));
                } else if (!"network:router_gateway".equals(text(p, "device_owner"))) {
                    otherOnSubnet.merge(subnet, 1, Integer::sum);
                }
            }
        }
        List<TopologyRouter> routerViews = new ArrayList<>();
        Map<String, JsonNode> subnetById = new HashMap<>();
        subnetsByNetwork.values().forEach(list -> list.forEach(s -> subnetById.put(text(s, "id"), s)));
        for (JsonNode r : routers.items()) {
            JsonNode gw = r.path("external_gateway_info");
            String gateway = null;
            String gwNetwork = text(gw, "network_id");
            if (gwNetwork != null) {
                List<String> ips = new ArrayList<>();
                for (JsonNode ip : gw.path("external_fixed_ips")) {
                    ips.add(text(ip, "ip_address"));
                    routersOnSubnet.computeIfAbsent(text(ip, "subnet_id"), k -> new ArrayList<>())
                            .add(NeutronJson.label(r) + " (gateway) at " + text(ip, "ip_address"));
                }
                JsonNode n = networkById.get(gwNetwork);
                gateway = (n == null ? gwNetwork : NeutronJson.label(n)) + (ips.isEmpty() ? "" : " at "
                        + String.join(", ", ips));
            }
            List<String> interfaces = new ArrayList<>();
            for (JsonNode p : ports.items()) {
                if (PortUse.isRouterInterface(p) && text(r, "id").equals(text(p, "device_id"))) {
                    p.path("fixed_ips").forEach(ip -> {
                        JsonNode s = subnetById.get(text(ip, "subnet_id"));
                        interfaces.add((s == null ? text(ip, "subnet_id") : NeutronJson.label(s) + " " + text(s, "cidr"))
                                + " at " + text(ip, "ip_address"));
                    });
                }
            }
            routerViews.add(new TopologyRouter(text(r, "id"), str(r, "name"), str(r, "status"), gateway, interfaces));
        }

        List<TopologyNetwork> networkViews = new ArrayList<>();
        for (JsonNode n : networkById.values()) {
            boolean foreign = !projectId.equals(text(n, "project_id"));
            List<TopologySubnet> subnets = new ArrayList<>();
            for (JsonNode s : subnetsByNetwork.getOrDefault(text(n, "id"), List.of())) {
                String id = text(s, "id");
                List<TopologyServer> onSubnet = serversOnSubnet.getOrDefault(id, Map.of()).values().stream()
                        .map(TopologyServerBuilder::build).toList();
                if (onSubnet.size() > TOPOLOGY_SERVERS_PER_SUBNET) {
                    onSubnet = onSubnet.subList(0, TOPOLOGY_SERVERS_PER_SUBNET);
                    truncated = true;
                }
                subnets.add(new TopologySubnet(id, nonEmpty(s, "name"), text(s, "cidr"), text(s, "gateway_ip"),
                        routersOnSubnet.getOrDefault(id, List.of()), onSubnet, otherOnSubnet.getOrDefault(id, 0)));
            }
            networkViews.add(new TopologyNetwork(text(n, "id"), str(n, "name"), flag(n, "router:external"),
                    flag(n, "shared"), foreign, subnets));
        }
        if (networkViews.stream().anyMatch(TopologyNetwork::foreign)) {
            notes.add("Networks of other projects (shared or external) show only this project's ports and routers.");
        }
        if (truncated) {
            notes.add("Limits reached (" + TOPOLOGY_NETWORKS + " networks, " + TOPOLOGY_ROUTERS + " routers, "
                    + TOPOLOGY_PORTS + " ports, " + TOPOLOGY_FIPS + " floating IPs, " + TOPOLOGY_SERVERS_PER_SUBNET
                    + " servers per subnet): use the list tools with filters for the rest.");
        }
        if (networkViews.isEmpty() && !projectId.equals(cloud.projectId()) && !cloud.isAdmin()) {
            notes.add("Only admins see other projects' resources; this user sees none of project " + projectId + ".");
        }
        return new NetworkTopology(projectId, networkViews, routerViews, unattached, ports.items().size(),
                serverIds.size(), truncated, notes);
    }

    private static final class TopologyServerBuilder {
        final String id;
        final String name;
        final List<String> fixedIps = new ArrayList<>();
        final List<String> floatingIps = new ArrayList<>();

        TopologyServerBuilder(String id, @Nullable String name) {
            this.id = id;
            this.name = name;
        }

        TopologyServer build() {
            return new TopologyServer(id, name, fixedIps, floatingIps);
        }
    }
}
