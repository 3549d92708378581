package io.github.openstackops.mcp.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.services.KeystoneClient;
import io.github.openstackops.mcp.identity.AccessRecords.GroupCreated;
import io.github.openstackops.mcp.identity.Identities.Self;
import io.github.openstackops.mcp.identity.IdentityRecords.Deleted;
import io.github.openstackops.mcp.identity.IdentityRecords.Group;
import io.github.openstackops.mcp.identity.IdentityRecords.GroupMembers;
import io.github.openstackops.mcp.identity.IdentityRecords.GroupPage;
import io.github.openstackops.mcp.identity.IdentityRecords.MembershipChange;
import io.github.openstackops.mcp.identity.IdentityRecords.User;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Keystone groups: list, members, add and remove users, create, delete. */
@Singleton
public class GroupService {

    private final KeystoneClient keystone;
    private final Identities identities;

    public GroupService(KeystoneClient keystone, Identities identities) {
        this.keystone = keystone;
        this.identities = identities;
    }

    public GroupPage list(@Nullable String name, @Nullable String nameContains, @Nullable String domain,
                          @Nullable String user, int limit) {
        JsonNode body;
        if (user != null) {
            if (name != null || nameContains != null || domain != null) {
                throw ToolException.invalid("'user' lists that user's groups and cannot be combined with 'name',"
                        + " 'name_contains' or 'domain'; call without 'user' to filter by those.");
            }
            body = keystone.get("/users/" + Json.segment(Json.nonEmpty(identities.user(user, null), "id"))
                    + "/groups", null);
        } else {
            Map<String, Object> query = identities.nameQuery(name, nameContains, domain);
            body = keystone.get("/groups", query);
        }
        List<Group> all = Identities.byName(KeystoneClient.items(body, "groups", Identities::group), Group::name, Group::id);
        Capped<Group> page = Capped.of(all, limit, KeystoneClient.truncatedByKeystone(body));
        return new GroupPage(page.items(), page.items().size(), page.truncated());
    }

    public GroupMembers members(String group, @Nullable String domain, int limit) {
        JsonNode g = identities.group(group, domain);
        JsonNode body = keystone.get("/groups/" + Json.segment(Json.nonEmpty(g, "id")) + "/users", null);
        List<User> all = Identities.byName(KeystoneClient.items(body, "users", Identities::user), User::name, User::id);
        Capped<User> page = Capped.of(all, limit, KeystoneClient.truncatedByKeystone(body));
        return new GroupMembers(Identities.refOf(g), page.items(), page.items().size(), page.truncated());
    }

    public MembershipChange add(String group, String user) {
        JsonNode g = identities.group(group, null);
        JsonNode u = identities.user(user, null);
        String path = membership(g, u);
        Ref groupRef = Identities.refOf(g);
        Ref userRef = Identities.refOf(u);
        if (keystone.exists(path)) {
            return new MembershipChange(groupRef, userRef, true, false, "User '" + userRef.name()
                    + "' already is a member of group '" + groupRef.name() + "'; nothing changed.");
        }
        keystone.put(path);
        return new MembershipChange(groupRef, userRef, true, true, "User '" + userRef.name() + "' added to group '"
                + groupRef.name() + "'; it now holds the group's role assignments too.");
    }

    public MembershipChange remove(String group, String user) {
        JsonNode g = identities.group(group, null);
        JsonNode u = identities.user(user, null);
        String path = membership(g, u);
        Ref groupRef = Identities.refOf(g);
        Ref userRef = Identities.refOf(u);
        if (!keystone.exists(path)) {
            return new MembershipChange(groupRef, userRef, false, false, "User '" + userRef.name()
                    + "' is not a member of group '" + groupRef.name() + "'; nothing changed.");
        }
        Self self = identities.self();
        if (Objects.equals(userRef.id(), self.userId()) && self.projectId() != null
                && keystone.get("/role_assignments", Map.of("group.id", groupRef.id(), "scope.project.id",
                self.projectId())).path("role_assignments").size() > 0) {
            throw ToolException.refused("Refusing to remove user '" + userRef.name() + "' from group '"
                    + groupRef.name() + "': it is the user this server is authenticated as, and the group gives it a"
                    + " role on this server's project; removing it could lock this server and its operator out.");
        }
        keystone.delete(path);
        return new MembershipChange(groupRef, userRef, false, true, "User '" + userRef.name()
                + "' removed from group '" + groupRef.name() + "'; it no longer holds the group's role assignments.");
    }

