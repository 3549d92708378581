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
import io.github.openstackops.mcp.loadbalancer.LbObjectRecords.Pool;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerRecords.LbDeleted;
import jakarta.inject.Singleton;

import java.util.List;

import static io.github.openstackops.mcp.loadbalancer.LoadBalancerTools.WAIT;

/** Pool tools: list, get, create, update, delete. */
@Singleton
public class PoolTools implements ToolProvider {

    static final String POOL = "Pool id, or its exact name when that name is unique";

    public enum Protocol { HTTP, HTTPS, PROXY, PROXYV2, TCP, UDP, SCTP }

    public enum Algorithm { ROUND_ROBIN, LEAST_CONNECTIONS, SOURCE_IP, SOURCE_IP_PORT }

    public enum Persistence { SOURCE_IP, HTTP_COOKIE, APP_COOKIE, NONE }

    public record ListArgs(
            @Limit Integer limit,
            @Marker String marker,
            @Param(value = "Only pools of this load balancer (id or exact name)", maxLength = 255) String loadBalancer,
            @Param(value = "Only the pool with exactly this name", maxLength = 255) String name) {
    }

    public record PoolArgs(@IdOrName(POOL) String pool) {
    }

    public record CreateArgs(
            @Param(value = "Listener (id or exact name) whose default pool this becomes; give this or load_balancer",
                    maxLength = 255) String listener,
            @Param(value = "Load balancer (id or exact name), for a pool only L7 policies redirect to",
                    maxLength = 255) String loadBalancer,
            @Param(value = "Name of the new pool", required = true, minLength = 1, maxLength = 255) String name,
            @Param(value = "Protocol to the members", required = true) Protocol protocol,
            @Param(value = "How connections are spread over the members", required = true) Algorithm lbAlgorithm,
            @Param("Session persistence (NONE: none)") Persistence sessionPersistence,
            @Param(value = "Cookie name, for APP_COOKIE persistence", maxLength = 255) String cookieName,
            @Param(value = "Description", maxLength = 255) String description,
            @Param("Administratively up; default true") Boolean adminStateUp,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone) {
    }

    public record UpdateArgs(
            @IdOrName(POOL) String pool,
            @Param(value = "New name", minLength = 1, maxLength = 255) String name,
            @Param(value = "New description", maxLength = 255) String description,
            @Param("New algorithm") Algorithm lbAlgorithm,
            @Param("New session persistence (NONE removes it)") Persistence sessionPersistence,
            @Param("false takes every member of the pool out of service") Boolean adminStateUp,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone) {
    }

    public record DeleteArgs(
            @IdOrName(POOL) String pool,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone) {
    }

    private final PoolService pools;

    public PoolTools(PoolService pools) {
        this.pools = pools;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("lb_pool_list", Toolset.LOADBALANCER, ListArgs.class, LbObjectRecords.POOLS)
                        .title("Pools: List")
                        .description("List load-balancer pools, one page at a time, with protocol, algorithm,"
                                + " member count, health monitor and status; filter by load balancer or name.")
                        .handler((ctx, a) -> pools.list(a.limit(), a.marker(), a.loadBalancer(), a.name()))
                        .build(),
                ToolDefinition.read("lb_pool_get", Toolset.LOADBALANCER, PoolArgs.class, Pool.class)
                        .title("Pools: Get")
                        .description("One pool: protocol, algorithm, session persistence, the listeners using it,"
                                + " its health monitor and status. Its members: lb_member_list.")
                        .handler((ctx, a) -> pools.get(a.pool()))
                        .build(),
                ToolDefinition.write("lb_pool_create", Toolset.LOADBALANCER, CreateArgs.class, Pool.class)
                        .title("Pools: Create")
                        .description("Create a pool of backends, as a listener's default pool or (with"
                                + " load_balancer) for L7 policies to redirect to. Then add members with"
                                + " lb_member_add and a health monitor with lb_healthmonitor_create.")
                        .handler((ctx, a) -> pools.create(a.listener(), a.loadBalancer(), a.name(),
                                a.protocol().name(), a.lbAlgorithm().name(),
                                a.sessionPersistence() == null || a.sessionPersistence() == Persistence.NONE ? null
                                        : a.sessionPersistence().name(), a.cookieName(), a.description(),
                                a.adminStateUp(), !Boolean.FALSE.equals(a.waitUntilDone()), ctx))
                        .build(),
                ToolDefinition.write("lb_pool_update", Toolset.LOADBALANCER, UpdateArgs.class, Pool.class)
                        .title("Pools: Update")
                        .description("Change a pool's name, description, algorithm, session persistence or admin"
                                + " state; only the given fields change.")
                        .handler((ctx, a) -> pools.update(a.pool(), a.name(), a.description(),
                                a.lbAlgorithm() == null ? null : a.lbAlgorithm().name(),
                                a.sessionPersistence() == null ? null : a.sessionPersistence().name(),
                                a.adminStateUp(), !Boolean.FALSE.equals(a.waitUntilDone()), ctx))
                        .build(),
                ToolDefinition.destructive("lb_pool_delete", Toolset.LOADBALANCER, DeleteArgs.class, LbDeleted.class)
                        .title("Pools: Delete")
                        .description("Delete a pool with its members and health monitor (the preview lists them);"
                                + " listeners using it as default pool are left without backends.")
                        .preview((ctx, a) -> pools.deletePreview(a.pool()))
                        .handler((ctx, a) -> pools.delete(a.pool(), !Boolean.FALSE.equals(a.waitUntilDone()), ctx))
                        .build());
    }
}
