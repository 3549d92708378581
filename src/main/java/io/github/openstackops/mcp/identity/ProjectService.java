package io.github.openstackops.mcp.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.services.CinderClient;
import io.github.openstackops.mcp.cloud.services.KeystoneClient;
import io.github.openstackops.mcp.cloud.services.NeutronClient;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.github.openstackops.mcp.cloud.services.ServiceClient;
import io.github.openstackops.mcp.identity.Identities.Self;
import io.github.openstackops.mcp.identity.IdentityRecords.Deleted;
import io.github.openstackops.mcp.identity.IdentityRecords.Project;
import io.github.openstackops.mcp.identity.IdentityRecords.ProjectChange;
import io.github.openstackops.mcp.identity.IdentityRecords.ProjectDetail;
import io.github.openstackops.mcp.identity.IdentityRecords.ProjectPage;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Keystone projects: list, get, create, update, delete (with what the project still holds in the other services). */
@Singleton
public class ProjectService {

    /** Most resources of one kind a delete preview names one by one (the warning carries the full count). */
    static final int PREVIEW_NAMED = 20;
    /** Most resources of one kind counted for a delete preview (one call per service). */
    static final int PREVIEW_COUNTED = 1000;

    private final KeystoneClient keystone;
    private final NovaClient nova;
    private final CinderClient cinder;
    private final NeutronClient neutron;
    private final Identities identities;
    private final CloudSession cloud;
    private final OpenStackFaults faults;

    public ProjectService(KeystoneClient keystone, NovaClient nova, CinderClient cinder, NeutronClient neutron,
                          Identities identities, CloudSession cloud, OpenStackFaults faults) {
        this.keystone = keystone;
        this.nova = nova;
        this.cinder = cinder;
        this.neutron = neutron;
        this.identities = identities;
        this.cloud = cloud;
        this.faults = faults;
    }

    public ProjectPage list(@Nullable String name, @Nullable String nameContains, @Nullable String domain,
                            @Nullable String parent, @Nullable Boolean enabled, int limit) {
        Map<String, Object> query = identities.nameQuery(name, nameContains, domain);
        if (parent != null) {
            query.put("parent_id", Json.nonEmpty(identities.project(parent, null), "id"));
        }
        if (enabled != null) {
            query.put("enabled", enabled.toString());
        }
        JsonNode body = keystone.get("/projects", query);
        List<Project> all = Identities.byName(KeystoneClient.items(body, "projects", Identities::project), Project::name,
                Project::id);
        Capped<Project> page = Capped.of(all, limit, KeystoneClient.truncatedByKeystone(body));
        return new ProjectPage(page.items(), page.items().size(), page.truncated());
    }

    public ProjectDetail get(String project, @Nullable String domain) {
        JsonNode p = identities.project(project, domain);
        String domainId = Json.nonEmpty(p, "domain_id");
        String parentId = Json.nonEmpty(p, "parent_id");
        Ref parent = parentId == null || parentId.equals(domainId) ? null : identities.ref("projects", "project", parentId);
        return new ProjectDetail(Json.nonEmpty(p, "id"), Json.nonEmpty(p, "name"), Json.nonEmpty(p, "description"),
                identities.ref("domains", "domain", domainId), p.path("enabled").asBoolean(true), parent,
                p.path("is_domain").asBoolean(false), Json.stringList(p, "tags"));
    }

