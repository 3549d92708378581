package io.github.openstackops.mcp.loadbalancer;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.catalog.schema.Wait;
import io.github.openstackops.mcp.loadbalancer.L7Records.L7Policy;
import io.github.openstackops.mcp.loadbalancer.L7Records.L7PolicyPage;
import io.github.openstackops.mcp.loadbalancer.L7Records.L7Rule;
import io.github.openstackops.mcp.loadbalancer.L7Records.L7RulePage;
import io.github.openstackops.mcp.loadbalancer.L7Service.Condition;
import io.github.openstackops.mcp.loadbalancer.L7Service.Target;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerRecords.LbDeleted;
import jakarta.inject.Singleton;

import java.util.List;

import static io.github.openstackops.mcp.loadbalancer.ListenerTools.LISTENER;
import static io.github.openstackops.mcp.loadbalancer.LoadBalancerTools.WAIT;

/** L7 policy and rule tools: what a listener routes where. */
@Singleton
public class L7Tools implements ToolProvider {

    static final String POLICY = "L7 policy id, or its exact name when that name is unique";
    static final String RULE = "L7 rule id (see lb_l7rule_list)";
    static final String POOL_TARGET = "Pool (id or exact name) matching requests go to, for REDIRECT_TO_POOL";
    static final String URL_TARGET = "URL matching requests are redirected to, for REDIRECT_TO_URL";
    static final String PREFIX_TARGET = "URL prefix matching requests are redirected to, for REDIRECT_PREFIX";
    static final String CODE = "HTTP status of the redirect: 301, 302, 303, 307 or 308";

    public enum Action { REDIRECT_TO_POOL, REDIRECT_TO_URL, REDIRECT_PREFIX, REJECT }

    public enum RuleType { HOST_NAME, PATH, FILE_TYPE, HEADER, COOKIE, SSL_CONN_HAS_CERT, SSL_VERIFY_RESULT, SSL_DN_FIELD }

    public enum CompareType { REGEX, STARTS_WITH, ENDS_WITH, CONTAINS, EQUAL_TO }

    public record ListArgs(
            @Limit Integer limit,
            @Marker String marker,
            @Param(value = "Only the policies of this listener (id or exact name)", maxLength = 255) String listener,
            @Param("Only policies with this action") Action action) {
    }

    public record PolicyArgs(@IdOrName(POLICY) String policy) {
    }

    public record CreateArgs(
            @IdOrName(LISTENER) String listener,
            @Param(value = "What to do with matching requests", required = true) Action action,
            @Param(value = "Name", maxLength = 255) String name,
            @Param(value = POOL_TARGET, maxLength = 255) String redirectPool,
            @Param(value = URL_TARGET, maxLength = 255, pattern = "^https?://.+") String redirectUrl,
            @Param(value = PREFIX_TARGET, maxLength = 255, pattern = "^https?://.+") String redirectPrefix,
            @Param(value = CODE, min = 301, max = 308) Integer redirectHttpCode,
            @Param(value = "Evaluation order, from 1 (default: last)", min = 1, max = 2147483647) Integer position,
            @Param("Administratively up; default true") Boolean adminStateUp,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone) {
    }

    public record UpdateArgs(
            @IdOrName(POLICY) String policy,
            @Param(value = "New name", maxLength = 255) String name,
            @Param("New action") Action action,
            @Param(value = POOL_TARGET, maxLength = 255) String redirectPool,
            @Param(value = URL_TARGET, maxLength = 255, pattern = "^https?://.+") String redirectUrl,
            @Param(value = PREFIX_TARGET, maxLength = 255, pattern = "^https?://.+") String redirectPrefix,
            @Param(value = CODE, min = 301, max = 308) Integer redirectHttpCode,
            @Param(value = "New evaluation order, from 1", min = 1, max = 2147483647) Integer position,
            @Param("false disables the policy") Boolean adminStateUp,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone) {
    }

    public record PolicyDeleteArgs(
            @IdOrName(POLICY) String policy,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone) {
    }

    public record RuleListArgs(
            @IdOrName(POLICY) String policy,
            @Limit Integer limit,
            @Marker String marker) {
    }

    public record RuleArgs(
            @IdOrName(POLICY) String policy,
            @Param(value = RULE, required = true, minLength = 1, maxLength = 64) String rule) {
    }

    public record RuleCreateArgs(
            @IdOrName(POLICY) String policy,
            @Param(value = "What is compared", required = true) RuleType type,
            @Param(value = "How it is compared", required = true) CompareType compareType,
            @Param(value = "Value compared, e.g. /api for PATH", required = true, minLength = 1, maxLength = 255) String value,
            @Param(value = "Header or cookie name, for HEADER and COOKIE", maxLength = 255) String key,
            @Param("Match when the comparison fails") Boolean invert,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone) {
    }

    public record RuleUpdateArgs(
            @IdOrName(POLICY) String policy,
            @Param(value = RULE, required = true, minLength = 1, maxLength = 64) String rule,
            @Param("New type") RuleType type,
            @Param("New comparison") CompareType compareType,
            @Param(value = "New value", minLength = 1, maxLength = 255) String value,
            @Param(value = "New header or cookie name", maxLength = 255) String key,
            @Param("Match when the comparison fails") Boolean invert,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone) {
    }

    public record RuleDeleteArgs(
            @IdOrName(POLICY) String policy,
            @Param(value = RULE, required = true, minLength = 1, maxLength = 64) String rule,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone) {
    }

