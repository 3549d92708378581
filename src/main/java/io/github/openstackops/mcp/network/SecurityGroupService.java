package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.lookup.ServerNames;
import io.github.openstackops.mcp.cloud.services.NeutronClient;
import io.github.openstackops.mcp.network.SecurityGroupRecords.Rule;
import io.github.openstackops.mcp.network.SecurityGroupRecords.RuleCreated;
import io.github.openstackops.mcp.network.SecurityGroupRecords.RuleDeleted;
import io.github.openstackops.mcp.network.SecurityGroupRecords.SecurityGroupDeleted;
import io.github.openstackops.mcp.network.SecurityGroupRecords.SecurityGroupDetail;
import io.github.openstackops.mcp.network.SecurityGroupRecords.SecurityGroupSummary;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.github.openstackops.mcp.cloud.Json.bool;
import static io.github.openstackops.mcp.cloud.Json.integer;
import static io.github.openstackops.mcp.cloud.Json.nonEmpty;
import static io.github.openstackops.mcp.cloud.Json.stringList;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.network.NetworkService.blankToNull;
import static io.github.openstackops.mcp.network.NetworkService.put;
import static io.github.openstackops.mcp.network.NeutronJson.str;

/** Security groups and rules (Neutron), with the world-open ingress guard rail. */
@Singleton
public class SecurityGroupService {

    private final NeutronClient neutron;
    private final ServerNames serverNames;
    private final NetworkGuardrails guardrails;

    public SecurityGroupService(NeutronClient neutron, ServerNames serverNames, NetworkGuardrails guardrails) {
        this.neutron = neutron;
        this.serverNames = serverNames;
        this.guardrails = guardrails;
    }

    /** A new rule, as the caller gave it. */
    public record NewRule(String direction, @Nullable String ethertype, @Nullable String protocol,
                          @Nullable Integer portRangeMin, @Nullable Integer portRangeMax,
                          @Nullable String remoteIpPrefix, @Nullable String remoteGroup,
                          @Nullable String description) {
    }

    public Page<SecurityGroupSummary> list(int limit, @Nullable String marker, @Nullable String name,
                                  @Nullable String projectId) {
        Map<String, Object> query = new LinkedHashMap<>();
        put(query, "name", blankToNull(name));
        put(query, "project_id", blankToNull(projectId));
        Paging.Slice<JsonNode> page = neutron.page("security-groups", query, limit, marker);
        List<SecurityGroupSummary> out = page.items().stream().map(g -> {
            List<String> open = new ArrayList<>();
            g.path("security_group_rules").forEach(r -> {
                if (SecurityRules.worldOpenIngress(r)) {
                    open.add(SecurityRules.render(r, Map.of()));
                }
            });
            return new SecurityGroupSummary(text(g, "id"), str(g, "name"), nonEmpty(g, "description"),
                    bool(g, "stateful"), g.path("security_group_rules").size(), open, text(g, "project_id"));
        }).toList();
        return SecurityGroupRecords.SECURITY_GROUPS.page(out, page.nextMarker());
    }

    public SecurityGroupDetail get(String ref) {
        return detail(resolve(ref));
    }

    JsonNode resolve(String ref) {
        return neutron.resolve("Security group", "security-groups", "security_group", ref);
    }

    SecurityGroupDetail detail(JsonNode g) {
        List<JsonNode> rules = new ArrayList<>();
        g.path("security_group_rules").forEach(rules::add);
        Map<String, String> groupNames = remoteGroupNames(rules, g);
        List<Rule> out = rules.stream().sorted(RULE_ORDER).map(r -> rule(r, groupNames)).toList();
        return new SecurityGroupDetail(text(g, "id"), str(g, "name"), nonEmpty(g, "description"), bool(g, "stateful"),
                out, stringList(g, "tags"), text(g, "project_id"), text(g, "created_at"), text(g, "updated_at"));
    }

