package io.github.openstackops.mcp.loadbalancer;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.support.FakeOpenStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Members of web-pool and an L7 policy with a rule on web-http: read, add/create, update, remove/delete, replace. */
class LbMemberAndL7ToolsTest extends LbToolsTestBase {

    @Test
    void members_are_listed_read_added_by_address_updated_and_removed() {
        Map<String, Object> page = tools.ok("lb_member_list", Map.of("pool", "web-pool",
                "operating_status", "no_monitor"));
        assertThat(FakeOpenStack.queryParams(fake.requests("GET", L + "/pools/" + poolId + "/members").get(0)))
                .contains("operating_status=NO_MONITOR");
        assertThat(list(page, "members")).extracting(m -> m.get("name")).containsExactlyInAnyOrder("web-1", "db-1");
        assertThat(tools.ok("lb_member_get", Map.of("pool", "web-pool", "member", memberId)))
                .containsEntry("name", "web-1").containsEntry("protocol_port", 80).containsEntry("weight", 1);

        on("POST", L + "/pools/" + poolId + "/members", "member-first.json");
        tools.ok("lb_member_add", Map.of("pool", "web-pool", "address", "10.0.0.46", "protocol_port", 80,
                "weight", 5));
        assertThat(body("POST", L + "/pools/" + poolId + "/members").toString())
                .isEqualTo("{\"member\":{\"address\":\"10.0.0.46\",\"protocol_port\":80,\"weight\":5}}");
        assertThat(tools.error("lb_member_add", Map.of("pool", "web-pool", "protocol_port", 80)))
                .contains("exactly one of server");

        on("PUT", L + "/pools/" + poolId + "/members/" + memberId, "member-first.json");
        tools.ok("lb_member_update", Map.of("pool", "web-pool", "member", memberId, "weight", 0));
        assertThat(body("PUT", L + "/pools/" + poolId + "/members/" + memberId).toString())
                .isEqualTo("{\"member\":{\"weight\":0}}");

        on("DELETE", L + "/pools/" + poolId + "/members/" + memberId, null);
        assertThat(tools.ok("lb_member_remove", Map.of("pool", "web-pool", "member", memberId)))
                .containsEntry("status", "preview");
        assertThat(tools.confirmed("lb_member_remove", Map.of("pool", "web-pool", "member", memberId)))
                .containsEntry("type", "member").containsEntry("id", memberId);
        assertThat(fake.count("DELETE", L + "/pools/" + poolId + "/members/" + memberId)).isOne();
    }

    @Test
    void replace_previews_what_is_added_and_removed_then_sends_the_whole_list() {
        on("PUT", L + "/pools/" + poolId + "/members", null);
        Map<String, Object> args = Map.of("pool", "web-pool", "members", List.of(
                Map.of("address", "10.0.0.46", "protocol_port", 80),
                Map.of("address", "10.0.0.77", "protocol_port", 80, "name", "web-2")));

        Map<String, Object> preview = map(tools.ok("lb_member_replace", args), "preview");
        assertThat((String) preview.get("summary")).contains("1 added, 1 removed, 1 kept");
        assertThat(fake.count("PUT", ".*")).isZero();

        Map<String, Object> done = tools.confirmed("lb_member_replace", args);
        assertThat(body("PUT", L + "/pools/" + poolId + "/members").toString()).isEqualTo("{\"members\":["
                + "{\"address\":\"10.0.0.46\",\"protocol_port\":80},"
                + "{\"address\":\"10.0.0.77\",\"protocol_port\":80,\"name\":\"web-2\"}]}");
        assertThat(done.get("added")).isEqualTo(List.of("10.0.0.77:80"));
        assertThat((List<?>) done.get("removed")).hasSize(1);
        assertThat(tools.error("lb_member_replace", Map.of("pool", "web-pool", "members", List.of())))
                .contains("allow_last_serving=true");
    }

