package io.github.openstackops.mcp.network;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** trunk_list and trunk_get against the trunk recorded by testbed/record/network-reach.sh. */
class TrunkToolsTest extends NetworkReachTestBase {

    private static final String PARENT = "f12756ab-9715-4217-8a29-bb861c52e5fa";

    @Test
    void list_filters_by_parent_port_name_and_counts_subports() {
        Map<String, Object> page = tools.ok("trunk_list", Map.of("port", "net-rec-20741-parent", "status", "DOWN"));

        assertThat(queries("GET", N + "/trunks").get(0)).contains("port_id=" + PARENT, "status=DOWN", "limit=51");
        assertThat(list(page, "trunks")).singleElement().satisfies(t -> assertThat(t)
                .containsEntry("id", TRUNK).containsEntry("subports", 1)
                .containsEntry("parent_port", Map.of("id", PARENT, "name", "net-rec-20741-parent")));
    }

    @Test
    void get_by_name_names_the_subports_and_their_vlan() {
        Map<String, Object> trunk = tools.ok("trunk_get", Map.of("trunk", "net-rec-20741-trunk"));

        assertThat(list(trunk, "subports")).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("segmentation_type", "vlan").containsEntry("segmentation_id", 100)
                .containsEntry("port", Map.of("id", "f63cec9a-fdaf-4410-a621-76135ee79f43", "name", "net-rec-20741-sub")));
        assertThat(trunk).containsEntry("status", "DOWN").containsEntry("tags", List.of());
        assertThat(tools.error("trunk_get", Map.of("trunk", "nope"))).contains("Trunk 'nope' was not found");
    }
}
