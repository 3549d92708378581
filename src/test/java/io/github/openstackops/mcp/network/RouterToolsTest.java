package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.openstackops.mcp.support.FakeOpenStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.network.NeutronFake.PRIVATE_SUBNET;
import static io.github.openstackops.mcp.network.NeutronFake.PUBLIC;
import static io.github.openstackops.mcp.network.NeutronFake.ROUTER1;
import static io.github.openstackops.mcp.network.NeutronFake.ROUTER1_PORT;
import static org.assertj.core.api.Assertions.assertThat;

/** router_* against recorded Neutron responses. */
class RouterToolsTest extends NeutronToolsTestBase {

    private String recRouter() {
        return NeutronFake.tree(fake, "router-create.json").path("router").path("id").asText();
    }

    @Test
    void router_list_names_the_gateway_network() {
        Map<String, Object> page = tools.ok("router_list", Map.of("name", "router1"));

        assertThat(queries("GET", N + "/routers").get(0)).contains("name=router1", "limit=51");
        assertThat(list(page, "routers")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("id", ROUTER1).containsEntry("external_network", "public")
                .containsEntry("external_ips", List.of("203.0.113.114")).containsEntry("status", "ACTIVE"));
    }

    @Test
    void router_get_shows_gateway_and_interfaces_with_their_subnets() {
        Map<String, Object> router = tools.ok("router_get", Map.of("router", "router1"));

        assertThat(map(router, "gateway")).containsEntry("external_ips", List.of("203.0.113.114"))
                .containsEntry("enable_snat", true);
        assertThat(map(map(router, "gateway"), "network")).containsEntry("name", "public");
        assertThat(list(router, "interfaces")).singleElement().satisfies(i -> assertThat(i)
                .containsEntry("port_id", ROUTER1_PORT).containsEntry("ip_address", "10.0.0.1")
                .containsEntry("subnet", "private-subnet").containsEntry("cidr", "10.0.0.0/24"));
        assertThat(queries("GET", N + "/ports").get(0)).contains("device_id=" + ROUTER1);
    }

    @Test
    void router_create_puts_the_gateway_on_an_external_network_only() {
        assertThat(tools.error("router_create", Map.of("name", "x", "external_network", "private")))
                .contains("is not external");
        assertThat(fake.count("POST", N + "/.*")).isZero();

        answer("POST", N + "/routers", 201, "router-create.json");
        Map<String, Object> created = tools.ok("router_create", Map.of("name", "rec-router", "external_network", "public"));

        JsonNode body = NeutronFake.body(last("POST", N + "/routers")).path("router");
        assertThat(body.path("external_gateway_info").path("network_id").asText()).isEqualTo(PUBLIC);
        assertThat(created).containsEntry("name", "rec-router");
        assertThat(map(created, "gateway")).containsEntry("external_ips", List.of("203.0.113.106"));
    }

    @Test
    void router_update_replaces_the_routes() {
        answer("PUT", N + "/routers/" + ROUTER1, 200, "router-update-routes.json");

        Map<String, Object> updated = tools.ok("router_update", Map.of("router", "router1",
                "routes", List.of(Map.of("destination", "172.16.0.0/16", "nexthop", "10.98.0.20"))));

        JsonNode routes = NeutronFake.body(last("PUT", N + "/routers/" + ROUTER1)).path("router").path("routes");
        assertThat(routes.get(0).path("destination").asText()).isEqualTo("172.16.0.0/16");
        assertThat(updated).containsEntry("routes", List.of("172.16.0.0/16 via 10.98.0.20"));
    }

    @Test
    void router_interface_add_attaches_a_subnet_and_reports_the_routers_address() {
        answer("PUT", N + "/routers/" + ROUTER1 + "/add_router_interface", 200, "router-add-interface.json");
        JsonNode port = NeutronFake.tree(fake, "ports-rec-router.json").path("ports").get(0);
        fake.on("GET", N + "/ports/" + port.path("id").asText(), r -> FakeOpenStack.Reply.json(200,
                "{\"port\": " + NeutronFake.write(port) + "}"));

        Map<String, Object> result = tools.ok("router_interface_add", Map.of("router", "router1", "subnet", "private-subnet"));

        assertThat(NeutronFake.body(last("PUT", N + "/routers/.*/add_router_interface")).path("subnet_id").asText())
                .isEqualTo(PRIVATE_SUBNET);
        assertThat(result).containsEntry("port_id", port.path("id").asText()).containsEntry("ip_address", "10.98.0.1");
        assertThat((String) result.get("message")).contains("now has an interface", "10.98.0.1");

        assertThat(tools.error("router_interface_add", Map.of("router", "router1"))).contains("exactly one of subnet");
        assertThat(tools.error("router_interface_add", Map.of("router", "router1", "subnet", "private-subnet",
                "port", ROUTER1_PORT))).contains("exactly one of subnet");
    }