    private Map<String, String> remoteGroupNames(List<JsonNode> rules, @Nullable JsonNode self) {
        Set<String> ids = new LinkedHashSet<>();
        rules.forEach(r -> {
            String remote = text(r, "remote_group_id");
            if (remote != null) {
                ids.add(remote);
            }
        });
        Map<String, String> names = new LinkedHashMap<>();
        if (self != null) {
            names.put(text(self, "id"), str(self, "name"));
            ids.remove(text(self, "id"));
        }
        names.putAll(neutron.names("security-groups", ids));
        return names;
    }

    private static final Comparator<JsonNode> RULE_ORDER = Comparator
            .comparing((JsonNode r) -> "ingress".equals(text(r, "direction")) ? 0 : 1)
            .thenComparing(r -> String.valueOf(text(r, "ethertype")))
            .thenComparing(r -> String.valueOf(text(r, "protocol")))
            .thenComparing(r -> integer(r, "port_range_min") == null ? -1 : integer(r, "port_range_min"));

    static Rule rule(JsonNode r, Map<String, String> groupNames) {
        String remoteGroup = text(r, "remote_group_id");
        return new Rule(text(r, "id"), SecurityRules.render(r, groupNames), text(r, "direction"), text(r, "ethertype"),
                text(r, "protocol"), integer(r, "port_range_min"), integer(r, "port_range_max"),
                text(r, "remote_ip_prefix"), remoteGroup == null ? null : new Ref(remoteGroup, groupNames.get(remoteGroup)),
                nonEmpty(r, "description"));
    }

