package io.github.openstackops.mcp.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.identity.Identities.Self;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a model must not do to Keystone, because it would lock the operator (or the cloud's own services) out: take
 * away this server's own user or project, or the admin and service accounts the cloud runs on. Checked in the
 * preview and again when a call executes; a refusal names the reason.
 */
final class IdentityGuards {

    /** Projects every cloud depends on. */
    static final Set<String> PROTECTED_PROJECTS = Set.of("admin", "service");
    /** The admin user and the users the OpenStack services authenticate as. */
    static final Set<String> PROTECTED_USERS = Set.of("admin", "nova", "neutron", "glance", "cinder", "placement",
            "heat", "heat_domain_admin");

    private IdentityGuards() {
    }

    /** Refuses deleting, disabling or renaming this server's project or a protected one. */
    static void project(Self self, JsonNode project, String what) {
        String id = Json.nonEmpty(project, "id");
        String name = Json.nonEmpty(project, "name");
        if (Objects.equals(id, self.projectId())) {
            throw ToolException.refused("Refusing to " + what + " project '" + name + "' (" + id + "): it is the project"
                    + " this server is authenticated in; doing so would lock this server, and the operator using it,"
                    + " out of the cloud. Use the openstack CLI with another account if this is really intended.");
        }
        if (isProtectedProject(project)) {
            throw ToolException.refused("Refusing to " + what + " project '" + name + "' (" + id + "): the '" + name
                    + "' project is what the cloud's administrators" + ("service".equalsIgnoreCase(name)
                    ? " and services (nova, neutron, glance, cinder, placement, heat) authenticate in" : " work in")
                    + "; losing it locks them out. Use the openstack CLI if this is really intended.");
        }
    }

    /** Refuses deleting, disabling or renaming this server's user or a protected one. */
    static void user(Self self, JsonNode user, String what) {
        String id = Json.nonEmpty(user, "id");
        String name = Json.nonEmpty(user, "name");
        if (Objects.equals(id, self.userId())) {
            throw ToolException.refused("Refusing to " + what + " user '" + name + "' (" + id + "): it is the user this"
                    + " server is authenticated as; doing so would lock this server, and the operator using it, out"
                    + " of the cloud. Use the openstack CLI with another account if this is really intended.");
        }
        if (isProtectedUser(user)) {
            throw ToolException.refused("Refusing to " + what + " user '" + name + "' (" + id + "): "
                    + ("admin".equalsIgnoreCase(name) ? "it is the cloud's administrator account"
                    : "the OpenStack services authenticate as '" + name + "'; without it they stop working")
                    + ". Use the openstack CLI if this is really intended.");
        }
    }

    static boolean isProtectedUser(JsonNode user) {
        String name = Json.nonEmpty(user, "name");
        return name != null && PROTECTED_USERS.contains(name.toLowerCase(Locale.ROOT));
    }

    static boolean isProtectedProject(JsonNode project) {
        String name = Json.nonEmpty(project, "name");
        return name != null && PROTECTED_PROJECTS.contains(name.toLowerCase(Locale.ROOT));
    }
}
