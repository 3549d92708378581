package io.github.openstackops.mcp.catalog;

import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** What a destructive call would do, shown before it is confirmed. */
@Doc("What the call would do; nothing has happened yet.")
public record Preview(
        @Doc("The operation, e.g. 'delete server'") String action,
        @Doc("One sentence naming what would change") String summary,
        @Doc("Every resource affected, and how") List<Resource> resources,
        @Doc("Things to know before confirming") List<String> warnings) {

    public Preview {
        resources = List.copyOf(resources);
        warnings = List.copyOf(warnings);
    }

    @Doc("A resource the operation affects")
    public record Resource(
            @Doc("Resource type, e.g. server, volume, floating_ip") String type,
            @Doc("Resource id") String id,
            @Nullable @Doc("Resource name") String name,
            @Doc("What happens to it, e.g. 'deleted', 'detached, kept', 'released'") String effect) {
    }
}
