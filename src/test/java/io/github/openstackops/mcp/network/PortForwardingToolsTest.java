package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** port_forwarding_* against the forwardings recorded by testbed/record/network-reach.sh (to db-1's port). */
class PortForwardingToolsTest extends NetworkReachTestBase {

    private static final String PFS = N + "/floatingips/" + FIP + "/port_forwardings";

    @Test
    void list_by_address_filters_in_neutron_and_reads_ranges() {
        Map<String, Object> all = tools.ok("port_forwarding_list", Map.of("floating_ip", FIP_ADDRESS));
        Map<String, Object> udp = tools.ok("port_forwarding_list", Map.of("floating_ip", FIP, "protocol", "udp"));

        assertThat(queries("GET", N + "/floatingips")).anySatisfy(q -> assertThat(q)
                .contains("floating_ip_address=" + FIP_ADDRESS));
        assertThat(list(all, "port_forwardings")).extracting(p -> p.get("summary")).containsExactly(
                "tcp 203.0.113.130:2200 -> 10.0.0.39:22", "udp 203.0.113.130:6000:6010 -> 10.0.0.39:5000:5010");
        assertThat(queries("GET", PFS)).anySatisfy(q -> assertThat(q).contains("protocol=udp", "limit=51"));
        assertThat(list(udp, "port_forwardings")).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("external_port", "6000:6010").containsEntry("internal_port", "5000:5010"));
    }

    @Test
    void get_reads_one() {
        Map<String, Object> pf = tools.ok("port_forwarding_get", Map.of("floating_ip", FIP, "port_forwarding", PF));

        assertThat(pf).containsEntry("protocol", "tcp").containsEntry("external_port", "2200")
                .containsEntry("description", "ssh, moved");
        assertThat(map(pf, "port")).containsEntry("id", DB_PORT);
    }

    @Test
    void create_sends_single_ports_as_numbers_and_ranges_as_ranges_and_takes_the_ports_ipv4() {
        fake.on("POST", PFS, r -> Reply.json(201, fake.recorded(R + (r.body().contains("range") ? "pf-create-range.json" : "pf-create.json"))));

        tools.ok("port_forwarding_create", Map.of("floating_ip", FIP, "port", DB_PORT, "protocol", "tcp",
                "external_port", "2222", "internal_port", "22", "description", "ssh"));
        Map<String, Object> range = tools.ok("port_forwarding_create", Map.of("floating_ip", FIP, "port", DB_PORT,
                "protocol", "udp", "external_port", "6000:6010", "internal_port", "5000:5010"));

        assertThat(fake.requests("POST", PFS)).extracting(r -> NeutronFake.body(r).toString()).containsExactly(
                "{\"port_forwarding\":{\"internal_port_id\":\"" + DB_PORT + "\",\"protocol\":\"tcp\",\"internal_port\":22,"
                        + "\"external_port\":2222,\"description\":\"ssh\",\"internal_ip_address\":\"10.0.0.39\"}}",
                "{\"port_forwarding\":{\"internal_port_id\":\"" + DB_PORT + "\",\"protocol\":\"udp\",\"internal_port_range\":"
                        + "\"5000:5010\",\"external_port_range\":\"6000:6010\",\"internal_ip_address\":\"10.0.0.39\"}}");
        assertThat(range).containsEntry("summary", "udp 203.0.113.130:6000:6010 -> 10.0.0.39:5000:5010");
    }

    @Test
    void a_colliding_external_port_is_neutrons_error_in_words() {
        reach("POST", PFS, 400, "pf-create-409.json");

        assertThat(tools.error("port_forwarding_create", Map.of("floating_ip", FIP, "port", DB_PORT,
                "protocol", "tcp", "external_port", "2222", "internal_port", "23")))
                .contains("port collision with the external_port_range");
    }

    @Test
    void update_sends_only_the_given_fields() {
        reach("PUT", PFS + "/" + PF, 200, "pf-update.json");

        Map<String, Object> pf = tools.ok("port_forwarding_update", Map.of("floating_ip", FIP, "port_forwarding", PF,
                "external_port", "2200", "description", "ssh, moved"));

        assertThat(last("PUT", PFS + "/" + PF).body())
                .isEqualTo("{\"port_forwarding\":{\"external_port\":2200,\"description\":\"ssh, moved\"}}");
        assertThat(pf).containsEntry("external_port", "2200");
        assertThat(tools.error("port_forwarding_update", Map.of("floating_ip", FIP, "port_forwarding", PF)))
                .contains("Nothing to change");
    }

    @Test
    @SuppressWarnings("unchecked")
    void delete_previews_what_stops_being_reachable() {
        answer("DELETE", PFS + "/" + PF, 204);

        Map<String, Object> preview = preview("port_forwarding_delete", Map.of("floating_ip", FIP_ADDRESS,
                "port_forwarding", PF));
        assertThat((List<Map<String, Object>>) preview.get("resources")).extracting(r -> r.get("name"))
                .containsExactly("tcp 203.0.113.130:2200 -> 10.0.0.39:22");
        assertThat(preview.get("warnings").toString()).contains("203.0.113.130:2200/tcp stop reaching 10.0.0.39");

        Map<String, Object> done = tools.confirmed("port_forwarding_delete", Map.of("floating_ip", FIP,
                "port_forwarding", PF));
        assertThat(done).containsEntry("id", PF);
        assertThat(fake.count("DELETE", PFS + "/" + PF)).isEqualTo(1);
    }
}
