package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.services.NeutronClient;
import io.github.openstackops.mcp.network.QosRecords.QosDeleted;
import io.github.openstackops.mcp.network.QosRecords.QosPolicy;
import io.github.openstackops.mcp.network.QosRecords.QosPolicySummary;
import io.github.openstackops.mcp.network.QosRecords.QosRule;
import io.github.openstackops.mcp.network.QosRecords.QosRuleCreated;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.github.openstackops.mcp.cloud.Json.flag;
import static io.github.openstackops.mcp.cloud.Json.integer;
import static io.github.openstackops.mcp.cloud.Json.longValue;
import static io.github.openstackops.mcp.cloud.Json.nonEmpty;
import static io.github.openstackops.mcp.cloud.Json.stringList;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.network.NetworkService.blankToNull;
import static io.github.openstackops.mcp.network.NetworkService.put;
import static io.github.openstackops.mcp.network.NeutronJson.describe;
import static io.github.openstackops.mcp.network.NeutronJson.str;

/**
 * QoS policies and their rules (Neutron's qos extension). Neutron cannot filter ports or networks by policy, so what
 * uses a policy is read from a bounded listing of their ids and policies.
 */
@Singleton
public class QosService {

    static final String POLICIES = "qos/policies";
    /** Most ports, networks and floating IPs a usage check reads. */
    static final int USERS_CAP = 2000;
    static final String DETACH = "detach it with port_update / network_update (qos_policy \"\")";

    private final NeutronClient neutron;

    public QosService(NeutronClient neutron) {
        this.neutron = neutron;
    }

    /** A rule to add; only the fields of its type may be set. */
    public record NewRule(String type, @Nullable Long maxKbps, @Nullable Long maxBurstKbps, @Nullable Long minKbps,
                          @Nullable Integer dscpMark, @Nullable String direction) {
    }

    /** What uses a policy. */
    record Users(List<JsonNode> ports, List<JsonNode> networks, List<JsonNode> floatingIps, boolean truncated) {
        boolean none() {
            return ports.isEmpty() && networks.isEmpty() && floatingIps.isEmpty();
        }

        String count() {
            return ports.size() + " port(s), " + networks.size() + " network(s) and " + floatingIps.size()
                    + " floating IP(s)";
        }
    }

    <T> T qos(Supplier<T> call) {
        return neutron.requiring("qos", "QoS policies", call);
    }

    public Page<QosPolicySummary> list(int limit, @Nullable String marker, @Nullable String name,
                                       @Nullable Boolean shared, @Nullable String projectId) {
        Map<String, Object> query = new LinkedHashMap<>();
        put(query, "name", blankToNull(name));
        put(query, "shared", shared);
        put(query, "project_id", blankToNull(projectId));
        Paging.Slice<JsonNode> page = qos(() -> neutron.page(POLICIES, query, limit, marker));
        return QosRecords.POLICIES.page(page.items().stream().map(p -> new QosPolicySummary(text(p, "id"),
                str(p, "name"), nonEmpty(p, "description"), flag(p, "shared"), flag(p, "is_default"),
                rules(p).stream().map(QosRule::summary).toList(), text(p, "project_id"))).toList(), page.nextMarker());
    }

    public QosPolicy get(String ref) {
        return detail(resolve(ref));
    }

    JsonNode resolve(String ref) {
        return qos(() -> neutron.resolve("QoS policy", POLICIES, "policy", ref));
    }

    /** The policy a port or network points at, named; null when none. */
    @Nullable
    Ref ref(@Nullable String policyId) {
        if (policyId == null) {
            return null;
        }
        return new Ref(policyId, neutron.names(POLICIES, List.of(policyId)).get(policyId));
    }

    /** The id to send for a qos_policy argument: "" detaches (null), anything else is resolved. */
    @Nullable
    String idToSet(String ref) {
        return ref.isBlank() ? null : text(resolve(ref), "id");
    }

    static QosPolicy detail(JsonNode p) {
        return new QosPolicy(text(p, "id"), str(p, "name"), nonEmpty(p, "description"), flag(p, "shared"),
                flag(p, "is_default"), rules(p), stringList(p, "tags"), text(p, "project_id"), text(p, "created_at"),
                text(p, "updated_at"));
    }

    static List<QosRule> rules(JsonNode policy) {
        List<QosRule> rules = new ArrayList<>();
        policy.path("rules").forEach(r -> rules.add(rule(r, text(r, "type"))));
        return rules;
    }

    static QosRule rule(JsonNode r, String type) {
        Long max = longValue(r, "max_kbps");
        Long burst = longValue(r, "max_burst_kbps");
        Long min = longValue(r, "min_kbps");
        Integer dscp = integer(r, "dscp_mark");
        String direction = text(r, "direction");
        String words = switch (type) {
            case "bandwidth_limit" -> type + " " + direction + " " + max + " kbps"
                    + (burst == null || burst == 0 ? "" : ", burst " + burst + " kbps");
            case "dscp_marking" -> type + " " + dscp;
            case "minimum_bandwidth" -> type + " " + direction + " " + min + " kbps";
            default -> type;
        };
        return new QosRule(text(r, "id"), type, words, max, burst, min, dscp, direction);
    }

