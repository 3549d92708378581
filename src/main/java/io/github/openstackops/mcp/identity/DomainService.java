package io.github.openstackops.mcp.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.services.KeystoneClient;
import io.github.openstackops.mcp.identity.AccessRecords.DomainChange;
import io.github.openstackops.mcp.identity.AccessRecords.DomainDetail;
import io.github.openstackops.mcp.identity.IdentityRecords.Deleted;
import io.github.openstackops.mcp.identity.IdentityRecords.Domain;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keystone domains: get (with what they hold), create, update, delete. Keystone deletes only a disabled domain, and
 * deleting one deletes every project, user and group in it: the preview names them, and the delete disables first.
 */
@Singleton
public class DomainService {

    private final KeystoneClient keystone;
    private final Identities identities;

    public DomainService(KeystoneClient keystone, Identities identities) {
        this.keystone = keystone;
        this.identities = identities;
    }

    public DomainDetail get(String domain) {
        JsonNode d = identities.domain(domain);
        Holdings held = holdings(Json.nonEmpty(d, "id"));
        return new DomainDetail(Identities.domain(d), held.projects().size(), held.users().size(), held.groups().size());
    }

    public DomainChange create(String name, @Nullable String description, boolean enabled) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name.trim());
        Json.putIfSet(body, "description", description);
        body.put("enabled", enabled);
        Domain created = Identities.domain(keystone.create("/domains", "domain", body, "A domain named '" + name.trim()
                + "' already exists; choose another name, or change that one with domain_update."));
        return new DomainChange(created, true, "Domain '" + created.name() + "' (" + created.id() + ") created"
                + (enabled ? "." : ", disabled.") + " Create projects, users and groups in it with their create tools.");
    }

    public DomainChange update(String domain, @Nullable String newName, @Nullable String description,
                               @Nullable Boolean enabled) {
        if (newName == null && description == null && enabled == null) {
            throw ToolException.invalid("Nothing to change: give 'name', 'description' or 'enabled'.");
        }
        JsonNode d = identities.domain(domain);
        String id = Json.nonEmpty(d, "id");
        String name = Json.nonEmpty(d, "name");
        Map<String, Object> patch = new LinkedHashMap<>();
        List<String> changes = new ArrayList<>();
        if (newName != null && !newName.equals(name)) {
            guard(d, "rename");
            patch.put("name", newName);
            changes.add("renamed to '" + newName + "'");
        }
        if (description != null && !description.equals(Objects.toString(Json.nonEmpty(d, "description"), ""))) {
            patch.put("description", description);
            changes.add("description set");
        }
        if (enabled != null && enabled != d.path("enabled").asBoolean(true)) {
            if (!enabled) {
                guard(d, "disable");
            }
            patch.put("enabled", enabled);
            changes.add(enabled ? "enabled" : "disabled: its users can no longer authenticate");
        }
        if (patch.isEmpty()) {
            return new DomainChange(Identities.domain(d), false, "Domain '" + name + "' already is as asked; nothing"
                    + " changed.");
        }
        JsonNode updated = keystone.patch("/domains/" + Json.segment(id), Map.of("domain", patch)).path("domain");
        return new DomainChange(Identities.domain(updated), true, "Domain '" + name + "' (" + id + "): "
                + String.join(", ", changes) + ".");
    }

    public Preview deletePreview(String domain) {
        JsonNode d = identities.domain(domain);
        guard(d, "delete");
        String id = Json.nonEmpty(d, "id");
        String name = Json.nonEmpty(d, "name");
        Holdings held = holdings(id);
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("domain", id, name, "disabled, then deleted"));
        held.projects().stream().limit(ProjectService.PREVIEW_NAMED).forEach(p -> resources.add(new Preview.Resource("project", Json.nonEmpty(p, "id"),
                Json.nonEmpty(p, "name"), "deleted with the domain")));
        held.users().stream().limit(ProjectService.PREVIEW_NAMED).forEach(u -> resources.add(new Preview.Resource("user", Json.nonEmpty(u, "id"),
                Json.nonEmpty(u, "name"), "deleted with the domain")));
        held.groups().stream().limit(ProjectService.PREVIEW_NAMED).forEach(g -> resources.add(new Preview.Resource("group", Json.nonEmpty(g, "id"),
                Json.nonEmpty(g, "name"), "deleted with the domain")));
        List<String> warnings = new ArrayList<>();
        if (!held.projects().isEmpty()) {
            warnings.add("WARNING: Keystone deletes the domain's " + held.projects().size() + " project(s) but NOT"
                    + " the servers, volumes and networks they hold: those are orphaned. project_delete's preview"
                    + " shows what each project holds.");
        }
        if (!held.users().isEmpty()) {
            warnings.add("The domain's " + held.users().size() + " user(s) are deleted and lose every role they hold"
                    + " anywhere.");
        }
        if (Math.max(held.projects().size(), Math.max(held.users().size(), held.groups().size()))
                > ProjectService.PREVIEW_NAMED) {
            warnings.add("Only the first " + ProjectService.PREVIEW_NAMED + " of each kind are named above.");
        }
        warnings.add("Deleting cannot be undone; domain_update with enabled=false blocks access reversibly.");
        return new Preview("delete domain", "Disable and delete domain '" + name + "' (" + id + "), which holds "
                + held.projects().size() + " project(s), " + held.users().size() + " user(s) and "
                + held.groups().size() + " group(s).", resources, warnings);
    }

    public Deleted delete(String domain) {
        JsonNode d = identities.domain(domain);
        guard(d, "delete");
        String id = Json.nonEmpty(d, "id");
        String name = Json.nonEmpty(d, "name");
        if (d.path("enabled").asBoolean(true)) {
            keystone.patch("/domains/" + Json.segment(id), Map.of("domain", Map.of("enabled", false)));
        }
        keystone.delete("/domains/" + Json.segment(id));
        return new Deleted(id, name, "Domain '" + name + "' (" + id + ") was disabled and deleted, with its projects,"
                + " users and groups.");
    }

    /** The default domain and this server's own cannot be disabled, renamed or deleted. */
    private void guard(JsonNode d, String what) {
        String id = Json.nonEmpty(d, "id");
        if ("default".equals(id) || Objects.equals(id, identities.self().domainId())) {
            throw ToolException.refused("Refusing to " + what + " domain '" + Json.nonEmpty(d, "name") + "' (" + id
                    + "): it is " + ("default".equals(id) ? "the default domain, where the cloud's service users live"
                    : "the domain of this server's own project") + "; a model must not lock the operator or the"
                    + " cloud's services out.");
        }
    }

    private Holdings holdings(String domainId) {
        Map<String, Object> query = Map.of("domain_id", domainId);
        return new Holdings(KeystoneClient.items(keystone.get("/projects", query), "projects", n -> n),
                KeystoneClient.items(keystone.get("/users", query), "users", n -> n),
                KeystoneClient.items(keystone.get("/groups", query), "groups", n -> n));
    }

    private record Holdings(List<JsonNode> projects, List<JsonNode> users, List<JsonNode> groups) {
    }
}
