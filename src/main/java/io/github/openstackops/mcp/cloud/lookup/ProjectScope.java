package io.github.openstackops.mcp.cloud.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.services.KeystoneClient;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.model.identity.v3.Token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;


/**
 * The one way a project is found, for every family: by id, or by exact name (within a domain when one is given),
 * through Keystone. A user who may not list projects (a member) can still name its own project. Quota, usage and
 * limits calls default to the token's own project, and check another one exists first (Nova answers quota and usage
 * calls for any string as if it were a project); Keystone lets only an admin see other projects, so a 403 there reads
 * as "admin only".
 */
@Singleton
public class ProjectScope {

    /** A resolved project; {@code current} when it is the token's own. */
    public record Project(String id, @Nullable String name, boolean current) {
        public String label() {
            return name == null ? id : name + " (" + id + ")";
        }
    }

    private final CloudSession cloud;
    private final KeystoneClient keystone;

    public ProjectScope(CloudSession cloud, KeystoneClient keystone) {
        this.cloud = cloud;
        this.keystone = keystone;
    }

    public Project current() {
        Token token = cloud.token();
        return new Project(token.getProject().getId(), token.getProject().getName(), true);
    }

    /** The project named by {@code ref} (id or exact name), or the current one when {@code ref} is empty. */
    public Project resolve(@Nullable String ref) {
        Project current = current();
        if (ref == null || ref.isBlank() || ref.trim().equals(current.id()) || ref.trim().equals(current.name())) {
            return current;
        }
        try {
            JsonNode p = find(ref.trim(), null);
            return new Project(Json.nonEmpty(p, "id"), Json.nonEmpty(p, "name"), false);
        } catch (ResponseException e) {
            if (e.getStatus() == 403) {
                throw new ToolException(ToolException.Kind.FORBIDDEN, "Project '" + ref.trim() + "' is not the"
                        + " current project (" + current.label() + "), and only an admin can read other projects"
                        + " (Keystone answered HTTP 403). Leave 'project' out to use the current one.");
            }
            throw e;
        }
    }

    /** Keystone's project by id, or by exact name within the domain of that id (any domain when null). */
    public JsonNode find(String ref, @Nullable String domainId) {
        Token token = cloud.token();
        String ownId = token.getProject() == null ? null : token.getProject().getId();
        String ownName = token.getProject() == null ? null : token.getProject().getName();
        return Lookup.byIdOrName("Project", ref, id -> keystone.find("/projects/" + Json.segment(id), "project"),
                name -> byName(name, domainId, Objects.equals(name, ownName) ? ownId : null),
                n -> Json.nonEmpty(n, "name"), n -> Json.nonEmpty(n, "id"));
    }

    /** Every project the token may list (an admin's: all of them), or only the enabled ones. */
    public List<Project> all(boolean enabledOnly) {
        return KeystoneClient.items(keystone.get("/projects", null), "projects", n -> n).stream()
                .filter(n -> !enabledOnly || n.path("enabled").asBoolean(false))
                .map(n -> new Project(Json.nonEmpty(n, "id"), Json.nonEmpty(n, "name"), false)).toList();
    }

    /** True when the token carries the admin role (cloud-wide views are then possible). */
    public boolean isAdmin() {
        return cloud.isAdmin();
    }

    /**
     * Candidates for a name, filtered by Keystone. When listing is forbidden and the name is the token's own
     * project's, that one is used.
     */
    private List<JsonNode> byName(String name, @Nullable String domainId, @Nullable String ownId) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("name", name);
        if (domainId != null) {
            query.put("domain_id", domainId);
        }
        try {
            return KeystoneClient.items(keystone.get("/projects", query), "projects", Function.identity());
        } catch (ResponseException e) {
            if (e.getStatus() == 403 && ownId != null) {
                JsonNode own = keystone.find("/projects/" + Json.segment(ownId), "project");
                if (own != null && (domainId == null || domainId.equals(Json.nonEmpty(own, "domain_id")))) {
                    return List.of(own);
                }
            }
            throw e;
        }
    }
}
