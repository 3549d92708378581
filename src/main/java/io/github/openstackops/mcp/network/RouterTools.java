package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.network.NetworkTools.NetworkStatus;
import io.github.openstackops.mcp.network.RouterRecords.RouterDeleted;
import io.github.openstackops.mcp.network.RouterRecords.RouterDetail;
import io.github.openstackops.mcp.network.RouterRecords.RouterInterfaceChange;
import io.github.openstackops.mcp.network.SubnetService.HostRoute;
import jakarta.inject.Singleton;

import java.util.List;

/** Router tools: list, get, create, update, interfaces, gateway, delete. */
@Singleton
public class RouterTools implements ToolProvider {

    static final String ROUTER = "Router id, or its exact name when that name is unique";
    static final String EXTERNAL = "External network for the gateway (id or exact name; see network_list with"
            + " external=true)";

    public record ListArgs(
            @Limit Integer limit,
            @Marker String marker,
            @Param(value = "Only the router with exactly this name", maxLength = 255) String name,
            @Param("Only routers with this status") NetworkStatus status,
            @Param(value = NetworkTools.PROJECT_FILTER, maxLength = 64) String projectId) {
    }

    public record RouterArgs(@IdOrName(ROUTER) String router) {
    }

    public record CreateArgs(
            @Param(value = "Name of the new router", required = true, minLength = 1, maxLength = 255) String name,
            @Param(value = "Description", maxLength = 255) String description,
            @Param(value = EXTERNAL + "; absent: no gateway yet", maxLength = 255) String externalNetwork,
            @Param("Source NAT for internal networks through the gateway (default true; false is usually admin only)") Boolean enableSnat,
            @Param("Administratively up; default true") Boolean adminStateUp) {
    }

    public record UpdateArgs(
            @IdOrName(ROUTER) String router,
            @Param(value = "New name", minLength = 1, maxLength = 255) String name,
            @Param(value = "New description", maxLength = 255) String description,
            @Param("false takes the router administratively down") Boolean adminStateUp,
            @Param(value = "Replaces the extra static routes (empty list clears them); each next hop must be on one"
                    + " of the router's subnets", maxItems = 50) List<HostRoute> routes) {
    }

    public record InterfaceArgs(
            @IdOrName(ROUTER) String router,
            @Param(value = "Subnet (id or exact name); the router takes the subnet's gateway IP", maxLength = 255) String subnet,
            @Param(value = "Instead of a subnet: an existing port (id or exact name) to use as the interface", maxLength = 255) String port) {
    }

    public record GatewayArgs(
            @IdOrName(ROUTER) String router,
            @IdOrName(EXTERNAL) String externalNetwork,
            @Param("Source NAT for internal networks (default true; false is usually admin only)") Boolean enableSnat) {
    }

    private final RouterService routers;

    public RouterTools(RouterService routers) {
        this.routers = routers;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("router_list", Toolset.NETWORK, ListArgs.class, RouterRecords.ROUTERS)
                        .title("Routers: List")
                        .description("List routers, one page at a time, with their gateway network and external IPs."
                                + " Filter by exact name, status or project; Neutron filters. Pass 'next_marker' as"
                                + " 'marker' for the next page.")
                        .handler((ctx, a) -> routers.list(a.limit(), a.marker(), a.name(),
                                a.status() == null ? null : a.status().name(), a.projectId()))
                        .build(),
                ToolDefinition.read("router_get", Toolset.NETWORK, RouterArgs.class, RouterDetail.class)
                        .title("Routers: Get")
                        .description("One router in detail: its external gateway (network, external IPs, SNAT), its"
                                + " interfaces on internal subnets (IP, subnet, CIDR, network), static routes and"
                                + " status.")
                        .handler((ctx, a) -> routers.get(a.router()))
                        .build(),
                ToolDefinition.write("router_create", Toolset.NETWORK, CreateArgs.class, RouterDetail.class)
                        .title("Routers: Create")
                        .description("Create a router, optionally with its gateway on an external network. Attach"
                                + " internal subnets with router_interface_add.")
                        .handler((ctx, a) -> routers.create(a.name(), a.description(), a.externalNetwork(),
                                a.enableSnat(), a.adminStateUp(), ctx))
                        .build(),
                ToolDefinition.write("router_update", Toolset.NETWORK, UpdateArgs.class, RouterDetail.class)
                        .title("Routers: Update")
                        .description("Change a router's name, description, admin state or extra static routes"
                                + " (replaced whole). Only the given fields change; use router_gateway_set/clear for"
                                + " the gateway.")
                        .handler((ctx, a) -> routers.update(a.router(), a.name(), a.description(), a.adminStateUp(),
                                a.routes(), ctx))
                        .build(),
                ToolDefinition.write("router_interface_add", Toolset.NETWORK, InterfaceArgs.class, RouterInterfaceChange.class)
                        .title("Routers: Add Interface")
                        .description("Attach a subnet to a router (the router takes the subnet's gateway IP), so"
                                + " servers on it reach other attached subnets and, through the gateway, outside"
                                + " networks and floating IPs. Give a subnet, or an existing port.")
                        .handler((ctx, a) -> routers.addInterface(a.router(), a.subnet(), a.port(), ctx))
                        .build(),
                ToolDefinition.write("router_interface_remove", Toolset.NETWORK, InterfaceArgs.class, RouterInterfaceChange.class)
                        .title("Routers: Remove Interface")
                        .description("Detach a subnet (or interface port) from a router. Servers on that subnet lose"
                                + " their route through the router; Neutron refuses while floating IPs of the subnet"
                                + " depend on the router.")
                        .handler((ctx, a) -> routers.removeInterface(a.router(), a.subnet(), a.port(), ctx))
                        .build(),
                ToolDefinition.write("router_gateway_set", Toolset.NETWORK, GatewayArgs.class, RouterDetail.class)
                        .title("Routers: Set Gateway")
                        .description("Set (or replace) a router's external gateway on an external network; it gets"
                                + " an external IP and, with SNAT, gives attached subnets outbound access.")
                        .handler((ctx, a) -> routers.setGateway(a.router(), a.externalNetwork(), a.enableSnat(), ctx))
                        .build(),
                ToolDefinition.write("router_gateway_clear", Toolset.NETWORK, RouterArgs.class, RouterDetail.class)
                        .title("Routers: Clear Gateway")
                        .description("Remove a router's external gateway and release its external IP. Attached"
                                + " subnets lose outside access; Neutron refuses while floating IPs use the router.")
                        .handler((ctx, a) -> routers.clearGateway(a.router(), ctx))
                        .build(),
                ToolDefinition.destructive("router_delete", Toolset.NETWORK, RouterArgs.class, RouterDeleted.class)
                        .title("Routers: Delete")
                        .description("Delete a router; its gateway IP is released. Refused while it still has"
                                + " interfaces on subnets (the refusal lists them; detach with"
                                + " router_interface_remove).")
                        .preview((ctx, a) -> routers.deletePreview(a.router()))
                        .handler((ctx, a) -> routers.delete(a.router(), ctx))
                        .build());
    }
}
