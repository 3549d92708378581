package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * security_group_update, floating_ip_update (description, QoS policy) and the floating_ip_delete preview of its port
 * forwardings against testbed/record/network-reach.sh.
 */
class NetworkUpdateToolsTest extends NetworkReachTestBase {

    @Test
    void security_group_update_renames_and_describes() {
        reach("GET", N + "/security-groups/" + SG, 200, "security-group-update.json");
        reach("PUT", N + "/security-groups/" + SG, 200, "security-group-update.json");

        Map<String, Object> group = tools.ok("security_group_update", Map.of("security_group", SG,
                "name", "net-rec-20741-sg2", "description", "renamed"));

        assertThat(last("PUT", N + "/security-groups/" + SG).body()).isEqualTo(
                "{\"security_group\":{\"name\":\"net-rec-20741-sg2\",\"description\":\"renamed\"}}");
        assertThat(group).containsEntry("name", "net-rec-20741-sg2");
        assertThat(tools.error("security_group_update", Map.of("security_group", SG))).contains("Nothing to change");
    }

    @Test
    void floating_ip_update_sets_the_description() {
        reach("PUT", N + "/floatingips/" + FIP, 200, "floatingip-update.json");

        Map<String, Object> fip = tools.ok("floating_ip_update", Map.of("floating_ip", FIP_ADDRESS,
                "description", "net-rec-20741 updated"));

        assertThat(last("PUT", N + "/floatingips/" + FIP).body())
                .isEqualTo("{\"floatingip\":{\"description\":\"net-rec-20741 updated\"}}");
        assertThat(fip).containsEntry("description", "net-rec-20741 updated")
                .containsEntry("floating_ip_address", FIP_ADDRESS);
    }

    @Test
    @SuppressWarnings("unchecked")
    void floating_ip_update_applies_a_qos_policy_and_takes_it_off_again() {
        String fip = "b3cde460-8116-4a8b-abc9-c758fb5fa502";
        String policy = "63c6fbdd-912b-4cb2-8258-9f50da26e066";
        reach("GET", N + "/floatingips/" + fip, 200, "floatingip-update-qos-cleared.json");
        reach("GET", N + "/qos/policies/" + policy, 200, "qos-policy-fip.json");
        AtomicInteger puts = new AtomicInteger();
        fake.on("PUT", N + "/floatingips/" + fip, r -> Reply.json(200, fake.recorded(R + (puts.getAndIncrement() == 0
                ? "floatingip-update-qos.json" : "floatingip-update-qos-cleared.json"))));

        Map<String, Object> applied = tools.ok("floating_ip_update", Map.of("floating_ip", fip, "qos_policy", policy));
        Map<String, Object> cleared = tools.ok("floating_ip_update", Map.of("floating_ip", fip, "qos_policy", ""));

        assertThat(fake.requests("PUT", N + "/floatingips/" + fip)).extracting(r -> r.body()).containsExactly(
                "{\"floatingip\":{\"qos_policy_id\":\"" + policy + "\"}}", "{\"floatingip\":{\"qos_policy_id\":null}}");
        assertThat((Map<String, Object>) applied.get("qos_policy")).containsEntry("id", policy);
        assertThat(cleared).doesNotContainKey("qos_policy");
        assertThat(tools.error("floating_ip_update", Map.of("floating_ip", fip))).contains("description and/or qos_policy");
    }

    @Test
    @SuppressWarnings("unchecked")
    void floating_ip_delete_previews_the_port_forwardings_and_deletes_them_before_the_address() {
        String pfs = N + "/floatingips/" + FIP + "/port_forwardings/";
        fake.on("DELETE", pfs + ".*", r -> new Reply(204, "", Map.of()))
                .on("DELETE", N + "/floatingips/" + FIP, r -> new Reply(204, "", Map.of()));

        Map<String, Object> preview = preview("floating_ip_delete", Map.of("floating_ip", FIP_ADDRESS));

        assertThat((List<Map<String, Object>>) preview.get("resources"))
                .extracting(r -> r.get("type") + " " + r.get("name")).contains(
                        "port_forwarding tcp " + FIP_ADDRESS + ":2200 -> 10.0.0.39:22",
                        "port_forwarding udp " + FIP_ADDRESS + ":6000:6010 -> 10.0.0.39:5000:5010");
        assertThat((List<String>) preview.get("warnings")).anySatisfy(w -> assertThat(w)
                .startsWith("Port forwardings deleted with it (2): tcp " + FIP_ADDRESS + ":2200 -> 10.0.0.39:22; udp"));

        Map<String, Object> done = tools.confirmed("floating_ip_delete", Map.of("floating_ip", FIP_ADDRESS));

        assertThat(fake.requests("DELETE", ".*")).extracting(r -> r.path()).containsExactly(
                pfs + PF, pfs + "ce3e3946-eaf7-4ee4-b337-f9ad0a8f602d", N + "/floatingips/" + FIP);
        assertThat((String) done.get("message")).contains("its 2 port forwardings deleted first");
    }
}