    public GroupCreated create(String name, @Nullable String description, @Nullable String domain) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name.trim());
        Json.putIfSet(body, "description", description);
        body.put("domain_id", domain == null ? identities.self().domainId() : identities.domainId(domain));
        Group created = Identities.group(keystone.create("/groups", "group", body, "A group named '" + name.trim()
                + "' already exists in domain " + body.get("domain_id") + "; choose another name."));
        return new GroupCreated(created, "Group '" + created.name() + "' (" + created.id() + ") created in domain "
                + created.domainId() + ". Add users with group_user_add and grant it roles with role_grant.");
    }

    public Preview deletePreview(String group, @Nullable String domain) {
        JsonNode g = deletable(group, domain);
        String id = Json.nonEmpty(g, "id");
        String name = Json.nonEmpty(g, "name");
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("group", id, name, "deleted"));
        JsonNode assignments = keystone.get("/role_assignments", Map.of("group.id", id, "include_names", "true"));
        List<JsonNode> held = Json.array(assignments, "role_assignments");
        held.stream().limit(ProjectService.PREVIEW_NAMED).forEach(a -> resources.add(ProjectService.assignment(a)));
        List<JsonNode> members = Json.array(keystone.get("/groups/" + Json.segment(id) + "/users", null), "users");
        List<String> warnings = new ArrayList<>();
        if (!held.isEmpty() && !members.isEmpty()) {
            warnings.add("Its " + members.size() + " member(s) lose the " + held.size() + " role assignment(s) they"
                    + " hold through the group: " + members.stream().limit(ProjectService.PREVIEW_NAMED)
                    .map(u -> Json.nonEmpty(u, "name")).toList() + ". The users themselves are kept.");
        }
        if (held.size() > ProjectService.PREVIEW_NAMED) {
            warnings.add("Only the first " + ProjectService.PREVIEW_NAMED + " of its " + held.size()
                    + " role assignments are named above.");
        }
        return new Preview("delete group", "Delete group '" + name + "' (" + id + ") with its " + held.size()
                + " role assignment(s) and " + members.size() + " membership(s).", resources, warnings);
    }

    public Deleted delete(String group, @Nullable String domain) {
        JsonNode g = deletable(group, domain);
        String id = Json.nonEmpty(g, "id");
        String name = Json.nonEmpty(g, "name");
        keystone.delete("/groups/" + Json.segment(id));
        return new Deleted(id, name, "Group '" + name + "' (" + id + ") is deleted with its role assignments and"
                + " memberships; its users are kept.");
    }

    /** Refused when the group gives this server's own user a role on this server's project. */
    private JsonNode deletable(String group, @Nullable String domain) {
        JsonNode g = identities.group(group, domain);
        String id = Json.nonEmpty(g, "id");
        Self self = identities.self();
        if (self.userId() != null && self.projectId() != null
                && keystone.exists("/groups/" + Json.segment(id) + "/users/" + Json.segment(self.userId()))
                && keystone.get("/role_assignments", Map.of("group.id", id, "scope.project.id", self.projectId()))
                .path("role_assignments").size() > 0) {
            throw ToolException.refused("Refusing to delete group '" + Json.nonEmpty(g, "name") + "': this server's"
                    + " own user is in it and it gives a role on this server's project; deleting it could lock this"
                    + " server and its operator out.");
        }
        return g;
    }

    private static String membership(JsonNode group, JsonNode user) {
        return "/groups/" + Json.segment(Json.nonEmpty(group, "id")) + "/users/"
                + Json.segment(Json.nonEmpty(user, "id"));
    }
}