    public QosPolicy create(String name, @Nullable String description, @Nullable Boolean shared,
                            @Nullable Boolean isDefault, ToolContext context) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name.trim());
        put(body, "description", description);
        put(body, "shared", shared);
        put(body, "is_default", isDefault);
        JsonNode created = qos(() -> neutron.post("/" + POLICIES, Map.of("policy", body))).path("policy");
        context.info("created QoS policy " + text(created, "id"));
        return detail(created);
    }

    public QosPolicy update(String ref, @Nullable String name, @Nullable String description, @Nullable Boolean shared,
                            @Nullable Boolean isDefault, ToolContext context) {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "name", blankToNull(name));
        put(body, "description", description);
        put(body, "shared", shared);
        put(body, "is_default", isDefault);
        if (body.isEmpty()) {
            throw ToolException.invalid("Nothing to change: give at least one of name, description, shared,"
                    + " is_default.");
        }
        JsonNode p = resolve(ref);
        JsonNode updated = neutron.put("/" + POLICIES + "/" + text(p, "id"), Map.of("policy", body)).path("policy");
        context.info("updated QoS policy " + text(p, "id") + ": " + body.keySet());
        return detail(updated);
    }

    // ------------------------------------------------------------------ rules

    public QosRuleCreated createRule(String policy, NewRule rule, ToolContext context) {
        Map<String, Object> body = ruleBody(rule);
        JsonNode p = resolve(policy);
        JsonNode created = OpenStackFaults.attempt("add a " + rule.type() + " rule to QoS policy " + describe(p),
                () -> neutron.post("/" + POLICIES + "/" + text(p, "id") + "/" + rule.type() + "_rules",
                        Map.of(rule.type() + "_rule", body))).path(rule.type() + "_rule");
        QosRule made = rule(created, rule.type());
        context.info("added QoS rule " + made.id() + " to policy " + text(p, "id"));
        return new QosRuleCreated(made, new Ref(text(p, "id"), str(p, "name")), "Rule '" + made.summary()
                + "' added to QoS policy " + describe(p) + "; it applies at once to the ports and networks using it.");
    }

    private static Map<String, Object> ruleBody(NewRule r) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        switch (r.type()) {
            case "bandwidth_limit" -> {
                require(r.maxKbps(), "max_kbps", r.type());
                body.put("max_kbps", r.maxKbps());
                put(body, "max_burst_kbps", r.maxBurstKbps());
                put(body, "direction", r.direction());
                addIf(wrong, r.minKbps(), "min_kbps");
                addIf(wrong, r.dscpMark(), "dscp_mark");
            }
            case "dscp_marking" -> {
                require(r.dscpMark(), "dscp_mark", r.type());
                body.put("dscp_mark", r.dscpMark());
                addIf(wrong, r.maxKbps(), "max_kbps");
                addIf(wrong, r.maxBurstKbps(), "max_burst_kbps");
                addIf(wrong, r.minKbps(), "min_kbps");
                addIf(wrong, r.direction(), "direction");
            }
            case "minimum_bandwidth" -> {
                require(r.minKbps(), "min_kbps", r.type());
                body.put("min_kbps", r.minKbps());
                put(body, "direction", r.direction());
                addIf(wrong, r.maxKbps(), "max_kbps");
                addIf(wrong, r.maxBurstKbps(), "max_burst_kbps");
                addIf(wrong, r.dscpMark(), "dscp_mark");
            }
            default -> throw ToolException.invalid("Unknown rule type '" + r.type() + "': use bandwidth_limit,"
                    + " dscp_marking or minimum_bandwidth.");
        }
        if (!wrong.isEmpty()) {
            throw ToolException.invalid("A " + r.type() + " rule takes no " + String.join(", ", wrong)
                    + ": leave " + (wrong.size() == 1 ? "it" : "them") + " out.");
        }
        return body;
    }

    private static void require(@Nullable Object value, String field, String type) {
        if (value == null) {
            throw ToolException.invalid("A " + type + " rule needs '" + field + "'.");
        }
    }

    private static void addIf(List<String> wrong, @Nullable Object value, String field) {
        if (value != null) {
            wrong.add(field);
        }
    }

    private record RulePlan(JsonNode policy, QosRule rule) {
    }

    private RulePlan rulePlan(String policy, String ruleId) {
        JsonNode p = resolve(policy);
        String id = ruleId.trim();
        List<QosRule> rules = rules(p);
        QosRule rule = rules.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() ->
                ToolException.notFound("QoS policy " + describe(p) + " has no rule '" + id + "'; its rules: "
                        + (rules.isEmpty() ? "none" : String.join("; ", rules.stream()
                        .map(r -> r.id() + " (" + r.summary() + ")").toList())) + "."));
        return new RulePlan(p, rule);
    }

    public Preview deleteRulePreview(String policy, String ruleId) {
        RulePlan plan = rulePlan(policy, ruleId);
        Users users = users(text(plan.policy(), "id"));
        List<String> warnings = new ArrayList<>();
        if (!users.none()) {
            warnings.add("The " + users.count() + " using policy " + describe(plan.policy())
                    + " lose this rule at once.");
        }
        return new Preview("delete QoS rule", "Delete rule '" + plan.rule().summary() + "' of QoS policy "
                + describe(plan.policy()) + ".", List.of(new Preview.Resource("qos_rule", plan.rule().id(),
                plan.rule().summary(), "deleted")), warnings);
    }

    public QosDeleted deleteRule(String policy, String ruleId, ToolContext context) {
        RulePlan plan = rulePlan(policy, ruleId);
        JsonNode p = plan.policy();
        neutron.delete("/" + POLICIES + "/" + text(p, "id") + "/" + plan.rule().type() + "_rules/"
                + plan.rule().id());
        context.info("deleted QoS rule " + plan.rule().id() + " of policy " + text(p, "id"));
        return new QosDeleted(plan.rule().id(), new Ref(text(p, "id"), str(p, "name")), "Rule '"
                + plan.rule().summary() + "' of QoS policy " + describe(p) + " is deleted.");
    }

    // ------------------------------------------------------------------ delete

    /** Ports, networks and floating IPs that point at the policy (from bounded listings of a few fields). */
    Users users(String policyId) {
        NeutronClient.Bounded ports = neutron.list("ports", Map.of("fields", List.of("id", "name", "qos_policy_id",
                "device_owner", "device_id")), USERS_CAP);
        NeutronClient.Bounded networks = neutron.list("networks", Map.of("fields", List.of("id", "name",
                "qos_policy_id")), USERS_CAP);
        NeutronClient.Bounded fips = neutron.list("floatingips", Map.of("fields", List.of("id",
                "floating_ip_address", "qos_policy_id")), USERS_CAP);
        return new Users(using(ports, policyId), using(networks, policyId), using(fips, policyId),
                ports.truncated() || networks.truncated() || fips.truncated());
    }

    private static List<JsonNode> using(NeutronClient.Bounded items, String policyId) {
        return items.items().stream().filter(i -> policyId.equals(text(i, "qos_policy_id"))).toList();
    }

    public Preview deletePreview(String ref) {
        JsonNode p = resolve(ref);
        Users users = users(text(p, "id"));
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("qos_policy", text(p, "id"), str(p, "name"), "deleted with its "
                + rules(p).size() + " rule(s)"));
        String effect = "uses it: Neutron refuses the delete until you " + DETACH;
        users.ports().forEach(u -> resources.add(new Preview.Resource("port", text(u, "id"), nonEmpty(u, "name"),
                effect)));
        users.networks().forEach(u -> resources.add(new Preview.Resource("network", text(u, "id"),
                nonEmpty(u, "name"), effect)));
        users.floatingIps().forEach(u -> resources.add(new Preview.Resource("floating_ip", text(u, "id"),
                text(u, "floating_ip_address"), "uses it: Neutron refuses the delete until it is detached")));
        List<String> warnings = new ArrayList<>();
        if (!users.none()) {
            warnings.add("In use by " + users.count() + ": Neutron refuses to delete a QoS policy in use, so the"
                    + " delete will be refused until each is detached.");
        }
        if (users.truncated()) {
            warnings.add("Only the first " + USERS_CAP + " ports, networks and floating IPs were checked.");
        }
        return new Preview("delete QoS policy", "Delete QoS policy " + describe(p) + ".", resources, warnings);
    }

    public QosDeleted delete(String ref, ToolContext context) {
        JsonNode p = resolve(ref);
        Users users = users(text(p, "id"));
        if (!users.none()) {
            List<String> names = new ArrayList<>();
            users.ports().forEach(u -> names.add("port " + describe(u)));
            users.networks().forEach(u -> names.add("network " + describe(u)));
            users.floatingIps().forEach(u -> names.add("floating IP " + text(u, "floating_ip_address")));
            throw ToolException.conflict("QoS policy " + describe(p) + " is in use by " + String.join(", ", names)
                    + ", and Neutron refuses to delete a policy in use: first " + DETACH + ".");
        }
        neutron.delete("/" + POLICIES + "/" + text(p, "id"));
        context.info("deleted QoS policy " + text(p, "id"));
        return new QosDeleted(text(p, "id"), new Ref(text(p, "id"), str(p, "name")), "QoS policy " + describe(p)
                + " is deleted.");
    }
}
