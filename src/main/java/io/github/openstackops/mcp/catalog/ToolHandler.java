package io.github.openstackops.mcp.catalog;

/** Does the work of a tool: typed arguments in, a typed result record out. Thin: the work lives in a service. */
@FunctionalInterface
public interface ToolHandler<A extends Record, R extends Record> {
    R handle(ToolContext context, A arguments);
}
