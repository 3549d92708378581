package io.github.openstackops.mcp.loadbalancer;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.services.OctaviaClient;
import io.github.openstackops.mcp.loadbalancer.LbObjectRecords.Pool;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerRecords.LbDeleted;
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
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.loadbalancer.LbTree.name;
import static io.github.openstackops.mcp.loadbalancer.LoadBalancerService.blank;

/** Pools (Octavia): list, get, create, update, delete. */
@Singleton
public class PoolService {

    static final String PATH = "/lbaas/pools";

    private final OctaviaClient octavia;
    private final LbProvisioning provisioning;
    private final LoadBalancerService loadBalancers;

    public PoolService(OctaviaClient octavia, LbProvisioning provisioning, LoadBalancerService loadBalancers) {
        this.octavia = octavia;
        this.provisioning = provisioning;
        this.loadBalancers = loadBalancers;
    }

    JsonNode resolve(String ref) {
        return octavia.resolve("Pool", PATH, "pools", "pool", ref);
    }

    static List<String> ids(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        node.path(field).forEach(n -> out.add(text(n, "id")));
        return out;
    }

    static String lbId(JsonNode pool) {
        List<String> lbs = ids(pool, "loadbalancers");
        return lbs.isEmpty() ? null : lbs.get(0);
    }

    static Pool record(JsonNode p) {
        JsonNode sp = p.path("session_persistence");
        return new Pool(text(p, "id"), name(p), text(p, "protocol"), text(p, "lb_algorithm"),
                sp.isObject() ? text(sp, "type") : null, ids(p, "loadbalancers"), ids(p, "listeners"),
                text(p, "healthmonitor_id"), p.path("members").size(), flag(p, "admin_state_up"),
                text(p, "provisioning_status"), text(p, "operating_status"), nonEmpty(p, "description"));
    }

    public Page<Pool> list(int limit, @Nullable String marker, @Nullable String loadBalancer, @Nullable String name) {
        Map<String, Object> query = new LinkedHashMap<>();
        if (blank(loadBalancer) != null) {
            query.put("loadbalancer_id", text(loadBalancers.resolve(loadBalancer), "id"));
        }
        putIfSet(query, "name", blank(name));
        Paging.Slice<JsonNode> page = octavia.page(PATH, "pools", query, limit, marker);
        List<Pool> out = page.items().stream().map(PoolService::record).toList();
        return LbObjectRecords.POOLS.page(out, page.nextMarker());
    }

    public Pool get(String ref) {
        return record(resolve(ref));
    }

    public Pool create(@Nullable String listener, @Nullable String loadBalancer, String name, String protocol,
                       String algorithm, @Nullable String sessionPersistence, @Nullable String cookieName,
                       @Nullable String description, @Nullable Boolean adminStateUp, boolean wait,
                       ToolContext context) {
        if ((blank(listener) == null) == (blank(loadBalancer) == null)) {
            throw ToolException.invalid("Give exactly one of listener (the pool becomes its default pool) or"
                    + " load_balancer (a pool for L7 policies to redirect to).");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        String lbId;
        if (blank(listener) != null) {
            JsonNode l = octavia.resolve("Listener", ListenerService.PATH, "listeners", "listener", listener);
            body.put("listener_id", text(l, "id"));
            lbId = ListenerService.lbId(l);
        } else {
            lbId = text(loadBalancers.resolve(loadBalancer), "id");
            body.put("loadbalancer_id", lbId);
        }
        provisioning.requireSettled(loadBalancers.resolve(lbId));
        body.put("name", name.trim());
        body.put("protocol", protocol);
        body.put("lb_algorithm", algorithm);
        if (sessionPersistence != null) {
            Map<String, Object> sp = new LinkedHashMap<>();
            sp.put("type", sessionPersistence);
            putIfSet(sp, "cookie_name", blank(cookieName));
            body.put("session_persistence", sp);
        }
        putIfSet(body, "description", description);
        putIfSet(body, "admin_state_up", adminStateUp);
        JsonNode created = octavia.post(PATH, Map.of("pool", body)).path("pool");
        context.info("created pool " + text(created, "id"));
        provisioning.settle(lbId, wait, context);
        return wait ? get(text(created, "id")) : record(created);
    }

    public Pool update(String ref, @Nullable String name, @Nullable String description, @Nullable String algorithm,
                       @Nullable String sessionPersistence, @Nullable Boolean adminStateUp, boolean wait,
                       ToolContext context) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfSet(body, "name", name);
        putIfSet(body, "description", description);
        putIfSet(body, "lb_algorithm", algorithm);
        putIfSet(body, "admin_state_up", adminStateUp);
        if (sessionPersistence != null) {
            body.put("session_persistence", "NONE".equals(sessionPersistence) ? null
                    : Map.of("type", sessionPersistence));
        }
        if (body.isEmpty()) {
            throw ToolException.invalid("Nothing to change: give at least one of name, description, lb_algorithm,"
                    + " session_persistence, admin_state_up.");
        }
        JsonNode p = resolve(ref);
        String lbId = lbId(p);
        provisioning.requireSettled(loadBalancers.resolve(lbId));
        octavia.put(PATH + "/" + text(p, "id"), Map.of("pool", body));
        context.info("updated pool " + text(p, "id") + ": " + body.keySet());
        provisioning.settle(lbId, wait, context);
        return get(text(p, "id"));
    }

    public Preview deletePreview(String ref) {
        JsonNode p = resolve(ref);
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("pool", text(p, "id"), name(p), "deleted"));
        List<String> warnings = new ArrayList<>();
        if (text(p, "healthmonitor_id") != null) {
            resources.add(new Preview.Resource("health_monitor", text(p, "healthmonitor_id"), null, "deleted"));
        }
        for (JsonNode m : octavia.list(PATH + "/" + text(p, "id") + "/members", "members", Map.of())) {
            resources.add(new Preview.Resource("member", text(m, "id"), name(m), "removed (" + text(m, "address")
                    + ":" + integer(m, "protocol_port") + ")"));
        }
        List<String> listeners = ids(p, "listeners");
        if (!listeners.isEmpty()) {
            warnings.add("It is the default pool of listener(s) " + String.join(", ", listeners) + ": they keep"
                    + " accepting connections but have nowhere to send them.");
        }
        return new Preview("delete pool", "Delete pool " + Json.label(p) + " with its members"
                + (text(p, "healthmonitor_id") == null ? "." : " and health monitor."), resources, warnings);
    }

    public LbDeleted delete(String ref, boolean wait, ToolContext context) {
        Preview preview = deletePreview(ref);
        JsonNode p = resolve(ref);
        String lbId = lbId(p);
        provisioning.requireSettled(loadBalancers.resolve(lbId));
        octavia.delete(PATH + "/" + text(p, "id"), null);
        context.info("deleting pool " + text(p, "id"));
        provisioning.settle(lbId, wait, context);
        List<String> also = preview.resources().stream().skip(1).map(r -> r.type() + " " + r.id() + " "
                + r.effect()).toList();
        return new LbDeleted("pool", text(p, "id"), name(p), also, "Pool " + Json.label(p)
                + (wait ? " is deleted" : " is being deleted") + (also.isEmpty() ? "." : ", with " + also.size()
                + " object(s) under it."));
    }
}
