package io.github.openstackops.mcp.loadbalancer;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.services.OctaviaClient;
import io.github.openstackops.mcp.loadbalancer.LbObjectRecords.HealthMonitor;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerRecords.LbDeleted;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.flag;
import static io.github.openstackops.mcp.cloud.Json.integer;
import static io.github.openstackops.mcp.cloud.Json.putIfSet;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.loadbalancer.LbTree.name;
import static io.github.openstackops.mcp.loadbalancer.LoadBalancerService.blank;

/** Health monitors (Octavia): list, get, create, update, delete. One per pool. */
@Singleton
public class HealthMonitorService {

    static final String PATH = "/lbaas/healthmonitors";

    private final OctaviaClient octavia;
    private final LbProvisioning provisioning;
    private final PoolService pools;
    private final LoadBalancerService loadBalancers;

    public HealthMonitorService(OctaviaClient octavia, LbProvisioning provisioning, PoolService pools,
                                LoadBalancerService loadBalancers) {
        this.octavia = octavia;
        this.provisioning = provisioning;
        this.pools = pools;
        this.loadBalancers = loadBalancers;
    }

    /** The settings of a health monitor, as given (null: Octavia's default, or unchanged on update). */
    public record Settings(@Nullable Integer delay, @Nullable Integer timeout, @Nullable Integer maxRetries,
                           @Nullable Integer maxRetriesDown, @Nullable String httpMethod, @Nullable String urlPath,
                           @Nullable String expectedCodes) {
    }

    JsonNode resolve(String ref) {
        return octavia.resolve("Health monitor", PATH, "healthmonitors", "healthmonitor", ref);
    }

    static HealthMonitor record(JsonNode h) {
        Integer delay = integer(h, "delay");
        Integer timeout = integer(h, "timeout");
        Integer retries = integer(h, "max_retries");
        return new HealthMonitor(text(h, "id"), name(h), text(h, "type"), delay == null ? 0 : delay,
                timeout == null ? 0 : timeout, retries == null ? 0 : retries, integer(h, "max_retries_down"),
                text(h, "http_method"), text(h, "url_path"), text(h, "expected_codes"), PoolService.ids(h, "pools"),
                flag(h, "admin_state_up"), text(h, "provisioning_status"), text(h, "operating_status"));
    }

    public Page<HealthMonitor> list(int limit, @Nullable String marker, @Nullable String pool, @Nullable String type) {
        Map<String, Object> query = new LinkedHashMap<>();
        if (blank(pool) != null) {
            query.put("pool_id", text(pools.resolve(pool), "id"));
        }
        putIfSet(query, "type", type);
        Paging.Slice<JsonNode> page = octavia.page(PATH, "healthmonitors", query, limit, marker);
        List<HealthMonitor> out = page.items().stream().map(HealthMonitorService::record).toList();
        return LbObjectRecords.HEALTH_MONITORS.page(out, page.nextMarker());
    }

    public HealthMonitor get(String ref) {
        return record(resolve(ref));
    }

    private static void put(Map<String, Object> body, Settings s) {
        putIfSet(body, "delay", s.delay());
        putIfSet(body, "timeout", s.timeout());
        putIfSet(body, "max_retries", s.maxRetries());
        putIfSet(body, "max_retries_down", s.maxRetriesDown());
        putIfSet(body, "http_method", s.httpMethod());
        putIfSet(body, "url_path", blank(s.urlPath()));
        putIfSet(body, "expected_codes", blank(s.expectedCodes()));
    }

    public HealthMonitor create(String pool, String type, @Nullable String name, Settings settings,
                                @Nullable Boolean adminStateUp, boolean wait, ToolContext context) {
        JsonNode p = pools.resolve(pool);
        if (text(p, "healthmonitor_id") != null) {
            throw ToolException.conflict("Pool " + Json.label(p) + " already has health monitor "
                    + text(p, "healthmonitor_id") + " (one per pool): change it with lb_healthmonitor_update.");
        }
        String lbId = PoolService.lbId(p);
        provisioning.requireSettled(loadBalancers.resolve(lbId));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pool_id", text(p, "id"));
        body.put("type", type);
        putIfSet(body, "name", blank(name));
        body.put("delay", settings.delay() == null ? 10 : settings.delay());
        body.put("timeout", settings.timeout() == null ? 5 : settings.timeout());
        body.put("max_retries", settings.maxRetries() == null ? 3 : settings.maxRetries());
        put(body, new Settings(null, null, null, settings.maxRetriesDown(), settings.httpMethod(),
                settings.urlPath(), settings.expectedCodes()));
        putIfSet(body, "admin_state_up", adminStateUp);
        JsonNode created = octavia.post(PATH, Map.of("healthmonitor", body)).path("healthmonitor");
        context.info("created health monitor " + text(created, "id"));
        provisioning.settle(lbId, wait, context);
        return wait ? get(text(created, "id")) : record(created);
    }

    private String lbOf(JsonNode monitor) {
        List<String> poolIds = PoolService.ids(monitor, "pools");
        return poolIds.isEmpty() ? null : PoolService.lbId(pools.resolve(poolIds.get(0)));
    }

    public HealthMonitor update(String ref, @Nullable String name, Settings settings, @Nullable Boolean adminStateUp,
                                boolean wait, ToolContext context) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfSet(body, "name", name);
        put(body, settings);
        putIfSet(body, "admin_state_up", adminStateUp);
        if (body.isEmpty()) {
            throw ToolException.invalid("Nothing to change: give at least one setting, name or admin_state_up.");
        }
        JsonNode h = resolve(ref);
        String lbId = lbOf(h);
        provisioning.requireSettled(loadBalancers.resolve(lbId));
        octavia.put(PATH + "/" + text(h, "id"), Map.of("healthmonitor", body));
        context.info("updated health monitor " + text(h, "id") + ": " + body.keySet());
        provisioning.settle(lbId, wait, context);
        return get(text(h, "id"));
    }

    public Preview deletePreview(String ref) {
        JsonNode h = resolve(ref);
        return new Preview("delete health monitor", "Delete health monitor " + Json.label(h) + " (" + text(h, "type")
                + ").", List.of(new Preview.Resource("health_monitor", text(h, "id"), name(h), "deleted")),
                List.of("Its pool's members are no longer checked: traffic goes to every member, down or not"
                        + " (they become NO_MONITOR)."));
    }

    public LbDeleted delete(String ref, boolean wait, ToolContext context) {
        JsonNode h = resolve(ref);
        String lbId = lbOf(h);
        provisioning.requireSettled(loadBalancers.resolve(lbId));
        octavia.delete(PATH + "/" + text(h, "id"), null);
        context.info("deleting health monitor " + text(h, "id"));
        provisioning.settle(lbId, wait, context);
        return new LbDeleted("health_monitor", text(h, "id"), name(h), List.of(), "Health monitor " + Json.label(h)
                + (wait ? " is deleted." : " is being deleted."));
    }
}
