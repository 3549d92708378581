package io.github.openstackops.mcp.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.Secrets;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.services.KeystoneClient;
import io.github.openstackops.mcp.identity.Identities.Self;
import io.github.openstackops.mcp.identity.IdentityRecords.Deleted;
import io.github.openstackops.mcp.identity.IdentityRecords.User;
import io.github.openstackops.mcp.identity.IdentityRecords.UserChange;
import io.github.openstackops.mcp.identity.IdentityRecords.UserDetail;
import io.github.openstackops.mcp.identity.IdentityRecords.UserPage;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Keystone users: list, get, create (with a password that is never echoed), update, delete. */
@Singleton
public class UserService {

    private final KeystoneClient keystone;
    private final Identities identities;
    private final OpenStackFaults faults;

    public UserService(KeystoneClient keystone, Identities identities, OpenStackFaults faults) {
        this.keystone = keystone;
        this.identities = identities;
        this.faults = faults;
    }

    public UserPage list(@Nullable String name, @Nullable String nameContains, @Nullable String domain,
                         @Nullable Boolean enabled, int limit) {
        Map<String, Object> query = identities.nameQuery(name, nameContains, domain);
        if (enabled != null) {
            query.put("enabled", enabled.toString());
        }
        JsonNode body = keystone.get("/users", query);
        List<User> all = Identities.byName(KeystoneClient.items(body, "users", Identities::user), User::name, User::id);
        Capped<User> page = Capped.of(all, limit, KeystoneClient.truncatedByKeystone(body));
        return new UserPage(page.items(), page.items().size(), page.truncated());
    }

    public UserDetail get(String user, @Nullable String domain) {
        JsonNode u = identities.user(user, domain);
        String id = Json.nonEmpty(u, "id");
        List<Ref> groups = Identities.byName(KeystoneClient.items(keystone.get("/users/" + Json.segment(id) + "/groups",
                null), "groups", Identities::refOf), Ref::name, Ref::id);
        List<Ref> projects = Identities.byName(KeystoneClient.items(keystone.get("/users/" + Json.segment(id)
                + "/projects", null), "projects", Identities::refOf), Ref::name, Ref::id);
        String defaultProject = Json.nonEmpty(u, "default_project_id");
        return new UserDetail(id, Json.nonEmpty(u, "name"), identities.ref("domains", "domain", Json.nonEmpty(u, "domain_id")),
                u.path("enabled").asBoolean(true), Json.nonEmpty(u, "email"), Json.nonEmpty(u, "description"),
                defaultProject == null ? null : projects.stream().filter(p -> p.id().equals(defaultProject)).findFirst()
                        .orElseGet(() -> identities.ref("projects", "project", defaultProject)),
                Json.nonEmpty(u, "password_expires_at"), groups, projects);
    }