    public ProjectChange create(String name, @Nullable String description, @Nullable String domain,
                                @Nullable String parent, boolean enabled) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (description != null) {
            body.put("description", description);
        }
        String domainId = domain == null ? null : identities.domainId(domain);
        String parentId = null;
        if (parent != null) {
            JsonNode p = identities.projectIn(parent, domainId);
            parentId = Json.nonEmpty(p, "id");
            if (domainId == null) {
                domainId = Json.nonEmpty(p, "domain_id");
            }
            body.put("parent_id", parentId);
        }
        if (domainId == null) {
            domainId = identities.self().domainId();
        }
        body.put("domain_id", domainId);
        body.put("enabled", enabled);
        JsonNode created = keystone.create("/projects", "project", body, "A project named '" + name
                + "' already exists in domain " + domainId + "; choose another name, or change that project with"
                + " project_update.");
        Project result = Identities.project(created);
        return new ProjectChange(result, true, "Project '" + result.name() + "' (" + result.id() + ") created in domain "
                + result.domainId() + (parentId == null ? "" : " under project " + parentId)
                + (enabled ? "." : ", disabled."));
    }

    public ProjectChange update(String project, @Nullable String domain, @Nullable String newName,
                                @Nullable String description, @Nullable Boolean enabled) {
        if (newName == null && description == null && enabled == null) {
            throw ToolException.invalid("Nothing to change: give 'name', 'description' or 'enabled'.");
        }
        JsonNode p = identities.project(project, domain);
        Self self = identities.self();
        String id = Json.nonEmpty(p, "id");
        String name = Json.nonEmpty(p, "name");
        Map<String, Object> patch = new LinkedHashMap<>();
        List<String> changes = new ArrayList<>();
        if (newName != null && !newName.equals(name)) {
            IdentityGuards.project(self, p, "rename");
            patch.put("name", newName);
            changes.add("renamed to '" + newName + "'");
        }
        if (description != null && !description.equals(Objects.toString(Json.nonEmpty(p, "description"), ""))) {
            patch.put("description", description);
            changes.add("description set");
        }
        boolean wasEnabled = p.path("enabled").asBoolean(true);
        if (enabled != null && enabled != wasEnabled) {
            if (!enabled) {
                IdentityGuards.project(self, p, "disable");
            }
            patch.put("enabled", enabled);
            changes.add(enabled ? "enabled" : "disabled");
        }
        if (patch.isEmpty()) {
            return new ProjectChange(Identities.project(p), false, "Project '" + name + "' already is as asked;"
                    + " nothing changed.");
        }
        JsonNode updated = keystone.patch("/projects/" + Json.segment(id), Map.of("project", patch)).path("project");
        return new ProjectChange(Identities.project(updated), true, "Project '" + name + "' (" + id + "): "
                + String.join(", ", changes) + ".");
    }

    public Preview deletePreview(String project, @Nullable String domain) {
        JsonNode p = deletable(project, domain);
        String id = Json.nonEmpty(p, "id");
        String name = Json.nonEmpty(p, "name");
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("project", id, name, "deleted"));
        List<String> warnings = new ArrayList<>();

        JsonNode assignments = keystone.get("/role_assignments",
                Map.of("scope.project.id", id, "include_names", "true"));
        int assignmentCount = 0;
        for (JsonNode a : assignments.path("role_assignments")) {
            if (++assignmentCount <= PREVIEW_NAMED) {
                resources.add(assignment(a));
            }
        }
        if (assignmentCount > 0) {
            warnings.add(assignmentCount + " role assignment(s) on the project are removed: those users and groups"
                    + " lose their access to it." + (assignmentCount > PREVIEW_NAMED ? " Only the first "
                    + PREVIEW_NAMED + " are named above." : ""));
        }

        List<String> held = new ArrayList<>();
        holding(nova, "server", "servers", "/servers",
                Map.of("all_tenants", "1", "project_id", id, "limit", String.valueOf(PREVIEW_COUNTED)),
                resources, held, warnings);
        holding(cinder, "volume", "volumes", "/volumes",
                Map.of("all_tenants", "1", "project_id", id, "limit", String.valueOf(PREVIEW_COUNTED)),
                resources, held, warnings);
        holding(neutron, "network", "networks", "/networks",
                Map.of("project_id", id, "fields", List.of("id", "name"), "limit", String.valueOf(PREVIEW_COUNTED)),
                resources, held, warnings);
        if (!held.isEmpty()) {
            warnings.add(0, "WARNING: project '" + name + "' still holds " + String.join(", ", held) + ". Keystone"
                    + " does NOT delete them: they stay in the cloud, using capacity, owned by a project that no"
                    + " longer exists, and only an administrator can find and remove them. Delete them first unless"
                    + " you mean to orphan them.");
        }
        if (p.path("enabled").asBoolean(true)) {
            warnings.add("Deleting cannot be undone; project_update with enabled=false blocks access reversibly.");
        }
        return new Preview("delete project", "Delete project '" + name + "' (" + id + ") in domain "
                + Json.nonEmpty(p, "domain_id") + (held.isEmpty() ? ", which holds no servers, volumes or networks."
                : ", which still holds " + String.join(", ", held) + " (kept, orphaned)."), resources, warnings);
    }

    public Deleted delete(String project, @Nullable String domain) {
        JsonNode p = deletable(project, domain);
        String id = Json.nonEmpty(p, "id");
        String name = Json.nonEmpty(p, "name");
        keystone.delete("/projects/" + Json.segment(id));
        return new Deleted(id, name, "Project '" + name + "' (" + id + ") is deleted, with its role assignments."
                + " Servers, volumes and networks it held, if any, were not deleted.");
    }

    /** A role assignment as a preview resource: "member for user alice". */
    static Preview.Resource assignment(JsonNode a) {
        boolean user = a.has("user");
        JsonNode actor = user ? a.get("user") : a.path("group");
        JsonNode scope = a.path("scope");
        String on = scope.has("project") ? " on project " + label(scope.get("project"))
                : scope.has("domain") ? " on domain " + label(scope.get("domain")) : scope.has("system") ? " on the system" : "";
        return new Preview.Resource("role_assignment", Json.nonEmpty(a.path("role"), "id"),
                label(a.path("role")) + " for " + (user ? "user " : "group ") + label(actor) + on, "removed");
    }

    private static String label(JsonNode n) {
        return Objects.toString(Json.nonEmpty(n, "name"), Json.nonEmpty(n, "id"));
    }

    /** The project, after the guard rails: not this server's own, not admin/service, no child projects. */
    private JsonNode deletable(String project, @Nullable String domain) {
        JsonNode p = identities.project(project, domain);
        IdentityGuards.project(identities.self(), p, "delete");
        String id = Json.nonEmpty(p, "id");
        List<String> children = KeystoneClient.items(keystone.get("/projects", Map.of("parent_id", id)), "projects",
                c -> Json.nonEmpty(c, "name"));
        if (!children.isEmpty()) {
            throw ToolException.conflict("Project '" + Json.nonEmpty(p, "name") + "' has " + children.size()
                    + " child project(s) " + children + "; Keystone deletes only projects without children. Delete"
                    + " or move those first.");
        }
        return p;
    }

    /** Counts what the project holds in one service and names the first few; failures become warnings. */
    private void holding(ServiceClient service, String type, String key, String path, Map<String, ?> query,
                         List<Preview.Resource> resources, List<String> held, List<String> warnings) {
        if (!cloud.hasService(service.type())) {
            return;
        }
        List<Ref> items;
        try {
            items = KeystoneClient.items(service.get(path, query), key, Identities::refOf);
        } catch (RuntimeException e) {
            String why = faults.translate(e).map(Throwable::getMessage).orElse(e.getClass().getSimpleName());
            warnings.add("Could not check the project's " + key + ": " + why);
            return;
        }
        if (items.isEmpty()) {
            return;
        }
        held.add((items.size() >= PREVIEW_COUNTED ? "at least " : "") + items.size() + " " + type
                + (items.size() == 1 ? "" : "s"));
        items.stream().limit(PREVIEW_NAMED).forEach(r -> resources.add(new Preview.Resource(type, r.id(), r.name(),
                "kept, orphaned: Keystone does not delete it")));
        if (items.size() > PREVIEW_NAMED) {
            warnings.add("Only the first " + PREVIEW_NAMED + " of the project's " + items.size() + " " + key
                    + " are named above.");
        }
    }
}
