package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.compute.ServerRecords.ServerUpdated;
import jakarta.inject.Singleton;

import java.util.List;

import static io.github.openstackops.mcp.compute.ServerTools.SERVER;

/** server_update: rename a server, set or clear its description. */
@Singleton
public class ServerUpdateTools implements ToolProvider {

    public record UpdateArgs(
            @Param(value = SERVER, required = true, minLength = 1, maxLength = 255) String server,
            @Param(value = "New name", minLength = 1, maxLength = 255) String name,
            @Param(value = "New description; \"\" clears it", maxLength = 255) String description) {
    }

    private final ServerUpdateService updates;

    public ServerUpdateTools(ServerUpdateService updates) {
        this.updates = updates;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(ToolDefinition.write("server_update", Toolset.COMPUTE, UpdateArgs.class, ServerUpdated.class)
                .title("Servers: Update")
                .description("Rename a server and/or set its description (\"\" clears it). Nothing else about the"
                        + " server changes; its id stays the same.")
                .handler((ctx, a) -> updates.update(a.server(), a.name(), a.description()))
                .build());
    }
}
