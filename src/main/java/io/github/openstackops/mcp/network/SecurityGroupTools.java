package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.catalog.schema.Verbatim;
import io.github.openstackops.mcp.network.SecurityGroupRecords.RuleCreated;
import io.github.openstackops.mcp.network.SecurityGroupRecords.RuleDeleted;
import io.github.openstackops.mcp.network.SecurityGroupRecords.SecurityGroupDeleted;
import io.github.openstackops.mcp.network.SecurityGroupRecords.SecurityGroupDetail;
import jakarta.inject.Singleton;

import java.util.List;

/** Security group and rule tools. */
@Singleton
public class SecurityGroupTools implements ToolProvider {

    static final String GROUP = "Security group id, or its exact name when that name is unique";

    public enum Direction { INGRESS, EGRESS }

    @Verbatim
    public enum Ethertype { IPv4, IPv6 }

    public record ListArgs(
            @Limit Integer limit,
            @Marker String marker,
            @Param(value = "Only the group with exactly this name", maxLength = 255) String name,
            @Param(value = NetworkTools.PROJECT_FILTER, maxLength = 64) String projectId) {
    }

    public record GroupArgs(@IdOrName(GROUP) String securityGroup) {
    }

    public record CreateArgs(
            @Param(value = "Name of the new group", required = true, minLength = 1, maxLength = 255) String name,
            @Param(value = "Description", maxLength = 255) String description,
            @Param("Stateful (connection tracking, the default) or stateless") Boolean stateful) {
    }

    public record UpdateArgs(
            @IdOrName(GROUP) String securityGroup,
            @Param(value = "New name", maxLength = 255) String name,
            @Param(value = "New description; \"\" clears it", maxLength = 255) String description) {
    }

    public record RuleCreateArgs(
            @IdOrName(GROUP) String securityGroup,
            @Param(value = "ingress (traffic to the servers, the default) or egress", defaultValue = "\"ingress\"") Direction direction,
            @Param(value = "tcp, udp, icmp, ipv6-icmp, another protocol name or number, or any (the default: every"
                    + " protocol)", maxLength = 16, examples = {"tcp", "udp", "icmp"}) String protocol,
            @Param(value = "First port of the range (for ICMP: the type); absent = every port", min = 0, max = 65535) Integer portRangeMin,
            @Param(value = "Last port of the range (for ICMP: the code); absent = port_range_min", min = 0, max = 65535) Integer portRangeMax,
            @Param(value = "Source (ingress) or destination (egress) prefix, e.g. 198.51.100.0/24; absent with no"
                    + " remote_group = every address", maxLength = 49) String remoteIpPrefix,
            @Param(value = "Admit only members of this security group (id or exact name) instead of a prefix", maxLength = 255) String remoteGroup,
            @Param("IPv4 or IPv6 (default: from remote_ip_prefix, else IPv4)") Ethertype ethertype,
            @Param(value = "Description", maxLength = 255) String description) {
    }

    public record RuleArgs(
            @Param(value = "Security group rule id (see security_group_get)", required = true, minLength = 1, maxLength = 64) String rule) {
    }

    private final SecurityGroupService groups;

    public SecurityGroupTools(SecurityGroupService groups) {
        this.groups = groups;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("security_group_list", Toolset.NETWORK, ListArgs.class, SecurityGroupRecords.SECURITY_GROUPS)
                        .title("Security Groups: List")
                        .description("List security groups, one page at a time, with their rule count and, worth a"
                                + " look, the ingress rules that admit the whole internet. Filter by exact name or"
                                + " project. Pass 'next_marker' as 'marker' for the next page.")
                        .handler((ctx, a) -> groups.list(a.limit(), a.marker(), a.name(), a.projectId()))
                        .build(),
                ToolDefinition.read("security_group_get", Toolset.NETWORK, GroupArgs.class, SecurityGroupDetail.class)
                        .title("Security Groups: Get")
                        .description("One security group with every rule, each in words (e.g. 'ingress tcp 22 from"
                                + " 0.0.0.0/0', 'egress any to ::/0', 'ingress tcp 5432 from group \\'web\\'') and as"
                                + " fields. Rule ids are what security_group_rule_delete takes.")
                        .handler((ctx, a) -> groups.get(a.securityGroup()))
                        .build(),
                ToolDefinition.write("security_group_create", Toolset.NETWORK, CreateArgs.class, SecurityGroupDetail.class)
                        .title("Security Groups: Create")
                        .description("Create a security group. Neutron gives it two rules allowing all egress"
                                + " (IPv4, IPv6) and no ingress; add rules with security_group_rule_create.")
                        .handler((ctx, a) -> groups.create(a.name(), a.description(), a.stateful(), ctx))
                        .build(),
                ToolDefinition.write("security_group_update", Toolset.NETWORK, UpdateArgs.class, SecurityGroupDetail.class)
                        .title("Security Groups: Update")
                        .description("Rename a security group or set its description.")
                        .handler((ctx, a) -> groups.update(a.securityGroup(), a.name(), a.description(), ctx))
                        .build(),
                ToolDefinition.write("security_group_rule_create", Toolset.NETWORK, RuleCreateArgs.class, RuleCreated.class)
                        .title("Security Group Rules: Create")
                        .description("Add a rule to a security group, e.g. ingress tcp 443 from 0.0.0.0/0. Guard rail:"
                                + " an ingress rule that opens SSH (22), RDP (3389) or database/cache ports (3306,"
                                + " 5432, 6379, 27017, 9200, 11211) to the whole internet (0.0.0.0/0, ::/0, no"
                                + " prefix, or an IPv4 prefix wider than /8 or IPv6 wider than /16) is refused, also"
                                + " when a port range covers one"
                                + " or no port is given with tcp/udp/any, unless the operator set"
                                + " ALLOW_WORLD_OPEN_INGRESS=true; use a narrower prefix or a remote_group.")
                        .handler((ctx, a) -> groups.createRule(a.securityGroup(), new SecurityGroupService.NewRule(
                                a.direction().name().toLowerCase(java.util.Locale.ROOT),
                                a.ethertype() == null ? null : a.ethertype().name(), a.protocol(), a.portRangeMin(),
                                a.portRangeMax(), a.remoteIpPrefix(), a.remoteGroup(), a.description()), ctx))
                        .build(),
                ToolDefinition.destructive("security_group_delete", Toolset.NETWORK, GroupArgs.class, SecurityGroupDeleted.class)
                        .title("Security Groups: Delete")
                        .description("Delete a security group and its rules. The preview also names rules of other"
                                + " groups that refer to it (deleted with it). Refused while ports use the group"
                                + " (the refusal names the servers) and for a project's default group.")
                        .preview((ctx, a) -> groups.deleteGroupPreview(a.securityGroup()))
                        .handler((ctx, a) -> groups.deleteGroup(a.securityGroup(), ctx))
                        .build(),
                ToolDefinition.destructive("security_group_rule_delete", Toolset.NETWORK, RuleArgs.class, RuleDeleted.class)
                        .title("Security Group Rules: Delete")
                        .description("Delete one security group rule by id. The preview shows the rule in words and"
                                + " the servers that lose the traffic it allowed.")
                        .preview((ctx, a) -> groups.deleteRulePreview(a.rule()))
                        .handler((ctx, a) -> groups.deleteRule(a.rule(), ctx))
                        .build());
    }
}
