package io.github.openstackops.mcp.loadbalancer;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.services.OctaviaClient;
import io.github.openstackops.mcp.loadbalancer.L7Records.L7Policy;
import io.github.openstackops.mcp.loadbalancer.L7Records.L7PolicyPage;
import io.github.openstackops.mcp.loadbalancer.L7Records.L7Rule;
import io.github.openstackops.mcp.loadbalancer.L7Records.L7RulePage;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerRecords.LbDeleted;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.flag;
import static io.github.openstackops.mcp.cloud.Json.integer;
import static io.github.openstackops.mcp.cloud.Json.putIfSet;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.loadbalancer.LbTree.name;
import static io.github.openstackops.mcp.loadbalancer.LoadBalancerService.blank;

/** L7 policies and their rules (Octavia): list, get, create, update, delete. */
@Singleton
public class L7Service {

    static final String PATH = "/lbaas/l7policies";

    private final OctaviaClient octavia;
    private final LbProvisioning provisioning;
    private final ListenerService listeners;
    private final PoolService pools;

    public L7Service(OctaviaClient octavia, LbProvisioning provisioning, ListenerService listeners,
                     PoolService pools) {
        this.octavia = octavia;
        this.provisioning = provisioning;
        this.listeners = listeners;
        this.pools = pools;
    }

    /** Where a policy sends matching requests (only the field its action needs). */
    public record Target(@Nullable String redirectPool, @Nullable String redirectUrl, @Nullable String redirectPrefix,
                         @Nullable Integer redirectHttpCode) {
    }

    /** One condition, as given (null: unchanged on update). */
    public record Condition(@Nullable String type, @Nullable String compareType, @Nullable String key,
                            @Nullable String value, @Nullable Boolean invert) {
    }

    JsonNode resolve(String ref) {
        return octavia.resolve("L7 policy", PATH, "l7policies", "l7policy", ref);
    }

    static L7Policy record(JsonNode p, List<L7Rule> rules) {
        Integer position = integer(p, "position");
        return new L7Policy(text(p, "id"), name(p), text(p, "listener_id"), text(p, "action"),
                position == null ? 0 : position, text(p, "redirect_pool_id"), text(p, "redirect_url"),
                text(p, "redirect_prefix"), integer(p, "redirect_http_code"), p.path("rules").size(), rules,
                flag(p, "admin_state_up"), text(p, "provisioning_status"), text(p, "operating_status"));
    }

    static L7Rule rule(JsonNode r) {
        return new L7Rule(text(r, "id"), text(r, "type"), text(r, "compare_type"), text(r, "key"),
                text(r, "value"), flag(r, "invert"), text(r, "provisioning_status"));
    }

    public L7PolicyPage list(int limit, @Nullable String marker, @Nullable String listener, @Nullable String action) {
        Map<String, Object> query = new LinkedHashMap<>();
        if (blank(listener) != null) {
            query.put("listener_id", text(listeners.resolve(listener), "id"));
        }
        putIfSet(query, "action", action);
        Paging.Slice<JsonNode> page = octavia.page(PATH, "l7policies", query, limit, marker);
        List<L7Policy> out = page.items().stream().map(p -> record(p, List.of())).toList();
        return new L7PolicyPage(out, out.size(), page.nextMarker());
    }

    public L7Policy get(String ref) {
        JsonNode p = resolve(ref);
        return record(p, octavia.list(rulesPath(text(p, "id")), "rules", Map.of()).stream().map(L7Service::rule)
                .toList());
    }

    private static String rulesPath(String policyId) {
        return PATH + "/" + policyId + "/rules";
    }

    private void target(Map<String, Object> body, Target t) {
        if (t.redirectPool() != null) {
            body.put("redirect_pool_id", text(pools.resolve(t.redirectPool()), "id"));
        }
        putIfSet(body, "redirect_url", blank(t.redirectUrl()));
        putIfSet(body, "redirect_prefix", blank(t.redirectPrefix()));
        putIfSet(body, "redirect_http_code", t.redirectHttpCode());
    }

    public L7Policy create(String listener, String action, @Nullable String name, Target target,
                           @Nullable Integer position, @Nullable Boolean adminStateUp, boolean wait,
                           ToolContext context) {
        JsonNode l = listeners.resolve(listener);
        String lbId = ListenerService.lbId(l);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("listener_id", text(l, "id"));
        body.put("action", action);
        putIfSet(body, "name", blank(name));
        target(body, target);
        putIfSet(body, "position", position);
        putIfSet(body, "admin_state_up", adminStateUp);
        JsonNode created = octavia.post(PATH, Map.of("l7policy", body)).path("l7policy");
        context.info("created L7 policy " + text(created, "id"));
        provisioning.settle(lbId, wait, context);
        return wait ? get(text(created, "id")) : record(created, List.of());
    }