    @Test
    void router_interface_remove_explains_neutrons_refusal() {
        answer("PUT", N + "/routers/" + ROUTER1 + "/remove_router_interface", 409, "router-remove-interface-409.json");

        assertThat(tools.error("router_interface_remove", Map.of("router", "router1", "subnet", "private-subnet")))
                .contains("HTTP 409", "required by one or more routes");
        assertThat(NeutronFake.body(last("PUT", N + "/routers/.*/remove_router_interface")).path("subnet_id").asText())
                .isEqualTo(PRIVATE_SUBNET);
    }

    @Test
    void router_interface_remove_reports_the_address_that_went() {
        fake.on("PUT", N + "/routers/" + ROUTER1 + "/remove_router_interface", r -> FakeOpenStack.Reply.json(200,
                "{\"id\": \"" + ROUTER1 + "\", \"port_id\": \"" + ROUTER1_PORT + "\", \"subnet_id\": \"" + PRIVATE_SUBNET
                        + "\"}"));

        Map<String, Object> result = tools.ok("router_interface_remove", Map.of("router", "router1", "subnet", PRIVATE_SUBNET));

        assertThat(result).containsEntry("ip_address", "10.0.0.1");
        assertThat(map(result, "subnet")).containsEntry("name", "private-subnet");
        assertThat((String) result.get("message")).contains("no longer has an interface", "was 10.0.0.1");
    }

    @Test
    void router_gateway_set_and_clear_change_only_the_gateway() {
        answer("PUT", N + "/routers/" + ROUTER1, 200, "router-router1.json");

        tools.ok("router_gateway_set", Map.of("router", "router1", "external_network", "public", "enable_snat", true));
        JsonNode set = NeutronFake.body(last("PUT", N + "/routers/" + ROUTER1)).path("router");
        assertThat(set.path("external_gateway_info").path("network_id").asText()).isEqualTo(PUBLIC);
        assertThat(set.path("external_gateway_info").path("enable_snat").asBoolean()).isTrue();

        tools.ok("router_gateway_clear", Map.of("router", "router1"));
        JsonNode clear = NeutronFake.body(last("PUT", N + "/routers/" + ROUTER1)).path("router");
        assertThat(clear.path("external_gateway_info").isObject()).isTrue();
        assertThat(clear.path("external_gateway_info")).isEmpty();
    }

    @Test
    void clearing_a_gateway_that_is_not_there_says_so() {
        ObjectNode router = (ObjectNode) NeutronFake.tree(fake, "router-router1.json");
        ((ObjectNode) router.path("router")).putNull("external_gateway_info");
        fake.on("GET", N + "/routers/" + ROUTER1, r -> FakeOpenStack.Reply.json(200, NeutronFake.write(router)));

        assertThat(tools.error("router_gateway_clear", Map.of("router", ROUTER1))).contains("has no gateway");
        assertThat(fake.count("PUT", ".*")).isZero();
    }

    @Test
    void router_delete_is_refused_while_it_has_interfaces() {
        assertThat(tools.error("router_delete", Map.of("router", "router1"))).contains("still has 1 interface(s)",
                "'private-subnet' 10.0.0.0/24 at 10.0.0.1", "router_interface_remove");
        assertThat(fake.count("DELETE", ".*")).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_router_without_interfaces_is_deleted_and_its_gateway_ip_released() {
        String id = recRouter();
        fake.on("GET", N + "/routers/" + id, 200, "network/router-create.json");
        answer("DELETE", N + "/routers/" + id, 204);

        Map<String, Object> preview = preview("router_delete", Map.of("router", id));
        assertThat((List<Map<String, Object>>) preview.get("resources"))
                .extracting(r -> r.get("type") + ": " + r.get("effect"))
                .containsExactly("router: deleted", "router_gateway: cleared, external IP(s) 203.0.113.106 released");

        Map<String, Object> done = tools.confirmed("router_delete", Map.of("router", id));
        assertThat(done).containsEntry("released_gateway_ips", List.of("203.0.113.106"));
        assertThat(fake.count("DELETE", N + "/routers/" + id)).isEqualTo(1);
    }
}
