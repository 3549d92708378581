package io.github.openstackops.mcp.live;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.live.LiveCloud.openstack;
import static io.github.openstackops.mcp.live.LiveCloud.openstackAdmin;
import static io.github.openstackops.mcp.live.LiveCloud.openstackAdminStatus;
import static io.github.openstackops.mcp.live.LiveCloud.openstackStatus;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network operations beyond the basics, each done by a tool and checked with the openstack CLI: a QoS policy with
 * its three kinds of rules applied to a network and a port (whose address pairs and fixed IPs change too), refused
 * deletion while in use, then detached and deleted; the private network shared with the admin project and unshared;
 * a VLAN trunk read; port forwardings of a floating IP to db-1; security group and floating IP updates. Everything made
 * here is named net-live-RUN and removed at the end, also when a test fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkReachLiveIT {

    private final String name = "net-live-" + LiveCloud.RUN;
    private final String qos = name + "-qos";
    private final String network = name + "-net";
    private final String port = name + "-port";
    private final String sg = name + "-sg";
    private LiveTools demo;
    private LiveTools admin;
    private String rbac;
    private String fip;
    private final List<String> moreFips = new java.util.ArrayList<>();

    @BeforeAll
    void start() {
        demo = LiveTools.demo();
        admin = LiveTools.admin();
    }

    @AfterAll
    void cleanUp() {
        try {
            openstackAdminStatus("port", "delete", port);
            openstackAdminStatus("network", "delete", network);
            openstackAdminStatus("network", "qos", "policy", "delete", qos);
            if (rbac != null) {
                openstackStatus("network", "rbac", "delete", rbac);
            }
            openstackStatus("network", "trunk", "delete", name + "-trunk");
            openstackStatus("port", "delete", name + "-parent", name + "-sub");
            if (fip != null) {
                for (String pf : LiveCloud.lines(openstack("floating", "ip", "port", "forwarding", "list", fip, "-f",
                        "value", "-c", "ID"))) {
                    openstackStatus("floating", "ip", "port", "forwarding", "delete", fip, pf);
                }
                openstackStatus("floating", "ip", "delete", fip);
            }
            openstackStatus("security", "group", "delete", sg, name + "-sg2");
            for (String f : moreFips) {
                if (openstackAdminStatus("floating", "ip", "show", f) == 0) {
                    for (String pf : LiveCloud.lines(openstackAdmin("floating", "ip", "port", "forwarding", "list", f,
                            "-f", "value", "-c", "ID"))) {
                        openstackAdminStatus("floating", "ip", "port", "forwarding", "delete", f, pf);
                    }
                    openstackAdminStatus("floating", "ip", "delete", f);
                }
            }
            openstackAdminStatus("network", "qos", "policy", "delete", name + "-fipqos");
        } finally {
            LiveTools.close(demo, admin);
        }
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void a_qos_policy_gets_its_three_rules_and_is_applied_to_a_network_and_a_port() {
        admin.ok("qos_policy_create", Map.of("name", qos));
        admin.ok("qos_policy_update", Map.of("policy", qos, "description", "live test"));
        admin.ok("qos_rule_create", Map.of("policy", qos, "type", "bandwidth_limit", "max_kbps", 10000,
                "max_burst_kbps", 1000));
        admin.ok("qos_rule_create", Map.of("policy", qos, "type", "dscp_marking", "dscp_mark", 26));
        admin.ok("qos_rule_create", Map.of("policy", qos, "type", "minimum_bandwidth", "min_kbps", 1000));

        String rules = openstackAdmin("network", "qos", "rule", "list", qos, "-f", "value", "-c", "Type");
        assertThat(LiveCloud.lines(rules)).containsExactlyInAnyOrder("bandwidth_limit", "dscp_marking",
                "minimum_bandwidth");
        assertThat(openstackAdmin("network", "qos", "policy", "show", qos, "-f", "value", "-c", "description"))
                .isEqualTo("live test");
        Map<String, Object> got = admin.ok("qos_policy_get", Map.of("policy", qos));
        assertThat((List<Map<String, Object>>) got.get("rules")).extracting(r -> r.get("summary")).contains(
                "bandwidth_limit egress 10000 kbps, burst 1000 kbps", "dscp_marking 26");
        assertThat((List<Map<String, Object>>) admin.ok("qos_policy_list", Map.of("name", qos)).get("qos_policies"))
                .singleElement().satisfies(p -> assertThat(p).containsEntry("name", qos));

        openstackAdmin("network", "create", network);
        openstackAdmin("subnet", "create", "--network", network, "--subnet-range", "10.98.0.0/24", network);
        openstackAdmin("port", "create", "--network", network, port);
        admin.ok("network_update", Map.of("network", network, "qos_policy", qos));
        Map<String, Object> updated = admin.ok("port_update", Map.of("port", port, "qos_policy", qos,
                "allowed_address_pairs", List.of(Map.of("ip_address", "10.98.0.250")),
                "fixed_ips", List.of(Map.of("subnet", network, "ip_address", "10.98.0.20"))));

        String policyId = openstackAdmin("network", "qos", "policy", "show", qos, "-f", "value", "-c", "id");
        assertThat(openstackAdmin("network", "show", network, "-f", "value", "-c", "qos_policy_id")).isEqualTo(policyId);
        String cli = openstackAdmin("port", "show", port, "-f", "json");
        assertThat(LiveCloud.json(cli).path("qos_policy_id").asText()).isEqualTo(policyId);
        assertThat(cli).contains("10.98.0.250").contains("10.98.0.20");
        assertThat((Map<String, Object>) updated.get("qos_policy")).containsEntry("name", qos);
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void the_policy_in_use_is_not_deleted_until_detached_and_its_rule_goes_first() {
        Map<String, Object> preview = admin.ok("qos_policy_delete", Map.of("policy", qos));
        assertThat(((Map<String, Object>) preview.get("preview")).get("resources").toString()).contains(port, network);
        Map<String, Object> confirm = new HashMap<>(Map.of("policy", qos, "confirm", preview.get("confirm")));
        assertThat(admin.error("qos_policy_delete", confirm)).contains("is in use by", "Neutron refuses");
        assertThat(openstackAdminStatus("network", "qos", "policy", "show", qos)).isZero();

        admin.ok("port_update", Map.of("port", port, "qos_policy", ""));
        admin.ok("network_update", Map.of("network", network, "qos_policy", ""));
        assertThat(openstackAdmin("port", "show", port, "-f", "value", "-c", "qos_policy_id")).isEqualTo("None");
        assertThat(openstackAdmin("network", "show", network, "-f", "value", "-c", "qos_policy_id")).isEqualTo("None");

        String ruleId = ((List<Map<String, Object>>) admin.ok("qos_policy_get", Map.of("policy", qos)).get("rules"))
                .stream().filter(r -> r.get("type").equals("bandwidth_limit")).findFirst().orElseThrow().get("id")
                .toString();
        admin.confirmed("qos_rule_delete", Map.of("policy", qos, "rule", ruleId));
        assertThat(openstackAdmin("network", "qos", "rule", "list", qos, "-f", "value", "-c", "Type"))
                .doesNotContain("bandwidth_limit");
        admin.confirmed("qos_policy_delete", Map.of("policy", qos));
        assertThat(openstackAdminStatus("network", "qos", "policy", "show", qos)).isNotZero();
        assertThat(demo.error("qos_policy_create", Map.of("name", qos))).containsIgnoringCase("admin");
    }

    @Test
    @Order(3)
    @SuppressWarnings("unchecked")
    void the_private_network_is_shared_with_the_admin_project_and_unshared() {
        String adminProject = openstackAdmin("project", "show", "admin", "-f", "value", "-c", "id");
        Map<String, Object> created = demo.ok("rbac_policy_create", Map.of("object_type", "network",
                "object", "private", "target_project", adminProject));
        rbac = (String) created.get("id");

        assertThat(openstack("network", "rbac", "show", rbac, "-f", "value", "-c", "target_project_id"))
                .isEqualTo(adminProject);
        assertThat((List<Map<String, Object>>) demo.ok("rbac_policy_list", Map.of("object_type", "network",
                "object", "private")).get("rbac_policies")).extracting(p -> p.get("id")).contains(rbac);
        assertThat(demo.ok("rbac_policy_get", Map.of("policy", rbac))).containsEntry("target_project", adminProject);
        Map<String, Object> preview = demo.ok("rbac_policy_delete", Map.of("policy", rbac));
        assertThat(((Map<String, Object>) preview.get("preview")).get("warnings").toString())
                .contains(adminProject, "loses access_as_shared");
        demo.confirmed("rbac_policy_delete", Map.of("policy", rbac));
        assertThat(openstackStatus("network", "rbac", "show", rbac)).isNotZero();
        rbac = null;
    }

    @Test
    @Order(4)
    @SuppressWarnings("unchecked")
    void a_trunk_is_listed_and_read_with_its_subport() {
        openstack("port", "create", "--network", "private", name + "-parent");
        openstack("port", "create", "--network", "private", name + "-sub");
        openstack("network", "trunk", "create", "--parent-port", name + "-parent", "--subport",
                "port=" + name + "-sub,segmentation-type=vlan,segmentation-id=101", name + "-trunk");

        assertThat((List<Map<String, Object>>) demo.ok("trunk_list", Map.of("port", name + "-parent"))
                .get("trunks")).singleElement().satisfies(t -> assertThat(t).containsEntry("subports", 1));
        Map<String, Object> trunk = demo.ok("trunk_get", Map.of("trunk", name + "-trunk"));
        assertThat((List<Map<String, Object>>) trunk.get("subports")).singleElement().satisfies(s -> {
            assertThat(s).containsEntry("segmentation_id", 101);
            assertThat((Map<String, Object>) s.get("port")).containsEntry("name", name + "-sub");
        });
        assertThat(openstack("network", "trunk", "show", name + "-trunk", "-f", "value", "-c", "sub_ports"))
                .contains("101");
    }

    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void a_floating_ip_forwards_a_port_to_db_1_and_gets_a_description() {
        fip = openstack("floating", "ip", "create", "public", "-f", "value", "-c", "id");
        demo.ok("floating_ip_update", Map.of("floating_ip", fip, "description", name));
        assertThat(openstack("floating", "ip", "show", fip, "-f", "value", "-c", "description")).isEqualTo(name);
        String dbPort = openstack("port", "list", "--server", "db-1", "-f", "value", "-c", "ID");

        Map<String, Object> pf = demo.ok("port_forwarding_create", Map.of("floating_ip", fip, "port", dbPort,
                "protocol", "tcp", "external_port", "2222", "internal_port", "22", "description", "ssh"));
        String id = (String) pf.get("id");
        assertThat(openstack("floating", "ip", "port", "forwarding", "show", fip, id, "-f", "value", "-c",
                "external_port", "-c", "internal_port")).isEqualTo("2222\n22");
        demo.ok("port_forwarding_update", Map.of("floating_ip", fip, "port_forwarding", id, "external_port", "2200"));
        assertThat(openstack("floating", "ip", "port", "forwarding", "show", fip, id, "-f", "value", "-c",
                "external_port")).isEqualTo("2200");
        assertThat((List<Map<String, Object>>) demo.ok("port_forwarding_list", Map.of("floating_ip", fip))
                .get("port_forwardings")).singleElement().satisfies(p -> assertThat(p).containsEntry("id", id));
        assertThat(demo.ok("port_forwarding_get", Map.of("floating_ip", fip, "port_forwarding", id)))
                .containsEntry("external_port", "2200").containsEntry("description", "ssh");
        demo.confirmed("port_forwarding_delete", Map.of("floating_ip", fip, "port_forwarding", id));
        assertThat(openstack("floating", "ip", "port", "forwarding", "list", fip, "-f", "value")).isEmpty();
    }

    @Test
    @Order(6)
    void a_security_group_is_renamed_and_described() {
        openstack("security", "group", "create", sg);
        demo.ok("security_group_update", Map.of("security_group", sg, "name", name + "-sg2",
                "description", "live test"));
        assertThat(openstack("security", "group", "show", name + "-sg2", "-f", "value", "-c", "description"))
                .isEqualTo("live test");
    }

    @Test
    @Order(7)
    @SuppressWarnings("unchecked")
    void a_floating_ip_gets_a_qos_policy_and_loses_it_again() {
        String policy = name + "-fipqos";
        String policyId = (String) admin.ok("qos_policy_create", Map.of("name", policy)).get("id");
        String id = LiveCloud.openstackAdmin("floating", "ip", "create", "public", "--description", policy, "-f",
                "value", "-c", "id");
        moreFips.add(id);

        Map<String, Object> applied = admin.ok("floating_ip_update", Map.of("floating_ip", id, "qos_policy", policy));

        assertThat((Map<String, Object>) applied.get("qos_policy")).containsEntry("id", policyId)
                .containsEntry("name", policy);
        assertThat(LiveCloud.openstackAdmin("floating", "ip", "show", id, "-f", "value", "-c", "qos_policy_id"))
                .isEqualTo(policyId);
        assertThat(admin.ok("floating_ip_get", Map.of("floating_ip", id))).containsKey("qos_policy");

        Map<String, Object> cleared = admin.ok("floating_ip_update", Map.of("floating_ip", id, "qos_policy", ""));

        assertThat(cleared).doesNotContainKey("qos_policy").containsEntry("description", policy);
        assertThat(LiveCloud.openstackAdmin("floating", "ip", "show", id, "-f", "value", "-c", "qos_policy_id"))
                .isIn("None", "");
        LiveCloud.openstackAdmin("floating", "ip", "delete", id);
        admin.confirmed("qos_policy_delete", Map.of("policy", policy));
    }

    @Test
    @Order(8)
    @SuppressWarnings("unchecked")
    void releasing_a_floating_ip_previews_the_port_forwardings_that_go_with_it() {
        String id = openstack("floating", "ip", "create", "public", "--description", name + "-fippf", "-f", "value",
                "-c", "id");
        moreFips.add(id);
        String address = openstack("floating", "ip", "show", id, "-f", "value", "-c", "floating_ip_address");
        String dbPort = openstack("port", "list", "--server", "db-1", "-f", "value", "-c", "ID");
        String dbIp = LiveCloud.json(openstack("port", "show", dbPort, "-f", "json")).path("fixed_ips").get(0)
                .path("ip_address").asText();
        openstack("floating", "ip", "port", "forwarding", "create", "--internal-ip-address", dbIp, "--port", dbPort,
                "--internal-protocol-port", "2022", "--external-protocol-port", "2201", "--protocol", "tcp", id);

        Map<String, Object> envelope = demo.ok("floating_ip_delete", Map.of("floating_ip", id));

        Map<String, Object> preview = (Map<String, Object>) envelope.get("preview");
        assertThat((List<Map<String, Object>>) preview.get("resources"))
                .extracting(r -> r.get("type") + " " + r.get("name")).contains("port_forwarding tcp " + address
                        + ":2201 -> " + dbIp + ":2022");
        assertThat((List<String>) preview.get("warnings")).anySatisfy(w -> assertThat(w)
                .contains("Port forwardings deleted with it (1): tcp " + address + ":2201"));
        assertThat(openstack("floating", "ip", "port", "forwarding", "list", id, "-f", "value", "-c",
                "External Port")).isEqualTo("2201");

        demo.confirmed("floating_ip_delete", Map.of("floating_ip", id));

        assertThat(openstackStatus("floating", "ip", "show", id)).isNotZero();
    }
}
