package io.github.openstackops.mcp.loadbalancer;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.services.OctaviaClient;
import io.github.openstackops.mcp.loadbalancer.LbObjectRecords.Listener;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerRecords.LbDeleted;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerRecords.Stats;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.flag;
import static io.github.openstackops.mcp.cloud.Json.integer;
import static io.github.openstackops.mcp.cloud.Json.nonEmpty;
import static io.github.openstackops.mcp.cloud.Json.putIfSet;
import static io.github.openstackops.mcp.cloud.Json.stringList;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.loadbalancer.LbTree.name;
import static io.github.openstackops.mcp.loadbalancer.LoadBalancerService.blank;

/** Listeners (Octavia): list, get, stats, create, update, delete. */
@Singleton
public class ListenerService {

    static final String PATH = "/lbaas/listeners";

    private final OctaviaClient octavia;
    private final LbProvisioning provisioning;
    private final LoadBalancerService loadBalancers;
    private final LbNetworks networks;
    private final ListenerExposure exposure;

    public ListenerService(OctaviaClient octavia, LbProvisioning provisioning, LoadBalancerService loadBalancers,
                           LbNetworks networks, ListenerExposure exposure) {
        this.octavia = octavia;
        this.provisioning = provisioning;
        this.loadBalancers = loadBalancers;
        this.networks = networks;
        this.exposure = exposure;
    }

    JsonNode resolve(String ref) {
        return octavia.resolve("Listener", PATH, "listeners", "listener", ref);
    }

    static Listener record(JsonNode l) {
        List<String> policies = new ArrayList<>();
        l.path("l7policies").forEach(p -> policies.add(text(p, "id")));
        JsonNode lbs = l.path("loadbalancers");
        return new Listener(text(l, "id"), name(l), text(l, "protocol"), integer(l, "protocol_port"),
                lbs.size() == 0 ? null : text(lbs.get(0), "id"), text(l, "default_pool_id"),
                stringList(l, "allowed_cidrs"), integer(l, "connection_limit"), policies, flag(l, "admin_state_up"),
                text(l, "provisioning_status"), text(l, "operating_status"), nonEmpty(l, "description"));
    }

    static String lbId(JsonNode listener) {
        JsonNode lbs = listener.path("loadbalancers");
        return lbs.size() == 0 ? null : text(lbs.get(0), "id");
    }

    public Page<Listener> list(int limit, @Nullable String marker, @Nullable String loadBalancer, @Nullable String name,
                             @Nullable String protocol, @Nullable Integer port) {
        Map<String, Object> query = new LinkedHashMap<>();
        if (blank(loadBalancer) != null) {
            query.put("loadbalancer_id", text(loadBalancers.resolve(loadBalancer), "id"));
        }
        putIfSet(query, "name", blank(name));
        putIfSet(query, "protocol", protocol);
        putIfSet(query, "protocol_port", port);
        Paging.Slice<JsonNode> page = octavia.page(PATH, "listeners", query, limit, marker);
        List<Listener> out = page.items().stream().map(ListenerService::record).toList();
        return LbObjectRecords.LISTENERS.page(out, page.nextMarker());
    }

    public Listener get(String ref) {
        return record(resolve(ref));
    }

    public Stats stats(String ref) {
        JsonNode l = resolve(ref);
        return LoadBalancerService.stats(l, octavia.get(PATH + "/" + text(l, "id") + "/stats", null));
    }

    /** The world-open rule of security groups, for a listener on a VIP that faces the internet. */
    private void checkExposure(JsonNode lb, int port, @Nullable List<String> allowedCidrs, String listenerName) {
        boolean world = allowedCidrs == null || allowedCidrs.isEmpty()
                || allowedCidrs.stream().anyMatch(c -> c.trim().endsWith("/0"));
        if (world && networks.publicVip(lb)) {
            exposure.refuseWorldOpen(port, "listener '" + listenerName + "' on the public VIP "
                    + text(lb, "vip_address") + " of load balancer " + Json.label(lb));
        }
    }

