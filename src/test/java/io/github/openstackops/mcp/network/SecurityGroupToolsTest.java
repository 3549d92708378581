package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.openstackops.mcp.support.FakeOpenStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.github.openstackops.mcp.network.NeutronFake.DEFAULT_SG;
import static io.github.openstackops.mcp.network.NeutronFake.WEB_SG;
import static org.assertj.core.api.Assertions.assertThat;

/** security_group_* against recorded Neutron responses, and the world-open ingress guard rail. */
class SecurityGroupToolsTest extends NeutronToolsTestBase {

    private String recGroup() {
        return NeutronFake.tree(fake, "security-group-create.json").path("security_group").path("id").asText();
    }

    @Test
    void security_group_list_counts_rules_and_points_at_world_open_ingress() {
        Map<String, Object> page = tools.ok("security_group_list", Map.of());

        assertThat(queries("GET", N + "/security-groups").get(0)).contains("limit=51");
        Map<String, Object> web = list(page, "security_groups").stream().filter(g -> "web".equals(g.get("name")))
                .findFirst().orElseThrow();
        assertThat(web).containsEntry("rule_count", 6).containsEntry("description", "web servers");
        assertThat(web.get("world_open_ingress")).asList().containsExactlyInAnyOrder("ingress tcp 22 from 0.0.0.0/0",
                "ingress tcp 80 from 0.0.0.0/0", "ingress tcp 443 from 0.0.0.0/0", "ingress icmp from 0.0.0.0/0");
    }

    @Test
    void security_group_get_renders_every_rule_in_words_ingress_first() {
        Map<String, Object> group = tools.ok("security_group_get", Map.of("security_group", "web"));

        assertThat(list(group, "rules")).extracting(r -> r.get("summary")).containsExactly(
                "ingress icmp from 0.0.0.0/0", "ingress tcp 22 from 0.0.0.0/0", "ingress tcp 80 from 0.0.0.0/0",
                "ingress tcp 443 from 0.0.0.0/0", "egress any to 0.0.0.0/0", "egress any to ::/0");
        assertThat(list(group, "rules").get(1)).containsEntry("port_range_min", 22).containsEntry("protocol", "tcp")
                .doesNotContainKeys("normalized_cidr", "standard_attr_id", "tenant_id");
    }

    @Test
    void security_group_create_posts_name_and_description() {
        answer("POST", N + "/security-groups", 201, "security-group-create.json");

        Map<String, Object> group = tools.ok("security_group_create", Map.of("name", "rec-sg", "description", "recorded"));

        JsonNode body = NeutronFake.body(last("POST", N + "/security-groups")).path("security_group");
        assertThat(body.path("name").asText()).isEqualTo("rec-sg");
        assertThat(group).containsEntry("name", "rec-sg");
        assertThat(list(group, "rules")).extracting(r -> r.get("summary"))
                .containsExactlyInAnyOrder("egress any to 0.0.0.0/0", "egress any to ::/0");
    }

    @Test
    void a_rule_from_a_narrow_prefix_is_created() {
        answer("POST", N + "/security-group-rules", 201, "security-group-rule-create.json");

        Map<String, Object> created = tools.ok("security_group_rule_create", Map.of("security_group", "web",
                "protocol", "tcp", "port_range_min", 22, "remote_ip_prefix", "198.51.100.0/24"));

        JsonNode body = NeutronFake.body(last("POST", N + "/security-group-rules")).path("security_group_rule");
        assertThat(body.path("security_group_id").asText()).isEqualTo(WEB_SG);
        assertThat(body.path("direction").asText()).isEqualTo("ingress");
        assertThat(body.path("ethertype").asText()).isEqualTo("IPv4");
        assertThat(body.path("port_range_min").asInt()).isEqualTo(22);
        assertThat(body.path("port_range_max").asInt()).isEqualTo(22);
        assertThat(map(created, "rule")).containsEntry("summary", "ingress tcp 22 from 198.51.100.0/24");
        assertThat((String) created.get("message")).contains("now has the rule: ingress tcp 22 from 198.51.100.0/24");
    }