    @Test
    void l7_policies_are_listed_read_with_their_rules_created_updated_and_deleted() {
        on("GET", L + "/l7policies", "l7policies-with-one.json");
        Map<String, Object> page = tools.ok("lb_l7policy_list", Map.of("listener", "web-http", "action", "reject"));
        assertThat(FakeOpenStack.queryParams(fake.requests("GET", L + "/l7policies").get(0)))
                .contains("listener_id=" + listenerId, "action=REJECT");
        assertThat(list(page, "policies")).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("id", policyId).containsEntry("action", "REJECT"));
        Map<String, Object> policy = tools.ok("lb_l7policy_get", Map.of("policy", policyId));
        assertThat(list(policy, "rules")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("type", "PATH").containsEntry("value", "/admin"));

        on("POST", L + "/l7policies", "l7policy.json");
        tools.ok("lb_l7policy_create", Map.of("listener", "web-http", "action", "redirect_to_pool",
                "redirect_pool", "web-pool", "name", "api"));
        JsonNode sent = body("POST", L + "/l7policies").path("l7policy");
        assertThat(sent.path("listener_id").asText()).isEqualTo(listenerId);
        assertThat(sent.path("redirect_pool_id").asText()).isEqualTo(poolId);

        on("PUT", L + "/l7policies/" + policyId, "l7policy.json");
        tools.ok("lb_l7policy_update", Map.of("policy", policyId, "position", 2));
        assertThat(body("PUT", L + "/l7policies/" + policyId).toString()).isEqualTo("{\"l7policy\":{\"position\":2}}");

        on("DELETE", L + "/l7policies/" + policyId, null);
        assertThat(tools.ok("lb_l7policy_delete", Map.of("policy", policyId))).containsEntry("status", "preview");
        assertThat(tools.confirmed("lb_l7policy_delete", Map.of("policy", policyId))).containsEntry("id", policyId);
        assertThat(fake.count("DELETE", L + "/l7policies/" + policyId)).isOne();
    }

    @Test
    void l7_rules_are_listed_read_created_updated_and_deleted() {
        String rules = L + "/l7policies/" + policyId + "/rules";
        assertThat(list(tools.ok("lb_l7rule_list", Map.of("policy", policyId)), "rules")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("id", ruleId).containsEntry("compare_type", "STARTS_WITH"));
        assertThat(tools.ok("lb_l7rule_get", Map.of("policy", policyId, "rule", ruleId)))
                .containsEntry("value", "/admin").containsEntry("invert", false);
        assertThat(tools.error("lb_l7rule_get", Map.of("policy", policyId, "rule", "not-an-id")))
                .contains("not-an-id");

        on("POST", rules, "l7rule.json");
        tools.ok("lb_l7rule_create", Map.of("policy", policyId, "type", "header", "compare_type", "equal_to",
                "key", "X-Env", "value", "staging"));
        assertThat(body("POST", rules).toString()).isEqualTo("{\"rule\":{\"type\":\"HEADER\","
                + "\"compare_type\":\"EQUAL_TO\",\"key\":\"X-Env\",\"value\":\"staging\"}}");

        on("PUT", rules + "/" + ruleId, "l7rule.json");
        tools.ok("lb_l7rule_update", Map.of("policy", policyId, "rule", ruleId, "value", "/internal"));
        assertThat(body("PUT", rules + "/" + ruleId).toString()).isEqualTo("{\"rule\":{\"value\":\"/internal\"}}");

        on("DELETE", rules + "/" + ruleId, null);
        assertThat(tools.ok("lb_l7rule_delete", Map.of("policy", policyId, "rule", ruleId)))
                .containsEntry("status", "preview");
        assertThat(tools.confirmed("lb_l7rule_delete", Map.of("policy", policyId, "rule", ruleId)))
                .containsEntry("id", ruleId);
        assertThat(fake.count("DELETE", rules + "/" + ruleId)).isOne();
    }
}
