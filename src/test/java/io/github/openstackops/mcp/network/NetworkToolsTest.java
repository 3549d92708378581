package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.support.FakeOpenStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.openstackops.mcp.network.NeutronFake.PRIVATE;
import static io.github.openstackops.mcp.network.NeutronFake.PRIVATE_SUBNET;
import static io.github.openstackops.mcp.network.NeutronFake.PUBLIC;
import static io.github.openstackops.mcp.network.NeutronFake.STACK_NET;
import static org.assertj.core.api.Assertions.assertThat;

/** network_* and subnet_* against recorded Neutron responses. */
class NetworkToolsTest extends NeutronToolsTestBase {

    @Test
    void network_list_pages_in_neutron_and_names_each_networks_subnets_in_one_call() {
        Map<String, Object> page = tools.ok("network_list", Map.of("limit", 2));

        assertThat(queries("GET", N + "/networks").get(0)).contains("limit=3");
        assertThat(list(page, "networks")).extracting(n -> n.get("name")).containsExactly("public", "private");
        assertThat(page).containsEntry("count", 2).containsEntry("next_marker", PRIVATE);
        assertThat(list(page, "networks").get(0)).containsEntry("external", true).containsEntry("shared", true)
                .containsEntry("subnets", List.of("public-subnet 203.0.113.0/24")).doesNotContainKeys("tenant_id", "tags");
        assertThat(fake.count("GET", N + "/subnets")).isEqualTo(1);

        Map<String, Object> next = tools.ok("network_list", Map.of("limit", 2, "marker", PRIVATE));
        assertThat(list(next, "networks")).extracting(n -> n.get("id")).containsExactly(STACK_NET);
        assertThat(next).doesNotContainKey("next_marker");
    }

    @Test
    void a_page_neutron_under_fills_is_topped_up_so_no_network_is_skipped() {
        // recorded: as demo, networks?limit=3 returns 2 of the 3 networks and no next link (RBAC duplicates)
        AtomicInteger calls = new AtomicInteger();
        fake.on("GET", N + "/networks", r -> calls.incrementAndGet() == 1
                ? FakeOpenStack.Reply.json(200, fake.recorded("network/networks-limit3.json"))
                : FakeOpenStack.Reply.json(200, fake.recorded("network/networks-after-private.json")));

        Map<String, Object> page = tools.ok("network_list", Map.of("limit", 2));

        assertThat(list(page, "networks")).extracting(n -> n.get("name")).containsExactly("public", "private");
        assertThat(page).containsEntry("next_marker", PRIVATE);
        assertThat(queries("GET", N + "/networks").get(1)).contains("limit=1", "marker=" + PRIVATE);
    }

    @Test
    void network_list_filters_in_neutron() {
        Map<String, Object> page = tools.ok("network_list", Map.of("external", true, "name", "public", "status", "ACTIVE"));

        assertThat(queries("GET", N + "/networks").get(0)).contains("router:external=true", "name=public",
                "status=ACTIVE", "limit=51");
        assertThat(list(page, "networks")).extracting(n -> n.get("id")).containsExactly(PUBLIC);
    }

