package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.network.QosRecords.QosDeleted;
import io.github.openstackops.mcp.network.QosRecords.QosPolicy;
import io.github.openstackops.mcp.network.QosRecords.QosRuleCreated;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/** QoS policies and rules (Neutron's qos extension). */
@Singleton
public class QosTools implements ToolProvider {

    static final String POLICY = "QoS policy id, or its exact name when that name is unique";

    public enum RuleType { BANDWIDTH_LIMIT, DSCP_MARKING, MINIMUM_BANDWIDTH }

    public enum Direction { INGRESS, EGRESS }

    public record ListArgs(
            @Limit Integer limit,
            @Marker String marker,
            @Param(value = "Only the policy with exactly this name", maxLength = 255) String name,
            @Param("true: only shared policies; false: only unshared ones") Boolean shared,
            @Param(value = NetworkTools.PROJECT_FILTER, maxLength = 64) String projectId) {
    }

    public record PolicyArgs(@IdOrName(POLICY) String policy) {
    }

    public record CreateArgs(
            @Param(value = "Name of the new policy", required = true, minLength = 1, maxLength = 255) String name,
            @Param(value = "Description", maxLength = 255) String description,
            @Param("Share with every project") Boolean shared,
            @Param("Make it the project's default for new networks") Boolean isDefault) {
    }

    public record UpdateArgs(
            @IdOrName(POLICY) String policy,
            @Param(value = "New name", maxLength = 255) String name,
            @Param(value = "New description", maxLength = 255) String description,
            @Param("Share with every project, or stop sharing") Boolean shared,
            @Param("Make it the project's default for new networks, or not") Boolean isDefault) {
    }

    public record RuleCreateArgs(
            @IdOrName(POLICY) String policy,
            @Param(value = "Rule type; each takes its own fields", required = true) RuleType type,
            @Param(value = "bandwidth_limit: the limit in kbps (required)", min = 0, max = 2147483647) Long maxKbps,
            @Param(value = "bandwidth_limit: burst allowance in kbps", min = 0, max = 2147483647) Long maxBurstKbps,
            @Param(value = "minimum_bandwidth: guaranteed kbps (required)", min = 0, max = 2147483647) Long minKbps,
            @Param(value = "dscp_marking: the DSCP mark (required): 0, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30,"
                    + " 32, 34, 36, 38, 40, 46, 48 or 56", min = 0, max = 56) Integer dscpMark,
            @Param("bandwidth_limit and minimum_bandwidth: egress (from the server, the default) or ingress") Direction direction) {
    }

    public record RuleArgs(
            @IdOrName(POLICY) String policy,
            @Param(value = "Rule id (see qos_policy_get)", required = true, minLength = 1, maxLength = 64) String rule) {
    }

    private final QosService qos;

    public QosTools(QosService qos) {
        this.qos = qos;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("qos_policy_list", Toolset.NETWORK, ListArgs.class, QosRecords.POLICIES)
                        .title("QoS Policies: List")
                        .description("List QoS policies. Each with its rules in words; filter by name, shared or"
                                + " project; Neutron filters and pages ('next_marker' as 'marker').")
                        .handler((ctx, a) -> qos.list(a.limit(), a.marker(), a.name(), a.shared(), a.projectId()))
                        .build(),
                ToolDefinition.read("qos_policy_get", Toolset.NETWORK, PolicyArgs.class, QosPolicy.class)
                        .title("QoS Policies: Get")
                        .description("One QoS policy with its rules. Rule ids are what qos_rule_delete takes.")
                        .handler((ctx, a) -> qos.get(a.policy()))
                        .build(),
                ToolDefinition.write("qos_policy_create", Toolset.NETWORK, CreateArgs.class, QosPolicy.class)
                        .adminOnly()
                        .title("QoS Policies: Create")
                        .description("Create a QoS policy. Add rules with qos_rule_create; apply it with"
                                + " port_update or network_update (qos_policy).")
                        .handler((ctx, a) -> qos.create(a.name(), a.description(), a.shared(), a.isDefault(), ctx))
                        .build(),
                ToolDefinition.write("qos_policy_update", Toolset.NETWORK, UpdateArgs.class, QosPolicy.class)
                        .adminOnly()
                        .title("QoS Policies: Update")
                        .description("Change a QoS policy. Name, description, shared or default; only the given"
                                + " fields change.")
                        .handler((ctx, a) -> qos.update(a.policy(), a.name(), a.description(), a.shared(),
                                a.isDefault(), ctx))
                        .build(),
                ToolDefinition.destructive("qos_policy_delete", Toolset.NETWORK, PolicyArgs.class, QosDeleted.class)
                        .adminOnly()
                        .title("QoS Policies: Delete")
                        .description("Delete a QoS policy. The preview names the ports, networks and floating IPs"
                                + " using it; Neutron refuses to delete a policy in use, so detach it first"
                                + " (port_update / network_update with qos_policy \"\").")
                        .preview((ctx, a) -> qos.deletePreview(a.policy()))
                        .handler((ctx, a) -> qos.delete(a.policy(), ctx))
                        .build(),
                ToolDefinition.write("qos_rule_create", Toolset.NETWORK, RuleCreateArgs.class, QosRuleCreated.class)
                        .adminOnly()
                        .title("QoS Rules: Create")
                        .description("Add a rule to a QoS policy. type bandwidth_limit (max_kbps, max_burst_kbps,"
                                + " direction), dscp_marking (dscp_mark) or minimum_bandwidth (min_kbps,"
                                + " direction); it applies at once where the policy is used.")
                        .handler((ctx, a) -> qos.createRule(a.policy(), new QosService.NewRule(
                                a.type().name().toLowerCase(Locale.ROOT),
                                a.maxKbps(), a.maxBurstKbps(), a.minKbps(), a.dscpMark(),
                                a.direction() == null ? null : a.direction().name().toLowerCase(Locale.ROOT)), ctx))
                        .build(),
                ToolDefinition.destructive("qos_rule_delete", Toolset.NETWORK, RuleArgs.class, QosDeleted.class)
                        .adminOnly()
                        .title("QoS Rules: Delete")
                        .description("Delete a rule of a QoS policy. The preview counts the ports and networks that"
                                + " lose it at once.")
                        .preview((ctx, a) -> qos.deleteRulePreview(a.policy(), a.rule()))
                        .handler((ctx, a) -> qos.deleteRule(a.policy(), a.rule(), ctx))
                        .build());
    }
}
