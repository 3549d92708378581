package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.compute.FlavorRecords.FlavorCreated;
import io.github.openstackops.mcp.compute.FlavorRecords.FlavorDeleted;
import io.github.openstackops.mcp.compute.FlavorRecords.FlavorDetail;
import io.github.openstackops.mcp.compute.FlavorService.Visibility;
import jakarta.inject.Singleton;

import java.util.List;

/** Flavor tools: list, get, create (admin), delete (admin). */
@Singleton
public class FlavorTools implements ToolProvider {

    static final String FLAVOR = "Flavor id, or its exact name when that name is unique";

    public record ListArgs(
            @Limit("Flavors per page") Integer limit,
            @Marker("Id of the last flavor of the previous page (its 'next_marker')") String marker,
            @Param(value = "Only flavors with at least this much RAM (MiB)", min = 0) Integer minRamMb,
            @Param(value = "Only flavors with at least this root disk (GiB)", min = 0) Integer minDiskGb,
            @Param(value = "all: every flavor this user may see (admins see private ones too); public; private",
                    defaultValue = "\"all\"") Visibility visibility) {
    }

    public record GetArgs(@IdOrName(FLAVOR) String flavor) {
    }

    public record CreateArgs(
            @Param(value = "Flavor name", required = true, minLength = 1, maxLength = 255) String name,
            @Param(value = "vCPUs", required = true, min = 1, max = 4096) Integer vcpus,
            @Param(value = "RAM in MiB", required = true, min = 1) Integer ramMb,
            @Param(value = "Root disk in GiB (0: sized by the image, for boot-from-volume flavors)", required = true,
                    min = 0) Integer diskGb,
            @Param(value = "Ephemeral disk in GiB", defaultValue = "0", min = 0) Integer ephemeralGb,
            @Param(value = "Swap in MiB", defaultValue = "0", min = 0) Integer swapMb,
            @Param(value = "Public: usable by every project; false: private", defaultValue = "true") Boolean isPublic,
            @Param(value = "Flavor id; a UUID is generated when absent", maxLength = 255,
                    pattern = "^[A-Za-z0-9._ -]+$") String id,
            @Param(value = "Description", maxLength = 65535) String description) {
    }

    public record DeleteArgs(@IdOrName(FLAVOR) String flavor) {
    }

    private final FlavorService flavors;

    public FlavorTools(FlavorService flavors) {
        this.flavors = flavors;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("flavor_list", Toolset.COMPUTE, ListArgs.class, FlavorRecords.FLAVORS)
                        .title("Flavors: List")
                        .description("List the flavors (server sizes: vCPUs, RAM, disk) this user may use, one page"
                                + " at a time, optionally only those with at least some RAM or disk (filtered in"
                                + " Nova). Pass 'next_marker' as 'marker' for the next page.")
                        .handler((ctx, a) -> flavors.list(a.limit(), a.marker(), a.minRamMb(), a.minDiskGb(),
                                a.visibility()))
                        .build(),
                ToolDefinition.read("flavor_get", Toolset.COMPUTE, GetArgs.class, FlavorDetail.class)
                        .title("Flavors: Get")
                        .description("One flavor in detail, by id or name: sizes, visibility, description and extra"
                                + " specs.")
                        .handler((ctx, a) -> flavors.get(a.flavor()))
                        .build(),
                ToolDefinition.write("flavor_create", Toolset.COMPUTE, CreateArgs.class, FlavorCreated.class)
                        .adminOnly()
                        .title("Flavors: Create")
                        .description("Create a flavor (a server size). Admin only.")
                        .handler((ctx, a) -> flavors.create(a.name(), a.vcpus(), a.ramMb(), a.diskGb(),
                                a.ephemeralGb(), a.swapMb(), a.isPublic(), a.id(), a.description()))
                        .build(),
                ToolDefinition.destructive("flavor_delete", Toolset.COMPUTE, DeleteArgs.class, FlavorDeleted.class)
                        .adminOnly()
                        .title("Flavors: Delete")
                        .description("Delete a flavor. The preview names the flavor and warns how many servers of"
                                + " any project still use it (they keep running). Admin only.")
                        .preview((ctx, a) -> flavors.deletePreview(a.flavor()))
                        .handler((ctx, a) -> flavors.delete(a.flavor()))
                        .build());
    }
}
