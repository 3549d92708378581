package io.github.openstackops.mcp.identity;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.identity.AccessRecords.RoleCreated;
import io.github.openstackops.mcp.identity.IdentityRecords.AssignmentPage;
import io.github.openstackops.mcp.identity.IdentityRecords.Deleted;
import io.github.openstackops.mcp.identity.IdentityRecords.RoleChange;
import io.github.openstackops.mcp.identity.IdentityRecords.RolePage;
import jakarta.inject.Singleton;

import java.util.List;

import static io.github.openstackops.mcp.identity.IdentityTools.LIMIT;
import static io.github.openstackops.mcp.identity.IdentityTools.UNPAGED;

/** Role tools: list roles, list assignments, grant, revoke, create, delete. */
@Singleton
public class RoleTools implements ToolProvider {

    public record ListArgs(
            @Param(value = "Only the role with exactly this name", maxLength = 255) String name,
            @Param(value = "Only the domain-specific roles of this domain (id or name); default: global roles", maxLength = 255) String domain,
            @Limit(LIMIT) Integer limit) {
    }

    public record AssignmentArgs(
            @Param(value = "Only assignments of this user (id or exact name)", maxLength = 255) String user,
            @Param(value = "Only assignments of this group (id or exact name); not with 'effective'", maxLength = 255) String group,
            @Param(value = "Only assignments on this project (id or exact name)", maxLength = 255) String project,
            @Param(value = "Only assignments on this domain (id or name)", maxLength = 255) String domain,
            @Param(value = "Only this role (id or name)", maxLength = 255) String role,
            @Param(value = "Effective assignments: group assignments expanded into the users who hold them through"
                    + " the group (with 'via_group_id'), inherited ones applied to the projects", defaultValue = "false") Boolean effective,
            @Limit(LIMIT) Integer limit) {
    }

    public record GrantArgs(
            @IdOrName("The role (id or name), e.g. member, reader, admin") String role,
            @Param(value = "The user (id or exact name); give this or 'group'", maxLength = 255) String user,
            @Param(value = "The group (id or exact name); give this or 'user'", maxLength = 255) String group,
            @Param(value = "The project (id or exact name) the role applies to; give this or 'domain'", maxLength = 255) String project,
            @Param(value = "The domain (id or name) the role applies to; give this or 'project'", maxLength = 255) String domain) {
    }

    public record CreateArgs(
            @IdOrName("Name of the new role") String name,
            @Param(value = "Description", maxLength = 255) String description,
            @Param(value = "Domain (id or name) to make it a domain-specific role of; default: a global role", maxLength = 255) String domain) {
    }

    public record DeleteArgs(
            @Param(value = "The role (id or name)", required = true, minLength = 1, maxLength = 255) String role) {
    }

    private final RoleService roles;

    public RoleTools(RoleService roles) {
        this.roles = roles;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("role_list", Toolset.IDENTITY, ListArgs.class, RolePage.class)
                        .adminOnly()
                        .title("Roles: List")
                        .description("List the roles that can be granted (e.g. admin, member, reader), optionally by"
                                + " exact name, or a domain's own roles. Admin only." + UNPAGED)
                        .handler((ctx, a) -> roles.list(a.name(), a.domain(), a.limit()))
                        .build(),
                ToolDefinition.read("role_assignment_list", Toolset.IDENTITY, AssignmentArgs.class, AssignmentPage.class)
                        .adminOnly()
                        .title("Role Assignments: List")
                        .description("Who holds which role where: role assignments filtered by user, group, project,"
                                + " domain and/or role, with the names of everything resolved by Keystone. With"
                                + " effective=true, roles held through groups are shown per user. Without filters it"
                                + " lists every assignment of the cloud. Admin only. Keystone does not paginate:"
                                + " at most 'limit' assignments are returned, and 'truncated' is true when more"
                                + " matched (narrow the filters).")
                        .handler((ctx, a) -> roles.assignments(a.user(), a.group(), a.project(), a.domain(), a.role(),
                                a.effective(), a.limit()))
                        .build(),
                ToolDefinition.write("role_grant", Toolset.IDENTITY, GrantArgs.class, RoleChange.class)
                        .adminOnly()
                        .title("Roles: Grant")
                        .description("Grant a role to a user or a group on a project or a domain (e.g. role 'member'"
                                + " for user 'alice' on project 'web'). Nothing changes when it is already granted."
                                + " Admin only.")
                        .handler((ctx, a) -> roles.grant(a.role(), a.user(), a.group(), a.project(), a.domain()))
                        .build(),
                ToolDefinition.write("role_revoke", Toolset.IDENTITY, GrantArgs.class, RoleChange.class)
                        .adminOnly()
                        .title("Roles: Revoke")
                        .description("Revoke a role a user or a group holds directly on a project or a domain."
                                + " Nothing changes when it is not granted. Refused when it would take this server's"
                                + " own user's access to its own project, or the admin and service users' roles on"
                                + " the 'admin' and 'service' projects. Admin only.")
                        .handler((ctx, a) -> roles.revoke(a.role(), a.user(), a.group(), a.project(), a.domain()))
                        .build(),
                ToolDefinition.write("role_create", Toolset.IDENTITY, CreateArgs.class, RoleCreated.class)
                        .adminOnly()
                        .title("Roles: Create")
                        .description("Create a role (global, or specific to one domain). It grants nothing until a"
                                + " service's policy names it. Admin only.")
                        .handler((ctx, a) -> roles.create(a.name(), a.description(), a.domain()))
                        .build(),
                ToolDefinition.destructive("role_delete", Toolset.IDENTITY, DeleteArgs.class, Deleted.class)
                        .adminOnly()
                        .title("Roles: Delete")
                        .description("Delete a role with every assignment of it; the preview names who loses it."
                                + " Refused for admin, member, reader, service and manager and for any role this"
                                + " server's token holds. Admin only.")
                        .preview((ctx, a) -> roles.deletePreview(a.role()))
                        .handler((ctx, a) -> roles.delete(a.role()))
                        .build());
    }
}
