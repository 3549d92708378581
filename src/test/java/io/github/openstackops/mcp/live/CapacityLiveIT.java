package io.github.openstackops.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
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

import static io.github.openstackops.mcp.live.LiveCloud.openstackAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Capacity as the scheduler sees it, checked against the openstack CLI (python3-osc-placement): the resource
 * providers, compute1's inventory and usage before and after a server is booted on it, and the room for a flavor,
 * which shrinks by exactly that server; a private flavor too big for any host fits nowhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CapacityLiveIT {

    private final String name = "capacity-" + LiveCloud.RUN;
    private final String huge = name + "-huge";
    private LiveTools demo;
    private LiveTools admin;
    private String compute1;

    @BeforeAll
    void start() {
        demo = LiveTools.demo();
        admin = LiveTools.admin();
        compute1 = openstackAdmin("resource", "provider", "list", "--name", "compute1", "-f", "value", "-c", "uuid");
    }

    @AfterAll
    void cleanUp() {
        try {
            LiveCloud.openstackAdminStatus("server", "delete", "--wait", name);
            LiveCloud.openstackAdminStatus("flavor", "delete", huge);
        } finally {
            LiveTools.close(demo, admin);
        }
    }

    /** compute1's usage per class, as the CLI reports it. */
    private Map<String, Long> cliUsage() {
        Map<String, Long> usage = new HashMap<>();
        LiveCloud.json(openstackAdmin("resource", "provider", "usage", "show", compute1, "-f", "json"))
                .forEach(u -> usage.put(u.get("resource_class").asText(), u.get("usage").asLong()));
        return usage;
    }

    /** compute1's m1.tiny room from the CLI's inventory and usage: min over classes of free / requested. */
    private long cliRoomForTiny() {
        Map<String, Long> request = Map.of("VCPU", 1L, "MEMORY_MB", 512L, "DISK_GB", 1L);
        long room = Long.MAX_VALUE;
        for (JsonNode i : LiveCloud.json(openstackAdmin("resource", "provider", "inventory", "list", compute1,
                "-f", "json"))) {
            String rc = i.get("resource_class").asText();
            long capacity = (long) ((i.get("total").asLong() - i.get("reserved").asLong())
                    * i.get("allocation_ratio").asDouble());
            room = Math.min(room, (capacity - i.get("used").asLong()) / request.get(rc));
        }
        return room;
    }

    @SuppressWarnings("unchecked")
    private long toolRoom(Map<String, Object> capacity, String host) {
        return ((List<Map<String, Object>>) capacity.get("fits")).stream()
                .filter(h -> host.equals(((Map<String, Object>) h.get("provider")).get("name")))
                .mapToLong(h -> ((Number) h.get("more_servers")).longValue()).findFirst().orElse(-1);
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void the_providers_are_the_ones_placement_lists_and_demo_is_refused() {
        Map<String, Object> list = admin.ok("resource_provider_list", Map.of());

        assertThat(((List<Map<String, Object>>) list.get("resource_providers")).stream().map(p -> p.get("name")))
                .containsExactlyInAnyOrderElementsOf(LiveCloud.lines(openstackAdmin("resource", "provider", "list",
                        "-f", "value", "-c", "name")));
        assertThat((List<Map<String, Object>>) admin.ok("resource_provider_list", Map.of("name", "compute2"))
                .get("resource_providers")).singleElement().satisfies(p -> assertThat(p).containsEntry("name", "compute2"));
        assertThat((List<?>) admin.ok("resource_provider_list", Map.of("resources", "MEMORY_MB:100000000"))
                .get("resource_providers")).isEmpty();
        assertThat(demo.error("resource_provider_list", Map.of())).contains("HTTP 403");
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void a_server_booted_on_compute1_shows_in_its_usage_and_takes_one_place_of_the_flavor() {
        Map<String, Object> roomBefore = admin.ok("flavor_capacity", Map.of("flavor", "m1.tiny"));
        long before = toolRoom(roomBefore, "compute1");
        assertThat(before).isEqualTo(cliRoomForTiny());
        Map<String, Long> usageBefore = cliUsage();

        openstackAdmin("--os-compute-api-version", "2.37", "server", "create", "--flavor", "m1.tiny", "--image",
                "cirros-fake", "--nic", "none",
                "--availability-zone", "nova:compute1", "--wait", name);

        Map<String, Object> provider = admin.ok("resource_provider_get", Map.of("provider", "compute1"));
        Map<String, Long> used = new HashMap<>();
        ((List<Map<String, Object>>) provider.get("inventories")).forEach(i -> used.put((String) i.get("resource_class"),
                ((Number) i.get("used")).longValue()));
        assertThat(used).isEqualTo(cliUsage());
        assertThat(used.get("MEMORY_MB")).isEqualTo(usageBefore.get("MEMORY_MB") + 512);
        assertThat(used.get("VCPU")).isEqualTo(usageBefore.get("VCPU") + 1);
        assertThat(provider).containsEntry("uuid", compute1);
        assertThat((List<String>) provider.get("traits")).contains("COMPUTE_NODE");

        Map<String, Object> roomAfter = admin.ok("flavor_capacity", Map.of("flavor", "m1.tiny"));
        assertThat(toolRoom(roomAfter, "compute1")).isEqualTo(cliRoomForTiny()).isLessThan(before);
        assertThat(roomAfter).containsEntry("no_room", List.of());
    }

    @Test
    @Order(3)
    @SuppressWarnings("unchecked")
    void a_flavor_bigger_than_any_host_fits_nowhere() {
        openstackAdmin("flavor", "create", "--ram", "100000000", "--vcpus", "1", "--disk", "1", "--private", huge);

        Map<String, Object> capacity = admin.ok("flavor_capacity", Map.of("flavor", huge));

        assertThat(capacity).containsEntry("providers_with_room", 0).containsEntry("total_more_servers", 0);
        assertThat((List<String>) capacity.get("no_room")).containsExactlyInAnyOrder("compute1", "compute2");
        assertThat((String) capacity.get("message")).contains("fits on none");
    }
}
