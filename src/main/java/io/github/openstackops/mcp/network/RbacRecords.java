package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

/** RBAC policies: what a project shares with another, compactly. */
public final class RbacRecords {

    private RbacRecords() {
    }

    @Doc("An RBAC policy: one object shared with one project (or every project)")
    public record RbacPolicy(
            @Doc("Policy id") String id,
            @Doc("What is shared: network, qos_policy, security_group, address_scope, subnetpool, address_group") String objectType,
            @Doc("The shared object") Ref object,
            @Doc("access_as_shared (use it) or access_as_external (networks: use as floating IP pool and gateway)") String action,
            @Doc("Project id that gets access, or * for every project") String targetProject,
            @Nullable @Doc("Its name, when this user may read it") String targetProjectName,
            @Nullable @Doc("Project id that owns the policy") String projectId) {
    }

    public static final Page.Kind<RbacPolicy> POLICIES = Page.Kind.of(RbacPolicy.class, "rbac_policies",
            "RBAC policies");

    @Doc("The result of deleting an RBAC policy")
    public record RbacDeleted(
            @Doc("Policy id") String id,
            @Doc("The object no longer shared") Ref object,
            @Doc("Project id, or *, that lost access") String targetProject,
            @Doc("What happened, in a sentence") String message) {
    }
}
