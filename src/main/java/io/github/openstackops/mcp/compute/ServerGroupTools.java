package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.compute.ServerGroupRecords.ServerGroupCreated;
import io.github.openstackops.mcp.compute.ServerGroupRecords.ServerGroupDeleted;
import io.github.openstackops.mcp.compute.ServerGroupRecords.ServerGroupDetail;
import jakarta.inject.Singleton;

import java.util.List;

/** Server group tools: list, get, create, delete. */
@Singleton
public class ServerGroupTools implements ToolProvider {

    static final String GROUP = "Server group id, or its exact name when that name is unique in the project";

    public record ListArgs(
            @Limit("Server groups per page") Integer limit,
            @Marker("The 'next_marker' of the previous page") String marker,
            @Param(value = "Server groups of every project, not just this one (admin only)", defaultValue = "false") Boolean allProjects) {
    }

    public record GetArgs(@IdOrName(GROUP) String serverGroup) {
    }

    public record CreateArgs(
            @Param(value = "Name of the new server group", required = true, minLength = 1, maxLength = 255) String name,
            @Param(value = "Scheduling policy: affinity (same host), anti-affinity (different hosts), soft-affinity or"
                    + " soft-anti-affinity (best effort)", required = true,
                    pattern = "^(affinity|anti-affinity|soft-affinity|soft-anti-affinity)$") String policy,
            @Param(value = "anti-affinity only: most members per compute host", min = 1, max = 1000) Integer maxServerPerHost) {
    }

    public record DeleteArgs(@IdOrName(GROUP) String serverGroup) {
    }

    private final ServerGroupService groups;

    public ServerGroupTools(ServerGroupService groups) {
        this.groups = groups;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("server_group_list", Toolset.COMPUTE, ListArgs.class, ServerGroupRecords.SERVER_GROUPS)
                        .title("Server Groups: List")
                        .description("List server groups (affinity/anti-affinity policies) with their member counts,"
                                + " one page at a time. all_projects=true lists every project's groups (admin"
                                + " only). Pass 'next_marker' as 'marker' for the next page.")
                        .handler((ctx, a) -> groups.list(a.limit(), a.marker(), Boolean.TRUE.equals(a.allProjects())))
                        .build(),
                ToolDefinition.read("server_group_get", Toolset.COMPUTE, GetArgs.class, ServerGroupDetail.class)
                        .title("Server Groups: Get")
                        .description("One server group by id or name: its policy and rules, and its member servers"
                                + " with their names and statuses.")
                        .handler((ctx, a) -> groups.get(a.serverGroup()))
                        .build(),
                ToolDefinition.write("server_group_create", Toolset.COMPUTE, CreateArgs.class, ServerGroupCreated.class)
                        .title("Server Groups: Create")
                        .description("Create a server group with a scheduling policy (e.g. anti-affinity to spread"
                                + " servers over hosts). Servers join it when server_create is given it as"
                                + " 'server_group'.")
                        .handler((ctx, a) -> groups.create(a.name(), a.policy(), a.maxServerPerHost()))
                        .build(),
                ToolDefinition.destructive("server_group_delete", Toolset.COMPUTE, DeleteArgs.class, ServerGroupDeleted.class)
                        .title("Server Groups: Delete")
                        .description("Delete a server group. The preview lists its member servers, which keep"
                                + " running but are no longer bound by its policy.")
                        .preview((ctx, a) -> groups.deletePreview(a.serverGroup()))
                        .handler((ctx, a) -> groups.delete(a.serverGroup()))
                        .build());
    }
}
