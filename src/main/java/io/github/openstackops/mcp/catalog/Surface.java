package io.github.openstackops.mcp.catalog;

/** The ways a tool can be reached. Every one of them goes through {@link ToolInvoker}. */
public enum Surface {
    STDIO, MCP_HTTP, OPENAPI, REST
}