    @Test
    void a_rule_from_a_remote_group_names_it_without_looking_it_up_twice() {
        ObjectNode rule = ((ObjectNode) NeutronFake.tree(fake, "security-group-rule-create.json")
                .path("security_group_rule")).deepCopy();
        rule.put("remote_group_id", DEFAULT_SG).putNull("remote_ip_prefix");
        fake.on("POST", N + "/security-group-rules", r -> FakeOpenStack.Reply.json(201,
                "{\"security_group_rule\": " + NeutronFake.write(rule) + "}"));

        Map<String, Object> created = tools.ok("security_group_rule_create", Map.of("security_group", "web",
                "protocol", "tcp", "port_range_min", 5432, "remote_group", "default"));

        assertThat(NeutronFake.body(last("POST", N + "/security-group-rules")).path("security_group_rule")
                .path("remote_group_id").asText()).isEqualTo(DEFAULT_SG);
        assertThat(map(created, "rule")).containsEntry("summary", "ingress tcp 22 from group 'default'");
        assertThat(queries("GET", N + "/security-groups")).noneSatisfy(q -> assertThat(q).anyMatch(p ->
                p.startsWith("id=")));
    }

    @Test
    void an_icmp_type_given_by_protocol_number_stays_a_type_not_a_port_range() {
        answer("POST", N + "/security-group-rules", 201, "security-group-rule-create.json");

        tools.ok("security_group_rule_create", Map.of("security_group", "web", "protocol", "1", "port_range_min", 8,
                "remote_ip_prefix", "10.0.0.0/8"));

        JsonNode sent = NeutronFake.body(last("POST", N + "/security-group-rules")).path("security_group_rule");
        assertThat(sent.path("port_range_min").asInt()).isEqualTo(8);
        assertThat(sent.has("port_range_max")).as("an ICMP code was not given, so none is sent").isFalse();
    }

    static Stream<Map<String, Object>> worldOpenRules() {
        return Stream.of(
                Map.of("security_group", "web", "protocol", "tcp", "port_range_min", 22, "remote_ip_prefix", "0.0.0.0/0"),
                Map.of("security_group", "web", "protocol", "tcp", "port_range_min", 3389, "remote_ip_prefix", "::/0",
                        "ethertype", "IPv6"),
                // a range covering MySQL (3306) and RDP (3389), no prefix at all
                Map.of("security_group", "web", "protocol", "tcp", "port_range_min", 3000, "port_range_max", 4000),
                // no port with tcp: every port
                Map.of("security_group", "web", "protocol", "tcp", "remote_ip_prefix", "0.0.0.0/0"),
                // any protocol: everything
                Map.of("security_group", "web", "protocol", "any"),
                Map.of("security_group", "web"),
                Map.of("security_group", "web", "protocol", "udp", "port_range_min", 11211, "remote_ip_prefix", "0.0.0.0/0"),
                Map.of("security_group", "web", "protocol", "6", "port_range_min", 27017, "remote_ip_prefix", "0.0.0.0/0"),
                // half the internet is still the internet
                Map.of("security_group", "web", "protocol", "tcp", "port_range_min", 5432, "remote_ip_prefix", "0.0.0.0/1"),
                // Neutron reads a dotted netmask (or an ACL-style host mask) as the prefix length
                Map.of("security_group", "web", "protocol", "tcp", "port_range_min", 22, "remote_ip_prefix",
                        "0.0.0.0/0.0.0.0"),
                Map.of("security_group", "web", "protocol", "tcp", "port_range_min", 22, "remote_ip_prefix",
                        "0.0.0.0/127.255.255.255"),
                // Neutron takes any integer spelling of a protocol number: 06 is tcp, 00 is every protocol
                Map.of("security_group", "web", "protocol", "06", "port_range_min", 22, "remote_ip_prefix", "0.0.0.0/0"),
                Map.of("security_group", "web", "protocol", "+6", "port_range_min", 22, "remote_ip_prefix", "0.0.0.0/0"),
                Map.of("security_group", "web", "protocol", "006", "port_range_min", 22, "remote_ip_prefix", "0.0.0.0/0"),
                Map.of("security_group", "web", "protocol", "00", "remote_ip_prefix", "0.0.0.0/0"),
                // 2000::/12 covers a good part of the IPv6 internet
                Map.of("security_group", "web", "protocol", "tcp", "port_range_min", 22, "remote_ip_prefix", "2000::/12"));
    }

    @Test
    void a_remote_ip_prefix_that_cannot_be_read_is_refused_rather_than_trusted() {
        for (String prefix : List.of("0.0.0.0/x", "0.0.0.0/0.255.0.255", "0/0", "0.0.0.0/33", "::/129", "::/ffff::",
                "0.0.0.0/+0", "not-an-address")) {
            assertThat(tools.error("security_group_rule_create", Map.of("security_group", "web", "protocol", "tcp",
                    "port_range_min", 22, "remote_ip_prefix", prefix)))
                    .as(prefix).contains("remote_ip_prefix '" + prefix + "'", "CIDR");
        }
        assertThat(fake.count("POST", N + "/.*")).isZero();
    }

