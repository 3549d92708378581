package io.github.openstackops.mcp.catalog;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How the catalog is offered to clients. Environment names (see {@code launch.EnvironmentMapping}): MCP_TOOL_MODE,
 * MCP_ADMIN_TOOLS, MCP_OUTPUT_SCHEMAS.
 *
 * @param toolMode      grouped, all, or auto (all when the whole catalog fits the budget, else grouped)
 * @param adminTools    auto (offered until Keystone says the configured user has no admin role), on, or off
 * @param outputSchemas whether tools/list carries each tool's output schema (results are structured either way)
 */
@ConfigurationProperties(CatalogSettings.PREFIX)
public record CatalogSettings(
        @Bindable(defaultValue = "auto") String toolMode,
        @Bindable(defaultValue = "auto") String adminTools,
        @Bindable(defaultValue = "true") boolean outputSchemas) {

    public static final String PREFIX = "mcp.catalog";

    public CatalogSettings {
        toolMode = ToolMode.parse(toolMode == null ? "auto" : toolMode).id();
        adminTools = AdminTier.Setting.parse(adminTools == null ? "auto" : adminTools).id();
    }

    public static CatalogSettings defaults() {
        return new CatalogSettings("auto", "auto", true);
    }

    public ToolMode mode() {
        return ToolMode.parse(toolMode);
    }

    public AdminTier.Setting admin() {
        return AdminTier.Setting.parse(adminTools);
    }
}
