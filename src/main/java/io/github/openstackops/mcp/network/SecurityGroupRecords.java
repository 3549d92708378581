package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** Security groups and their rules, compactly and readably. */
public final class SecurityGroupRecords {

    private SecurityGroupRecords() {
    }

    @Doc("A security group rule")
    public record Rule(
            @Doc("Rule id") String id,
            @Doc("The rule in words, e.g. 'ingress tcp 22 from 0.0.0.0/0' or 'egress any to ::/0'") String summary,
            @Doc("ingress or egress") String direction,
            @Doc("IPv4 or IPv6") String ethertype,
            @Nullable @Doc("Protocol; absent means every protocol") String protocol,
            @Nullable @Doc("First port (for ICMP: the type)") Integer portRangeMin,
            @Nullable @Doc("Last port (for ICMP: the code)") Integer portRangeMax,
            @Nullable @Doc("Remote address prefix; absent with no remote group means every address") String remoteIpPrefix,
            @Nullable @Doc("Remote security group whose members the rule admits") Ref remoteGroup,
            @Nullable @Doc("Description") String description) {
    }

    @Doc("A security group, summarised")
    public record SecurityGroupSummary(
            @Doc("Security group id") String id,
            @Doc("Name") String name,
            @Nullable @Doc("Description") String description,
            @Nullable @Doc("Stateful (connection tracking) or not") Boolean stateful,
            @Doc("Number of rules") int ruleCount,
            @Doc("Its ingress rules that admit the whole internet, in words (worth a look)") List<String> worldOpenIngress,
            @Nullable @Doc("Owning project id") String projectId) {
    }

    public static final Page.Kind<SecurityGroupSummary> SECURITY_GROUPS = Page.Kind.of(SecurityGroupSummary.class, "security_groups", "security groups");

    @Doc("A security group with its rules")
    public record SecurityGroupDetail(
            @Doc("Security group id") String id,
            @Doc("Name") String name,
            @Nullable @Doc("Description") String description,
            @Nullable @Doc("Stateful (connection tracking) or not") Boolean stateful,
            @Doc("Rules, ingress first") List<Rule> rules,
            @Doc("Tags") List<String> tags,
            @Nullable @Doc("Owning project id") String projectId,
            @Nullable @Doc("Creation time") String created,
            @Nullable @Doc("Last update time") String updated) {
    }

    @Doc("A rule just created")
    public record RuleCreated(
            @Doc("The security group it belongs to") Ref securityGroup,
            @Doc("The new rule") Rule rule,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("The result of deleting a security group")
    public record SecurityGroupDeleted(
            @Doc("Security group id") String id,
            @Doc("Name") String name,
            @Doc("Its rules, deleted with it") int rulesDeleted,
            @Doc("Rules of other groups that referenced it, deleted with it, in words") List<String> referencingRulesDeleted,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("The result of deleting a security group rule")
    public record RuleDeleted(
            @Doc("Rule id") String id,
            @Doc("The rule in words") String summary,
            @Doc("The security group it belonged to") Ref securityGroup,
            @Doc("What happened, in a sentence") String message) {
    }
}