    @Test
    void network_get_by_name_shows_subnets_and_hides_segments_from_non_admins() {
        Map<String, Object> network = tools.ok("network_get", Map.of("network", "private"));

        assertThat(queries("GET", N + "/networks").get(0)).contains("name=private");
        assertThat(network).containsEntry("id", PRIVATE).containsEntry("mtu", 1450).containsEntry("external", false)
                .containsEntry("port_security_enabled", true).doesNotContainKey("segments");
        assertThat(list(network, "subnets")).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("name", "private-subnet").containsEntry("cidr", "10.0.0.0/24")
                .containsEntry("gateway_ip", "10.0.0.1"));
    }

    @Test
    void network_get_shows_provider_segments_to_admins() {
        Map<String, Object> network = tools.ok("network_get", Map.of("network", PUBLIC));

        assertThat(list(network, "segments")).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("network_type", "flat").containsEntry("physical_network", "physnet1"));
        assertThat(network).containsEntry("description", "External network (floating IP pool)");
    }

    @Test
    void an_unknown_network_is_a_sentence() {
        fake.on("GET", N + "/networks/00000000-0000-0000-0000-000000000000", r -> NeutronFake.notFound(fake));

        assertThat(tools.error("network_get", Map.of("network", "00000000-0000-0000-0000-000000000000")))
                .isEqualTo("Network '00000000-0000-0000-0000-000000000000' was not found (or is not visible to this"
                        + " project).");
        assertThat(tools.error("network_get", Map.of("network", "nope"))).contains("Network 'nope' was not found");
    }

    @Test
    void network_create_and_update_send_only_what_was_given() {
        String id = NeutronFake.tree(fake, "network-create.json").path("network").path("id").asText();
        answer("POST", N + "/networks", 201, "network-create.json");
        answer("PUT", N + "/networks/" + id, 200, "network-update.json");
        fake.on("GET", N + "/networks/" + id, 200, "network/network-create.json");

        Map<String, Object> created = tools.ok("network_create", Map.of("name", "rec-net", "description", "recorded",
                "mtu", 1400));
        JsonNode body = NeutronFake.body(last("POST", N + "/networks")).path("network");
        assertThat(body.path("name").asText()).isEqualTo("rec-net");
        assertThat(body.path("mtu").asInt()).isEqualTo(1400);
        assertThat(body.has("shared")).isFalse();
        assertThat(created).containsEntry("name", "rec-net").containsEntry("mtu", 1400);

        Map<String, Object> updated = tools.ok("network_update", Map.of("network", id, "description", "changed"));
        assertThat(NeutronFake.body(last("PUT", N + "/networks/.*")).path("network").fieldNames())
                .toIterable().containsExactly("description");
        assertThat(updated).containsEntry("description", "changed");

        assertThat(tools.error("network_update", Map.of("network", "private"))).contains("Nothing to change");
    }

    @Test
    void port_security_off_by_default_on_a_network_is_refused_without_the_operators_consent() {
        assertThat(tools.error("network_create", Map.of("name", "open-net", "port_security_enabled", false)))
                .contains("port_security_enabled=false", "new ports on this network", "ALLOW_WORLD_OPEN_INGRESS=true");
        assertThat(tools.error("network_update", Map.of("network", "private", "port_security_enabled", false)))
                .contains("port_security_enabled=false", "ALLOW_WORLD_OPEN_INGRESS=true");
        assertThat(fake.count("POST", N + "/.*")).isZero();
        assertThat(fake.count("PUT", N + "/.*")).isZero();
    }

    @Test
    void network_delete_is_refused_while_servers_and_router_interfaces_use_it() {
        String refusal = tools.error("network_delete", Map.of("network", "private"));

        assertThat(refusal).contains("Network 'private'", "still in use by 4 port(s)", "server 'web-1'",
                "server 'db-1'", "interface of router 'router1'", "10.0.0.1", "router_interface_remove");
        assertThat(queries("GET", N + "/ports")).anySatisfy(q -> assertThat(q).contains("network_id=" + PRIVATE));
        assertThat(fake.count("GET", "/compute/v2.1/servers")).isEqualTo(1);
        assertThat(fake.count("DELETE", ".*")).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_unused_network_is_previewed_with_its_subnets_then_deleted_with_the_token() {
        fake.on("GET", N + "/ports", r -> FakeOpenStack.Reply.json(200, "{\"ports\": []}"));
        answer("DELETE", N + "/networks/" + PRIVATE, 204);

        Map<String, Object> preview = preview("network_delete", Map.of("network", "private"));
        assertThat((String) preview.get("summary")).contains("'private'", "1 subnet(s)");
        assertThat((List<Map<String, Object>>) preview.get("resources"))
                .extracting(r -> r.get("type") + " " + r.get("name") + ": " + r.get("effect"))
                .containsExactly("network private: deleted", "subnet private-subnet 10.0.0.0/24: deleted with the network");

        Map<String, Object> done = tools.confirmed("network_delete", Map.of("network", "private"));
        assertThat(done).containsEntry("subnets_deleted", List.of("private-subnet 10.0.0.0/24"));
        assertThat(fake.count("DELETE", N + "/networks/" + PRIVATE)).isEqualTo(1);
    }

    @Test
    void subnet_list_resolves_the_network_and_filters_in_neutron() {
        Map<String, Object> page = tools.ok("subnet_list", Map.of("network", "private", "ip_version", 4));

        assertThat(queries("GET", N + "/subnets").get(0)).contains("network_id=" + PRIVATE, "ip_version=4", "limit=51");
        assertThat(list(page, "subnets")).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("id", PRIVATE_SUBNET).containsEntry("network", "private")
                .containsEntry("enable_dhcp", true).containsEntry("gateway_ip", "10.0.0.1"));
    }

    @Test
    void subnet_get_shows_pools_dns_and_routes_readably() {
        Map<String, Object> subnet = tools.ok("subnet_get", Map.of("subnet", "private-subnet"));

        assertThat(subnet).containsEntry("id", PRIVATE_SUBNET).containsEntry("cidr", "10.0.0.0/24")
                .containsEntry("allocation_pools", List.of("10.0.0.2-10.0.0.254"))
                .containsEntry("dns_nameservers", List.of("10.0.0.2")).containsEntry("host_routes", List.of());
        assertThat(map(subnet, "network")).containsEntry("name", "private");
    }

    @Test
    void subnet_create_derives_the_ip_version_and_sends_pools_and_routes() {
        answer("POST", N + "/subnets", 201, "subnet-create.json");

        Map<String, Object> created = tools.ok("subnet_create", Map.of("network", "private", "cidr", "10.98.0.0/24",
                "name", "rec-subnet", "allocation_pools", List.of(Map.of("start", "10.98.0.10", "end", "10.98.0.50")),
                "host_routes", List.of(Map.of("destination", "192.168.5.0/24", "nexthop", "10.98.0.254"))));

        JsonNode body = NeutronFake.body(last("POST", N + "/subnets")).path("subnet");
        assertThat(body.path("network_id").asText()).isEqualTo(PRIVATE);
        assertThat(body.path("ip_version").asInt()).isEqualTo(4);
        assertThat(body.path("allocation_pools").get(0).path("start").asText()).isEqualTo("10.98.0.10");
        assertThat(body.path("host_routes").get(0).path("nexthop").asText()).isEqualTo("10.98.0.254");
        assertThat(created).containsEntry("name", "rec-subnet").containsEntry("allocation_pools",
                List.of("10.98.0.10-10.98.0.50"));
    }

    @Test
    void an_ip_version_other_than_4_or_6_is_refused_before_any_call() {
        assertThat(tools.error("subnet_create", Map.of("network", "private", "cidr", "10.1.0.0/24", "ip_version", 5)))
                .contains("ip_version is 4 or 6");
        assertThat(tools.error("subnet_list", Map.of("ip_version", 5))).contains("ip_version is 4 or 6");
        assertThat(fake.count("POST", N + "/.*")).isZero();
    }

    @Test
    void subnet_update_can_remove_the_gateway_but_not_set_and_remove_it_at_once() {
        answer("PUT", N + "/subnets/" + PRIVATE_SUBNET, 200, "subnet-private.json");

        tools.ok("subnet_update", Map.of("subnet", "private-subnet", "disable_gateway", true, "enable_dhcp", false));
        JsonNode body = NeutronFake.body(last("PUT", N + "/subnets/.*")).path("subnet");
        assertThat(body.has("gateway_ip")).isTrue();
        assertThat(body.get("gateway_ip").isNull()).isTrue();
        assertThat(body.path("enable_dhcp").asBoolean(true)).isFalse();

        assertThat(tools.error("subnet_update", Map.of("subnet", "private-subnet", "disable_gateway", true,
                "gateway_ip", "10.0.0.1"))).contains("either gateway_ip or disable_gateway");
    }

    @Test
    void subnet_delete_is_refused_while_addresses_are_in_use() {
        String refusal = tools.error("subnet_delete", Map.of("subnet", "private-subnet"));

        assertThat(refusal).contains("'private-subnet'", "10.0.0.0/24", "interface of router 'router1'",
                "server 'cache-1'", "router_interface_remove");
        assertThat(queries("GET", N + "/ports")).anySatisfy(q -> assertThat(q)
                .contains("fixed_ips=subnet_id=" + PRIVATE_SUBNET));
        assertThat(fake.count("DELETE", ".*")).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_unused_subnet_is_deleted_after_the_preview() {
        fake.on("GET", N + "/ports", r -> FakeOpenStack.Reply.json(200, "{\"ports\": []}"));
        answer("DELETE", N + "/subnets/" + PRIVATE_SUBNET, 204);

        Map<String, Object> preview = preview("subnet_delete", Map.of("subnet", PRIVATE_SUBNET));
        assertThat((List<String>) preview.get("warnings")).anySatisfy(w -> assertThat(w)
                .contains("only subnet of network 'private'"));

        Map<String, Object> done = tools.confirmed("subnet_delete", Map.of("subnet", PRIVATE_SUBNET));
        assertThat(done).containsEntry("cidr", "10.0.0.0/24");
        assertThat(fake.count("DELETE", N + "/subnets/" + PRIVATE_SUBNET)).isEqualTo(1);
    }
}
