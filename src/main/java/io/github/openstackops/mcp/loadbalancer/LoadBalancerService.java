package io.github.openstackops.mcp.loadbalancer;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.services.OctaviaClient;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerRecords.LbDeleted;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerRecords.LoadBalancerDetail;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerRecords.LoadBalancerSummary;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerRecords.Stats;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.flag;
import static io.github.openstackops.mcp.cloud.Json.longValue;
import static io.github.openstackops.mcp.cloud.Json.nonEmpty;
import static io.github.openstackops.mcp.cloud.Json.putIfSet;
import static io.github.openstackops.mcp.cloud.Json.stringList;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.loadbalancer.LbProvisioning.LBS;
import static io.github.openstackops.mcp.loadbalancer.LbTree.name;

/** Load balancers (Octavia): list, get with status tree, stats, create, update, delete (cascade), failover. */
@Singleton
public class LoadBalancerService {

    private final OctaviaClient octavia;
    private final LbProvisioning provisioning;
    private final LbNetworks networks;

    public LoadBalancerService(OctaviaClient octavia, LbProvisioning provisioning, LbNetworks networks) {
        this.octavia = octavia;
        this.provisioning = provisioning;
        this.networks = networks;
    }

    JsonNode resolve(String ref) {
        return octavia.resolve("Load balancer", LBS, "loadbalancers", "loadbalancer", ref);
    }

    public Page<LoadBalancerSummary> list(int limit, @Nullable String marker, @Nullable String name,
                                 @Nullable String provisioningStatus, @Nullable String operatingStatus,
                                 @Nullable String projectId) {
        Map<String, Object> query = new LinkedHashMap<>();
        putIfSet(query, "name", blank(name));
        putIfSet(query, "provisioning_status", provisioningStatus);
        putIfSet(query, "operating_status", operatingStatus);
        putIfSet(query, "project_id", blank(projectId));
        Paging.Slice<JsonNode> page = octavia.page(LBS, "loadbalancers", query, limit, marker);
        List<LoadBalancerSummary> out = page.items().stream().map(LoadBalancerService::summary).toList();
        return LoadBalancerRecords.LOAD_BALANCERS.page(out, page.nextMarker());
    }

    static LoadBalancerSummary summary(JsonNode lb) {
        return new LoadBalancerSummary(text(lb, "id"), name(lb), text(lb, "vip_address"), text(lb, "vip_subnet_id"),
                text(lb, "provisioning_status"), text(lb, "operating_status"), text(lb, "provider"),
                lb.path("listeners").size(), text(lb, "project_id"));
    }

    public LoadBalancerDetail get(String ref, boolean tree) {
        return detail(resolve(ref), tree);
    }

    LoadBalancerDetail detail(JsonNode lb, boolean tree) {
        JsonNode statuses = tree ? octavia.get(LBS + "/" + text(lb, "id") + "/status", null).path("statuses") : null;
        return new LoadBalancerDetail(text(lb, "id"), name(lb), nonEmpty(lb, "description"), text(lb, "vip_address"),
                text(lb, "vip_subnet_id"), text(lb, "vip_network_id"), text(lb, "vip_port_id"),
                text(lb, "provisioning_status"), text(lb, "operating_status"), flag(lb, "admin_state_up"),
                text(lb, "provider"), text(lb, "flavor_id"), nonEmpty(lb, "availability_zone"), stringList(lb, "tags"),
                text(lb, "project_id"), text(lb, "created_at"), text(lb, "updated_at"),
                statuses == null ? List.of() : LbTree.listeners(statuses),
                statuses == null ? List.of() : LbTree.unwell(statuses));
    }

    public Stats stats(String ref) {
        JsonNode lb = resolve(ref);
        return stats(lb, octavia.get(LBS + "/" + text(lb, "id") + "/stats", null));
    }

    static Stats stats(JsonNode owner, JsonNode response) {
        JsonNode s = response.path("stats");
        return new Stats(text(owner, "id"), name(owner), count(s, "active_connections"),
                count(s, "total_connections"), count(s, "bytes_in"), count(s, "bytes_out"),
                count(s, "request_errors"));
    }

    private static long count(JsonNode n, String field) {
        Long v = longValue(n, field);
        return v == null ? 0 : v;
    }

