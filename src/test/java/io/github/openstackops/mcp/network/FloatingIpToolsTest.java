package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.openstackops.mcp.support.FakeOpenStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.network.NeutronFake.CACHE_1;
import static io.github.openstackops.mcp.network.NeutronFake.DB_1;
import static io.github.openstackops.mcp.network.NeutronFake.PUBLIC;
import static io.github.openstackops.mcp.network.NeutronFake.WEB_1;
import static io.github.openstackops.mcp.network.NeutronFake.WEB_1_PORT;
import static io.github.openstackops.mcp.network.NeutronFake.WEB_FIP;
import static org.assertj.core.api.Assertions.assertThat;

/** floating_ip_* against recorded Neutron and Nova responses. */
class FloatingIpToolsTest extends NeutronToolsTestBase {

    /** The recorded floating IP of web-1, plus copies attached to db-1 and cache-1 (and one without port details). */
    private void threeServersAndAnOldNeutron(boolean portDetails) {
        ObjectNode root = (ObjectNode) NeutronFake.tree(fake, "floatingips.json");
        ArrayNode fips = (ArrayNode) root.path("floatingips");
        JsonNode web = fips.get(0);
        int n = 0;
        for (String server : List.of(DB_1, CACHE_1)) {
            ObjectNode copy = web.deepCopy();
            copy.put("id", "00000000-0000-4000-8000-00000000000" + n);
            copy.put("port_id", "00000000-0000-4000-8000-10000000000" + n);
            copy.put("floating_ip_address", "203.0.113." + (150 + n++));
            ((ObjectNode) copy.path("port_details")).put("device_id", server);
            fips.add(copy);
        }
        if (!portDetails) {
            fips.forEach(f -> ((ObjectNode) f).remove("port_details"));
        }
        fake.on("GET", N + "/floatingips", r -> FakeOpenStack.Reply.json(200, NeutronFake.write(root)));
    }

    @Test
    void floating_ip_list_names_each_server_with_one_nova_call_and_no_port_lookups() {
        threeServersAndAnOldNeutron(true);

        Map<String, Object> page = tools.ok("floating_ip_list", Map.of("limit", 10));

        assertThat(list(page, "floating_ips")).extracting(f -> f.get("floating_ip_address") + " -> " + f.get("server"))
                .containsExactly("203.0.113.197 -> web-1", "203.0.113.150 -> db-1", "203.0.113.151 -> cache-1");
        assertThat(list(page, "floating_ips").get(0)).containsEntry("network", "public")
                .containsEntry("fixed_ip_address", "10.0.0.159").containsEntry("server_id", WEB_1)
                .doesNotContainKeys("port_details", "tenant_id");
        assertThat(fake.count("GET", "/compute/v2.1/servers")).isEqualTo(1);
        assertThat(fake.count("GET", "/compute/v2.1/servers/.*")).isZero();
        assertThat(fake.count("GET", N + "/ports")).isZero();
        assertThat(queries("GET", N + "/floatingips").get(0)).contains("limit=11");
    }

    @Test
    void without_port_details_the_servers_come_from_one_port_listing() {
        threeServersAndAnOldNeutron(false);

        Map<String, Object> page = tools.ok("floating_ip_list", Map.of());

        // the copies' ports are unknown to Neutron: they stay unnamed; web-1's port is found in the same single call
        assertThat(list(page, "floating_ips")).extracting(f -> f.get("server")).containsExactly("web-1", null, null);
        assertThat(fake.count("GET", N + "/ports")).isEqualTo(1);
        assertThat(queries("GET", N + "/ports").get(0)).contains("id=" + WEB_1_PORT, "id=00000000-0000-4000-8000-100000000000");
    }

    @Test
    void floating_ip_list_by_server_filters_by_its_ports_in_neutron() {
        Map<String, Object> page = tools.ok("floating_ip_list", Map.of("server", "web-1", "status", "DOWN"));

        assertThat(queries("GET", N + "/floatingips").get(0)).contains("port_id=" + WEB_1_PORT, "status=DOWN");
        assertThat(list(page, "floating_ips")).extracting(f -> f.get("id")).containsExactly(WEB_FIP);
    }

    @Test
    void floating_ip_list_refuses_server_and_port_together_instead_of_dropping_one() {
        assertThat(tools.error("floating_ip_list", Map.of("server", "web-1", "port", WEB_1_PORT)))
                .contains("either server or port, not both");
        assertThat(fake.count("GET", N + "/floatingips.*")).isZero();
    }

    @Test
    void floating_ip_get_takes_the_address() {
        Map<String, Object> fip = tools.ok("floating_ip_get", Map.of("floating_ip", "203.0.113.197"));

        assertThat(queries("GET", N + "/floatingips").get(0)).contains("floating_ip_address=203.0.113.197");
        assertThat(fip).containsEntry("id", WEB_FIP).containsEntry("server", "web-1")
                .containsEntry("description", "web-1 public address");
        assertThat(tools.error("floating_ip_get", Map.of("floating_ip", "198.51.100.1")))
                .contains("Floating IP '198.51.100.1' was not found");
    }

    @Test
    void floating_ip_pool_list_explains_missing_counts_to_non_admins() {
        Map<String, Object> pools = tools.ok("floating_ip_pool_list", Map.of());

        assertThat(list(pools, "pools")).singleElement().satisfies(p -> assertThat(p).containsEntry("name", "public")
                .doesNotContainKeys("free_ips", "total_ips"));
        assertThat((String) pools.get("note")).contains("admins only");
        assertThat(queries("GET", N + "/networks").get(0)).contains("router:external=true");
    }

