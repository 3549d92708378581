package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.lookup.ServerNames;
import io.github.openstackops.mcp.cloud.services.NeutronClient;
import io.github.openstackops.mcp.network.NetworkRecords.NetworkDeleted;
import io.github.openstackops.mcp.network.NetworkRecords.NetworkDetail;
import io.github.openstackops.mcp.network.NetworkRecords.NetworkSummary;
import io.github.openstackops.mcp.network.NetworkRecords.Segment;
import io.github.openstackops.mcp.network.NetworkRecords.SubnetBrief;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.bool;
import static io.github.openstackops.mcp.cloud.Json.flag;
import static io.github.openstackops.mcp.cloud.Json.integer;
import static io.github.openstackops.mcp.cloud.Json.nonEmpty;
import static io.github.openstackops.mcp.cloud.Json.stringList;
import static io.github.openstackops.mcp.cloud.Json.text;

/** Networks (Neutron): list, get, create, update, delete. */
@Singleton
public class NetworkService {

    private final NeutronClient neutron;
    private final ServerNames serverNames;
    private final NetworkGuardrails guardrails;
    private final QosService qos;

    public NetworkService(NeutronClient neutron, ServerNames serverNames, NetworkGuardrails guardrails,
                          QosService qos) {
        this.neutron = neutron;
        this.serverNames = serverNames;
        this.guardrails = guardrails;
        this.qos = qos;
    }

    /** Filters Neutron applies. */
    public record Filters(@Nullable String name, @Nullable Boolean external, @Nullable Boolean shared,
                          @Nullable String status, @Nullable String projectId) {
    }

    /** What a create or update sets; null leaves a field alone. */
    public record Changes(@Nullable String name, @Nullable String description, @Nullable Boolean adminStateUp,
                          @Nullable Integer mtu, @Nullable Boolean portSecurityEnabled, @Nullable Boolean shared,
                          @Nullable Boolean external, @Nullable String providerNetworkType,
                          @Nullable String providerPhysicalNetwork, @Nullable Integer providerSegmentationId) {

        Map<String, Object> body() {
            Map<String, Object> b = new LinkedHashMap<>();
            put(b, "name", name);
            put(b, "description", description);
            put(b, "admin_state_up", adminStateUp);
            put(b, "mtu", mtu);
            put(b, "port_security_enabled", portSecurityEnabled);
            put(b, "shared", shared);
            put(b, "router:external", external);
            put(b, "provider:network_type", providerNetworkType);
            put(b, "provider:physical_network", providerPhysicalNetwork);
            put(b, "provider:segmentation_id", providerSegmentationId);
            return b;
        }
    }

    static void put(Map<String, Object> body, String key, @Nullable Object value) {
        if (value != null) {
            body.put(key, value);
        }
    }

    public Page<NetworkSummary> list(int limit, @Nullable String marker, Filters f) {
        Map<String, Object> query = new LinkedHashMap<>();
        put(query, "name", blankToNull(f.name()));
        put(query, "router:external", f.external());
        put(query, "shared", f.shared());
        put(query, "status", f.status());
        put(query, "project_id", blankToNull(f.projectId()));
        Paging.Slice<JsonNode> page = neutron.page("networks", query, limit, marker);
        List<String> subnetIds = new ArrayList<>();
        page.items().forEach(n -> subnetIds.addAll(stringList(n, "subnets")));
        Map<String, JsonNode> subnets = new HashMap<>();
        neutron.byIds("subnets", subnetIds, "id", "name", "cidr").forEach(s -> subnets.put(text(s, "id"), s));
        List<NetworkSummary> out = page.items().stream().map(n -> new NetworkSummary(text(n, "id"),
                NeutronJson.str(n, "name"), text(n, "status"), flag(n, "router:external"), flag(n, "shared"),
                integer(n, "mtu"), stringList(n, "subnets").stream().map(id -> {
                    JsonNode s = subnets.get(id);
                    return s == null ? id : NeutronJson.label(s) + " " + text(s, "cidr");
                }).toList(), text(n, "project_id"))).toList();
        return NetworkRecords.NETWORKS.page(out, page.nextMarker());
    }

    public NetworkDetail get(String ref) {
        return detail(resolve(ref));
    }

    JsonNode resolve(String ref) {
        return neutron.resolve("Network", "networks", "network", ref);
    }

    NetworkDetail detail(JsonNode n) {
        List<SubnetBrief> subnets = neutron.byIds("subnets", stringList(n, "subnets")).stream()
                .map(s -> new SubnetBrief(text(s, "id"), nonEmpty(s, "name"), text(s, "cidr"),
                        integer(s, "ip_version") == null ? 4 : integer(s, "ip_version"), text(s, "gateway_ip")))
                .toList();
        return new NetworkDetail(text(n, "id"), NeutronJson.str(n, "name"), nonEmpty(n, "description"),
                text(n, "status"), flag(n, "admin_state_up"), flag(n, "router:external"), flag(n, "shared"),
                integer(n, "mtu"), bool(n, "port_security_enabled"), subnets, segments(n),
                stringList(n, "availability_zones"), stringList(n, "tags"), text(n, "project_id"), text(n, "created_at"),
                text(n, "updated_at"), qos.ref(text(n, "qos_policy_id")));
    }

