package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.compute.PlacementRecords.FlavorCapacity;
import io.github.openstackops.mcp.compute.PlacementRecords.ResourceProviderDetail;
import io.github.openstackops.mcp.compute.PlacementRecords.ResourceProviderList;
import jakarta.inject.Singleton;

import java.util.List;

/** Capacity the way the scheduler sees it (admin): Placement's resource providers and room for a flavor. */
@Singleton
public class PlacementTools implements ToolProvider {

    public record ListArgs(
            @Limit("Most providers listed") Integer limit,
            @Param(value = "Only the provider with this exact name (a compute host's hypervisor hostname)",
                    maxLength = 255) String name,
            @Param(value = "Only providers with this much free capacity, e.g. VCPU:2,MEMORY_MB:4096,DISK_GB:20",
                    maxLength = 255) String resources,
            @Param(value = "Only providers with these traits; prefix one with ! to exclude providers that have it",
                    maxItems = 16) List<String> traits,
            @Param(value = "Only providers in this Placement aggregate (uuid)", maxLength = 64) String memberOf) {
    }

    public record GetArgs(@IdOrName("Resource provider uuid or exact name, e.g. compute1") String provider) {
    }

    public record CapacityArgs(
            @IdOrName("Flavor (id or exact name), e.g. m1.small") String flavor,
            @Param(value = "Servers boot from a volume: the root disk is not taken from the host",
                    defaultValue = "false") Boolean bootFromVolume,
            @Limit("Most hosts listed") Integer limit) {
    }

    private final PlacementService placement;
    private final CapacityService capacity;

    public PlacementTools(PlacementService placement, CapacityService capacity) {
        this.placement = placement;
        this.capacity = capacity;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("resource_provider_list", Toolset.COMPUTE, ListArgs.class,
                                ResourceProviderList.class)
                        .adminOnly()
                        .title("Resource Providers: List")
                        .description("Placement's resource providers (compute hosts). Admin only. Placement filters:"
                                + " by name, free capacity ('resources'), traits and aggregate; it does not page, so"
                                + " the list is cut at 'limit' and says when it was.")
                        .handler((ctx, a) -> placement.list(a.limit(), new PlacementService.Filters(a.name(),
                                a.resources(), a.traits(), a.memberOf())))
                        .build(),
                ToolDefinition.read("resource_provider_get", Toolset.COMPUTE, GetArgs.class,
                                ResourceProviderDetail.class)
                        .adminOnly()
                        .title("Resource Providers: Get")
                        .description("A provider's inventory and usage per resource class. Admin only. Per class:"
                                + " total, reserved, allocation ratio, min/max unit, step, used, capacity ((total -"
                                + " reserved) x ratio) and free; with its traits and aggregates.")
                        .handler((ctx, a) -> placement.get(a.provider()))
                        .build(),
                ToolDefinition.read("flavor_capacity", Toolset.COMPUTE, CapacityArgs.class, FlavorCapacity.class)
                        .adminOnly()
                        .title("Flavors: Capacity")
                        .description("Where a flavor fits now, and how many more. Admin only. Asks Placement for"
                                + " allocation candidates as Nova's scheduler does (vCPUs, RAM, disk, the flavor's"
                                + " resources:/trait: extra specs, no disabled hosts), then counts per host from"
                                + " capacity and usage. Scheduler filters beyond resources and traits (zones,"
                                + " aggregates, server groups) are not applied.")
                        .handler((ctx, a) -> capacity.flavorCapacity(a.flavor(), Boolean.TRUE.equals(
                                a.bootFromVolume()), a.limit()))
                        .build());
    }
}