    @Test
    void floating_ip_pool_list_counts_free_addresses_for_admins() {
        fake.asAdmin();
        NeutronFake.collection(fake, "network-ip-availabilities", "ip-availability-public-admin.json");

        Map<String, Object> pools = tools.ok("floating_ip_pool_list", Map.of());

        Map<String, Object> pool = list(pools, "pools").get(0);
        assertThat(pool).containsEntry("total_ips", 100L).containsKey("free_ips");
        assertThat(((Number) pool.get("free_ips")).longValue() + ((Number) pool.get("used_ips")).longValue()).isEqualTo(100);
        assertThat(list(pool, "subnets")).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("cidr", "203.0.113.0/24").containsEntry("total_ips", 100L));
        assertThat(pools).doesNotContainKey("note");
        assertThat(queries("GET", N + "/network-ip-availabilities").get(0)).contains("network_id=" + PUBLIC);
    }

    @Test
    void floating_ip_create_takes_the_only_pool_by_default() {
        answer("POST", N + "/floatingips", 201, "floatingip-create.json");

        Map<String, Object> fip = tools.ok("floating_ip_create", Map.of("description", "recorded"));

        JsonNode body = NeutronFake.body(last("POST", N + "/floatingips")).path("floatingip");
        assertThat(body.path("floating_network_id").asText()).isEqualTo(PUBLIC);
        assertThat(body.path("description").asText()).isEqualTo("recorded");
        assertThat(fip).containsEntry("network", "public").doesNotContainKey("port_id");
        assertThat(tools.error("floating_ip_create", Map.of("network", "private"))).contains("is not external");
    }

    @Test
    void floating_ip_associate_picks_the_port_of_the_server() {
        String recFip = NeutronFake.tree(fake, "floatingip-create.json").path("floatingip").path("id").asText();
        fake.on("GET", N + "/floatingips/" + recFip, 200, "network/floatingip-create.json");
        answer("PUT", N + "/floatingips/" + recFip, 200, "floatingip-associate.json");

        Map<String, Object> result = tools.ok("floating_ip_associate", Map.of("floating_ip", recFip, "server", "web-1"));

        JsonNode body = NeutronFake.body(last("PUT", N + "/floatingips/" + recFip)).path("floatingip");
        assertThat(body.path("port_id").asText()).isEqualTo(WEB_1_PORT);
        assertThat(queries("GET", N + "/ports")).anySatisfy(q -> assertThat(q).contains("device_id=" + WEB_1));
        assertThat(result).containsEntry("changed", true);
        assertThat((String) result.get("message")).contains("now forwards to");

        assertThat(tools.error("floating_ip_associate", Map.of("floating_ip", recFip, "server", "web-1", "port", "x")))
                .contains("exactly one of server");
        assertThat(tools.error("floating_ip_associate", Map.of("floating_ip", recFip, "server", "web-1",
                "fixed_ip", "10.0.0.5"))).contains("has no port with fixed IP 10.0.0.5");
    }

    @Test
    void a_floating_ip_attached_elsewhere_is_not_moved_silently() {
        ObjectNode db1 = (ObjectNode) NeutronFake.tree(fake, "nova-server-web-1.json");
        ((ObjectNode) db1.path("server")).put("id", DB_1).put("name", "db-1");
        fake.on("GET", "/compute/v2.1/servers/" + DB_1, r -> FakeOpenStack.Reply.json(200, NeutronFake.write(db1)));

        Map<String, Object> same = tools.ok("floating_ip_associate", Map.of("floating_ip", "203.0.113.197", "server", "web-1"));
        assertThat(same).containsEntry("changed", false);

        assertThat(tools.error("floating_ip_associate", Map.of("floating_ip", "203.0.113.197", "server", DB_1)))
                .contains("already associated with server 'web-1'", "floating_ip_disassociate");
        assertThat(fake.count("PUT", ".*")).isZero();
    }

    @Test
    void floating_ip_disassociate_clears_the_port_and_names_the_server() {
        answer("PUT", N + "/floatingips/" + WEB_FIP, 200, "floatingip-disassociate.json");

        Map<String, Object> result = tools.ok("floating_ip_disassociate", Map.of("floating_ip", "203.0.113.197"));

        JsonNode body = NeutronFake.body(last("PUT", N + "/floatingips/" + WEB_FIP)).path("floatingip");
        assertThat(body.has("port_id")).isTrue();
        assertThat(body.get("port_id").isNull()).isTrue();
        assertThat((String) result.get("message")).contains("no longer forwards to server 'web-1'", "stays allocated");
    }

    @Test
    @SuppressWarnings("unchecked")
    void floating_ip_delete_previews_the_server_that_loses_it() {
        answer("DELETE", N + "/floatingips/" + WEB_FIP, 204);

        Map<String, Object> preview = preview("floating_ip_delete", Map.of("floating_ip", "203.0.113.197"));
        assertThat((List<Map<String, Object>>) preview.get("resources"))
                .extracting(r -> r.get("type") + " " + r.get("name") + ": " + r.get("effect")).containsExactly(
                        "floating_ip 203.0.113.197: released back to pool public",
                        "server web-1: loses its public address 203.0.113.197");
        assertThat((String) preview.get("summary")).contains("attached to server 'web-1'");

        Map<String, Object> done = tools.confirmed("floating_ip_delete", Map.of("floating_ip", "203.0.113.197"));
        assertThat(done).containsEntry("floating_ip_address", "203.0.113.197");
        assertThat(fake.count("DELETE", N + "/floatingips/" + WEB_FIP)).isEqualTo(1);
    }
}