    /** Segments: multi-provider "segments", or the provider:* attributes; null when hidden (non-admin). */
    @Nullable
    static List<Segment> segments(JsonNode n) {
        if (n.has("segments") && n.get("segments").isArray()) {
            List<Segment> out = new ArrayList<>();
            n.get("segments").forEach(s -> out.add(new Segment(text(s, "provider:network_type"),
                    text(s, "provider:physical_network"), integer(s, "provider:segmentation_id"))));
            return out;
        }
        if (n.has("provider:network_type")) {
            return List.of(new Segment(text(n, "provider:network_type"), text(n, "provider:physical_network"),
                    integer(n, "provider:segmentation_id")));
        }
        return null;
    }

    public NetworkDetail create(Changes changes, ToolContext context) {
        if (changes.name() == null || changes.name().isBlank()) {
            throw ToolException.invalid("Give the new network a name.");
        }
        guardrails.refusePortSecurityOff(changes.portSecurityEnabled(), "new ports on this network");
        JsonNode created = neutron.post("/networks", Map.of("network", changes.body())).path("network");
        context.info("created network " + text(created, "name") + " (" + text(created, "id") + ")");
        return detail(created);
    }

    /** Changes the given fields; {@code qosPolicy} (id or name) applies a QoS policy, "" detaches it. */
    public NetworkDetail update(String ref, Changes changes, @Nullable String qosPolicy, ToolContext context) {
        Map<String, Object> body = changes.body();
        if (qosPolicy != null) {
            body.put("qos_policy_id", qos.idToSet(qosPolicy));
        }
        if (body.isEmpty()) {
            throw ToolException.invalid("Nothing to change: give at least one of name, description, admin_state_up,"
                    + " mtu, port_security_enabled, shared, external, qos_policy.");
        }
        guardrails.refusePortSecurityOff(changes.portSecurityEnabled(), "new ports on this network");
        JsonNode n = resolve(ref);
        JsonNode updated = neutron.put("/networks/" + text(n, "id"), Map.of("network", body)).path("network");
        context.info("updated network " + text(n, "id") + ": " + body.keySet());
        return detail(updated);
    }

    // ------------------------------------------------------------------ delete

    private record Plan(JsonNode network, List<JsonNode> subnets, PortUse.InUse ports) {
    }

    private Plan plan(String ref) {
        JsonNode n = resolve(ref);
        PortUse.InUse ports = PortUse.InUse.of(neutron.list("ports", Map.of("network_id", text(n, "id")),
                NeutronClient.INTERNAL_CAP), neutron, serverNames);
        List<JsonNode> subnets = neutron.byIds("subnets", stringList(n, "subnets"), "id", "name", "cidr");
        return new Plan(n, subnets, ports);
    }

    /** Neutron refuses to delete a network that still has ports other than its DHCP ports: say which, and how. */
    private static void refuseIfInUse(Plan plan) {
        if (plan.ports().blockers().isEmpty()) {
            return;
        }
        throw ToolException.conflict("Network " + NeutronJson.describe(plan.network()) + " is still in use by "
                + plan.ports().blockersInWords() + ". Neutron refuses to delete a network in use. "
                + PortUse.advice(plan.ports().blockers()));
    }

    public Preview deletePreview(String ref) {
        Plan plan = plan(ref);
        refuseIfInUse(plan);
        JsonNode n = plan.network();
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("network", text(n, "id"), text(n, "name"), "deleted"));
        plan.subnets().forEach(s -> resources.add(new Preview.Resource("subnet", text(s, "id"),
                NeutronJson.label(s) + " " + text(s, "cidr"), "deleted with the network")));
        plan.ports().autoDeleted().forEach(p -> resources.add(new Preview.Resource("port", text(p, "id"),
                text(p, "device_owner"), "deleted with the network (Neutron's own port)")));
        List<String> warnings = new ArrayList<>();
        if (flag(n, "shared")) {
            warnings.add("The network is shared: other projects can no longer use it.");
        }
        if (flag(n, "router:external")) {
            warnings.add("The network is external: it stops being a floating IP pool and a router gateway network.");
        }
        return new Preview("delete network", "Delete network " + NeutronJson.describe(n) + " and its "
                + plan.subnets().size() + " subnet(s).", resources, warnings);
    }

    public NetworkDeleted delete(String ref, ToolContext context) {
        Plan plan = plan(ref);
        refuseIfInUse(plan);
        String id = text(plan.network(), "id");
        neutron.delete("/networks/" + id);
        context.info("deleted network " + id);
        List<String> subnets = plan.subnets().stream().map(s -> NeutronJson.label(s) + " " + text(s, "cidr")).toList();
        return new NetworkDeleted(id, NeutronJson.str(plan.network(), "name"), subnets,
                "Network " + NeutronJson.describe(plan.network()) + " is deleted"
                        + (subnets.isEmpty() ? "." : ", with subnet(s) " + String.join(", ", subnets) + "."));
    }

    @Nullable
    static String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