    public LoadBalancerDetail create(String name, @Nullable String subnet, @Nullable String network,
                                     @Nullable String vipAddress, @Nullable String description,
                                     @Nullable String flavor, @Nullable String availabilityZone,
                                     @Nullable String provider, @Nullable Boolean adminStateUp, boolean wait,
                                     ToolContext context) {
        if ((blank(subnet) == null) == (blank(network) == null)) {
            throw ToolException.invalid("Give exactly one of subnet (the VIP gets an address on it) or network.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name.trim());
        if (blank(subnet) != null) {
            body.put("vip_subnet_id", networks.subnetId(subnet));
        } else {
            body.put("vip_network_id", networks.networkId(network));
        }
        putIfSet(body, "vip_address", blank(vipAddress));
        putIfSet(body, "description", description);
        putIfSet(body, "admin_state_up", adminStateUp);
        putIfSet(body, "provider", blank(provider));
        putIfSet(body, "availability_zone", blank(availabilityZone));
        if (blank(flavor) != null) {
            body.put("flavor_id", text(octavia.resolve("Load-balancer flavor", "/lbaas/flavors", "flavors", "flavor",
                    flavor), "id"));
        }
        JsonNode created = octavia.post(LBS, Map.of("loadbalancer", body)).path("loadbalancer");
        String id = text(created, "id");
        context.info("created load balancer " + id);
        provisioning.settle(id, wait, context);
        return detail(wait ? resolve(id) : created, wait);
    }

    public LoadBalancerDetail update(String ref, @Nullable String name, @Nullable String description,
                                     @Nullable Boolean adminStateUp, @Nullable List<String> tags, boolean wait,
                                     ToolContext context) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfSet(body, "name", name);
        putIfSet(body, "description", description);
        putIfSet(body, "admin_state_up", adminStateUp);
        putIfSet(body, "tags", tags);
        if (body.isEmpty()) {
            throw ToolException.invalid("Nothing to change: give at least one of name, description, admin_state_up,"
                    + " tags.");
        }
        JsonNode lb = resolve(ref);
        provisioning.requireSettled(lb);
        String id = text(lb, "id");
        octavia.put(LBS + "/" + id, Map.of("loadbalancer", body));
        context.info("updated load balancer " + id + ": " + body.keySet());
        provisioning.settle(id, wait, context);
        return detail(resolve(id), false);
    }

    // ------------------------------------------------------------------ delete

    /** Everything under the load balancer, in words, from its status tree and its pools and L7 policies. */
    private List<Preview.Resource> children(JsonNode lb) {
        String id = text(lb, "id");
        List<Preview.Resource> out = new ArrayList<>();
        for (JsonNode l : octavia.list("/lbaas/listeners", "listeners", Map.of("loadbalancer_id", id))) {
            out.add(new Preview.Resource("listener", text(l, "id"), name(l), "deleted (" + text(l, "protocol")
                    + " port " + Json.integer(l, "protocol_port") + ")"));
            for (JsonNode p : octavia.list("/lbaas/l7policies", "l7policies", Map.of("listener_id", text(l, "id")))) {
                out.add(new Preview.Resource("l7policy", text(p, "id"), name(p), "deleted with its "
                        + p.path("rules").size() + " rule(s)"));
            }
        }
        for (JsonNode p : octavia.list("/lbaas/pools", "pools", Map.of("loadbalancer_id", id))) {
            out.add(new Preview.Resource("pool", text(p, "id"), name(p), "deleted (" + text(p, "protocol") + ", "
                    + text(p, "lb_algorithm") + ")"));
            if (text(p, "healthmonitor_id") != null) {
                out.add(new Preview.Resource("health_monitor", text(p, "healthmonitor_id"), null, "deleted"));
            }
            for (JsonNode m : octavia.list("/lbaas/pools/" + text(p, "id") + "/members", "members", Map.of())) {
                out.add(new Preview.Resource("member", text(m, "id"), name(m), "removed (" + text(m, "address")
                        + ":" + Json.integer(m, "protocol_port") + ")"));
            }
        }
        return out;
    }

    private record Plan(JsonNode lb, List<Preview.Resource> children) {
    }

    private Plan plan(String ref, boolean cascade) {
        JsonNode lb = resolve(ref);
        List<Preview.Resource> children = children(lb);
        if (!children.isEmpty() && !cascade) {
            throw ToolException.conflict("Load balancer " + Json.label(lb) + " still has " + children.size()
                    + " object(s) under it (" + String.join(", ", children.stream().map(c -> c.type() + " '"
                    + (c.name() == null || c.name().isEmpty() ? c.id() : c.name()) + "'").toList()) + "). Delete"
                    + " them first, or call again with cascade=true to delete the load balancer with all of them.");
        }
        String status = text(lb, "provisioning_status");
        if (status != null && status.startsWith("PENDING") && !"PENDING_DELETE".equals(status)) {
            provisioning.requireSettled(lb);
        }
        return new Plan(lb, children);
    }

    public Preview deletePreview(String ref, boolean cascade) {
        Plan plan = plan(ref, cascade);
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("load_balancer", text(plan.lb(), "id"), name(plan.lb()),
                "deleted, VIP " + text(plan.lb(), "vip_address") + " released"));
        resources.addAll(plan.children());
        List<String> warnings = plan.children().isEmpty() ? List.of() : List.of("Cascade: every listener, pool,"
                + " member, health monitor and L7 policy above goes with it; traffic to the VIP stops.");
        return new Preview("delete load balancer", "Delete load balancer " + Json.label(plan.lb())
                + (plan.children().isEmpty() ? "." : " and the " + plan.children().size() + " object(s) under it."),
                resources, warnings);
    }

    public LbDeleted delete(String ref, boolean cascade, boolean wait, ToolContext context) {
        Plan plan = plan(ref, cascade);
        String id = text(plan.lb(), "id");
        octavia.delete(LBS + "/" + id, cascade ? Map.of("cascade", "true") : null);
        context.info("deleting load balancer " + id + (cascade ? " (cascade)" : ""));
        boolean gone = provisioning.awaitGone(LBS + "/" + id, "loadbalancer", "load balancer " + id, wait, context);
        List<String> also = plan.children().stream().map(c -> c.type() + " '" + (c.name() == null ? c.id()
                : c.name()) + "' " + c.effect()).toList();
        return new LbDeleted("load_balancer", id, name(plan.lb()), also, "Load balancer " + Json.label(plan.lb())
                + (gone ? " is deleted" : " is being deleted") + (also.isEmpty() ? "." : ", with " + also.size()
                + " object(s) under it."));
    }

    public LoadBalancerDetail failover(String ref, boolean wait, ToolContext context) {
        JsonNode lb = resolve(ref);
        provisioning.requireSettled(lb);
        String id = text(lb, "id");
        octavia.put(LBS + "/" + id + "/failover", Map.of());
        context.info("failover of load balancer " + id + " started");
        provisioning.settle(id, wait, context);
        return detail(resolve(id), false);
    }

    @Nullable
    static String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
