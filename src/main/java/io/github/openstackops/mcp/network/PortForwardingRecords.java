package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

/** Port forwardings of floating IPs, compactly. */
public final class PortForwardingRecords {

    private PortForwardingRecords() {
    }

    @Doc("A port forwarding: traffic to a floating IP's port (range) sent on to a fixed IP")
    public record PortForwarding(
            @Doc("Port forwarding id") String id,
            @Doc("In words, e.g. 'tcp 203.0.113.10:2222 -> 10.0.0.5:22'") String summary,
            @Doc("tcp or udp") String protocol,
            @Doc("External port or range, e.g. 2222 or 6000:6010") String externalPort,
            @Doc("Internal fixed IP it forwards to") String internalIpAddress,
            @Doc("Internal port or range") String internalPort,
            @Doc("The Neutron port holding the internal IP") Ref port,
            @Nullable @Doc("Description") String description) {
    }

    public static final Page.Kind<PortForwarding> PORT_FORWARDINGS = Page.Kind.of(PortForwarding.class,
            "port_forwardings", "port forwardings of a floating IP");

    @Doc("The result of deleting a port forwarding")
    public record PortForwardingDeleted(
            @Doc("Port forwarding id") String id,
            @Doc("What it forwarded, in words") String summary,
            @Doc("What happened, in a sentence") String message) {
    }
}
