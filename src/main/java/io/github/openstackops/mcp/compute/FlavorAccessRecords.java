package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/** A flavor's extra specs and the projects a private flavor is shared with. */
public final class FlavorAccessRecords {

    private FlavorAccessRecords() {
    }

    @Doc("A flavor's extra specs after a change")
    public record FlavorSpecs(
            @Doc("Flavor id") String flavorId,
            @Doc("Flavor name") String flavorName,
            @Doc("All extra specs now") Map<String, String> extraSpecs,
            @Doc("What changed, in a sentence") String message) {
    }

    @Doc("A project that may use a private flavor")
    public record FlavorProject(
            @Doc("Project id") String id,
            @Nullable @Doc("Project name (first 25 only)") String name) {
    }

    @Doc("The projects that may use a private flavor")
    public record FlavorAccess(
            @Doc("Flavor id") String flavorId,
            @Doc("Flavor name") String flavorName,
            @Doc("Projects with access") List<FlavorProject> projects,
            @Doc("Number of projects") int count,
            @Nullable @Doc("What changed, in a sentence (after add or remove)") String message) {
    }
}
