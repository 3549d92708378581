package io.github.openstackops.mcp.catalog;

import io.micronaut.context.exceptions.ConfigurationException;

import java.util.Locale;

/** How operations become tools on every surface ({@code MCP_TOOL_MODE}). */
public enum ToolMode {
    /** One tool per toolset and safety class; the operation is an argument. */
    GROUPED,
    /** One tool per operation. */
    ALL,
    /** ALL when the offered catalog fits the budget ({@link ToolBudget}), else GROUPED. */
    AUTO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ToolMode parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "grouped", "group", "namespace" -> GROUPED;
            case "all" -> ALL;
            case "auto", "" -> AUTO;
            default -> throw new ConfigurationException("MCP_TOOL_MODE=" + value + ": expected grouped, all or auto");
        };
    }
}
