package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** QoS policies and their rules, compactly. */
public final class QosRecords {

    private QosRecords() {
    }

    @Doc("A QoS policy, summarised")
    public record QosPolicySummary(
            @Doc("Policy id") String id,
            @Doc("Policy name") String name,
            @Nullable @Doc("Description") String description,
            @Doc("Shared with every project") boolean shared,
            @Doc("The project's default policy for new networks") boolean isDefault,
            @Doc("Its rules in words, e.g. 'bandwidth_limit egress 1000 kbps, burst 100 kbps'") List<String> rules,
            @Nullable @Doc("Owning project id") String projectId) {
    }

    public static final Page.Kind<QosPolicySummary> POLICIES = Page.Kind.of(QosPolicySummary.class, "qos_policies",
            "QoS policies");

    @Doc("A QoS rule")
    public record QosRule(
            @Doc("Rule id (what qos_rule_delete takes)") String id,
            @Doc("bandwidth_limit, dscp_marking or minimum_bandwidth") String type,
            @Doc("The rule in words") String summary,
            @Nullable @Doc("Bandwidth limit in kbps") Long maxKbps,
            @Nullable @Doc("Burst allowance in kbps") Long maxBurstKbps,
            @Nullable @Doc("Guaranteed bandwidth in kbps") Long minKbps,
            @Nullable @Doc("DSCP mark set on outgoing packets") Integer dscpMark,
            @Nullable @Doc("ingress or egress (as seen from the server)") String direction) {
    }

    @Doc("A QoS policy with its rules")
    public record QosPolicy(
            @Doc("Policy id") String id,
            @Doc("Policy name") String name,
            @Nullable @Doc("Description") String description,
            @Doc("Shared with every project") boolean shared,
            @Doc("The project's default policy for new networks") boolean isDefault,
            @Doc("Its rules") List<QosRule> rules,
            @Doc("Tags") List<String> tags,
            @Nullable @Doc("Owning project id") String projectId,
            @Nullable @Doc("Creation time") String created,
            @Nullable @Doc("Last update time") String updated) {
    }

    @Doc("A rule added to a QoS policy")
    public record QosRuleCreated(
            @Doc("The new rule") QosRule rule,
            @Doc("Its policy") Ref policy,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("The result of deleting a QoS policy or rule")
    public record QosDeleted(
            @Doc("Id of what was deleted") String id,
            @Doc("The policy deleted, or the rule's policy") Ref policy,
            @Doc("What happened, in a sentence") String message) {
    }
}