    @Test
    void a_protocol_number_is_sent_in_its_plain_form_and_must_be_0_to_255() {
        answer("POST", N + "/security-group-rules", 201, "security-group-rule-create.json");

        tools.ok("security_group_rule_create", Map.of("security_group", "web", "protocol", "+06", "port_range_min", 22,
                "remote_ip_prefix", "10.0.0.0/8"));

        assertThat(NeutronFake.body(last("POST", N + "/security-group-rules")).path("security_group_rule")
                .path("protocol").asText()).isEqualTo("6");
        assertThat(tools.error("security_group_rule_create", Map.of("security_group", "web", "protocol", "256",
                "remote_ip_prefix", "10.0.0.0/8"))).contains("protocol '256'", "0-255");
        assertThat(tools.error("security_group_rule_create", Map.of("security_group", "web", "protocol", "6_",
                "remote_ip_prefix", "10.0.0.0/8"))).contains("protocol '6_'", "0-255");
    }

    @ParameterizedTest
    @MethodSource("worldOpenRules")
    void rules_opening_admin_and_database_ports_to_the_world_are_refused_with_a_reason(Map<String, Object> rule) {
        String refusal = tools.error("security_group_rule_create", rule);

        assertThat(refusal).startsWith("Refused: this ingress rule would open").contains("whole internet",
                "remote_ip_prefix", "remote_group", "ALLOW_WORLD_OPEN_INGRESS=true");
        assertThat(fake.count("POST", N + "/.*")).isZero();
        assertThat(fake.count("GET", N + "/security-groups.*")).as("refused before any lookup").isZero();
    }

    @Test
    void the_refusal_names_the_exposed_services() {
        assertThat(tools.error("security_group_rule_create", Map.of("security_group", "web", "protocol", "tcp",
                "port_range_min", 3000, "port_range_max", 4000)))
                .contains("tcp ports 3000-4000", "MySQL (3306)", "RDP (3389)", "0.0.0.0/0").doesNotContain("SSH");
        assertThat(tools.error("security_group_rule_create", Map.of("security_group", "web")))
                .contains("every protocol and port", "SSH (22)", "memcached (11211)");
    }

    static Stream<Map<String, Object>> harmlessRules() {
        return Stream.of(
                Map.of("security_group", "web", "protocol", "tcp", "port_range_min", 443, "remote_ip_prefix", "0.0.0.0/0"),
                Map.of("security_group", "web", "protocol", "icmp", "remote_ip_prefix", "0.0.0.0/0"),
                Map.of("security_group", "web", "protocol", "tcp", "port_range_min", 22, "remote_ip_prefix", "10.0.0.0/8"),
                Map.of("security_group", "web", "protocol", "tcp", "port_range_min", 5432, "remote_group", "web"),
                Map.of("security_group", "web", "direction", "egress", "protocol", "tcp", "port_range_min", 22),
                Map.of("security_group", "web", "protocol", "tcp", "port_range_min", 8000, "port_range_max", 8100));
    }

    @ParameterizedTest
    @MethodSource("harmlessRules")
    void rules_that_do_not_expose_sensitive_ports_to_the_world_pass_the_guard_rail(Map<String, Object> rule) {
        answer("POST", N + "/security-group-rules", 201, "security-group-rule-create.json");

        tools.ok("security_group_rule_create", rule);

        assertThat(fake.count("POST", N + "/security-group-rules")).isEqualTo(1);
    }

    @Test
    void bad_rule_arguments_are_explained() {
        assertThat(tools.error("security_group_rule_create", Map.of("security_group", "web", "protocol", "tcp",
                "port_range_max", 22, "remote_ip_prefix", "10.0.0.0/8"))).contains("port_range_max needs port_range_min");
        assertThat(tools.error("security_group_rule_create", Map.of("security_group", "web", "port_range_min", 22,
                "remote_ip_prefix", "10.0.0.0/8"))).contains("Ports need a protocol");
        assertThat(tools.error("security_group_rule_create", Map.of("security_group", "web", "protocol", "tcp",
                "port_range_min", 22, "remote_ip_prefix", "10.0.0.0/8", "remote_group", "web")))
                .contains("either remote_ip_prefix or remote_group");
    }

