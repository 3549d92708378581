package io.github.openstackops.mcp.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.identity.IdentityRecords.Domain;
import io.github.openstackops.mcp.identity.IdentityRecords.Group;
import io.github.openstackops.mcp.identity.IdentityRecords.Project;
import io.github.openstackops.mcp.identity.IdentityRecords.Ref;
import io.github.openstackops.mcp.identity.IdentityRecords.Role;
import io.github.openstackops.mcp.identity.IdentityRecords.User;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.model.identity.v3.Token;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    private final Keystone keystone;
    private final CloudSession cloud;

    public Identities(Keystone keystone, CloudSession cloud) {
        this.keystone = keystone;
        this.cloud = cloud;
    }

    /** Who this server is, from the cached token (no call to Keystone unless the token must be renewed). */
    public Self self() {
        Token token = cloud.token();
        String userId = token.getUser() == null ? null : token.getUser().getId();
        String userName = token.getUser() == null ? null : token.getUser().getName();
        String projectId = token.getProject() == null ? null : token.getProject().getId();
        String projectName = token.getProject() == null ? null : token.getProject().getName();
        String domainId = token.getProject() != null && token.getProject().getDomain() != null
                ? token.getProject().getDomain().getId()
                : token.getDomain() != null ? token.getDomain().getId() : "default";
        return new Self(userId, userName, projectId, projectName, domainId);
    }

    /** This server's own user and project: what a model must never take away from it. */
    public record Self(@Nullable String userId, @Nullable String userName, @Nullable String projectId,
                       @Nullable String projectName, String domainId) {
    }

    // ---- lookups -------------------------------------------------------------------------------------------------

    public JsonNode project(String ref, @Nullable String domainRef) {
        String domainId = domainRef == null ? null : domainId(domainRef);
        Self self = self();
        return Lookup.byIdOrName("Project", ref, id -> unwrap(keystone.find("/projects/" + seg(id)), "project"),
                name -> byName("/projects", "projects", name, domainId,
                        Objects.equals(name, self.projectName()) ? self.projectId() : null, "project"),
                n -> Keystone.text(n, "name"), n -> Keystone.text(n, "id"));
    }

    public JsonNode user(String ref, @Nullable String domainRef) {
        String domainId = domainRef == null ? null : domainId(domainRef);
        Self self = self();
        return Lookup.byIdOrName("User", ref, id -> unwrap(keystone.find("/users/" + seg(id)), "user"),
                name -> byName("/users", "users", name, domainId,
                        Objects.equals(name, self.userName()) ? self.userId() : null, "user"),
                n -> Keystone.text(n, "name"), n -> Keystone.text(n, "id"));
    }

    public JsonNode group(String ref, @Nullable String domainRef) {
        String domainId = domainRef == null ? null : domainId(domainRef);
        return Lookup.byIdOrName("Group", ref, id -> unwrap(keystone.find("/groups/" + seg(id)), "group"),
                name -> byName("/groups", "groups", name, domainId, null, "group"),
                n -> Keystone.text(n, "name"), n -> Keystone.text(n, "id"));
    }

    public JsonNode role(String ref) {
        return Lookup.byIdOrName("Role", ref, id -> unwrap(keystone.find("/roles/" + seg(id)), "role"),
                name -> Keystone.items(keystone.get("/roles", Map.of("name", name)), "roles", Function.identity()),
                n -> Keystone.text(n, "name"), n -> Keystone.text(n, "id"));
    }

    /** A domain by id (including ids like "default") or exact name. */
    public JsonNode domain(String ref) {
        String value = ref == null ? "" : ref.trim();
        if (value.isEmpty()) {
            throw ToolException.invalid("Name the domain by id or exact name.");
        }
        if (ID_LIKE.matcher(value).matches()) {
            JsonNode found = unwrap(keystone.find("/domains/" + seg(value)), "domain");
            if (found != null) {
                return found;
            }
        }
        List<JsonNode> matches = Keystone.items(keystone.get("/domains", Map.of("name", value)), "domains",
                Function.identity()).stream().filter(d -> value.equals(Keystone.text(d, "name"))).toList();
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
        return Keystone.text(domain(ref), "id");
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
            return Keystone.items(keystone.get(path, query), key, Function.identity());
        } catch (ResponseException e) {
            if (e.getStatus() == 403 && ownId != null) {
                JsonNode own = unwrap(keystone.find(path + "/" + seg(ownId)), singular);
                if (own != null && (domainId == null || domainId.equals(Keystone.text(own, "domain_id")))) {
                    return List.of(own);
                }
            }
            throw e;
        }
    }

    @Nullable
    private static JsonNode unwrap(@Nullable JsonNode response, String key) {
        return response == null ? null : response.get(key);
    }

    /** One path segment, escaped. */
    static String seg(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---- names for ids, best effort (a failure shows the id only) ----------------------------------------------

    /** The name of a project or domain by id, or null when it cannot be read (not found, not allowed). */
    @Nullable
    public String nameOf(String collection, String singular, @Nullable String id) {
        if (id == null) {
            return null;
        }
        try {
            JsonNode node = unwrap(keystone.find("/" + collection + "/" + seg(id)), singular);
            return node == null ? null : Keystone.text(node, "name");
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
        return new Project(Keystone.text(n, "id"), Keystone.text(n, "name"), Keystone.text(n, "domain_id"),
                Keystone.text(n, "description"), n.path("enabled").asBoolean(true), Keystone.text(n, "parent_id"),
                Keystone.strings(n, "tags"));
    }

    static User user(JsonNode n) {
        return new User(Keystone.text(n, "id"), Keystone.text(n, "name"), Keystone.text(n, "domain_id"),
                n.path("enabled").asBoolean(true), Keystone.text(n, "email"), Keystone.text(n, "description"),
                Keystone.text(n, "default_project_id"), Keystone.text(n, "password_expires_at"));
    }

    static Group group(JsonNode n) {
        return new Group(Keystone.text(n, "id"), Keystone.text(n, "name"), Keystone.text(n, "domain_id"),
                Keystone.text(n, "description"));
    }

    static Role role(JsonNode n) {
        return new Role(Keystone.text(n, "id"), Keystone.text(n, "name"), Keystone.text(n, "domain_id"),
                Keystone.text(n, "description"));
    }

    static Domain domain(JsonNode n) {
        return new Domain(Keystone.text(n, "id"), Keystone.text(n, "name"), Keystone.text(n, "description"),
                n.path("enabled").asBoolean(true));
    }

    static Ref refOf(JsonNode n) {
        return new Ref(Keystone.text(n, "id"), Keystone.text(n, "name"));
    }

    /** Sorted by name (then id), so a capped list is predictable. */
    static <T> List<T> byName(List<T> items, Function<T, String> name, Function<T, String> id) {
        return items.stream().sorted(Comparator.comparing((T t) -> String.valueOf(name.apply(t)))
                .thenComparing(t -> String.valueOf(id.apply(t)))).toList();
    }
}
