package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.lookup.ServerNames;
import io.github.openstackops.mcp.cloud.services.NeutronClient;
import io.github.openstackops.mcp.network.PortRecords.FixedIp;
import io.github.openstackops.mcp.network.PortRecords.PortDeleted;
import io.github.openstackops.mcp.network.PortRecords.PortDetail;
import io.github.openstackops.mcp.network.PortRecords.PortSummary;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
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

/** Ports (Neutron): list, get, create, update, delete. */
@Singleton
public class PortService {

    private final NeutronClient neutron;
    private final NetworkService networks;
    private final SubnetService subnets;
    private final SecurityGroupService groups;
    private final ServerNames serverNames;
    private final NetworkGuardrails guardrails;
    private final QosService qos;

    public PortService(NeutronClient neutron, NetworkService networks, SubnetService subnets,
                       SecurityGroupService groups, ServerNames serverNames, NetworkGuardrails guardrails,
                       QosService qos) {
        this.qos = qos;
        this.neutron = neutron;
        this.networks = networks;
        this.subnets = subnets;
        this.groups = groups;
        this.serverNames = serverNames;
        this.guardrails = guardrails;
    }

    /** Filters Neutron applies; references are resolved to ids first. */
    public record Filters(@Nullable String network, @Nullable String device, @Nullable String fixedIp,
                          @Nullable String subnet, @Nullable String status, @Nullable String deviceOwner,
                          @Nullable String name, @Nullable String projectId) {
    }

    /** What a create or update sets; null leaves a field alone. */
    public record Changes(@Nullable String name, @Nullable String description, @Nullable List<String> securityGroups,
                          @Nullable Boolean portSecurityEnabled, @Nullable Boolean adminStateUp) {
    }

    /** What only an update sets, each replaced whole; null leaves it alone, "" / [] clear it. */
    public record Replacements(@Nullable List<PortRecords.AddressPair> allowedAddressPairs,
                               @Nullable List<PortRecords.FixedIpRequest> fixedIps, @Nullable String qosPolicy) {
        static final Replacements NONE = new Replacements(null, null, null);
    }

    public Page<PortSummary> list(int limit, @Nullable String marker, Filters f) {
        Map<String, Object> query = new LinkedHashMap<>();
        if (blankToNull(f.network()) != null) {
            query.put("network_id", text(networks.resolve(f.network()), "id"));
        }
        if (blankToNull(f.device()) != null) {
            String device = f.device().trim();
            query.put("device_id", Lookup.UUID.matcher(device).matches() ? device
                    : text(serverNames.resolve(device), "id"));
        }
        List<String> fixedIps = new ArrayList<>();
        if (blankToNull(f.fixedIp()) != null) {
            fixedIps.add("ip_address=" + f.fixedIp().trim());
        }
        if (blankToNull(f.subnet()) != null) {
            fixedIps.add("subnet_id=" + text(subnets.resolve(f.subnet()), "id"));
        }
        if (!fixedIps.isEmpty()) {
            query.put("fixed_ips", fixedIps);
        }
        put(query, "status", f.status());
        put(query, "device_owner", blankToNull(f.deviceOwner()));
        put(query, "name", blankToNull(f.name()));
        put(query, "project_id", blankToNull(f.projectId()));
        Paging.Slice<JsonNode> page = neutron.page("ports", query, limit, marker);
        Map<String, String> networkNames = neutron.names("networks",
                page.items().stream().map(p -> text(p, "network_id")).toList());
        Map<String, String> servers = serverNames.of(page.items().stream().filter(PortUse::isServerPort)
                .map(p -> text(p, "device_id")).toList());
        List<PortSummary> out = page.items().stream().map(p -> new PortSummary(text(p, "id"), str(p, "name"),
                text(p, "network_id"), networkNames.get(text(p, "network_id")), text(p, "status"),
                text(p, "mac_address"), PortUse.ips(p), nonEmpty(p, "device_owner"), nonEmpty(p, "device_id"),
                PortUse.isServerPort(p) ? servers.get(text(p, "device_id")) : null, text(p, "project_id")))
                .toList();
        return PortRecords.PORTS.page(out, page.nextMarker());
    }

    public PortDetail get(String ref) {
        return detail(resolve(ref));
    }

    JsonNode resolve(String ref) {
        return neutron.resolve("Port", "ports", "port", ref);
    }

