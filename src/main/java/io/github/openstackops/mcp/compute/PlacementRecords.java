package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/** Capacity as the scheduler sees it: Placement's resource providers, their inventories and usages, and room for a flavor. */
public final class PlacementRecords {

    private PlacementRecords() {
    }

    @Doc("A Placement resource provider (a compute host, or a nested provider of one)")
    public record ResourceProvider(
            @Doc("Provider uuid") String uuid,
            @Doc("Provider name (for a compute host: its hypervisor hostname)") String name,
            @Nullable @Doc("Parent provider uuid, for a nested provider") String parentUuid,
            @Nullable @Doc("Root provider uuid, when not the provider itself") String rootUuid) {
    }

    @Doc("Resource providers, as Placement filtered them")
    public record ResourceProviderList(
            @Doc("The providers, in Placement's order") List<ResourceProvider> resourceProviders,
            @Doc("Number of providers listed") int count,
            @Doc("Whether more providers matched than 'limit' (Placement does not page this list)") boolean truncated) {
    }

    @Doc("One resource class of a provider: inventory, usage and what is left")
    public record Inventory(
            @Doc("Resource class, e.g. VCPU, MEMORY_MB, DISK_GB") String resourceClass,
            @Doc("Total amount the provider has") long total,
            @Doc("Amount held back for the host itself") long reserved,
            @Doc("Overcommit factor") double allocationRatio,
            @Doc("Smallest amount one allocation may take") long minUnit,
            @Doc("Largest amount one allocation may take (e.g. the most vCPUs one server can get)") long maxUnit,
            @Doc("Allocations are multiples of this") long stepSize,
            @Doc("Amount allocated to consumers (servers) now") long used,
            @Doc("What can be allocated: (total - reserved) x allocation_ratio") long capacity,
            @Doc("Capacity minus used") long free) {
    }

    @Doc("A resource provider with its inventories, usage, traits and aggregates")
    public record ResourceProviderDetail(
            @Doc("Provider uuid") String uuid,
            @Doc("Provider name") String name,
            @Doc("Generation (changes with every inventory or allocation change)") long generation,
            @Nullable @Doc("Parent provider uuid, for a nested provider") String parentUuid,
            @Nullable @Doc("Root provider uuid, when not the provider itself") String rootUuid,
            @Doc("Inventory and usage per resource class") List<Inventory> inventories,
            @Doc("Traits (capabilities the scheduler can require or forbid)") List<String> traits,
            @Doc("Uuids of the Placement aggregates it belongs to") List<String> aggregates) {
    }

    @Doc("Room for one more server of the flavor on a provider")
    public record HostRoom(
            @Doc("The provider (compute host)") Ref provider,
            @Doc("How many more servers of the flavor fit on it now") long moreServers,
            @Doc("The resource class that runs out first") String limitedBy,
            @Doc("Free amount of each requested resource class") Map<String, Long> free) {
    }

    @Doc("Where a flavor fits now and how many more servers of it")
    public record FlavorCapacity(
            @Doc("The flavor") Ref flavor,
            @Doc("Resources one server of it asks Placement for, per class") Map<String, Long> request,
            @Doc("Traits required (from the flavor's extra specs)") List<String> requiredTraits,
            @Doc("Traits forbidden (from the flavor's extra specs, and disabled compute services)")
            List<String> forbiddenTraits,
            @Doc("Providers it fits on, most room first") List<HostRoom> fits,
            @Doc("How many providers it fits on") int providersWithRoom,
            @Doc("How many more servers of it fit, summed over those providers") long totalMoreServers,
            @Doc("Compute hosts (root providers) it does not fit on now") List<String> noRoom,
            @Doc("Whether 'fits' or 'no_room' was cut to 'limit'") boolean truncated,
            @Doc("The answer and what it does not model, in sentences") String message) {
    }
}
