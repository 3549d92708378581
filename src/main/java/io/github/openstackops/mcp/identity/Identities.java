package io.github.openstackops.mcp.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.TokenScope;
import io.github.openstackops.mcp.cloud.lookup.ProjectScope;
import io.github.openstackops.mcp.cloud.services.KeystoneClient;
import io.github.openstackops.mcp.identity.IdentityRecords.Domain;
import io.github.openstackops.mcp.identity.IdentityRecords.Group;
import io.github.openstackops.mcp.identity.IdentityRecords.Project;
import io.github.openstackops.mcp.identity.IdentityRecords.Role;
import io.github.openstackops.mcp.identity.IdentityRecords.User;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.exceptions.ResponseException;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;


/**
 * Finding Keystone resources the way operators name them (id, or exact name, optionally within a domain), the
 * identity of this server (from its cached token), and the mapping of Keystone JSON to the compact records.
 */
@Singleton
public class Identities {

    /** Ids Keystone accepts in a path that are not names: hex ids, "default", LDAP-ish ids without spaces. */
    private static final Pattern ID_LIKE = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    private final KeystoneClient keystone;
    private final CloudSession cloud;
    private final ProjectScope projects;

    public Identities(KeystoneClient keystone, CloudSession cloud, ProjectScope projects) {
        this.keystone = keystone;
        this.cloud = cloud;
        this.projects = projects;
    }

    /** Who this server is, from the cached token (no call to Keystone unless the token must be renewed). */
    public Self self() {
        TokenScope token = cloud.scope();
        String userId = token.user() == null ? null : token.user().id();
        String userName = token.user() == null ? null : token.user().name();
        String projectId = token.project() == null ? null : token.project().id();
        String projectName = token.project() == null ? null : token.project().name();
        String domainId = token.projectDomain() != null ? token.projectDomain().id()
                : token.domain() != null ? token.domain().id() : "default";
        return new Self(userId, userName, projectId, projectName, domainId);
    }

    /** The role names this server's token holds. */
    public List<String> selfRoles() {
        return cloud.scope().roles();
    }

    /** This server's own user and project: what a model must never take away from it. */
    public record Self(@Nullable String userId, @Nullable String userName, @Nullable String projectId,
                       @Nullable String projectName, String domainId) {
    }

    // ---- lookups -------------------------------------------------------------------------------------------------

    public JsonNode project(String ref, @Nullable String domainRef) {
        return projectIn(ref, domainRef == null ? null : domainId(domainRef));
    }

    /** A project by id, or by exact name within the domain of that id (any domain when null). */
    public JsonNode projectIn(String ref, @Nullable String domainId) {
        return projects.find(ref, domainId);
    }

    public JsonNode user(String ref, @Nullable String domainRef) {
        String domainId = domainRef == null ? null : domainId(domainRef);
        Self self = self();
        return Lookup.byIdOrName("User", ref, id -> keystone.find("/users/" + Json.segment(id), "user"),
                name -> byName("/users", "users", name, domainId,
                        Objects.equals(name, self.userName()) ? self.userId() : null, "user"),
                n -> Json.nonEmpty(n, "name"), n -> Json.nonEmpty(n, "id"));
    }

    public JsonNode group(String ref, @Nullable String domainRef) {
        String domainId = domainRef == null ? null : domainId(domainRef);
        return Lookup.byIdOrName("Group", ref, id -> keystone.find("/groups/" + Json.segment(id), "group"),
                name -> byName("/groups", "groups", name, domainId, null, "group"),
                n -> Json.nonEmpty(n, "name"), n -> Json.nonEmpty(n, "id"));
    }

    public JsonNode role(String ref) {
        return Lookup.byIdOrName("Role", ref, id -> keystone.find("/roles/" + Json.segment(id), "role"),
                name -> byName("/roles", "roles", name, null, null, "role"),
                n -> Json.nonEmpty(n, "name"), n -> Json.nonEmpty(n, "id"));
    }

    /** A domain by id (including ids like "default") or exact name. */
    public JsonNode domain(String ref) {
        String value = ref == null ? "" : ref.trim();
        if (value.isEmpty()) {
            throw ToolException.invalid("Name the domain by id or exact name.");
        }
        if (ID_LIKE.matcher(value).matches()) {
            JsonNode found = keystone.find("/domains/" + Json.segment(value), "domain");
            if (found != null) {
                return found;
            }
        }
        List<JsonNode> matches = KeystoneClient.items(keystone.get("/domains", Map.of("name", value)), "domains",
                Function.identity()).stream().filter(d -> value.equals(Json.nonEmpty(d, "name"))).toList();
        if (matches.isEmpty()) {
            throw OpenStackFaults.notFound("Domain '" + value + "'");
        }
        return matches.get(0);
    }

