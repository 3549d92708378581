package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Lookup;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.model.identity.v3.Token;


/**
 * Which project a quota, usage or limits call is about: the token's own project by default, or another one named by
 * id or exact name (resolved through Keystone, which only lets an admin see other projects: a 403 there reads as
 * "admin only"). Nova answers quota and usage calls for any string as if it were a project, so another project is
 * always checked to exist first.
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

    public ProjectScope(CloudSession cloud) {
        this.cloud = cloud;
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
            return cloud.call(os -> {
                org.openstack4j.model.identity.v3.Project p = Lookup.byIdOrName("Project", ref.trim(),
                        id -> os.identity().projects().get(id), name -> os.identity().projects().getByName(name),
                        org.openstack4j.model.identity.v3.Project::getName,
                        org.openstack4j.model.identity.v3.Project::getId);
                return new Project(p.getId(), p.getName(), false);
            });
        } catch (ResponseException e) {
            if (e.getStatus() == 403) {
                throw new ToolException(ToolException.Kind.FORBIDDEN, "Project '" + ref.trim() + "' is not the"
                        + " current project (" + current.label() + "), and only an admin can read other projects"
                        + " (Keystone answered HTTP 403). Leave 'project' out to use the current one.");
            }
            throw e;
        }
    }

    /** True when the token carries the admin role (cloud-wide views are then possible). */
    public boolean isAdmin() {
        return cloud.isAdmin();
    }
}
