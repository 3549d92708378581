package io.github.openstackops.mcp.catalog;

import java.util.List;

/** A feature package's tools. Each provider is a bean; {@link ToolCatalog} collects them all. */
public interface ToolProvider {
    List<ToolDefinition<?, ?>> tools();
}
