package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.network.PortForwardingRecords.PortForwarding;
import io.github.openstackops.mcp.network.PortForwardingRecords.PortForwardingDeleted;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/** Port forwardings of floating IPs: list, get, create, update, delete. */
@Singleton
public class PortForwardingTools implements ToolProvider {

    static final String PF = "Port forwarding id (see port_forwarding_list)";
    static final String PORTS = "^[0-9]{1,5}(:[0-9]{1,5})?$";

    public enum Protocol { TCP, UDP }

    public record ListArgs(
            @Param(value = FloatingIpTools.FIP, required = true, minLength = 1, maxLength = 64) String floatingIp,
            @Limit Integer limit,
            @Marker String marker,
            @Param("Only this protocol") Protocol protocol,
            @Param(value = "Only those forwarding to this port (id or exact name)", maxLength = 255) String port,
            @Param(value = "Only the one on this external port", min = 1, max = 65535) Integer externalPort) {
    }

    public record PfArgs(
            @Param(value = FloatingIpTools.FIP, required = true, minLength = 1, maxLength = 64) String floatingIp,
            @Param(value = PF, required = true, minLength = 1, maxLength = 64) String portForwarding) {
    }

    public record CreateArgs(
            @Param(value = FloatingIpTools.FIP + "; it must not be associated with a port", required = true,
                    minLength = 1, maxLength = 64) String floatingIp,
            @IdOrName("The port to forward to (id or exact name), on a subnet routed to the floating IP's network") String port,
            @Param(value = "tcp or udp", required = true) Protocol protocol,
            @Param(value = "External port, or a range like 6000:6010", required = true, pattern = PORTS, maxLength = 11) String externalPort,
            @Param(value = "Internal port, or a range of the same size", required = true, pattern = PORTS, maxLength = 11) String internalPort,
            @Param(value = "Fixed IP of the port to forward to (default: its only IPv4 address)", pattern = SubnetService.IP, maxLength = 45) String internalIpAddress,
            @Param(value = "Description", maxLength = 255) String description) {
    }

    public record UpdateArgs(
            @Param(value = FloatingIpTools.FIP, required = true, minLength = 1, maxLength = 64) String floatingIp,
            @Param(value = PF, required = true, minLength = 1, maxLength = 64) String portForwarding,
            @Param(value = "Another port to forward to (id or exact name)", maxLength = 255) String port,
            @Param("tcp or udp") Protocol protocol,
            @Param(value = "New external port or range", pattern = PORTS, maxLength = 11) String externalPort,
            @Param(value = "New internal port or range", pattern = PORTS, maxLength = 11) String internalPort,
            @Param(value = "New internal fixed IP", pattern = SubnetService.IP, maxLength = 45) String internalIpAddress,
            @Param(value = "New description", maxLength = 255) String description) {
    }

    private final PortForwardingService forwardings;

    public PortForwardingTools(PortForwardingService forwardings) {
        this.forwardings = forwardings;
    }

    private static String lower(Protocol p) {
        return p == null ? null : p.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("port_forwarding_list", Toolset.NETWORK, ListArgs.class,
                                PortForwardingRecords.PORT_FORWARDINGS)
                        .title("Port Forwardings: List")
                        .description("List a floating IP's port forwardings. Each in words; filter by protocol,"
                                + " internal port or external port; Neutron filters and pages.")
                        .handler((ctx, a) -> forwardings.list(a.floatingIp(), a.limit(), a.marker(),
                                lower(a.protocol()), a.port(), a.externalPort()))
                        .build(),
                ToolDefinition.read("port_forwarding_get", Toolset.NETWORK, PfArgs.class, PortForwarding.class)
                        .title("Port Forwardings: Get")
                        .description("One port forwarding of a floating IP.")
                        .handler((ctx, a) -> forwardings.get(a.floatingIp(), a.portForwarding()))
                        .build(),
                ToolDefinition.write("port_forwarding_create", Toolset.NETWORK, CreateArgs.class, PortForwarding.class)
                        .title("Port Forwardings: Create")
                        .description("Forward a floating IP's port to a fixed IP. The floating IP must be"
                                + " unassociated; the port's security groups still apply.")
                        .handler((ctx, a) -> forwardings.create(a.floatingIp(), new PortForwardingService.Changes(
                                a.port(), a.internalIpAddress(), lower(a.protocol()), a.internalPort(),
                                a.externalPort(), a.description()), ctx))
                        .build(),
                ToolDefinition.write("port_forwarding_update", Toolset.NETWORK, UpdateArgs.class, PortForwarding.class)
                        .title("Port Forwardings: Update")
                        .description("Change a port forwarding. Only the given fields change.")
                        .handler((ctx, a) -> forwardings.update(a.floatingIp(), a.portForwarding(),
                                new PortForwardingService.Changes(a.port(), a.internalIpAddress(), lower(a.protocol()),
                                        a.internalPort(), a.externalPort(), a.description()), ctx))
                        .build(),
                ToolDefinition.destructive("port_forwarding_delete", Toolset.NETWORK, PfArgs.class,
                                PortForwardingDeleted.class)
                        .title("Port Forwardings: Delete")
                        .description("Delete a port forwarding. The preview shows what stops being reachable.")
                        .preview((ctx, a) -> forwardings.deletePreview(a.floatingIp(), a.portForwarding()))
                        .handler((ctx, a) -> forwardings.delete(a.floatingIp(), a.portForwarding(), ctx))
                        .build());
    }
}