    /**
     * The password goes to Keystone in the request body and nowhere else: it is not logged, not part of any result
     * or message, and registered as a secret for the duration of the call so that nothing leaving the process can
     * carry it even by accident.
     */
    public UserChange create(String name, @Nullable String domain, @Nullable String password, @Nullable String email,
                             @Nullable String description, @Nullable String defaultProject, boolean enabled) {
        Secrets.register(password);
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            String domainId = domain != null ? identities.domainId(domain) : identities.self().domainId();
            body.put("domain_id", domainId);
            body.put("enabled", enabled);
            if (email != null) {
                body.put("email", email);
            }
            if (description != null) {
                body.put("description", description);
            }
            if (defaultProject != null) {
                body.put("default_project_id", Json.nonEmpty(identities.project(defaultProject, null), "id"));
            }
            if (password != null) {
                body.put("password", password);
            }
            JsonNode created = keystone.create("/users", "user", body, "A user named '" + name
                    + "' already exists in domain " + domainId + "; choose another name, or change that user with"
                    + " user_update.");
            User result = Identities.user(created);
            return new UserChange(result, true, "User '" + result.name() + "' (" + result.id() + ") created in domain "
                    + result.domainId() + (password == null ? " without a password (it cannot log in with one until"
                    + " an administrator sets it)" : " with the given password") + (enabled ? "." : ", disabled."));
        } catch (RuntimeException e) {
            throw withoutSecret(e, password);
        } finally {
            Secrets.forget(password);
        }
    }

    /**
     * The failure with the password taken out of its message, should the cloud ever echo it (the scrubbing of the
     * call path would come too late: the password is no longer registered by then).
     */
    private RuntimeException withoutSecret(RuntimeException e, @Nullable String password) {
        if (password == null || password.isEmpty() || !String.valueOf(e.getMessage()).contains(password)) {
            return e;
        }
        String masked = e.getMessage().replace(password, "***");
        return faults.translate(e).<RuntimeException>map(t -> new ToolException(t.kind(), t.getMessage()
                .replace(password, "***"))).orElseGet(() -> new IllegalStateException(masked));
    }

    public UserChange update(String user, @Nullable String domain, @Nullable String newName, @Nullable String email,
                             @Nullable String description, @Nullable String defaultProject, @Nullable Boolean enabled) {
        if (newName == null && email == null && description == null && defaultProject == null && enabled == null) {
            throw ToolException.invalid("Nothing to change: give 'name', 'email', 'description', 'default_project'"
                    + " or 'enabled'.");
        }
        JsonNode u = identities.user(user, domain);
        Self self = identities.self();
        String id = Json.nonEmpty(u, "id");
        String name = Json.nonEmpty(u, "name");
        Map<String, Object> patch = new LinkedHashMap<>();
        List<String> changes = new ArrayList<>();
        if (newName != null && !newName.equals(name)) {
            IdentityGuards.user(self, u, "rename");
            patch.put("name", newName);
            changes.add("renamed to '" + newName + "'");
        }
        if (email != null && !email.equals(Objects.toString(Json.nonEmpty(u, "email"), ""))) {
            patch.put("email", email.isEmpty() ? null : email);
            changes.add(email.isEmpty() ? "e-mail removed" : "e-mail set to " + email);
        }
        if (description != null && !description.equals(Objects.toString(Json.nonEmpty(u, "description"), ""))) {
            patch.put("description", description);
            changes.add("description set");
        }
        if (defaultProject != null) {
            String projectId = defaultProject.isEmpty() ? null
                    : Json.nonEmpty(identities.project(defaultProject, null), "id");
            if (!Objects.equals(projectId, Json.nonEmpty(u, "default_project_id"))) {
                patch.put("default_project_id", projectId);
                changes.add(projectId == null ? "default project removed" : "default project set to " + projectId);
            }
        }
        boolean wasEnabled = u.path("enabled").asBoolean(true);
        if (enabled != null && enabled != wasEnabled) {
            if (!enabled) {
                IdentityGuards.user(self, u, "disable");
            }
            patch.put("enabled", enabled);
            changes.add(enabled ? "enabled" : "disabled");
        }
        if (patch.isEmpty()) {
            return new UserChange(Identities.user(u), false, "User '" + name + "' already is as asked; nothing changed.");
        }
        JsonNode updated = keystone.patch("/users/" + Json.segment(id), Map.of("user", patch)).path("user");
        return new UserChange(Identities.user(updated), true, "User '" + name + "' (" + id + "): "
                + String.join(", ", changes) + ".");
    }

    public Preview deletePreview(String user, @Nullable String domain) {
        JsonNode u = deletable(user, domain);
        String id = Json.nonEmpty(u, "id");
        String name = Json.nonEmpty(u, "name");
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("user", id, name, "deleted"));
        List<String> warnings = new ArrayList<>();
        int assignments = 0;
        for (JsonNode a : keystone.get("/role_assignments", Map.of("user.id", id, "include_names", "true"))
                .path("role_assignments")) {
            if (++assignments <= ProjectService.PREVIEW_NAMED) {
                resources.add(ProjectService.assignment(a));
            }
        }
        if (assignments > ProjectService.PREVIEW_NAMED) {
            warnings.add("Only the first " + ProjectService.PREVIEW_NAMED + " of the user's " + assignments
                    + " role assignments are named above; all are removed.");
        }
        List<Ref> groups = KeystoneClient.items(keystone.get("/users/" + Json.segment(id) + "/groups", null), "groups",
                Identities::refOf);
        groups.forEach(g -> resources.add(new Preview.Resource("group_membership", g.id(), g.name(),
                "removed from the group")));
        warnings.add("Servers, volumes and other resources the user created stay in their projects; Nova key pairs"
                + " the user owns are not removed. Its credentials and application credentials are deleted with it.");
        if (u.path("enabled").asBoolean(true)) {
            warnings.add("Deleting cannot be undone; user_update with enabled=false blocks the user reversibly.");
        }
        return new Preview("delete user", "Delete user '" + name + "' (" + id + ") in domain "
                + Json.nonEmpty(u, "domain_id") + ", with its " + assignments + " role assignment(s) and "
                + groups.size() + " group membership(s).", resources, warnings);
    }

    public Deleted delete(String user, @Nullable String domain) {
        JsonNode u = deletable(user, domain);
        String id = Json.nonEmpty(u, "id");
        String name = Json.nonEmpty(u, "name");
        keystone.delete("/users/" + Json.segment(id));
        return new Deleted(id, name, "User '" + name + "' (" + id + ") is deleted, with its role assignments and"
                + " group memberships.");
    }

    private JsonNode deletable(String user, @Nullable String domain) {
        JsonNode u = identities.user(user, domain);
        IdentityGuards.user(identities.self(), u, "delete");
        return u;
    }
}
