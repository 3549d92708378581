package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** qos_* and the qos_policy argument of port_update / network_update, against testbed/record/network-reach.sh. */
class QosToolsTest extends NetworkReachTestBase {

    private static final String RULES = N + "/qos/policies/" + QOS + "/.*_rules";

    @Test
    void list_pages_in_neutron_and_get_by_name_shows_the_rules_in_words() {
        Map<String, Object> page = tools.ok("qos_policy_list", Map.of("limit", 10, "shared", false));
        Map<String, Object> policy = tools.ok("qos_policy_get", Map.of("policy", QOS_NAME));

        assertThat(queries("GET", N + "/qos/policies").get(0)).contains("shared=false", "limit=11");
        assertThat(list(page, "qos_policies")).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("name", QOS_NAME).containsEntry("rules", List.of(
                        "bandwidth_limit egress 10000 kbps, burst 1000 kbps", "dscp_marking 26",
                        "minimum_bandwidth egress 1000 kbps")));
        assertThat(list(policy, "rules")).extracting(r -> r.get("type") + " " + r.get("id")).contains(
                "bandwidth_limit " + BW_RULE);
        assertThat(list(policy, "rules").get(1)).containsEntry("dscp_mark", 26).doesNotContainKey("max_kbps");
    }

    @Test
    void create_and_update_send_only_the_given_fields() {
        reach("POST", N + "/qos/policies", 201, "qos-policy-create.json");
        reach("PUT", N + "/qos/policies/" + QOS, 200, "qos-policy-update.json");

        Map<String, Object> created = tools.ok("qos_policy_create", Map.of("name", QOS_NAME,
                "description", "recorded"));
        Map<String, Object> updated = tools.ok("qos_policy_update", Map.of("policy", QOS,
                "description", "recorded, updated"));

        assertThat(last("POST", N + "/qos/policies").body())
                .isEqualTo("{\"policy\":{\"name\":\"" + QOS_NAME + "\",\"description\":\"recorded\"}}");
        assertThat(created).containsEntry("id", QOS).containsEntry("rules", List.of());
        assertThat(last("PUT", N + "/qos/policies/" + QOS).body())
                .isEqualTo("{\"policy\":{\"description\":\"recorded, updated\"}}");
        assertThat(updated).containsEntry("description", "recorded, updated");
        assertThat(tools.error("qos_policy_update", Map.of("policy", QOS))).contains("Nothing to change");
    }

    @Test
    void one_rule_tool_posts_each_type_with_its_own_fields_and_refuses_foreign_ones() {
        fake.on("POST", RULES, r -> Reply.json(r.body().contains(":7}") ? 400 : 201, fake.recorded(R + (r.path().endsWith("bandwidth_limit_rules")
                ? "qos-rule-bandwidth-limit.json" : r.path().endsWith("dscp_marking_rules")
                ? (r.body().contains(":7}") ? "qos-rule-dscp-400.json" : "qos-rule-dscp-marking.json")
                : "qos-rule-minimum-bandwidth.json"))));

        Map<String, Object> bw = tools.ok("qos_rule_create", Map.of("policy", QOS_NAME, "type", "bandwidth_limit",
                "max_kbps", 10000, "max_burst_kbps", 1000, "direction", "egress"));
        tools.ok("qos_rule_create", Map.of("policy", QOS, "type", "dscp_marking", "dscp_mark", 26));
        tools.ok("qos_rule_create", Map.of("policy", QOS, "type", "minimum_bandwidth", "min_kbps", 1000));

        assertThat(fake.requests("POST", RULES)).extracting(r -> r.path().substring(r.path().lastIndexOf('/') + 1)
                + " " + r.body()).containsExactly(
                "bandwidth_limit_rules {\"bandwidth_limit_rule\":{\"max_kbps\":10000,\"max_burst_kbps\":1000,\"direction\":\"egress\"}}",
                "dscp_marking_rules {\"dscp_marking_rule\":{\"dscp_mark\":26}}",
                "minimum_bandwidth_rules {\"minimum_bandwidth_rule\":{\"min_kbps\":1000}}");
        assertThat(map(bw, "rule")).containsEntry("summary", "bandwidth_limit egress 10000 kbps, burst 1000 kbps");
        assertThat(map(bw, "policy")).containsEntry("name", QOS_NAME);
        assertThat(tools.error("qos_rule_create", Map.of("policy", QOS, "type", "dscp_marking", "dscp_mark", 26,
                "min_kbps", 5))).contains("takes no min_kbps");
        assertThat(tools.error("qos_rule_create", Map.of("policy", QOS, "type", "minimum_bandwidth")))
                .contains("needs 'min_kbps'");
        assertThat(tools.error("qos_rule_create", Map.of("policy", QOS, "type", "dscp_marking", "dscp_mark", 7)))
                .contains("HTTP 400", "7 is not in valid_values");
        assertThat(fake.count("POST", RULES)).isEqualTo(4);
    }

    @Test
    void rule_delete_finds_the_type_from_the_policy_and_previews_who_loses_it() {
        answer("DELETE", N + "/qos/policies/" + QOS + "/bandwidth_limit_rules/" + BW_RULE, 204);
        collection("ports", "ports-qos-fields.json", "ports");

        Map<String, Object> preview = preview("qos_rule_delete", Map.of("policy", QOS, "rule", BW_RULE));
        assertThat(preview.get("warnings").toString()).contains("1 port(s), 1 network(s) and 0 floating IP(s)");
        Map<String, Object> done = tools.confirmed("qos_rule_delete", Map.of("policy", QOS, "rule", BW_RULE));

        assertThat(done).containsEntry("id", BW_RULE);
        assertThat(fake.count("DELETE", ".*")).isEqualTo(1);
        assertThat(tools.error("qos_rule_delete", Map.of("policy", QOS, "rule", "nope")))
                .contains("has no rule 'nope'", BW_RULE + " (bandwidth_limit egress 10000 kbps");
    }

    @Test
    @SuppressWarnings("unchecked")
    void delete_names_the_port_and_network_using_the_policy_and_refuses_before_neutron_does() {
        collection("ports", "ports-qos-fields.json", "ports");
        collection("floatingips", "floatingips-qos-fields.json", "floatingips");
        reach("DELETE", N + "/qos/policies/" + QOS, 409, "qos-policy-delete-409.json");

        Map<String, Object> preview = preview("qos_policy_delete", Map.of("policy", QOS_NAME));

        assertThat((List<Map<String, Object>>) preview.get("resources")).extracting(r -> r.get("type") + " "
                + r.get("id")).containsExactly("qos_policy " + QOS, "port " + QPORT, "network " + QNET);
        assertThat(preview.get("warnings").toString()).contains("Neutron refuses to delete a QoS policy in use");
        assertThat(queries("GET", N + "/ports").get(0)).contains("fields=qos_policy_id");
        String refused = tools.error("qos_policy_delete", Map.of("policy", QOS_NAME, "confirm",
                tools.ok("qos_policy_delete", Map.of("policy", QOS_NAME)).get("confirm")));
        assertThat(refused).contains("in use by port", QPORT, "network 'net-rec-20741-net'",
                "port_update / network_update (qos_policy \"\")");
        assertThat(fake.count("DELETE", ".*")).isZero();
    }

    @Test
    void an_unused_policy_is_deleted() {
        answer("DELETE", N + "/qos/policies/" + QOS, 204);
        collection("ports", "ports-demo.json", "ports");
        fake.on("GET", N + "/networks", r -> NeutronFake.filtered(r, fake.recorded("network/networks.json"),
                "networks"));

        Map<String, Object> done = tools.confirmed("qos_policy_delete", Map.of("policy", QOS));

        assertThat(done).containsEntry("id", QOS);
        assertThat(fake.count("DELETE", N + "/qos/policies/" + QOS)).isEqualTo(1);
    }

    @Test
    void port_update_applies_a_policy_pairs_and_fixed_ips_and_network_update_detaches() {
        reach("PUT", N + "/ports/" + QPORT, 200, "port-update-reach.json");
        reach("PUT", N + "/networks/" + QNET, 200, "network-qos-update.json");

        Map<String, Object> port = tools.ok("port_update", Map.of("port", QPORT, "qos_policy", QOS_NAME,
                "allowed_address_pairs", List.of(Map.of("ip_address", "10.99.0.250")),
                "fixed_ips", List.of(Map.of("subnet", QSUB, "ip_address", "10.99.0.20"))));
        tools.ok("network_update", Map.of("network", QNET, "qos_policy", ""));

        JsonNode body = NeutronFake.body(last("PUT", N + "/ports/" + QPORT)).path("port");
        assertThat(body.path("qos_policy_id").asText()).isEqualTo(QOS);
        assertThat(body.path("allowed_address_pairs").toString()).isEqualTo("[{\"ip_address\":\"10.99.0.250\"}]");
        assertThat(body.path("fixed_ips").toString())
                .isEqualTo("[{\"subnet_id\":\"" + QSUB + "\",\"ip_address\":\"10.99.0.20\"}]");
        assertThat(map(port, "qos_policy")).containsEntry("id", QOS).containsEntry("name", QOS_NAME);
        assertThat(port.get("allowed_address_pairs")).isEqualTo(List.of("10.99.0.250 fa:16:3e:65:ea:41"));
        assertThat(last("PUT", N + "/networks/" + QNET).body()).isEqualTo("{\"network\":{\"qos_policy_id\":null}}");
    }

    @Test
    void an_address_pair_of_every_address_is_refused_like_port_security_off() {
        assertThat(tools.error("port_update", Map.of("port", QPORT, "allowed_address_pairs",
                List.of(Map.of("ip_address", "0.0.0.0/0"))))).contains("0.0.0.0/0", "anti-spoofing",
                "ALLOW_WORLD_OPEN_INGRESS=true");
        assertThat(tools.error("port_update", Map.of("port", QPORT, "fixed_ips", List.of(Map.of()))))
                .contains("needs a subnet, an ip_address or both");
        assertThat(fake.count("PUT", ".*")).isZero();
    }

    @Test
    void a_cloud_without_the_qos_extension_is_told_so() {
        fake.on("GET", N + "/qos/policies", r -> Reply.json(404, fake.recorded(R + "resource-404.json")));
        fake.on("GET", N + "/extensions/qos", r -> new Reply(404, fake.recorded(R + "extension-404.html"),
                Map.of("Content-Type", "text/html")));

        assertThat(tools.error("qos_policy_list", Map.of())).contains("lacks the 'qos' API extension",
                "QoS policies are not available");
        assertThat(tools.error("qos_policy_get", Map.of("policy", "gold"))).contains("lacks the 'qos' API extension");
    }

    @Test
    void with_the_extension_a_missing_policy_is_just_not_found() {
        assertThat(tools.error("qos_policy_get", Map.of("policy", "gold"))).contains("QoS policy 'gold' was not found");
    }
}
