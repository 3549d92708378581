package io.github.openstackops.mcp.network;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** security_group_update and floating_ip_update against testbed/record/network-reach.sh. */
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
}
