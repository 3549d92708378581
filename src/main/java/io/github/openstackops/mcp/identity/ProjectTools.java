package io.github.openstackops.mcp.identity;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.identity.IdentityRecords.Deleted;
import io.github.openstackops.mcp.identity.IdentityRecords.ProjectChange;
import io.github.openstackops.mcp.identity.IdentityRecords.ProjectDetail;
import io.github.openstackops.mcp.identity.IdentityRecords.ProjectPage;
import jakarta.inject.Singleton;

import java.util.List;

import static io.github.openstackops.mcp.identity.IdentityTools.LIMIT;
import static io.github.openstackops.mcp.identity.IdentityTools.UNPAGED;

/** Project tools: list, get, create, update, delete. */
@Singleton
public class ProjectTools implements ToolProvider {

    static final String PROJECT = "Project id, or its exact name (add 'domain' when the name exists in several domains)";
    static final String IN_DOMAIN = "Domain (id or name) the named project is in; only needed when its name is not unique";
    static final String GUARDED = " Refused for this server's own project and for the 'admin' and 'service' projects:"
            + " a model must not lock the operator or the cloud's services out.";

    public record ListArgs(
            @Param(value = "Only the project with exactly this name", maxLength = 255) String name,
            @Param(value = "Only projects whose name contains this text (case-insensitive)", maxLength = 255) String nameContains,
            @Param(value = "Only projects of this domain (id or name)", maxLength = 255) String domain,
            @Param(value = "Only the direct children of this project (id or name)", maxLength = 255) String parent,
            @Param("Only enabled (true) or disabled (false) projects") Boolean enabled,
            @Limit(LIMIT) Integer limit) {
    }

    public record GetArgs(
            @IdOrName(PROJECT) String project,
            @Param(value = IN_DOMAIN, maxLength = 255) String domain) {
    }

    public record CreateArgs(
            @Param(value = "Name of the new project (unique within its domain)", required = true, minLength = 1, maxLength = 64) String name,
            @Param(value = "Description", maxLength = 255) String description,
            @Param(value = "Domain (id or name) to create it in; default: the domain of this server's project", maxLength = 255) String domain,
            @Param(value = "Parent project (id or name) to nest it under; default: top level of the domain", maxLength = 255) String parent,
            @Param(value = "Whether the project starts enabled", defaultValue = "true") Boolean enabled) {
    }

    public record UpdateArgs(
            @IdOrName(PROJECT) String project,
            @Param(value = IN_DOMAIN, maxLength = 255) String domain,
            @Param(value = "New name", minLength = 1, maxLength = 64) String name,
            @Param(value = "New description (empty text clears it)", maxLength = 255) String description,
            @Param("true enables the project, false disables it (its users can no longer get tokens for it; nothing is deleted)") Boolean enabled) {
    }

    public record DeleteArgs(
            @IdOrName(PROJECT) String project,
            @Param(value = IN_DOMAIN, maxLength = 255) String domain) {
    }

    private final ProjectService projects;

    public ProjectTools(ProjectService projects) {
        this.projects = projects;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("project_list", Toolset.IDENTITY, ListArgs.class, ProjectPage.class)
                        .adminOnly()
                        .title("Projects: List")
                        .description("List Keystone projects, optionally by exact name, name fragment, domain, parent"
                                + " project or enabled state. Admin only (a project member gets a FORBIDDEN error;"
                                + " token_info shows its own project)." + UNPAGED)
                        .handler((ctx, a) -> projects.list(a.name(), a.nameContains(), a.domain(), a.parent(),
                                a.enabled(), a.limit()))
                        .build(),
                ToolDefinition.read("project_get", Toolset.IDENTITY, GetArgs.class, ProjectDetail.class)
                        .title("Projects: Get")
                        .description("One project: name, description, domain, enabled state, parent project and tags."
                                + " Any user may read its own project; other projects need an admin.")
                        .handler((ctx, a) -> projects.get(a.project(), a.domain()))
                        .build(),
                ToolDefinition.write("project_create", Toolset.IDENTITY, CreateArgs.class, ProjectChange.class)
                        .adminOnly()
                        .title("Projects: Create")
                        .description("Create a project, optionally in another domain or nested under a parent"
                                + " project. It starts without members: grant roles with role_grant. Admin only.")
                        .handler((ctx, a) -> projects.create(a.name(), a.description(), a.domain(), a.parent(),
                                a.enabled()))
                        .build(),
                ToolDefinition.write("project_update", Toolset.IDENTITY, UpdateArgs.class, ProjectChange.class)
                        .adminOnly()
                        .title("Projects: Update")
                        .description("Rename a project, change its description, or enable/disable it (disabling is"
                                + " the reversible way to cut off a project's access). Only what is given changes."
                                + " Admin only. Disabling or renaming is" + GUARDED.replace(" Refused", " refused"))
                        .handler((ctx, a) -> projects.update(a.project(), a.domain(), a.name(), a.description(),
                                a.enabled()))
                        .build(),
                ToolDefinition.destructive("project_delete", Toolset.IDENTITY, DeleteArgs.class, Deleted.class)
                        .adminOnly()
                        .title("Projects: Delete")
                        .description("Delete a project and its role assignments. Keystone does NOT delete the servers,"
                                + " volumes and networks the project holds: they are orphaned; the preview counts"
                                + " and names them (checked as admin across all projects) and warns. A project with"
                                + " child projects cannot be deleted. Admin only." + GUARDED)
                        .preview((ctx, a) -> projects.deletePreview(a.project(), a.domain()))
                        .handler((ctx, a) -> projects.delete(a.project(), a.domain()))
                        .build());
    }
}
