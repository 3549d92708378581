package io.github.openstackops.mcp.catalog;

import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

/** Another resource a result points at (a server's image, a volume's server, a role's domain): its id and name. */
@Doc("A reference to another resource")
public record Ref(@Doc("Id") String id, @Nullable @Doc("Name") String name) {
}
