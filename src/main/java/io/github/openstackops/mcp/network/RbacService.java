package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.lookup.ProjectScope;
import io.github.openstackops.mcp.cloud.services.NeutronClient;
import io.github.openstackops.mcp.network.RbacRecords.RbacDeleted;
import io.github.openstackops.mcp.network.RbacRecords.RbacPolicy;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.exceptions.ResponseException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.network.NetworkService.blankToNull;
import static io.github.openstackops.mcp.network.NetworkService.put;

/**
 * RBAC policies (Neutron's rbac-policies extension): a network, QoS policy or security group shared with one project
 * or with every project ({@code *}). Neutron refuses to delete one while the target project still uses the object.
 */
@Singleton
public class RbacService {

    static final String RBAC = "rbac-policies";
    /** The collection of each shareable object type. */
    static final Map<String, String> COLLECTIONS = Map.of("network", "networks", "qos_policy", "qos/policies",
            "security_group", "security-groups", "address_scope", "address-scopes", "subnetpool", "subnetpools",
            "address_group", "address-groups");

    private final NeutronClient neutron;
    private final NetworkService networks;
    private final SecurityGroupService groups;
    private final QosService qos;
    private final ProjectScope projects;

    public RbacService(NeutronClient neutron, NetworkService networks, SecurityGroupService groups, QosService qos,
                       ProjectScope projects) {
        this.neutron = neutron;
        this.networks = networks;
        this.groups = groups;
        this.qos = qos;
        this.projects = projects;
    }

    private <T> T rbac(java.util.function.Supplier<T> call) {
        return neutron.requiring("rbac-policies", "RBAC policies", call);
    }

    public Page<RbacPolicy> list(int limit, @Nullable String marker, @Nullable String objectType,
                                 @Nullable String object, @Nullable String action, @Nullable String targetProject) {
        Map<String, Object> query = new LinkedHashMap<>();
        put(query, "object_type", objectType);
        if (blankToNull(object) != null) {
            query.put("object_id", objectType == null ? object.trim() : text(object(objectType, object), "id"));
        }
        put(query, "action", action);
        put(query, "target_tenant", blankToNull(targetProject));
        Paging.Slice<JsonNode> page = rbac(() -> neutron.page(RBAC, query, limit, marker));
        Map<String, String> names = objectNames(page.items());
        return RbacRecords.POLICIES.page(page.items().stream().map(p -> record(p, names, null)).toList(),
                page.nextMarker());
    }

    public RbacPolicy get(String id) {
        JsonNode p = require(id);
        return record(p, objectNames(List.of(p)), projectName(text(p, "target_tenant")));
    }

    private JsonNode require(String id) {
        return rbac(() -> neutron.require("RBAC policy", RBAC, "rbac_policy", id));
    }

    public RbacPolicy create(String objectType, String object, String action, String targetProject,
                             ToolContext context) {
        if (action.equals("access_as_external") && !objectType.equals("network")) {
            throw ToolException.invalid("access_as_external applies to networks only; share a " + objectType
                    + " with access_as_shared.");
        }
        JsonNode o = object(objectType, object);
        String target = target(targetProject);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object_type", objectType);
        body.put("object_id", text(o, "id"));
        body.put("action", action);
        body.put("target_tenant", target);
        JsonNode created = rbac(() -> neutron.post("/" + RBAC, Map.of("rbac_policy", body))).path("rbac_policy");
        context.info("created RBAC policy " + text(created, "id") + " on " + objectType + " " + text(o, "id"));
        return record(created, Map.of(text(o, "id"), NeutronJson.str(o, "name")), projectName(target));
    }

    /** The object by id or exact name, by type. */
    private JsonNode object(String type, String ref) {
        return switch (type) {
            case "network" -> networks.resolve(ref);
            case "security_group" -> groups.resolve(ref);
            case "qos_policy" -> qos.resolve(ref);
            default -> throw ToolException.invalid("Object type '" + type + "' cannot be named here: use network,"
                    + " qos_policy or security_group.");
        };
    }

    /** "*", or a project id: names are looked up in Keystone (an admin's view); ids pass as they are. */
    private String target(String ref) {
        String value = ref.trim();
        if (value.equals("*")) {
            return value;
        }
        try {
            return text(projects.find(value, null), "id");
        } catch (ResponseException e) {
            if (e.getStatus() == 403 && (Lookup.UUID.matcher(value).matches() || value.matches("^[0-9a-f]{32}$"))) {
                return value;
            }
            if (e.getStatus() == 403) {
                throw ToolException.invalid("Only an admin can look projects up by name: give the project's id as"
                        + " target_project, or * for every project.");
            }
            throw e;
        }
    }

