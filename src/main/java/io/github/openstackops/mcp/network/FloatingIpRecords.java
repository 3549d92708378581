package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** Floating IPs and their pools, compactly. */
public final class FloatingIpRecords {

    private FloatingIpRecords() {
    }

    @Doc("A floating IP and what it is attached to")
    public record FloatingIp(
            @Doc("Floating IP id") String id,
            @Doc("The public address") String floatingIpAddress,
            @Doc("ACTIVE, DOWN or ERROR (DOWN also when the cloud has no L3 agent)") String status,
            @Doc("Pool (external network) id") String networkId,
            @Nullable @Doc("Pool (external network) name") String network,
            @Nullable @Doc("Fixed IP it forwards to; absent when not associated") String fixedIpAddress,
            @Nullable @Doc("Port it is associated with; absent when not associated") String portId,
            @Nullable @Doc("Server it is attached to (through that port)") String serverId,
            @Nullable @Doc("Name of that server") String server,
            @Nullable @Doc("Router that carries it") String routerId,
            @Nullable @Doc("Description") String description,
            @Nullable @Doc("QoS policy applied to its traffic") Ref qosPolicy,
            @Nullable @Doc("Owning project id") String projectId) {
    }

    public static final Page.Kind<FloatingIp> FLOATING_IPS = Page.Kind.of(FloatingIp.class, "floating_ips", "floating IPs");

    @Doc("A subnet of a floating IP pool")
    public record PoolSubnet(
            @Doc("Subnet id") String id,
            @Nullable @Doc("Subnet name") String name,
            @Doc("CIDR") String cidr,
            @Nullable @Doc("Addresses Neutron can allocate (admin only)") Long totalIps,
            @Nullable @Doc("Addresses in use (admin only)") Long usedIps,
            @Nullable @Doc("Addresses still free (admin only)") Long freeIps) {
    }

    @Doc("A floating IP pool: an external network")
    public record FloatingIpPool(
            @Doc("External network id") String networkId,
            @Doc("External network name") String name,
            @Doc("Shared with every project") boolean shared,
            @Doc("Its subnets") List<PoolSubnet> subnets,
            @Nullable @Doc("Addresses Neutron can allocate (admin only)") Long totalIps,
            @Nullable @Doc("Addresses in use (admin only)") Long usedIps,
            @Nullable @Doc("Addresses still free (admin only)") Long freeIps) {
    }

    @Doc("Floating IP pools")
    public record FloatingIpPoolPage(
            @Doc("Pools on this page") List<FloatingIpPool> pools,
            @Doc("Number of pools on this page") int count,
            @Nullable @Doc("Pass as 'marker' to get the next page; absent on the last page") String nextMarker,
            @Nullable @Doc("Why free-IP counts are absent, when they are") String note) {
    }

    @Doc("The result of associating or disassociating a floating IP")
    public record FloatingIpChange(
            @Doc("The floating IP now") FloatingIp floatingIp,
            @Doc("Whether anything changed") boolean changed,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("The result of releasing a floating IP")
    public record FloatingIpReleased(
            @Doc("Floating IP id") String id,
            @Doc("The address, returned to the pool") String floatingIpAddress,
            @Doc("What happened, in a sentence") String message) {
    }
}
