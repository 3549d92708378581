package io.github.openstackops.mcp.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.services.KeystoneClient;
import io.github.openstackops.mcp.identity.AccessRecords.RoleCreated;
import io.github.openstackops.mcp.identity.Identities.Self;
import io.github.openstackops.mcp.identity.IdentityRecords.Assignment;
import io.github.openstackops.mcp.identity.IdentityRecords.AssignmentPage;
import io.github.openstackops.mcp.identity.IdentityRecords.Deleted;
import io.github.openstackops.mcp.identity.IdentityRecords.Named;
import io.github.openstackops.mcp.identity.IdentityRecords.Role;
import io.github.openstackops.mcp.identity.IdentityRecords.RoleChange;
import io.github.openstackops.mcp.identity.IdentityRecords.RolePage;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keystone roles and role assignments: list, who has what where, grant, revoke; roles created and deleted. */
@Singleton
public class RoleService {

    private static final Pattern MEMBERSHIP = Pattern.compile("/groups/([^/]+)/users/");

    private final KeystoneClient keystone;
    private final Identities identities;

    public RoleService(KeystoneClient keystone, Identities identities) {
        this.keystone = keystone;
        this.identities = identities;
    }

    public RolePage list(@Nullable String name, @Nullable String domain, int limit) {
        Map<String, Object> query = new LinkedHashMap<>();
        if (name != null) {
            query.put("name", name);
        }
        if (domain != null) {
            query.put("domain_id", identities.domainId(domain));
        }
        JsonNode body = keystone.get("/roles", query);
        List<Role> all = Identities.byName(KeystoneClient.items(body, "roles", Identities::role), Role::name, Role::id);
        Capped<Role> page = Capped.of(all, limit, KeystoneClient.truncatedByKeystone(body));
        return new RolePage(page.items(), page.items().size(), page.truncated());
    }

    public AssignmentPage assignments(@Nullable String user, @Nullable String group, @Nullable String project,
                                      @Nullable String domain, @Nullable String role, boolean effective, int limit) {
        if (effective && group != null) {
            throw ToolException.invalid("'effective' expands group assignments into the users who hold them, so it"
                    + " cannot be combined with 'group'. Drop one of them.");
        }
        if (project != null && domain != null) {
            throw ToolException.invalid("Give either 'project' or 'domain' as the target, not both.");
        }
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("include_names", "true");
        if (user != null) {
            query.put("user.id", Json.nonEmpty(identities.user(user, null), "id"));
        }
        if (group != null) {
            query.put("group.id", Json.nonEmpty(identities.group(group, null), "id"));
        }
        if (project != null) {
            query.put("scope.project.id", Json.nonEmpty(identities.project(project, null), "id"));
        }
        if (domain != null) {
            query.put("scope.domain.id", identities.domainId(domain));
        }
        if (role != null) {
            query.put("role.id", Json.nonEmpty(identities.role(role), "id"));
        }
        if (effective) {
            query.put("effective", "true");
        }
        JsonNode body = keystone.get("/role_assignments", query);
        List<Assignment> all = KeystoneClient.items(body, "role_assignments", RoleService::assignment);
        Capped<Assignment> page = Capped.of(all, limit, KeystoneClient.truncatedByKeystone(body));
        return new AssignmentPage(page.items(), page.items().size(), page.truncated());
    }

    static Assignment assignment(JsonNode a) {
        JsonNode scope = a.path("scope");
        String via = null;
        String membership = Json.nonEmpty(a.path("links"), "membership");
        if (membership != null) {
            Matcher m = MEMBERSHIP.matcher(membership);
            via = m.find() ? m.group(1) : null;
        }
        return new Assignment(Identities.refOf(a.path("role")), named(a.get("user")), named(a.get("group")),
                named(scope.get("project")), scope.has("domain") ? Identities.refOf(scope.get("domain")) : null,
                scope.has("system") ? "all" : null, scope.has("OS-INHERIT:inherited_to"), via);
    }

    @Nullable
    private static Named named(@Nullable JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        JsonNode domain = n.path("domain");
        return new Named(Json.nonEmpty(n, "id"), Json.nonEmpty(n, "name"),
                Objects.requireNonNullElse(Json.nonEmpty(domain, "name"), Json.nonEmpty(domain, "id")));
    }

    /** The parties of a grant or revoke, resolved. */
    private record Parties(JsonNode role, String actorType, JsonNode actor, String targetType, JsonNode target) {
        String path() {
            return "/" + targetType + "s/" + Json.segment(Json.nonEmpty(target, "id")) + "/" + actorType + "s/"
                    + Json.segment(Json.nonEmpty(actor, "id")) + "/roles/" + Json.segment(Json.nonEmpty(role, "id"));
        }

        String describe() {
            return "role '" + Json.nonEmpty(role, "name") + "' " + "for " + actorType + " '" + Json.nonEmpty(actor, "name")
                    + "' on " + targetType + " '" + Json.nonEmpty(target, "name") + "'";
        }

        RoleChange change(boolean changed, String message) {
            return new RoleChange(Identities.refOf(role), actorType, Identities.refOf(actor), targetType,
                    Identities.refOf(target), changed, message);
        }
    }

    private Parties parties(String role, @Nullable String user, @Nullable String group, @Nullable String project,
                            @Nullable String domain) {
        if ((user == null) == (group == null)) {
            throw ToolException.invalid("Give exactly one of 'user' or 'group': who gets (or loses) the role.");
        }
        if ((project == null) == (domain == null)) {
            throw ToolException.invalid("Give exactly one of 'project' or 'domain': where the role applies.");
        }
        JsonNode r = identities.role(role);
        JsonNode actor = user != null ? identities.user(user, null) : identities.group(group, null);
        JsonNode target = project != null ? identities.project(project, null) : identities.domain(domain);
        return new Parties(r, user != null ? "user" : "group", actor, project != null ? "project" : "domain", target);
    }

