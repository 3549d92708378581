package io.github.openstackops.mcp.loadbalancer;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.catalog.schema.Wait;
import io.github.openstackops.mcp.loadbalancer.HealthMonitorService.Settings;
import io.github.openstackops.mcp.loadbalancer.LbObjectRecords.HealthMonitor;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerRecords.LbDeleted;
import jakarta.inject.Singleton;

import java.util.List;

import static io.github.openstackops.mcp.loadbalancer.LoadBalancerTools.WAIT;
import static io.github.openstackops.mcp.loadbalancer.PoolTools.POOL;

/** Health monitor tools: list, get, create, update, delete. */
@Singleton
public class HealthMonitorTools implements ToolProvider {

    static final String MONITOR = "Health monitor id, or its exact name when that name is unique";

    public enum Type { HTTP, HTTPS, PING, TCP, TLS_HELLO, UDP_CONNECT, SCTP }

    public enum HttpMethod { GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH, CONNECT, TRACE }

    public record ListArgs(
            @Limit Integer limit,
            @Marker String marker,
            @Param(value = "Only the monitor of this pool (id or exact name)", maxLength = 255) String pool,
            @Param("Only monitors of this type") Type type) {
    }

    public record MonitorArgs(
            @IdOrName(MONITOR) String healthMonitor) {
    }

    public record CreateArgs(
            @IdOrName(POOL) String pool,
            @Param(value = "How members are checked", required = true) Type type,
            @Param(value = "Name", maxLength = 255) String name,
            @Param(value = "Seconds between checks (default 10)", min = 1, max = 3600) Integer delay,
            @Param(value = "Seconds a check may take, at most delay (default 5)", min = 1, max = 3600) Integer timeout,
            @Param(value = "Successful checks before a member is ONLINE (default 3)", min = 1, max = 10) Integer maxRetries,
            @Param(value = "Failed checks before a member is ERROR (default 3)", min = 1, max = 10) Integer maxRetriesDown,
            @Param("HTTP method of HTTP(S) checks (default GET)") HttpMethod httpMethod,
            @Param(value = "URL path of HTTP(S) checks (default /)", maxLength = 255, pattern = "^/.*") String urlPath,
            @Param(value = "Healthy HTTP codes: 200, 200,202 or 200-204 (default 200)", maxLength = 64,
                    pattern = "^[0-9]{3}([,-][0-9]{3})*$") String expectedCodes,
            @Param("Administratively up; default true") Boolean adminStateUp,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone) {
    }

    public record UpdateArgs(
            @IdOrName(MONITOR) String healthMonitor,
            @Param(value = "New name", maxLength = 255) String name,
            @Param(value = "Seconds between checks", min = 1, max = 3600) Integer delay,
            @Param(value = "Seconds a check may take", min = 1, max = 3600) Integer timeout,
            @Param(value = "Successful checks before ONLINE", min = 1, max = 10) Integer maxRetries,
            @Param(value = "Failed checks before ERROR", min = 1, max = 10) Integer maxRetriesDown,
            @Param("HTTP method") HttpMethod httpMethod,
            @Param(value = "URL path", maxLength = 255, pattern = "^/.*") String urlPath,
            @Param(value = "Healthy HTTP codes", maxLength = 64, pattern = "^[0-9]{3}([,-][0-9]{3})*$") String expectedCodes,
            @Param("false stops the checks: every member then gets traffic") Boolean adminStateUp,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone) {
    }

    public record DeleteArgs(
            @IdOrName(MONITOR) String healthMonitor,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone) {
    }

    private final HealthMonitorService monitors;

    public HealthMonitorTools(HealthMonitorService monitors) {
        this.monitors = monitors;
    }

    private static String type(Type t) {
        return t.name().replace('_', '-');
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("lb_healthmonitor_list", Toolset.LOADBALANCER, ListArgs.class, LbObjectRecords.HEALTH_MONITORS)
                        .title("Health Monitors: List")
                        .description("List load-balancer health monitors with type, timing, HTTP check and status;"
                                + " filter by pool or type.")
                        .handler((ctx, a) -> monitors.list(a.limit(), a.marker(), a.pool(),
                                a.type() == null ? null : type(a.type())))
                        .build(),
                ToolDefinition.read("lb_healthmonitor_get", Toolset.LOADBALANCER, MonitorArgs.class, HealthMonitor.class)
                        .title("Health Monitors: Get")
                        .description("One health monitor: how and how often its pool's members are checked.")
                        .handler((ctx, a) -> monitors.get(a.healthMonitor()))
                        .build(),
                ToolDefinition.write("lb_healthmonitor_create", Toolset.LOADBALANCER, CreateArgs.class, HealthMonitor.class)
                        .title("Health Monitors: Create")
                        .description("Check a pool's members (one monitor per pool): members failing the check stop"
                                + " getting traffic. Defaults: every 10 s, 5 s timeout, 3 retries.")
                        .handler((ctx, a) -> monitors.create(a.pool(), type(a.type()), a.name(),
                                new Settings(a.delay(), a.timeout(), a.maxRetries(), a.maxRetriesDown(),
                                        a.httpMethod() == null ? null : a.httpMethod().name(), a.urlPath(),
                                        a.expectedCodes()), a.adminStateUp(), !Boolean.FALSE.equals(a.waitUntilDone()),
                                ctx))
                        .build(),
                ToolDefinition.write("lb_healthmonitor_update", Toolset.LOADBALANCER, UpdateArgs.class, HealthMonitor.class)
                        .title("Health Monitors: Update")
                        .description("Change a health monitor's timing, retries, HTTP check, name or admin state;"
                                + " only the given fields change.")
                        .handler((ctx, a) -> monitors.update(a.healthMonitor(), a.name(),
                                new Settings(a.delay(), a.timeout(), a.maxRetries(), a.maxRetriesDown(),
                                        a.httpMethod() == null ? null : a.httpMethod().name(), a.urlPath(),
                                        a.expectedCodes()), a.adminStateUp(), !Boolean.FALSE.equals(a.waitUntilDone()),
                                ctx))
                        .build(),
                ToolDefinition.destructive("lb_healthmonitor_delete", Toolset.LOADBALANCER, DeleteArgs.class, LbDeleted.class)
                        .title("Health Monitors: Delete")
                        .description("Delete a health monitor: its pool's members are no longer checked and all get"
                                + " traffic, down or not.")
                        .preview((ctx, a) -> monitors.deletePreview(a.healthMonitor()))
                        .handler((ctx, a) -> monitors.delete(a.healthMonitor(), !Boolean.FALSE.equals(a.waitUntilDone()),
                                ctx))
                        .build());
    }
}