    public L7Policy update(String ref, @Nullable String name, @Nullable String action, Target target,
                           @Nullable Integer position, @Nullable Boolean adminStateUp, boolean wait,
                           ToolContext context) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfSet(body, "name", name);
        putIfSet(body, "action", action);
        target(body, target);
        putIfSet(body, "position", position);
        putIfSet(body, "admin_state_up", adminStateUp);
        if (body.isEmpty()) {
            throw ToolException.invalid("Nothing to change: give at least one of name, action, a redirect target,"
                    + " position, admin_state_up.");
        }
        JsonNode p = resolve(ref);
        String lbId = ListenerService.lbId(listeners.resolve(text(p, "listener_id")));
        octavia.put(PATH + "/" + text(p, "id"), Map.of("l7policy", body));
        context.info("updated L7 policy " + text(p, "id") + ": " + body.keySet());
        provisioning.settle(lbId, wait, context);
        return get(text(p, "id"));
    }

    public Preview deletePreview(String ref) {
        JsonNode p = resolve(ref);
        return new Preview("delete L7 policy", "Delete L7 policy " + Json.label(p) + " (" + text(p, "action")
                + ") with its " + p.path("rules").size() + " rule(s).", List.of(new Preview.Resource("l7policy",
                text(p, "id"), name(p), "deleted with its rules")), List.of("Requests it matched go to the"
                + " listener's default pool (or the next policy) instead."));
    }

    public LbDeleted delete(String ref, boolean wait, ToolContext context) {
        JsonNode p = resolve(ref);
        String lbId = ListenerService.lbId(listeners.resolve(text(p, "listener_id")));
        octavia.delete(PATH + "/" + text(p, "id"), null);
        context.info("deleting L7 policy " + text(p, "id"));
        provisioning.settle(lbId, wait, context);
        return new LbDeleted("l7policy", text(p, "id"), name(p), List.of(p.path("rules").size() + " rule(s)"
                + " deleted"), "L7 policy " + Json.label(p) + (wait ? " is deleted." : " is being deleted."));
    }

    // ------------------------------------------------------------------ rules

    public L7RulePage rules(String policy, int limit, @Nullable String marker) {
        JsonNode p = resolve(policy);
        Paging.Slice<JsonNode> page = octavia.page(rulesPath(text(p, "id")), "rules", Map.of(), limit, marker);
        List<L7Rule> out = page.items().stream().map(L7Service::rule).toList();
        return new L7RulePage(text(p, "id"), out, out.size(), page.nextMarker());
    }

    private JsonNode ruleOf(JsonNode policy, String ruleId) {
        return octavia.require("L7 rule", rulesPath(text(policy, "id")), "rule", ruleId);
    }

    public L7Rule rule(String policy, String ruleId) {
        return rule(ruleOf(resolve(policy), ruleId));
    }

    private static Map<String, Object> body(Condition c) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfSet(body, "type", c.type());
        putIfSet(body, "compare_type", c.compareType());
        putIfSet(body, "key", blank(c.key()));
        putIfSet(body, "value", c.value());
        putIfSet(body, "invert", c.invert());
        return body;
    }

    public L7Rule createRule(String policy, Condition condition, boolean wait, ToolContext context) {
        JsonNode p = resolve(policy);
        String lbId = ListenerService.lbId(listeners.resolve(text(p, "listener_id")));
        JsonNode created = octavia.post(rulesPath(text(p, "id")), Map.of("rule", body(condition))).path("rule");
        context.info("created L7 rule " + text(created, "id"));
        provisioning.settle(lbId, wait, context);
        return wait ? rule(ruleOf(p, text(created, "id"))) : rule(created);
    }

    public L7Rule updateRule(String policy, String ruleId, Condition condition, boolean wait, ToolContext context) {
        Map<String, Object> body = body(condition);
        if (body.isEmpty()) {
            throw ToolException.invalid("Nothing to change: give at least one of type, compare_type, key, value,"
                    + " invert.");
        }
        JsonNode p = resolve(policy);
        JsonNode r = ruleOf(p, ruleId);
        String lbId = ListenerService.lbId(listeners.resolve(text(p, "listener_id")));
        octavia.put(rulesPath(text(p, "id")) + "/" + text(r, "id"), Map.of("rule", body));
        context.info("updated L7 rule " + text(r, "id") + ": " + body.keySet());
        provisioning.settle(lbId, wait, context);
        return rule(ruleOf(p, text(r, "id")));
    }

    public Preview deleteRulePreview(String policy, String ruleId) {
        JsonNode p = resolve(policy);
        JsonNode r = ruleOf(p, ruleId);
        return new Preview("delete L7 rule", "Delete rule " + text(r, "type") + " " + text(r, "compare_type") + " '"
                + text(r, "value") + "' of L7 policy " + Json.label(p) + ".", List.of(new Preview.Resource("l7rule",
                text(r, "id"), null, "deleted")), p.path("rules").size() == 1 ? List.of("It is the policy's only"
                + " rule: a policy without rules matches no request.") : List.of());
    }

    public LbDeleted deleteRule(String policy, String ruleId, boolean wait, ToolContext context) {
        JsonNode p = resolve(policy);
        JsonNode r = ruleOf(p, ruleId);
        String lbId = ListenerService.lbId(listeners.resolve(text(p, "listener_id")));
        octavia.delete(rulesPath(text(p, "id")) + "/" + text(r, "id"), null);
        context.info("deleting L7 rule " + text(r, "id"));
        provisioning.settle(lbId, wait, context);
        return new LbDeleted("l7rule", text(r, "id"), text(r, "type") + " " + text(r, "value"), List.of(),
                "L7 rule " + text(r, "id") + " of policy " + Json.label(p) + (wait ? " is deleted." : " is being"
                + " deleted."));
    }
}
