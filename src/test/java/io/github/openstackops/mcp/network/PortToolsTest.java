package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.support.FakeOpenStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.network.NeutronFake.PRIVATE;
import static io.github.openstackops.mcp.network.NeutronFake.PRIVATE_SUBNET;
import static io.github.openstackops.mcp.network.NeutronFake.ROUTER1_PORT;
import static io.github.openstackops.mcp.network.NeutronFake.WEB_1;
import static io.github.openstackops.mcp.network.NeutronFake.WEB_1_PORT;
import static io.github.openstackops.mcp.network.NeutronFake.WEB_FIP;
import static io.github.openstackops.mcp.network.NeutronFake.WEB_SG;
import static org.assertj.core.api.Assertions.assertThat;

/** port_* against recorded Neutron and Nova responses. */
class PortToolsTest extends NeutronToolsTestBase {

    @Test
    void port_list_by_server_name_asks_nova_for_the_id_and_neutron_for_its_ports() {
        Map<String, Object> page = tools.ok("port_list", Map.of("device", "web-1"));

        assertThat(queries("GET", "/compute/v2.1/servers").get(0)).contains("name=^web-1$");
        assertThat(queries("GET", N + "/ports").get(0)).contains("device_id=" + WEB_1, "limit=51");
        assertThat(list(page, "ports")).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("id", WEB_1_PORT).containsEntry("server", "web-1").containsEntry("network", "private")
                .containsEntry("fixed_ips", List.of("10.0.0.159")).containsEntry("device_owner", "compute:nova")
                .doesNotContainKeys("binding:vif_type", "extra_dhcp_opts"));
    }

    @Test
    void port_list_filters_by_fixed_ip_and_subnet_in_neutron_and_names_servers_in_one_call() {
        Map<String, Object> page = tools.ok("port_list", Map.of("fixed_ip", "10.0.0.159"));
        assertThat(queries("GET", N + "/ports").get(0)).contains("fixed_ips=ip_address=10.0.0.159");
        assertThat(list(page, "ports")).extracting(p -> p.get("server")).containsExactly("web-1");

        Map<String, Object> onSubnet = tools.ok("port_list", Map.of("subnet", "private-subnet", "status", "ACTIVE"));
        assertThat(queries("GET", N + "/ports")).anySatisfy(q -> assertThat(q)
                .contains("fixed_ips=subnet_id=" + PRIVATE_SUBNET, "status=ACTIVE", "limit=51"));
        assertThat(list(onSubnet, "ports")).extracting(p -> p.get("server"))
                .containsExactlyInAnyOrder("web-1", "db-1", "cache-1");
        // three servers on the page: one Nova list call, not one call per port
        assertThat(fake.count("GET", "/compute/v2.1/servers")).isEqualTo(1);
        assertThat(fake.count("GET", "/compute/v2.1/servers/.*")).isEqualTo(1);
    }

    @Test
    void port_get_shows_subnets_groups_server_and_floating_ips_by_name() {
        Map<String, Object> port = tools.ok("port_get", Map.of("port", WEB_1_PORT));

        assertThat(port).containsEntry("status", "ACTIVE").containsEntry("mac_address", "fa:16:3e:b8:bc:0c")
                .containsEntry("floating_ips", List.of("203.0.113.197")).containsEntry("port_security_enabled", true);
        assertThat(list(port, "fixed_ips")).singleElement().satisfies(ip -> assertThat(ip)
                .containsEntry("ip_address", "10.0.0.159").containsEntry("subnet", "private-subnet"));
        assertThat(list(port, "security_groups")).extracting(g -> g.get("name")).containsExactlyInAnyOrder("web", "default");
        assertThat(map(port, "server")).containsEntry("id", WEB_1).containsEntry("name", "web-1");
        assertThat(map(port, "network")).containsEntry("name", "private");
    }

    @Test
    void port_create_asks_for_the_subnet_address_and_groups_by_name() {
        answer("POST", N + "/ports", 201, "port-create.json");

        Map<String, Object> created = tools.ok("port_create", Map.of("network", "private", "name", "rec-port",
                "subnet", "private-subnet", "ip_address", "10.0.0.77", "security_groups", List.of("web")));

        JsonNode body = NeutronFake.body(last("POST", N + "/ports")).path("port");
        assertThat(body.path("network_id").asText()).isEqualTo(PRIVATE);
        assertThat(body.path("fixed_ips").get(0).path("subnet_id").asText()).isEqualTo(PRIVATE_SUBNET);
        assertThat(body.path("fixed_ips").get(0).path("ip_address").asText()).isEqualTo("10.0.0.77");
        assertThat(body.path("security_groups").get(0).asText()).isEqualTo(WEB_SG);
        assertThat(created).containsEntry("name", "rec-port");
    }

    @Test
    void port_create_refuses_a_subnet_of_another_network() {
        assertThat(tools.error("port_create", Map.of("network", "public", "subnet", "private-subnet")))
                .contains("is not on network 'public'");
        assertThat(fake.count("POST", N + "/.*")).isZero();
    }

    @Test
    void turning_port_security_off_is_refused_without_the_operators_consent() {
        assertThat(tools.error("port_update", Map.of("port", WEB_1_PORT, "port_security_enabled", false)))
                .contains("port_security_enabled=false", "this port", "security_group_rule_create",
                        "ALLOW_WORLD_OPEN_INGRESS=true");
        assertThat(tools.error("port_create", Map.of("network", "private", "port_security_enabled", false)))
                .contains("port_security_enabled=false", "the new port", "ALLOW_WORLD_OPEN_INGRESS=true");
        assertThat(fake.count("POST", N + "/.*")).isZero();
        assertThat(fake.count("PUT", N + "/.*")).isZero();
        assertThat(tools.error("port_update", Map.of("port", WEB_1_PORT))).contains("Nothing to change");
    }

    @Test
    @SuppressWarnings("unchecked")
    void port_delete_previews_the_server_that_loses_the_interface_and_the_floating_ip() {
        answer("DELETE", N + "/ports/" + WEB_1_PORT, 204);

        Map<String, Object> preview = preview("port_delete", Map.of("port", WEB_1_PORT));
        assertThat((List<Map<String, Object>>) preview.get("resources"))
                .extracting(r -> r.get("type") + " " + r.get("name") + ": " + r.get("effect")).containsExactly(
                        "port null: deleted, addresses 10.0.0.159 released",
                        "floating_ip 203.0.113.197: disassociated, stays allocated to the project",
                        "server web-1: loses this network interface (10.0.0.159)");
        assertThat((List<String>) preview.get("warnings")).anySatisfy(w -> assertThat(w)
                .contains("only port of server 'web-1'", "without any network"));
        assertThat(queries("GET", N + "/floatingips")).anySatisfy(q -> assertThat(q).contains("port_id=" + WEB_1_PORT));

        Map<String, Object> done = tools.confirmed("port_delete", Map.of("port", WEB_1_PORT));
        assertThat(done).containsEntry("fixed_ips", List.of("10.0.0.159"));
        assertThat((String) done.get("message")).contains("server 'web-1' no longer has this interface");
        assertThat(fake.count("DELETE", N + "/ports/" + WEB_1_PORT)).isEqualTo(1);
        assertThat(fake.count("DELETE", N + "/floatingips/" + WEB_FIP)).isZero();
    }

    @Test
    void a_router_interface_port_is_not_deleted_directly() {
        fake.on("GET", N + "/ports/" + ROUTER1_PORT, r -> FakeOpenStack.Reply.json(200, "{\"port\": "
                + NeutronFake.write(NeutronFake.tree(fake, "ports-router1.json").path("ports").get(0)) + "}"));

        assertThat(tools.error("port_delete", Map.of("port", ROUTER1_PORT))).contains("interface of router 'router1'",
                "refuses a direct delete", "router_interface_remove");
        assertThat(fake.count("DELETE", ".*")).isZero();
    }
}
