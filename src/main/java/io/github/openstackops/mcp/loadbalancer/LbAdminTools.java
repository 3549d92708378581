package io.github.openstackops.mcp.loadbalancer;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.loadbalancer.LbAdminRecords.Amphora;
import io.github.openstackops.mcp.loadbalancer.LbAdminRecords.LbAvailabilityZone;
import io.github.openstackops.mcp.loadbalancer.LbAdminRecords.LbAvailabilityZoneList;
import io.github.openstackops.mcp.loadbalancer.LbAdminRecords.LbFlavor;
import io.github.openstackops.mcp.loadbalancer.LbAdminRecords.ProviderDetail;
import io.github.openstackops.mcp.loadbalancer.LbAdminRecords.ProviderList;
import jakarta.inject.Singleton;

import java.util.List;


/** What load balancers run on: amphorae (admin), providers and their capabilities, flavors, availability zones. */
@Singleton
public class LbAdminTools implements ToolProvider {

    public record NoArgs() {
    }

    public enum AmphoraStatus { ALLOCATED, BOOTING, READY, PENDING_CREATE, PENDING_DELETE, DELETED, ERROR }

    public enum AmphoraRole { STANDALONE, MASTER, BACKUP }

    public record AmphoraListArgs(
            @Limit Integer limit,
            @Marker String marker,
            @Param(value = "Only those of this load balancer (id or exact name)", maxLength = 255) String loadBalancer,
            @Param("Only those in this status (ERROR: broken, worth a failover)") AmphoraStatus status,
            @Param("Only those in this role") AmphoraRole role) {
    }

    public record AmphoraArgs(@Param(value = "Amphora id", required = true, minLength = 1, maxLength = 64) String amphora) {
    }

    public record ProviderArgs(
            @Param(value = "Provider name, e.g. amphora or ovn", required = true, minLength = 1, maxLength = 64) String provider) {
    }

    public record FlavorListArgs(
            @Limit Integer limit,
            @Marker String marker,
            @Param(value = "Only the flavor with exactly this name", maxLength = 255) String name,
            @Param("Only enabled (true) or disabled (false) ones") Boolean enabled) {
    }

    public record FlavorArgs(
            @Param(value = "Load-balancer flavor id, or its exact name when unique", required = true, minLength = 1,
                    maxLength = 255) String flavor) {
    }

    public record ZoneListArgs(
            @Param(value = "Only the zone with exactly this name", maxLength = 255) String name,
            @Param("Only enabled (true) or disabled (false) ones") Boolean enabled) {
    }

    public record ZoneArgs(
            @Param(value = "Availability zone name", required = true, minLength = 1, maxLength = 255) String availabilityZone) {
    }

    private final LbAdminService admin;

    public LbAdminTools(LbAdminService admin) {
        this.admin = admin;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("lb_amphora_list", Toolset.LOADBALANCER, AmphoraListArgs.class, LbAdminRecords.AMPHORAE)
                        .title("Amphorae: List")
                        .adminOnly()
                        .description("List amphorae (the appliances of the amphora provider) with their load"
                                + " balancer, status and role, a page at a time; filter by load balancer, status or"
                                + " role. Admin only.")
                        .handler((ctx, a) -> admin.amphorae(a.limit(), a.marker(), a.loadBalancer(),
                                a.status() == null ? null : a.status().name(), a.role() == null ? null
                                        : a.role().name()))
                        .build(),
                ToolDefinition.read("lb_amphora_get", Toolset.LOADBALANCER, AmphoraArgs.class, Amphora.class)
                        .title("Amphorae: Get")
                        .adminOnly()
                        .description("One amphora in detail: its Nova server, addresses, ports, image, certificate"
                                + " expiry. Admin only.")
                        .handler((ctx, a) -> admin.amphora(a.amphora()))
                        .build(),
                ToolDefinition.read("lb_provider_list", Toolset.LOADBALANCER, NoArgs.class, ProviderList.class)
                        .title("LB Providers: List")
                        .description("The provider drivers this cloud enables for new load balancers (e.g."
                                + " amphora, ovn).")
                        .handler((ctx, a) -> admin.providers())
                        .build(),
                ToolDefinition.read("lb_provider_get", Toolset.LOADBALANCER, ProviderArgs.class, ProviderDetail.class)
                        .title("LB Providers: Get")
                        .adminOnly()
                        .description("A provider with its capabilities: the options its flavor profiles and"
                                + " availability-zone profiles may set. Admin only.")
                        .handler((ctx, a) -> admin.provider(a.provider()))
                        .build(),
                ToolDefinition.read("lb_flavor_list", Toolset.LOADBALANCER, FlavorListArgs.class, LbAdminRecords.FLAVORS)
                        .title("LB Flavors: List")
                        .description("Load-balancer flavors (offered sizes or topologies for loadbalancer_create),"
                                + " a page at a time; filter by name or enabled.")
                        .handler((ctx, a) -> admin.flavors(a.limit(), a.marker(), a.name(), a.enabled()))
                        .build(),
                ToolDefinition.read("lb_flavor_get", Toolset.LOADBALANCER, FlavorArgs.class, LbFlavor.class)
                        .title("LB Flavors: Get")
                        .description("One load-balancer flavor by id or name.")
                        .handler((ctx, a) -> admin.flavor(a.flavor()))
                        .build(),
                ToolDefinition.read("lb_availability_zone_list", Toolset.LOADBALANCER, ZoneListArgs.class,
                                LbAvailabilityZoneList.class)
                        .title("LB Availability Zones: List")
                        .description("Availability zones for new load balancers; filter by name or enabled.")
                        .handler((ctx, a) -> admin.zones(a.name(), a.enabled()))
                        .build(),
                ToolDefinition.read("lb_availability_zone_get", Toolset.LOADBALANCER, ZoneArgs.class,
                                LbAvailabilityZone.class)
                        .title("LB Availability Zones: Get")
                        .description("One load-balancer availability zone by name.")
                        .handler((ctx, a) -> admin.zone(a.availabilityZone()))
                        .build());
    }
}