    public RoleChange grant(String role, @Nullable String user, @Nullable String group, @Nullable String project,
                            @Nullable String domain) {
        Parties p = parties(role, user, group, project, domain);
        if (keystone.exists(p.path())) {
            return p.change(false, "The " + p.describe() + " is already granted; nothing changed.");
        }
        keystone.put(p.path());
        return p.change(true, "Granted " + p.describe() + ".");
    }

    public RoleChange revoke(String role, @Nullable String user, @Nullable String group, @Nullable String project,
                             @Nullable String domain) {
        Parties p = parties(role, user, group, project, domain);
        if (!keystone.exists(p.path())) {
            return p.change(false, "The " + p.describe() + " is not granted directly; nothing changed."
                    + " (Roles held through a group are revoked from the group; see role_assignment_list with"
                    + " effective=true.)");
        }
        guardRevoke(p);
        keystone.delete(p.path());
        return p.change(true, "Revoked " + p.describe() + ".");
    }

    /** Refuses revokes that would take this server's own access, or the admin/service accounts' access, away. */
    private void guardRevoke(Parties p) {
        Self self = identities.self();
        String actorId = Json.nonEmpty(p.actor(), "id");
        String targetId = Json.nonEmpty(p.target(), "id");
        boolean ownProject = "project".equals(p.targetType()) && Objects.equals(targetId, self.projectId());
        if (ownProject && "user".equals(p.actorType()) && Objects.equals(actorId, self.userId())) {
            throw ToolException.refused("Refusing to revoke " + p.describe() + ": that is the user and project this"
                    + " server is authenticated with; it could lock this server and its operator out. Use the"
                    + " openstack CLI with another account if this is really intended.");
        }
        if (ownProject && "group".equals(p.actorType()) && self.userId() != null
                && keystone.exists("/groups/" + Json.segment(actorId) + "/users/" + Json.segment(self.userId()))) {
            throw ToolException.refused("Refusing to revoke " + p.describe() + ": this server's own user is a member"
                    + " of that group, so it could lose its access to its own project.");
        }
        if ("user".equals(p.actorType()) && IdentityGuards.isProtectedUser(p.actor())
                && "project".equals(p.targetType()) && IdentityGuards.isProtectedProject(p.target())) {
            throw ToolException.refused("Refusing to revoke " + p.describe() + ": the cloud's administrator and"
                    + " services depend on their roles in the '" + Json.nonEmpty(p.target(), "name") + "' project.");
        }
    }

    /** Roles the cloud's own services and default policies depend on: never deleted from here. */
    static final Set<String> PROTECTED_ROLES = Set.of("admin", "member", "reader", "service",
            "manager");

    public RoleCreated create(String name, @Nullable String description, @Nullable String domain) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name.trim());
        Json.putIfSet(body, "description", description);
        if (domain != null) {
            body.put("domain_id", identities.domainId(domain));
        }
        Role created = Identities.role(keystone.create("/roles", "role", body, "A role named '" + name.trim()
                + "' already exists" + (domain == null ? "" : " in that domain") + "; grant that one, or choose"
                + " another name."));
        return new RoleCreated(created, "Role '" + created.name() + "' (" + created.id() + ") created"
                + (created.domainId() == null ? "" : " in domain " + created.domainId()) + ". It carries no rights"
                + " until a service's policy names it; grant it with role_grant.");
    }

    public Preview deletePreview(String role) {
        JsonNode r = deletable(role);
        String id = Json.nonEmpty(r, "id");
        String name = Json.nonEmpty(r, "name");
        List<JsonNode> held = Json.array(keystone.get("/role_assignments", Map.of("role.id", id, "include_names",
                "true")), "role_assignments");
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("role", id, name, "deleted"));
        held.stream().limit(ProjectService.PREVIEW_NAMED).forEach(a -> resources.add(ProjectService.assignment(a)));
        List<String> warnings = new ArrayList<>();
        if (!held.isEmpty()) {
            warnings.add(held.size() + " role assignment(s) go with it: those users and groups lose what the role"
                    + " gave them." + (held.size() > ProjectService.PREVIEW_NAMED ? " Only the first "
                    + ProjectService.PREVIEW_NAMED + " are named above." : ""));
        }
        warnings.add("Policies that name the role stop matching anyone; deleting cannot be undone.");
        return new Preview("delete role", "Delete role '" + name + "' (" + id + "), held in " + held.size()
                + " role assignment(s).", resources, warnings);
    }

    public Deleted delete(String role) {
        JsonNode r = deletable(role);
        String id = Json.nonEmpty(r, "id");
        String name = Json.nonEmpty(r, "name");
        keystone.delete("/roles/" + Json.segment(id));
        return new Deleted(id, name, "Role '" + name + "' (" + id + ") is deleted with every assignment of it.");
    }

    /** Refused for the roles default policies and the cloud's services rely on, and for any role this server holds. */
    private JsonNode deletable(String role) {
        JsonNode r = identities.role(role);
        String name = Json.nonEmpty(r, "name");
        if (name != null && PROTECTED_ROLES.contains(name)) {
            throw ToolException.refused("Refusing to delete role '" + name + "': OpenStack's default policies and the"
                    + " cloud's services rely on it.");
        }
        if (name != null && identities.selfRoles().contains(name)) {
            throw ToolException.refused("Refusing to delete role '" + name + "': this server's own token holds it;"
                    + " deleting it could take this server's access away.");
        }
        return r;
    }
}