    @Nullable
    private String projectName(@Nullable String id) {
        if (id == null || id.equals("*")) {
            return null;
        }
        ProjectScope.Project current = projects.current();
        if (id.equals(current.id())) {
            return current.name();
        }
        try {
            return text(projects.find(id, null), "name");
        } catch (RuntimeException e) {
            return null; // a member may not read other projects: the id stands alone
        }
    }

    private Map<String, String> objectNames(List<JsonNode> policies) {
        Map<String, List<String>> byType = new HashMap<>();
        policies.forEach(p -> byType.computeIfAbsent(text(p, "object_type"), k -> new ArrayList<>())
                .add(text(p, "object_id")));
        Map<String, String> names = new HashMap<>();
        byType.forEach((type, ids) -> {
            String collection = COLLECTIONS.get(type);
            if (collection != null) {
                names.putAll(neutron.names(collection, ids));
            }
        });
        return names;
    }

    private static RbacPolicy record(JsonNode p, Map<String, String> names, @Nullable String targetName) {
        String objectId = text(p, "object_id");
        return new RbacPolicy(text(p, "id"), text(p, "object_type"), new Ref(objectId, names.get(objectId)),
                text(p, "action"), text(p, "target_tenant"), targetName, text(p, "project_id"));
    }

    // ------------------------------------------------------------------ delete

    public Preview deletePreview(String id) {
        JsonNode p = require(id);
        RbacPolicy policy = record(p, objectNames(List.of(p)), projectName(text(p, "target_tenant")));
        String target = policy.targetProject();
        String what = policy.objectType() + " " + label(policy.object());
        List<JsonNode> others = neutron.list(RBAC, Map.of("object_id", policy.object().id(), "action",
                policy.action())).stream().filter(o -> !Objects.equals(text(o, "id"), policy.id())).toList();
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("rbac_policy", policy.id(), policy.action() + " for " + target, "deleted"));
        List<String> warnings = new ArrayList<>();
        JsonNode keeps = others.stream().filter(o -> Objects.equals(text(o, "target_tenant"), "*")
                || Objects.equals(text(o, "target_tenant"), target)).findFirst().orElse(null);
        if (keeps != null) {
            warnings.add("Nobody loses access: RBAC policy " + text(keeps, "id") + " still grants "
                    + policy.action() + " on it to " + text(keeps, "target_tenant") + ".");
        } else {
            String who = target.equals("*") ? "every project but the owner's" + (others.isEmpty() ? ""
                    : " (except " + others.stream().map(o -> text(o, "target_tenant")).toList() + ", shared"
                    + " separately)") : "project " + (policy.targetProjectName() == null ? target
                    : policy.targetProjectName() + " (" + target + ")");
            resources.add(new Preview.Resource("project", target, policy.targetProjectName(), "loses "
                    + policy.action() + " on " + what));
            warnings.add(who.substring(0, 1).toUpperCase() + who.substring(1) + " loses " + policy.action()
                    + " on " + what + ". Neutron refuses the delete while that project still uses it"
                    + (policy.objectType().equals("network") ? " (ports, floating IPs or router gateways on it)"
                    : "") + ".");
            if (policy.objectType().equals("network") && policy.action().equals("access_as_shared")) {
                neutron.list("ports", Map.of("network_id", policy.object().id())).stream()
                        .filter(port -> !Objects.equals(text(port, "project_id"), policy.projectId())
                                && (target.equals("*") || target.equals(text(port, "project_id"))))
                        .forEach(port -> resources.add(new Preview.Resource("port", text(port, "id"),
                                text(port, "device_owner"), "of project " + text(port, "project_id")
                                + " on the network: blocks the delete until it is removed")));
            }
        }
        return new Preview("delete RBAC policy", "Stop sharing " + what + " with " + target + ".", resources,
                warnings);
    }

    public RbacDeleted delete(String id, ToolContext context) {
        JsonNode p = require(id);
        RbacPolicy policy = record(p, objectNames(List.of(p)), null);
        neutron.delete("/" + RBAC + "/" + policy.id());
        context.info("deleted RBAC policy " + policy.id());
        return new RbacDeleted(policy.id(), policy.object(), policy.targetProject(), policy.objectType() + " "
                + label(policy.object()) + " is no longer shared (" + policy.action() + ") with "
                + policy.targetProject() + ".");
    }

    private static String label(Ref ref) {
        return ref.name() == null || ref.name().isEmpty() ? ref.id() : "'" + ref.name() + "' (" + ref.id() + ")";
    }
}