    PortDetail detail(JsonNode p) {
        String networkId = text(p, "network_id");
        Map<String, String> networkName = neutron.names("networks", List.of(networkId));
        List<String> subnetIds = new ArrayList<>();
        p.path("fixed_ips").forEach(ip -> subnetIds.add(text(ip, "subnet_id")));
        Map<String, String> subnetNames = neutron.names("subnets", subnetIds);
        List<FixedIp> fixed = new ArrayList<>();
        p.path("fixed_ips").forEach(ip -> fixed.add(new FixedIp(text(ip, "ip_address"), text(ip, "subnet_id"),
                subnetNames.get(text(ip, "subnet_id")))));
        List<String> groupIds = stringList(p, "security_groups");
        Map<String, String> groupNames = neutron.names("security-groups", groupIds);
        Ref server = null;
        if (PortUse.isServerPort(p)) {
            String device = text(p, "device_id");
            server = new Ref(device, serverNames.of(List.of(device)).get(device));
        }
        List<String> pairs = new ArrayList<>();
        p.path("allowed_address_pairs").forEach(a -> pairs.add(text(a, "ip_address")
                + (text(a, "mac_address") == null ? "" : " " + text(a, "mac_address"))));
        List<String> floating = neutron.list("floatingips", Map.of("port_id", text(p, "id"))).stream()
                .map(f -> text(f, "floating_ip_address")).toList();
        return new PortDetail(text(p, "id"), str(p, "name"), nonEmpty(p, "description"),
                new Ref(networkId, networkName.get(networkId)), text(p, "status"), flag(p, "admin_state_up"),
                text(p, "mac_address"), fixed, nonEmpty(p, "device_owner"), nonEmpty(p, "device_id"), server,
                groupIds.stream().map(id -> new Ref(id, groupNames.get(id))).toList(),
                bool(p, "port_security_enabled"), pairs, qos.ref(text(p, "qos_policy_id")), floating,
                nonEmpty(p, "binding:host_id"),
                nonEmpty(p, "binding:vif_type"), nonEmpty(p, "binding:vnic_type"), stringList(p, "tags"),
                text(p, "project_id"), text(p, "created_at"), text(p, "updated_at"));
    }

    private Map<String, Object> body(Changes c) {
        Map<String, Object> b = new LinkedHashMap<>();
        put(b, "name", c.name());
        put(b, "description", c.description());
        put(b, "admin_state_up", c.adminStateUp());
        put(b, "port_security_enabled", c.portSecurityEnabled());
        if (c.securityGroups() != null) {
            b.put("security_groups", c.securityGroups().stream().map(g -> text(groups.resolve(g), "id")).toList());
        }
        return b;
    }

    public PortDetail create(String network, @Nullable String subnet, @Nullable String ipAddress, Changes changes,
                             ToolContext context) {
        guardrails.refusePortSecurityOff(changes.portSecurityEnabled(), "the new port");
        JsonNode n = networks.resolve(network);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("network_id", text(n, "id"));
        if (blankToNull(subnet) != null || blankToNull(ipAddress) != null) {
            Map<String, Object> fixed = new LinkedHashMap<>();
            if (blankToNull(subnet) != null) {
                JsonNode s = subnets.resolve(subnet);
                if (!text(n, "id").equals(text(s, "network_id"))) {
                    throw ToolException.invalid("Subnet " + NeutronJson.describe(s) + " is not on network "
                            + NeutronJson.describe(n) + ".");
                }
                fixed.put("subnet_id", text(s, "id"));
            }
            put(fixed, "ip_address", blankToNull(ipAddress));
            body.put("fixed_ips", List.of(fixed));
        }
        body.putAll(body(changes));
        if (Boolean.FALSE.equals(changes.portSecurityEnabled()) && changes.securityGroups() == null) {
            body.put("security_groups", List.of());
        }
        JsonNode created = neutron.post("/ports", Map.of("port", body)).path("port");
        context.info("created port " + text(created, "id") + " on network " + text(n, "id"));
        return detail(created);
    }

    public PortDetail update(String ref, Changes changes, Replacements replaced, ToolContext context) {
        Map<String, Object> body = body(changes);
        if (replaced.allowedAddressPairs() != null) {
            guardrails.refuseOpenAddressPairs(replaced.allowedAddressPairs().stream()
                    .map(PortRecords.AddressPair::ipAddress).toList());
            body.put("allowed_address_pairs", replaced.allowedAddressPairs().stream().map(a -> {
                Map<String, Object> pair = new LinkedHashMap<>();
                pair.put("ip_address", a.ipAddress().trim());
                put(pair, "mac_address", blankToNull(a.macAddress()));
                return pair;
            }).toList());
        }
        if (replaced.fixedIps() != null) {
            body.put("fixed_ips", replaced.fixedIps().stream().map(this::fixedIp).toList());
        }
        if (replaced.qosPolicy() != null) {
            body.put("qos_policy_id", qos.idToSet(replaced.qosPolicy()));
        }
        if (body.isEmpty()) {
            throw ToolException.invalid("Nothing to change: give at least one of name, description, security_groups,"
                    + " port_security_enabled, admin_state_up, allowed_address_pairs, fixed_ips, qos_policy.");
        }
        guardrails.refusePortSecurityOff(changes.portSecurityEnabled(), "this port");
        if (Boolean.FALSE.equals(changes.portSecurityEnabled()) && changes.securityGroups() == null) {
            // Neutron refuses to turn port security off while groups are applied: take them off in the same call
            body.put("security_groups", List.of());
        }
        JsonNode p = resolve(ref);
        JsonNode updated = neutron.put("/ports/" + text(p, "id"), Map.of("port", body)).path("port");
        context.info("updated port " + text(p, "id") + ": " + body.keySet());
        return detail(updated);
    }