    public SecurityGroupDetail create(String name, @Nullable String description, @Nullable Boolean stateful,
                                      ToolContext context) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name.trim());
        put(body, "description", description);
        put(body, "stateful", stateful);
        JsonNode created = neutron.post("/security-groups", Map.of("security_group", body)).path("security_group");
        context.info("created security group " + text(created, "name") + " (" + text(created, "id") + ")");
        return detail(created);
    }

    public SecurityGroupDetail update(String ref, @Nullable String name, @Nullable String description,
                                      ToolContext context) {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "name", blankToNull(name));
        put(body, "description", description);
        if (body.isEmpty()) {
            throw ToolException.invalid("Nothing to change: give name or description.");
        }
        JsonNode g = resolve(ref);
        JsonNode updated = neutron.put("/security-groups/" + text(g, "id"), Map.of("security_group", body))
                .path("security_group");
        context.info("updated security group " + text(g, "id") + ": " + body.keySet());
        return detail(updated);
    }

    // ------------------------------------------------------------------ rules

    public RuleCreated createRule(String groupRef, NewRule rule, ToolContext context) {
        String direction = rule.direction().toLowerCase(Locale.ROOT);
        String protocol = SecurityRules.protocol(rule.protocol());
        if (rule.portRangeMax() != null && rule.portRangeMin() == null) {
            throw ToolException.invalid("port_range_max needs port_range_min (for a single port, give only"
                    + " port_range_min).");
        }
        if (rule.portRangeMin() != null && protocol == null) {
            throw ToolException.invalid("Ports need a protocol: give protocol tcp, udp or another protocol with ports.");
        }
        String givenPrefix = blankToNull(rule.remoteIpPrefix());
        String remoteGroupRef = blankToNull(rule.remoteGroup());
        if (givenPrefix != null && remoteGroupRef != null) {
            throw ToolException.invalid("Give either remote_ip_prefix or remote_group, not both.");
        }
        String prefix = givenPrefix == null ? null : SecurityRules.prefix(givenPrefix).orElseThrow(() ->
                ToolException.invalid("remote_ip_prefix '" + givenPrefix + "' is not a CIDR: give an address and a"
                        + " prefix length such as 203.0.113.0/24 or 2001:db8::/48 (an IPv4 mask may also be dotted,"
                        + " e.g. 203.0.113.0/255.255.255.0), or a single address."));
        String ethertype = rule.ethertype() != null ? rule.ethertype()
                : prefix != null && prefix.contains(":") ? "IPv6" : "IPv4";
        Integer max = rule.portRangeMax() == null && rule.portRangeMin() != null && !SecurityRules.isIcmp(protocol)
                ? rule.portRangeMin() : rule.portRangeMax();
        if (!guardrails.allowWorldOpenIngress()) {
            Optional<String> exposure = SecurityRules.worldExposure(direction, protocol, rule.portRangeMin(), max,
                    prefix, remoteGroupRef != null, ethertype);
            if (exposure.isPresent()) {
                throw ToolException.refused(exposure.get());
            }
        }
        JsonNode group = resolve(groupRef);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("security_group_id", text(group, "id"));
        body.put("direction", direction);
        body.put("ethertype", ethertype);
        put(body, "protocol", protocol);
        put(body, "port_range_min", rule.portRangeMin());
        put(body, "port_range_max", max);
        put(body, "remote_ip_prefix", prefix);
        JsonNode remoteGroup = remoteGroupRef == null ? null : resolve(remoteGroupRef);
        if (remoteGroup != null) {
            body.put("remote_group_id", text(remoteGroup, "id"));
        }
        put(body, "description", rule.description());
        JsonNode created = neutron.post("/security-group-rules", Map.of("security_group_rule", body))
                .path("security_group_rule");
        Map<String, String> names = new LinkedHashMap<>();
        names.put(text(group, "id"), str(group, "name"));
        if (remoteGroup != null) {
            names.put(text(remoteGroup, "id"), str(remoteGroup, "name"));
        }
        Rule out = rule(created, names);
        context.info("created rule " + out.id() + " in security group " + text(group, "id") + ": " + out.summary());
        return new RuleCreated(new Ref(text(group, "id"), str(group, "name")), out,
                "Security group " + NeutronJson.describe(group) + " now has the rule: " + out.summary() + ".");
    }

    // ------------------------------------------------------------------ deletes

    private record GroupPlan(JsonNode group, PortUse.InUse ports, List<JsonNode> referencingRules,
                             Map<String, String> groupNames) {
    }

    private GroupPlan groupPlan(String ref) {
        JsonNode g = resolve(ref);
        String id = text(g, "id");
        PortUse.InUse ports = PortUse.InUse.every(neutron.list("ports", Map.of("security_groups", id),
                NeutronClient.INTERNAL_CAP), neutron, serverNames);
        List<JsonNode> referencing = neutron.list("security-group-rules", Map.of("remote_group_id", id)).stream()
                .filter(r -> !id.equals(text(r, "security_group_id"))).toList();
        Map<String, String> names = new LinkedHashMap<>();
        names.put(id, str(g, "name"));
        names.putAll(neutron.names("security-groups",
                referencing.stream().map(r -> text(r, "security_group_id")).toList()));
        return new GroupPlan(g, ports, referencing, names);
    }

    private void refuseGroupDelete(GroupPlan plan) {
        JsonNode g = plan.group();
        if ("default".equals(text(g, "name"))) {
            throw ToolException.refused("Security group " + NeutronJson.describe(g) + " is a project's default group:"
                    + " every port without an explicit group gets it, and Neutron recreates it when it is missing."
                    + " Remove or change its rules instead (security_group_rule_delete).");
        }
        if (!plan.ports().blockers().isEmpty()) {
            throw ToolException.conflict("Security group " + NeutronJson.describe(g) + " is still used by "
                    + plan.ports().blockersInWords() + ". Neutron refuses to delete a group in use."
                    + " First take it off those ports (port_update with other security_groups) or delete the"
                    + " servers.");
        }
    }

    public Preview deleteGroupPreview(String ref) {
        GroupPlan plan = groupPlan(ref);
        refuseGroupDelete(plan);
        JsonNode g = plan.group();
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("security_group", text(g, "id"), str(g, "name"),
                "deleted with its " + g.path("security_group_rules").size() + " rule(s)"));
        plan.referencingRules().forEach(r -> resources.add(new Preview.Resource("security_group_rule",
                text(r, "id"), SecurityRules.render(r, plan.groupNames()) + " (in group "
                + plan.groupNames().getOrDefault(text(r, "security_group_id"), text(r, "security_group_id")) + ")",
                "deleted: it admits members of this group")));
        List<String> warnings = new ArrayList<>();
        if (!plan.referencingRules().isEmpty()) {
            warnings.add(plan.referencingRules().size() + " rule(s) of other groups refer to this group and are"
                    + " deleted with it; traffic they admitted is blocked afterwards.");
        }
        return new Preview("delete security group", "Delete security group " + NeutronJson.describe(g) + " and its "
                + g.path("security_group_rules").size() + " rule(s).", resources, warnings);
    }

    public SecurityGroupDeleted deleteGroup(String ref, ToolContext context) {
        GroupPlan plan = groupPlan(ref);
        refuseGroupDelete(plan);
        JsonNode g = plan.group();
        neutron.delete("/security-groups/" + text(g, "id"));
        context.info("deleted security group " + text(g, "id"));
        List<String> referencing = plan.referencingRules().stream().map(r -> SecurityRules.render(r, plan.groupNames())
                + " (in group " + plan.groupNames().getOrDefault(text(r, "security_group_id"),
                text(r, "security_group_id")) + ")").toList();
        return new SecurityGroupDeleted(text(g, "id"), str(g, "name"), g.path("security_group_rules").size(),
                referencing, "Security group " + NeutronJson.describe(g) + " is deleted"
                + (referencing.isEmpty() ? "." : ", with " + referencing.size() + " rule(s) of other groups that"
                + " referred to it."));
    }

    private record RulePlan(JsonNode rule, JsonNode group, String summary, List<JsonNode> ports, boolean truncated,
                            PortUse.Owners owners) {
    }

    private RulePlan rulePlan(String ruleId, boolean withUsers) {
        JsonNode r = neutron.require("Security group rule", "security-group-rules", "security_group_rule", ruleId);
        String groupId = text(r, "security_group_id");
        JsonNode g = neutron.find("/security-groups/" + groupId, "security_group");
        if (g == null) {
            throw io.github.openstackops.mcp.cloud.OpenStackFaults.notFound("Security group '" + groupId + "'");
        }
        Map<String, String> names = remoteGroupNames(List.of(r), g);
        NeutronClient.Bounded ports = withUsers
                ? neutron.list("ports", Map.of("security_groups", groupId), NeutronClient.INTERNAL_CAP)
                : new NeutronClient.Bounded(List.of(), false);
        return new RulePlan(r, g, SecurityRules.render(r, names), ports.items(), ports.truncated(),
                PortUse.Owners.of(ports.items(), neutron, serverNames));
    }

    public Preview deleteRulePreview(String ruleId) {
        RulePlan plan = rulePlan(ruleId, true);
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("security_group_rule", text(plan.rule(), "id"), plan.summary(),
                "deleted from security group " + NeutronJson.describe(plan.group())));
        Set<String> servers = new LinkedHashSet<>();
        for (JsonNode p : plan.ports()) {
            if (PortUse.isServerPort(p) && servers.add(text(p, "device_id")) && servers.size() <= 20) {
                String id = text(p, "device_id");
                resources.add(new Preview.Resource("server", id, plan.owners().servers().get(id),
                        "no longer allowed: " + plan.summary()));
            }
        }
        List<String> warnings = new ArrayList<>();
        if (!plan.ports().isEmpty()) {
            warnings.add("The group is applied to " + plan.ports().size() + (plan.truncated() ? "+" : "") + " port(s)"
                    + (servers.isEmpty() ? "" : " of " + servers.size() + " server(s)")
                    + ": traffic only this rule allowed is blocked at once.");
        }
        return new Preview("delete security group rule", "Delete rule '" + plan.summary() + "' from security group "
                + NeutronJson.describe(plan.group()) + ".", resources, warnings);
    }

    public RuleDeleted deleteRule(String ruleId, ToolContext context) {
        RulePlan plan = rulePlan(ruleId, false);
        neutron.delete("/security-group-rules/" + text(plan.rule(), "id"));
        context.info("deleted security group rule " + text(plan.rule(), "id"));
        return new RuleDeleted(text(plan.rule(), "id"), plan.summary(),
                new Ref(text(plan.group(), "id"), str(plan.group(), "name")),
                "Rule '" + plan.summary() + "' is deleted from security group " + NeutronJson.describe(plan.group())
                        + ".");
    }
}