    @Test
    void security_group_delete_is_refused_while_servers_use_the_group() {
        String refusal = tools.error("security_group_delete", Map.of("security_group", "web"));

        assertThat(refusal).contains("still used by 3 port(s)", "server 'web-1'", "server 'db-1'", "server 'cache-1'",
                "port_update");
        assertThat(queries("GET", N + "/ports")).anySatisfy(q -> assertThat(q).contains("security_groups=" + WEB_SG));
        assertThat(fake.count("DELETE", ".*")).isZero();
    }

    @Test
    void the_default_group_is_not_deleted() {
        fake.on("GET", N + "/security-groups/" + DEFAULT_SG, r -> FakeOpenStack.Reply.json(200, "{\"security_group\": "
                + NeutronFake.write(NeutronFake.tree(fake, "security-groups.json").path("security_groups").get(1)) + "}"));

        assertThat(tools.error("security_group_delete", Map.of("security_group", DEFAULT_SG)))
                .contains("default group", "security_group_rule_delete");
    }

    @Test
    @SuppressWarnings("unchecked")
    void deleting_a_group_previews_the_rules_of_other_groups_that_go_with_it() {
        String id = recGroup();
        fake.on("GET", N + "/security-groups/" + id, 200, "network/security-group-create.json");
        // web admits members of the group being deleted: Neutron deletes that rule with the group
        ObjectNode referencing = (ObjectNode) NeutronFake.tree(fake, "security-group-web.json")
                .path("security_group").path("security_group_rules").get(1).deepCopy();
        referencing.put("remote_group_id", id).putNull("remote_ip_prefix");
        ObjectNode rules = NeutronFake.tree(fake, "security-group-rules-remote-web.json").deepCopy();
        ((ArrayNode) rules.path("security_group_rules")).add(referencing);
        fake.on("GET", N + "/security-group-rules", r -> NeutronFake.filtered(r, NeutronFake.write(rules),
                "security_group_rules"));
        answer("DELETE", N + "/security-groups/" + id, 204);

        Map<String, Object> preview = preview("security_group_delete", Map.of("security_group", id));
        assertThat((List<Map<String, Object>>) preview.get("resources"))
                .extracting(r -> r.get("type") + " " + r.get("name") + ": " + r.get("effect")).containsExactly(
                        "security_group rec-sg: deleted with its 2 rule(s)",
                        "security_group_rule ingress tcp 80 from group 'rec-sg' (in group web): deleted: it admits"
                                + " members of this group");
        assertThat((List<String>) preview.get("warnings")).singleElement().asString()
                .contains("1 rule(s) of other groups refer to this group");

        Map<String, Object> done = tools.confirmed("security_group_delete", Map.of("security_group", id));
        assertThat(done).containsEntry("rules_deleted", 2).containsEntry("referencing_rules_deleted",
                List.of("ingress tcp 80 from group 'rec-sg' (in group web)"));
        assertThat(fake.count("DELETE", N + "/security-groups/" + id)).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void deleting_a_rule_previews_the_servers_that_lose_it() {
        JsonNode ssh = NeutronFake.tree(fake, "security-group-web.json").path("security_group")
                .path("security_group_rules").get(0);
        String id = ssh.path("id").asText();
        fake.on("GET", N + "/security-group-rules/" + id, r -> FakeOpenStack.Reply.json(200,
                "{\"security_group_rule\": " + NeutronFake.write(ssh) + "}"));
        answer("DELETE", N + "/security-group-rules/" + id, 204);

        Map<String, Object> preview = preview("security_group_rule_delete", Map.of("rule", id));
        assertThat((String) preview.get("summary")).contains("'ingress tcp 22 from 0.0.0.0/0'", "'web'");
        assertThat((List<Map<String, Object>>) preview.get("resources"))
                .extracting(r -> r.get("type") + " " + r.get("name") + ": " + r.get("effect")).containsExactly(
                        "security_group_rule ingress tcp 22 from 0.0.0.0/0: deleted from security group 'web' ("
                                + WEB_SG + ")",
                        "server web-1: no longer allowed: ingress tcp 22 from 0.0.0.0/0",
                        "server db-1: no longer allowed: ingress tcp 22 from 0.0.0.0/0",
                        "server cache-1: no longer allowed: ingress tcp 22 from 0.0.0.0/0");

        Map<String, Object> done = tools.confirmed("security_group_rule_delete", Map.of("rule", id));
        assertThat(done).containsEntry("summary", "ingress tcp 22 from 0.0.0.0/0");
        assertThat(fake.count("DELETE", N + "/security-group-rules/" + id)).isEqualTo(1);
        assertThat(tools.error("security_group_rule_delete", Map.of("rule", "not-a-uuid"))).contains("was not found");
    }
}