    private final L7Service l7;

    public L7Tools(L7Service l7) {
        this.l7 = l7;
    }

    private static boolean waits(Boolean wait) {
        return !Boolean.FALSE.equals(wait);
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("lb_l7policy_list", Toolset.LOADBALANCER, ListArgs.class, L7PolicyPage.class)
                        .title("Routing Policies: List")
                        .description("List L7 policies (content-based routing) in evaluation order: action, target"
                                + " pool or URL, rule count; filter by listener or action. 'What does this listener"
                                + " route where?'")
                        .handler((ctx, a) -> l7.list(a.limit(), a.marker(), a.listener(),
                                a.action() == null ? null : a.action().name()))
                        .build(),
                ToolDefinition.read("lb_l7policy_get", Toolset.LOADBALANCER, PolicyArgs.class, L7Policy.class)
                        .title("Routing Policies: Get")
                        .description("One L7 policy with its rules: which requests (all rules match) go where.")
                        .handler((ctx, a) -> l7.get(a.policy()))
                        .build(),
                ToolDefinition.write("lb_l7policy_create", Toolset.LOADBALANCER, CreateArgs.class, L7Policy.class)
                        .title("Routing Policies: Create")
                        .description("Add an L7 policy to an HTTP listener: redirect matching requests to a pool, a"
                                + " URL or prefix, or reject them. Add its conditions with lb_l7rule_create.")
                        .handler((ctx, a) -> l7.create(a.listener(), a.action().name(), a.name(),
                                new Target(a.redirectPool(), a.redirectUrl(), a.redirectPrefix(), a.redirectHttpCode()),
                                a.position(), a.adminStateUp(), waits(a.waitUntilDone()), ctx))
                        .build(),
                ToolDefinition.write("lb_l7policy_update", Toolset.LOADBALANCER, UpdateArgs.class, L7Policy.class)
                        .title("Routing Policies: Update")
                        .description("Change an L7 policy's action, target, position, name or admin state; only the"
                                + " given fields change.")
                        .handler((ctx, a) -> l7.update(a.policy(), a.name(), a.action() == null ? null
                                        : a.action().name(), new Target(a.redirectPool(), a.redirectUrl(),
                                        a.redirectPrefix(), a.redirectHttpCode()), a.position(), a.adminStateUp(),
                                waits(a.waitUntilDone()), ctx))
                        .build(),
                ToolDefinition.destructive("lb_l7policy_delete", Toolset.LOADBALANCER, PolicyDeleteArgs.class, LbDeleted.class)
                        .title("Routing Policies: Delete")
                        .description("Delete an L7 policy with its rules: requests it matched go to the listener's"
                                + " default pool instead.")
                        .preview((ctx, a) -> l7.deletePreview(a.policy()))
                        .handler((ctx, a) -> l7.delete(a.policy(), waits(a.waitUntilDone()), ctx))
                        .build(),
                ToolDefinition.read("lb_l7rule_list", Toolset.LOADBALANCER, RuleListArgs.class, L7RulePage.class)
                        .title("Routing Rules: List")
                        .description("List the rules (conditions) of an L7 policy: type, comparison, key, value.")
                        .handler((ctx, a) -> l7.rules(a.policy(), a.limit(), a.marker()))
                        .build(),
                ToolDefinition.read("lb_l7rule_get", Toolset.LOADBALANCER, RuleArgs.class, L7Rule.class)
                        .title("Routing Rules: Get")
                        .description("One rule of an L7 policy.")
                        .handler((ctx, a) -> l7.rule(a.policy(), a.rule()))
                        .build(),
                ToolDefinition.write("lb_l7rule_create", Toolset.LOADBALANCER, RuleCreateArgs.class, L7Rule.class)
                        .title("Routing Rules: Create")
                        .description("Add a condition to an L7 policy, e.g. PATH STARTS_WITH /api; a request must"
                                + " match every rule of the policy.")
                        .handler((ctx, a) -> l7.createRule(a.policy(), new Condition(a.type().name(),
                                a.compareType().name(), a.key(), a.value(), a.invert()), waits(a.waitUntilDone()), ctx))
                        .build(),
                ToolDefinition.write("lb_l7rule_update", Toolset.LOADBALANCER, RuleUpdateArgs.class, L7Rule.class)
                        .title("Routing Rules: Update")
                        .description("Change a rule's type, comparison, key, value or inversion; only the given"
                                + " fields change.")
                        .handler((ctx, a) -> l7.updateRule(a.policy(), a.rule(), new Condition(
                                a.type() == null ? null : a.type().name(),
                                a.compareType() == null ? null : a.compareType().name(), a.key(), a.value(),
                                a.invert()), waits(a.waitUntilDone()), ctx))
                        .build(),
                ToolDefinition.destructive("lb_l7rule_delete", Toolset.LOADBALANCER, RuleDeleteArgs.class, LbDeleted.class)
                        .title("Routing Rules: Delete")
                        .description("Delete a rule of an L7 policy: the policy then matches more requests (a policy"
                                + " without rules matches none).")
                        .preview((ctx, a) -> l7.deleteRulePreview(a.policy(), a.rule()))
                        .handler((ctx, a) -> l7.deleteRule(a.policy(), a.rule(), waits(a.waitUntilDone()), ctx))
                        .build());
    }
}
