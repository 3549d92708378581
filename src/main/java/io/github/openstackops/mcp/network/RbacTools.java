package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.network.RbacRecords.RbacDeleted;
import io.github.openstackops.mcp.network.RbacRecords.RbacPolicy;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/** RBAC policies: sharing a network, QoS policy or security group with a project. */
@Singleton
public class RbacTools implements ToolProvider {

    static final String POLICY = "RBAC policy id (see rbac_policy_list)";

    public enum ObjectType { NETWORK, QOS_POLICY, SECURITY_GROUP }

    public enum Action { ACCESS_AS_SHARED, ACCESS_AS_EXTERNAL }

    public record ListArgs(
            @Limit Integer limit,
            @Marker String marker,
            @Param("Only policies on this type of object") ObjectType objectType,
            @Param(value = "Only policies on this object: its id, or its exact name with object_type", maxLength = 255) String object,
            @Param("Only policies granting this access") Action action,
            @Param(value = "Only policies for this project id (or * for every project)", maxLength = 64) String targetProject) {
    }

    public record PolicyArgs(
            @Param(value = POLICY, required = true, minLength = 1, maxLength = 64) String policy) {
    }

    public record CreateArgs(
            @Param(value = "What to share", required = true) ObjectType objectType,
            @Param(value = "The object: id, or exact name when unique", required = true, minLength = 1, maxLength = 255) String object,
            @Param(value = "access_as_shared (use it, the default) or access_as_external (networks only: a floating IP"
                    + " pool and router gateway for that project)", defaultValue = "\"access_as_shared\"") Action action,
            @Param(value = "Project that gets access: its id (a name needs an admin), or * for every project",
                    required = true, minLength = 1, maxLength = 255) String targetProject) {
    }

    private final RbacService rbac;

    public RbacTools(RbacService rbac) {
        this.rbac = rbac;
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("rbac_policy_list", Toolset.NETWORK, ListArgs.class, RbacRecords.POLICIES)
                        .title("RBAC Policies: List")
                        .description("List RBAC policies (what is shared with whom). Filter by object type, object,"
                                + " action or target project; Neutron filters and pages ('next_marker' as 'marker').")
                        .handler((ctx, a) -> rbac.list(a.limit(), a.marker(), lower(a.objectType()), a.object(),
                                lower(a.action()), a.targetProject()))
                        .build(),
                ToolDefinition.read("rbac_policy_get", Toolset.NETWORK, PolicyArgs.class, RbacPolicy.class)
                        .title("RBAC Policies: Get")
                        .description("One RBAC policy: the object, the access and the project it is granted to.")
                        .handler((ctx, a) -> rbac.get(a.policy()))
                        .build(),
                ToolDefinition.write("rbac_policy_create", Toolset.NETWORK, CreateArgs.class, RbacPolicy.class)
                        .title("RBAC Policies: Create")
                        .description("Share a network, QoS policy or security group. With one project, or with * (every"
                                + " project; admin only by default).")
                        .handler((ctx, a) -> rbac.create(lower(a.objectType()), a.object(), lower(a.action()),
                                a.targetProject(), ctx))
                        .build(),
                ToolDefinition.destructive("rbac_policy_delete", Toolset.NETWORK, PolicyArgs.class, RbacDeleted.class)
                        .title("RBAC Policies: Delete")
                        .description("Stop sharing an object. The preview names who loses access (nobody when another"
                                + " policy still grants it) and, for a network, the ports of that project on it:"
                                + " Neutron refuses while the project still uses the object.")
                        .preview((ctx, a) -> rbac.deletePreview(a.policy()))
                        .handler((ctx, a) -> rbac.delete(a.policy(), ctx))
                        .build());
    }
}
