package io.github.openstackops.mcp.identity;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.identity.IdentityRecords.Deleted;
import io.github.openstackops.mcp.identity.IdentityRecords.UserChange;
import io.github.openstackops.mcp.identity.IdentityRecords.UserDetail;
import io.github.openstackops.mcp.identity.IdentityRecords.UserPage;
import jakarta.inject.Singleton;

import java.util.List;

import static io.github.openstackops.mcp.identity.IdentityTools.LIMIT;
import static io.github.openstackops.mcp.identity.IdentityTools.UNPAGED;

/** User tools: list, get, create, update, delete. */
@Singleton
public class UserTools implements ToolProvider {

    static final String USER = "User id, or its exact name (add 'domain' when the name exists in several domains)";
    static final String IN_DOMAIN = "Domain (id or name) the named user is in; only needed when its name is not unique";
    static final String GUARDED = " Refused for this server's own user, for 'admin' and for the service users (nova,"
            + " neutron, glance, cinder, placement, heat): a model must not lock the operator or the cloud's services out.";

    public record ListArgs(
            @Param(value = "Only the user with exactly this name", maxLength = 255) String name,
            @Param(value = "Only users whose name contains this text (case-insensitive)", maxLength = 255) String nameContains,
            @Param(value = "Only users of this domain (id or name)", maxLength = 255) String domain,
            @Param("Only enabled (true) or disabled (false) users") Boolean enabled,
            @Limit(LIMIT) Integer limit) {
    }

    public record GetArgs(
            @IdOrName(USER) String user,
            @Param(value = IN_DOMAIN, maxLength = 255) String domain) {
    }

    public record CreateArgs(
            @Param(value = "Name of the new user (unique within its domain)", required = true, minLength = 1, maxLength = 255) String name,
            @Param(value = "Domain (id or name) to create it in; default: the domain of this server's project", maxLength = 255) String domain,
            @Param(value = "Initial password. Sent to Keystone only: never echoed, logged or returned. Omit it for a"
                    + " user that cannot log in with a password until one is set", minLength = 1, maxLength = 1024) String password,
            @Param(value = "E-mail address", maxLength = 255) String email,
            @Param(value = "Description", maxLength = 255) String description,
            @Param(value = "Default project (id or name); it gives no access by itself: grant a role with role_grant", maxLength = 255) String defaultProject,
            @Param(value = "Whether the user starts enabled", defaultValue = "true") Boolean enabled) {
    }

    public record UpdateArgs(
            @IdOrName(USER) String user,
            @Param(value = IN_DOMAIN, maxLength = 255) String domain,
            @Param(value = "New name", minLength = 1, maxLength = 255) String name,
            @Param(value = "New e-mail address (empty text removes it)", maxLength = 255) String email,
            @Param(value = "New description (empty text clears it)", maxLength = 255) String description,
            @Param(value = "New default project (id or name; empty text removes it)", maxLength = 255) String defaultProject,
            @Param("true enables the user, false disables it (it can no longer authenticate; nothing is deleted)") Boolean enabled) {
    }

    public record DeleteArgs(
            @IdOrName(USER) String user,
            @Param(value = IN_DOMAIN, maxLength = 255) String domain) {
    }

    private final UserService users;

    public UserTools(UserService users) {
        this.users = users;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("user_list", Toolset.IDENTITY, ListArgs.class, UserPage.class)
                        .adminOnly()
                        .title("Users: List")
                        .description("List Keystone users, optionally by exact name, name fragment, domain or enabled"
                                + " state. Admin only (a project member gets a FORBIDDEN error; token_info shows its"
                                + " own user)." + UNPAGED)
                        .handler((ctx, a) -> users.list(a.name(), a.nameContains(), a.domain(), a.enabled(), a.limit()))
                        .build(),
                ToolDefinition.read("user_get", Toolset.IDENTITY, GetArgs.class, UserDetail.class)
                        .title("Users: Get")
                        .description("One user: domain, enabled state, e-mail, default project, the groups it is in"
                                + " and the projects it has roles on. Any user may read itself; other users need an"
                                + " admin. Never shows a password.")
                        .handler((ctx, a) -> users.get(a.user(), a.domain()))
                        .build(),
                ToolDefinition.write("user_create", Toolset.IDENTITY, CreateArgs.class, UserChange.class)
                        .adminOnly()
                        .title("Users: Create")
                        .description("Create a user, optionally with an initial password (never echoed, logged or"
                                + " returned), e-mail, description and default project. It gets no access until a"
                                + " role is granted with role_grant or it is added to a group. Admin only.")
                        .handler((ctx, a) -> users.create(a.name(), a.domain(), a.password(), a.email(),
                                a.description(), a.defaultProject(), a.enabled()))
                        .build(),
                ToolDefinition.write("user_update", Toolset.IDENTITY, UpdateArgs.class, UserChange.class)
                        .adminOnly()
                        .title("Users: Update")
                        .description("Rename a user, change its e-mail, description or default project, or"
                                + " enable/disable it (disabling is the reversible way to cut off a user). Only what"
                                + " is given changes; passwords are not changed here. Admin only. Disabling or"
                                + " renaming is" + GUARDED.replace(" Refused", " refused"))
                        .handler((ctx, a) -> users.update(a.user(), a.domain(), a.name(), a.email(), a.description(),
                                a.defaultProject(), a.enabled()))
                        .build(),
                ToolDefinition.destructive("user_delete", Toolset.IDENTITY, DeleteArgs.class, Deleted.class)
                        .adminOnly()
                        .title("Users: Delete")
                        .description("Delete a user with its role assignments and group memberships; the preview"
                                + " names each of them. Resources the user created stay in their projects. Admin"
                                + " only." + GUARDED)
                        .preview((ctx, a) -> users.deletePreview(a.user(), a.domain()))
                        .handler((ctx, a) -> users.delete(a.user(), a.domain()))
                        .build());
    }
}
