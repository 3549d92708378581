package io.github.openstackops.mcp.catalog;

/** Says what a destructive tool would do with these arguments, touching nothing. */
@FunctionalInterface
public interface Previewer<A extends Record> {
    Preview preview(ToolContext context, A arguments);
}