    private Map<String, Object> fixedIp(PortRecords.FixedIpRequest request) {
        if (blankToNull(request.subnet()) == null && blankToNull(request.ipAddress()) == null) {
            throw ToolException.invalid("Each fixed_ips entry needs a subnet, an ip_address or both.");
        }
        Map<String, Object> fixed = new LinkedHashMap<>();
        if (blankToNull(request.subnet()) != null) {
            fixed.put("subnet_id", text(subnets.resolve(request.subnet()), "id"));
        }
        put(fixed, "ip_address", blankToNull(request.ipAddress()));
        return fixed;
    }

    // ------------------------------------------------------------------ delete

    private record Plan(JsonNode port, List<JsonNode> floatingIps, @Nullable Ref server, int serverPorts) {
    }

    private Plan plan(String ref) {
        JsonNode p = resolve(ref);
        String owner = String.valueOf(text(p, "device_owner"));
        if (owner.startsWith("network:") && !owner.equals("network:dhcp")) {
            PortUse.Owners owners = PortUse.Owners.of(List.of(p), neutron, serverNames);
            throw ToolException.conflict("Port " + text(p, "id") + " is the " + PortUse.describe(p, owners)
                    + "; Neutron manages it and refuses a direct delete. " + PortUse.advice(List.of(p)));
        }
        List<JsonNode> fips = neutron.list("floatingips", Map.of("port_id", text(p, "id")));
        Ref server = null;
        int serverPorts = 0;
        if (PortUse.isServerPort(p)) {
            String device = text(p, "device_id");
            server = new Ref(device, serverNames.of(List.of(device)).get(device));
            serverPorts = neutron.list("ports", Map.of("device_id", device), 50).items().size();
        }
        return new Plan(p, fips, server, serverPorts);
    }

    public Preview deletePreview(String ref) {
        Plan plan = plan(ref);
        JsonNode p = plan.port();
        List<String> ips = PortUse.ips(p);
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("port", text(p, "id"), nonEmpty(p, "name"),
                "deleted" + (ips.isEmpty() ? "" : ", addresses " + String.join(", ", ips) + " released")));
        plan.floatingIps().forEach(f -> resources.add(new Preview.Resource("floating_ip", text(f, "id"),
                text(f, "floating_ip_address"), "disassociated, stays allocated to the project")));
        List<String> warnings = new ArrayList<>();
        if (plan.server() != null) {
            String server = plan.server().name() == null ? plan.server().id()
                    : "'" + plan.server().name() + "' (" + plan.server().id() + ")";
            resources.add(new Preview.Resource("server", plan.server().id(), plan.server().name(),
                    "loses this network interface" + (ips.isEmpty() ? "" : " (" + String.join(", ", ips) + ")")));
            warnings.add(plan.serverPorts() <= 1
                    ? "It is the only port of server " + server + ": the server is left without any network."
                    : "Server " + server + " loses connectivity through this interface.");
        }
        if ("network:dhcp".equals(text(p, "device_owner"))) {
            warnings.add("It is a DHCP port: the network's DHCP service may recreate it with a new address.");
        }
        return new Preview("delete port", "Delete port " + NeutronJson.describe(p)
                + (ips.isEmpty() ? "" : " (" + String.join(", ", ips) + ")") + ".", resources, warnings);
    }

    public PortDeleted delete(String ref, ToolContext context) {
        Plan plan = plan(ref);
        JsonNode p = plan.port();
        neutron.delete("/ports/" + text(p, "id"));
        context.info("deleted port " + text(p, "id"));
        return new PortDeleted(text(p, "id"), str(p, "name"), PortUse.ips(p), "Port " + NeutronJson.describe(p)
                + " is deleted" + (plan.server() == null ? "." : "; server "
                + (plan.server().name() == null ? plan.server().id() : "'" + plan.server().name() + "'")
                + " no longer has this interface."));
    }
}
