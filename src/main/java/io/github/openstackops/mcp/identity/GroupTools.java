package io.github.openstackops.mcp.identity;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.identity.AccessRecords.GroupCreated;
import io.github.openstackops.mcp.identity.IdentityRecords.Deleted;
import io.github.openstackops.mcp.identity.IdentityRecords.GroupMembers;
import io.github.openstackops.mcp.identity.IdentityRecords.GroupPage;
import io.github.openstackops.mcp.identity.IdentityRecords.MembershipChange;
import jakarta.inject.Singleton;

import java.util.List;

import static io.github.openstackops.mcp.identity.IdentityTools.LIMIT;
import static io.github.openstackops.mcp.identity.IdentityTools.UNPAGED;

/** Group tools: list, members, add a user, remove a user, create, delete. */
@Singleton
public class GroupTools implements ToolProvider {

    static final String GROUP = "Group id, or its exact name when that name is unique";
    static final String USER = "User id, or its exact name when that name is unique";

    public record ListArgs(
            @Param(value = "Only the group with exactly this name", maxLength = 255) String name,
            @Param(value = "Only groups whose name contains this text (case-insensitive)", maxLength = 255) String nameContains,
            @Param(value = "Only groups of this domain (id or name)", maxLength = 255) String domain,
            @Param(value = "Only the groups this user (id or name) is a member of; not combinable with the other filters", maxLength = 255) String user,
            @Limit(LIMIT) Integer limit) {
    }

    public record MembersArgs(
            @IdOrName(GROUP + " (add 'domain' otherwise)") String group,
            @Param(value = "Domain (id or name) the named group is in; only needed when its name is not unique", maxLength = 255) String domain,
            @Limit(LIMIT) Integer limit) {
    }

    public record MembershipArgs(
            @IdOrName(GROUP) String group,
            @IdOrName(USER) String user) {
    }

    public record CreateArgs(
            @Param(value = "Name of the new group (unique within its domain)", required = true, minLength = 1, maxLength = 64) String name,
            @Param(value = "Description", maxLength = 255) String description,
            @Param(value = "Domain (id or name) to create it in; default: the domain of this server's project", maxLength = 255) String domain) {
    }

    public record DeleteArgs(
            @Param(value = GROUP + " (add 'domain' otherwise)", required = true, minLength = 1, maxLength = 255) String group,
            @Param(value = "Domain (id or name) the named group is in; only needed when its name is not unique", maxLength = 255) String domain) {
    }

    private final GroupService groups;

    public GroupTools(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("group_list", Toolset.IDENTITY, ListArgs.class, GroupPage.class)
                        .adminOnly()
                        .title("Groups: List")
                        .description("List Keystone groups, optionally by exact name, name fragment or domain, or the"
                                + " groups one user belongs to. Admin only (a user may list its own groups)." + UNPAGED)
                        .handler((ctx, a) -> groups.list(a.name(), a.nameContains(), a.domain(), a.user(), a.limit()))
                        .build(),
                ToolDefinition.read("group_member_list", Toolset.IDENTITY, MembersArgs.class, GroupMembers.class)
                        .adminOnly()
                        .title("Groups: List Members")
                        .description("The users in a group (members hold every role the group is granted). Admin"
                                + " only." + UNPAGED)
                        .handler((ctx, a) -> groups.members(a.group(), a.domain(), a.limit()))
                        .build(),
                ToolDefinition.write("group_user_add", Toolset.IDENTITY, MembershipArgs.class, MembershipChange.class)
                        .adminOnly()
                        .title("Groups: Add User")
                        .description("Add a user to a group; it then holds the group's role assignments. Nothing"
                                + " changes when it already is a member. Admin only.")
                        .handler((ctx, a) -> groups.add(a.group(), a.user()))
                        .build(),
                ToolDefinition.write("group_user_remove", Toolset.IDENTITY, MembershipArgs.class, MembershipChange.class)
                        .adminOnly()
                        .title("Groups: Remove User")
                        .description("Remove a user from a group; it loses the roles it held through the group."
                                + " Refused for this server's own user when the group gives it a role on this"
                                + " server's project. Admin only.")
                        .handler((ctx, a) -> groups.remove(a.group(), a.user()))
                        .build(),
                ToolDefinition.write("group_create", Toolset.IDENTITY, CreateArgs.class, GroupCreated.class)
                        .adminOnly()
                        .title("Groups: Create")
                        .description("Create a group of users; add users with group_user_add and grant it roles with"
                                + " role_grant. Admin only.")
                        .handler((ctx, a) -> groups.create(a.name(), a.description(), a.domain()))
                        .build(),
                ToolDefinition.destructive("group_delete", Toolset.IDENTITY, DeleteArgs.class, Deleted.class)
                        .adminOnly()
                        .title("Groups: Delete")
                        .description("Delete a group with its role assignments and memberships (its users are kept);"
                                + " the preview names the assignments and the members who lose them. Refused for a"
                                + " group that gives this server's own user its project. Admin only.")
                        .preview((ctx, a) -> groups.deletePreview(a.group(), a.domain()))
                        .handler((ctx, a) -> groups.delete(a.group(), a.domain()))
                        .build());
    }
}