    /** Keystone list filters by exact name, name substring (case-insensitive) and domain (name or ID); unset ones are left out. */
    public Map<String, Object> nameQuery(@Nullable String name, @Nullable String nameContains, @Nullable String domain) {
        Map<String, Object> query = new LinkedHashMap<>();
        if (name != null) {
            query.put("name", name);
        }
        if (nameContains != null) {
            query.put("name__icontains", nameContains);
        }
        if (domain != null) {
            query.put("domain_id", domainId(domain));
        }
        return query;
    }

    public String domainId(String ref) {
        return Json.nonEmpty(domain(ref), "id");
    }

    /**
     * Candidates for a name, filtered by Keystone. A user without the right to list (e.g. a project member) can
     * still name its own project or itself: when listing is forbidden and the name is its own, that one is used.
     */
    private List<JsonNode> byName(String path, String key, String name, @Nullable String domainId,
                                  @Nullable String ownId, String singular) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("name", name);
        if (domainId != null) {
            query.put("domain_id", domainId);
        }
        try {
            return KeystoneClient.items(keystone.get(path, query), key, Function.identity());
        } catch (ResponseException e) {
            if (e.getStatus() == 403 && ownId != null) {
                JsonNode own = keystone.find(path + "/" + Json.segment(ownId), singular);
                if (own != null && (domainId == null || domainId.equals(Json.nonEmpty(own, "domain_id")))) {
                    return List.of(own);
                }
            }
            throw e;
        }
    }

    // ---- names for ids, best effort (a failure shows the id only) ----------------------------------------------

    /** The name of a project or domain by id, or null when it cannot be read (not found, not allowed). */
    @Nullable
    public String nameOf(String collection, String singular, @Nullable String id) {
        if (id == null) {
            return null;
        }
        try {
            JsonNode node = keystone.find("/" + collection + "/" + Json.segment(id), singular);
            return node == null ? null : Json.nonEmpty(node, "name");
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Nullable
    public Ref ref(String collection, String singular, @Nullable String id) {
        return id == null ? null : new Ref(id, nameOf(collection, singular, id));
    }

    // ---- JSON to records ---------------------------------------------------------------------------------------

    static Project project(JsonNode n) {
        return new Project(Json.nonEmpty(n, "id"), Json.nonEmpty(n, "name"), Json.nonEmpty(n, "domain_id"),
                Json.nonEmpty(n, "description"), n.path("enabled").asBoolean(true), Json.nonEmpty(n, "parent_id"),
                Json.stringList(n, "tags"));
    }

    static User user(JsonNode n) {
        return new User(Json.nonEmpty(n, "id"), Json.nonEmpty(n, "name"), Json.nonEmpty(n, "domain_id"),
                n.path("enabled").asBoolean(true), Json.nonEmpty(n, "email"), Json.nonEmpty(n, "description"),
                Json.nonEmpty(n, "default_project_id"), Json.nonEmpty(n, "password_expires_at"));
    }

    static Group group(JsonNode n) {
        return new Group(Json.nonEmpty(n, "id"), Json.nonEmpty(n, "name"), Json.nonEmpty(n, "domain_id"),
                Json.nonEmpty(n, "description"));
    }

    static Role role(JsonNode n) {
        return new Role(Json.nonEmpty(n, "id"), Json.nonEmpty(n, "name"), Json.nonEmpty(n, "domain_id"),
                Json.nonEmpty(n, "description"));
    }

    static Domain domain(JsonNode n) {
        return new Domain(Json.nonEmpty(n, "id"), Json.nonEmpty(n, "name"), Json.nonEmpty(n, "description"),
                n.path("enabled").asBoolean(true));
    }

    static Ref refOf(JsonNode n) {
        return new Ref(Json.nonEmpty(n, "id"), Json.nonEmpty(n, "name"));
    }

    /** Sorted by name (then id), so a capped list is predictable. */
    static <T> List<T> byName(List<T> items, Function<T, String> name, Function<T, String> id) {
        return items.stream().sorted(Comparator.comparing((T t) -> String.valueOf(name.apply(t)))
                .thenComparing(t -> String.valueOf(id.apply(t)))).toList();
    }
}
