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
import io.github.openstackops.mcp.loadbalancer.LbObjectRecords.Listener;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerRecords.LbDeleted;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerRecords.Stats;
import jakarta.inject.Singleton;

import java.util.List;

import static io.github.openstackops.mcp.loadbalancer.LoadBalancerTools.LB;
import static io.github.openstackops.mcp.loadbalancer.LoadBalancerTools.WAIT;

/** Listener tools: list, get, stats, create, update, delete. */
@Singleton
public class ListenerTools implements ToolProvider {

    static final String LISTENER = "Listener id, or its exact name when that name is unique";
    static final String CIDRS = "Source CIDRs allowed to connect (e.g. 10.0.0.0/8); absent or 0.0.0.0/0: every"
            + " address. A sensitive port (SSH, RDP, databases) on a public VIP needs a narrower list unless the"
            + " operator set ALLOW_WORLD_OPEN_INGRESS=true";

    public enum Protocol { HTTP, HTTPS, TCP, UDP, SCTP, TERMINATED_HTTPS, PROMETHEUS }

    public record ListArgs(
            @Limit Integer limit,
            @Marker String marker,
            @Param(value = "Only listeners of this load balancer (id or exact name)", maxLength = 255) String loadBalancer,
            @Param(value = "Only the listener with exactly this name", maxLength = 255) String name,
            @Param("Only listeners of this protocol") Protocol protocol,
            @Param(value = "Only listeners on this port", min = 1, max = 65535) Integer protocolPort) {
    }

    public record ListenerArgs(
            @IdOrName(LISTENER) String listener) {
    }

    public record CreateArgs(
            @IdOrName(LB) String loadBalancer,
            @Param(value = "Name of the new listener", required = true, minLength = 1, maxLength = 255) String name,
            @Param(value = "Protocol clients speak to the VIP", required = true) Protocol protocol,
            @Param(value = "Port on the VIP", required = true, min = 1, max = 65535) Integer protocolPort,
            @Param(value = "Default pool (id or exact name) for requests no L7 policy takes; or create the pool with"
                    + " lb_pool_create listener=...", maxLength = 255) String defaultPool,
            @Param(value = CIDRS, maxItems = 50) List<String> allowedCidrs,
            @Param(value = "Most concurrent connections; -1: unlimited", min = -1) Integer connectionLimit,
            @Param(value = "Description", maxLength = 255) String description,
            @Param("Administratively up; default true") Boolean adminStateUp,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone) {
    }

    public record UpdateArgs(
            @IdOrName(LISTENER) String listener,
            @Param(value = "New name", minLength = 1, maxLength = 255) String name,
            @Param(value = "New description", maxLength = 255) String description,
            @Param(value = "New default pool (id or exact name); empty string: none", maxLength = 255) String defaultPool,
            @Param(value = CIDRS + "; replaces the list", maxItems = 50) List<String> allowedCidrs,
            @Param(value = "Most concurrent connections; -1: unlimited", min = -1) Integer connectionLimit,
            @Param("false stops the listener accepting connections") Boolean adminStateUp,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone) {
    }

    public record DeleteArgs(
            @IdOrName(LISTENER) String listener,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone) {
    }

    private final ListenerService listeners;

    public ListenerTools(ListenerService listeners) {
        this.listeners = listeners;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("lb_listener_list", Toolset.LOADBALANCER, ListArgs.class, LbObjectRecords.LISTENERS)
                        .title("Listeners: List")
                        .description("List load-balancer listeners (protocol and port on a VIP), one page at a time;"
                                + " filter by load balancer, name, protocol or port.")
                        .handler((ctx, a) -> listeners.list(a.limit(), a.marker(), a.loadBalancer(), a.name(),
                                a.protocol() == null ? null : a.protocol().name(), a.protocolPort()))
                        .build(),
                ToolDefinition.read("lb_listener_get", Toolset.LOADBALANCER, ListenerArgs.class, Listener.class)
                        .title("Listeners: Get")
                        .description("One listener: protocol, port, default pool, allowed CIDRs, L7 policies and"
                                + " status. What it routes where: lb_l7policy_list listener=...")
                        .handler((ctx, a) -> listeners.get(a.listener()))
                        .build(),
                ToolDefinition.read("lb_listener_stats", Toolset.LOADBALANCER, ListenerArgs.class, Stats.class)
                        .title("Listeners: Stats")
                        .description("Traffic statistics of one listener: active and total connections, bytes in"
                                + " and out, request errors.")
                        .handler((ctx, a) -> listeners.stats(a.listener()))
                        .build(),
                ToolDefinition.write("lb_listener_create", Toolset.LOADBALANCER, CreateArgs.class, Listener.class)
                        .title("Listeners: Create")
                        .description("Open a protocol and port on a load balancer's VIP. Traffic goes to its default"
                                + " pool (create one with lb_pool_create listener=...) unless an L7 policy takes it.")
                        .handler((ctx, a) -> listeners.create(a.loadBalancer(), a.name(), a.protocol().name(),
                                a.protocolPort(), a.defaultPool(), a.allowedCidrs(), a.connectionLimit(),
                                a.description(), a.adminStateUp(), !Boolean.FALSE.equals(a.waitUntilDone()), ctx))
                        .build(),
                ToolDefinition.write("lb_listener_update", Toolset.LOADBALANCER, UpdateArgs.class, Listener.class)
                        .title("Listeners: Update")
                        .description("Change a listener's name, description, default pool, allowed CIDRs,"
                                + " connection limit or admin state; only the given fields change.")
                        .handler((ctx, a) -> listeners.update(a.listener(), a.name(), a.description(),
                                a.defaultPool(), a.allowedCidrs(), a.connectionLimit(), a.adminStateUp(),
                                !Boolean.FALSE.equals(a.waitUntilDone()), ctx))
                        .build(),
                ToolDefinition.destructive("lb_listener_delete", Toolset.LOADBALANCER, DeleteArgs.class, LbDeleted.class)
                        .title("Listeners: Delete")
                        .description("Delete a listener and its L7 policies: the port on the VIP stops accepting"
                                + " connections. Its pools and members stay.")
                        .preview((ctx, a) -> listeners.deletePreview(a.listener()))
                        .handler((ctx, a) -> listeners.delete(a.listener(), !Boolean.FALSE.equals(a.waitUntilDone()),
                                ctx))
                        .build());
    }
}