    public Listener create(String loadBalancer, String name, String protocol, int port,
                           @Nullable String defaultPool, @Nullable List<String> allowedCidrs,
                           @Nullable Integer connectionLimit, @Nullable String description,
                           @Nullable Boolean adminStateUp, boolean wait, ToolContext context) {
        JsonNode lb = loadBalancers.resolve(loadBalancer);
        provisioning.requireSettled(lb);
        checkExposure(lb, port, allowedCidrs, name);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("loadbalancer_id", text(lb, "id"));
        body.put("name", name.trim());
        body.put("protocol", protocol);
        body.put("protocol_port", port);
        if (blank(defaultPool) != null) {
            body.put("default_pool_id", text(octavia.resolve("Pool", PoolService.PATH, "pools", "pool", defaultPool),
                    "id"));
        }
        putIfSet(body, "allowed_cidrs", allowedCidrs);
        putIfSet(body, "connection_limit", connectionLimit);
        putIfSet(body, "description", description);
        putIfSet(body, "admin_state_up", adminStateUp);
        JsonNode created = octavia.post(PATH, Map.of("listener", body)).path("listener");
        context.info("created listener " + text(created, "id"));
        provisioning.settle(text(lb, "id"), wait, context);
        return wait ? get(text(created, "id")) : record(created);
    }

    public Listener update(String ref, @Nullable String name, @Nullable String description,
                           @Nullable String defaultPool, @Nullable List<String> allowedCidrs,
                           @Nullable Integer connectionLimit, @Nullable Boolean adminStateUp, boolean wait,
                           ToolContext context) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfSet(body, "name", name);
        putIfSet(body, "description", description);
        putIfSet(body, "allowed_cidrs", allowedCidrs);
        putIfSet(body, "connection_limit", connectionLimit);
        putIfSet(body, "admin_state_up", adminStateUp);
        if (defaultPool != null) {
            body.put("default_pool_id", defaultPool.isBlank() ? null
                    : text(octavia.resolve("Pool", PoolService.PATH, "pools", "pool", defaultPool), "id"));
        }
        if (body.isEmpty()) {
            throw ToolException.invalid("Nothing to change: give at least one of name, description, default_pool,"
                    + " allowed_cidrs, connection_limit, admin_state_up.");
        }
        JsonNode l = resolve(ref);
        JsonNode lb = loadBalancers.resolve(lbId(l));
        provisioning.requireSettled(lb);
        if (allowedCidrs != null) {
            checkExposure(lb, integer(l, "protocol_port"), allowedCidrs, name(l));
        }
        octavia.put(PATH + "/" + text(l, "id"), Map.of("listener", body));
        context.info("updated listener " + text(l, "id") + ": " + body.keySet());
        provisioning.settle(text(lb, "id"), wait, context);
        return get(text(l, "id"));
    }

    public Preview deletePreview(String ref) {
        JsonNode l = resolve(ref);
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("listener", text(l, "id"), name(l), "deleted (" + text(l, "protocol")
                + " port " + integer(l, "protocol_port") + " stops accepting connections)"));
        for (JsonNode p : l.path("l7policies")) {
            resources.add(new Preview.Resource("l7policy", text(p, "id"), null, "deleted with the listener"));
        }
        List<String> warnings = new ArrayList<>();
        if (text(l, "default_pool_id") != null) {
            warnings.add("Its default pool " + text(l, "default_pool_id") + " stays, with its members.");
        }
        return new Preview("delete listener", "Delete listener " + Json.label(l) + " (" + text(l, "protocol")
                + " port " + integer(l, "protocol_port") + ").", resources, warnings);
    }

    public LbDeleted delete(String ref, boolean wait, ToolContext context) {
        JsonNode l = resolve(ref);
        String lbId = lbId(l);
        provisioning.requireSettled(loadBalancers.resolve(lbId));
        octavia.delete(PATH + "/" + text(l, "id"), null);
        context.info("deleting listener " + text(l, "id"));
        provisioning.settle(lbId, wait, context);
        List<String> also = new ArrayList<>();
        l.path("l7policies").forEach(p -> also.add("l7policy " + text(p, "id") + " deleted"));
        return new LbDeleted("listener", text(l, "id"), name(l), also, "Listener " + Json.label(l)
                + (wait ? " is deleted." : " is being deleted."));
    }
}
