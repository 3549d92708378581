package io.github.openstackops.mcp.loadbalancer;

import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** Amphorae, providers, load-balancer flavors and availability zones, compactly. */
public final class LbAdminRecords {

    private LbAdminRecords() {
    }

    @Doc("An amphora: the appliance (a VM with the amphora provider) that serves a load balancer")
    public record AmphoraSummary(
            @Doc("Amphora id") String id,
            @Nullable @Doc("Load balancer it serves") String loadBalancerId,
            @Doc("ALLOCATED, BOOTING, READY, PENDING_CREATE/DELETE, DELETED or ERROR") String status,
            @Nullable @Doc("STANDALONE, MASTER or BACKUP") String role,
            @Nullable @Doc("Address on the management network") String lbNetworkIp,
            @Nullable @Doc("VIP address it holds") String haIp) {
    }

    public static final Page.Kind<AmphoraSummary> AMPHORAE = Page.Kind.of(AmphoraSummary.class, "amphorae", "amphorae");

    @Doc("An amphora in detail")
    public record Amphora(
            @Doc("Amphora id") String id,
            @Nullable @Doc("Load balancer it serves") String loadBalancerId,
            @Doc("ALLOCATED, BOOTING, READY, PENDING_CREATE/DELETE, DELETED or ERROR") String status,
            @Nullable @Doc("STANDALONE, MASTER or BACKUP") String role,
            @Nullable @Doc("Nova server id of the amphora VM") String computeId,
            @Nullable @Doc("Address on the management network") String lbNetworkIp,
            @Nullable @Doc("Its address on the VIP network") String vrrpIp,
            @Nullable @Doc("VIP address it holds") String haIp,
            @Nullable @Doc("Port of its VIP-network address") String vrrpPortId,
            @Nullable @Doc("Port of the VIP") String haPortId,
            @Nullable @Doc("Glance image it was built from") String imageId,
            @Nullable @Doc("Nova flavor id") String computeFlavor,
            @Nullable @Doc("When its certificate expires") String certExpiration,
            @Nullable @Doc("Creation time") String created,
            @Nullable @Doc("Last update time") String updated) {
    }

    @Doc("A provider driver that builds load balancers")
    public record Provider(
            @Doc("Name, as given to loadbalancer_create") String name,
            @Nullable @Doc("Description") String description) {
    }

    @Doc("The enabled provider drivers")
    public record ProviderList(
            @Doc("Providers") List<Provider> providers,
            @Doc("Number of providers") int count) {
    }

    @Doc("An option a provider takes in a flavor or availability-zone profile")
    public record Capability(
            @Doc("Option name") String name,
            @Nullable @Doc("What it sets") String description) {
    }

    @Doc("A provider with what its flavor and availability-zone profiles may set")
    public record ProviderDetail(
            @Doc("Name") String name,
            @Nullable @Doc("Description") String description,
            @Doc("Options of its flavor profiles") List<Capability> flavorCapabilities,
            @Doc("Options of its availability-zone profiles") List<Capability> availabilityZoneCapabilities) {
    }

    @Doc("A load-balancer flavor: a named set of provider options (topology, compute flavor, ...)")
    public record LbFlavor(
            @Doc("Flavor id") String id,
            @Doc("Name") String name,
            @Nullable @Doc("Description") String description,
            @Doc("Usable for new load balancers") boolean enabled,
            @Nullable @Doc("Flavor profile id (admin: its provider options)") String flavorProfileId) {
    }

    public static final Page.Kind<LbFlavor> FLAVORS = Page.Kind.of(LbFlavor.class, "flavors", "load-balancer flavors");

    @Doc("A load-balancer availability zone")
    public record LbAvailabilityZone(
            @Doc("Name, as given to loadbalancer_create") String name,
            @Nullable @Doc("Description") String description,
            @Doc("Usable for new load balancers") boolean enabled,
            @Nullable @Doc("Availability-zone profile id") String availabilityZoneProfileId) {
    }

    @Doc("Load-balancer availability zones")
    public record LbAvailabilityZoneList(
            @Doc("Availability zones") List<LbAvailabilityZone> availabilityZones,
            @Doc("Number listed") int count) {
    }
}
