package io.github.openstackops.mcp.live;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.live.LiveCloud.openstack;
import static io.github.openstackops.mcp.live.LiveCloud.openstackAdmin;
import static io.github.openstackops.mcp.live.LiveCloud.openstackAdminStatus;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backups with rotation and evacuation, done by the tools and checked with the openstack CLI. The evacuation forces
 * compute2's nova-compute down for a few seconds (the testbed is shared: only compute2, and it is forced up again in
 * finally, after the evacuated server is deleted, since Nova refuses to force a host up while a finished evacuation
 * of a live server still points at it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComputeReachMoreLiveIT {

    private final String name = "capacity-" + LiveCloud.RUN + "-bak";
    private final String evac = "capacity-" + LiveCloud.RUN + "-evac";
    private LiveTools demo;
    private LiveTools admin;
    private String id;

    @BeforeAll
    void start() {
        demo = LiveTools.demo();
        admin = LiveTools.admin();
    }

    @AfterAll
    void cleanUp() {
        try {
            if (id != null) {
                for (String image : backups()) {
                    LiveCloud.openstackStatus("image", "delete", image);
                }
            }
            LiveCloud.deleteServerQuietly(id != null ? id : name);
            openstackAdminStatus("server", "delete", "--wait", evac);
        } finally {
            LiveTools.close(demo, admin);
        }
    }

    /** The server's daily backups, as Glance lists them. */
    private List<String> backups() {
        return List.copyOf(LiveCloud.lines(openstack("image", "list", "--property", "instance_uuid=" + id,
                "--property", "backup_type=daily", "-f", "value", "-c", "Name")));
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void backup_with_rotation_keeps_the_newest_and_the_preview_names_what_goes() {
        id = LiveCloud.createServer(name);
        Map<String, Object> first = Map.of("server", id, "name", name + "-1", "backup_type", "daily", "rotation", 1);
        Map<String, Object> preview = (Map<String, Object>) demo.ok("server_backup", first).get("preview");
        assertThat((List<Map<String, Object>>) preview.get("resources")).extracting(r -> r.get("type"))
                .containsExactly("server");
        assertThat(demo.confirmed("server_backup", first)).containsEntry("image_status", "active");
        assertThat(backups()).containsExactly(name + "-1");

        Map<String, Object> second = Map.of("server", id, "name", name + "-2", "backup_type", "daily", "rotation", 1);
        preview = (Map<String, Object>) demo.ok("server_backup", second).get("preview");
        assertThat((List<Map<String, Object>>) preview.get("resources")).extracting(r -> r.get("type") + " " + r.get("name"))
                .containsExactly("server " + name, "image " + name + "-1");

        Map<String, Object> done = demo.confirmed("server_backup", second);

        assertThat((List<Map<String, Object>>) done.get("deleted")).extracting(r -> r.get("name"))
                .containsExactly(name + "-1");
        assertThat(backups()).containsExactly(name + "-2");
        assertThat(openstack("image", "show", name + "-2", "-f", "value", "-c", "status")).isEqualTo("active");
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void evacuate_is_refused_while_the_host_is_up_and_rebuilds_the_server_elsewhere_once_it_is_down() {
        String server = openstackAdmin("--os-compute-api-version", "2.37", "server", "create", "--flavor", "m1.tiny",
                "--image", "cirros-fake", "--nic",
                "none", "--availability-zone", "nova:compute2", "--wait", "-f", "value", "-c", "id", evac);
        assertThat(host(server)).isEqualTo("compute2");
        assertThat(admin.error("server_evacuate", Map.of("server", server))).contains("is up");
        assertThat(demo.error("server_evacuate", Map.of("server", server))).isNotBlank();

        openstackAdmin("--os-compute-api-version", "2.11", "compute", "service", "set", "--down", "compute2",
                "nova-compute");
        try {
            Map<String, Object> preview = (Map<String, Object>) admin.ok("server_evacuate", Map.of("server", server))
                    .get("preview");
            assertThat((String) preview.get("summary")).contains("compute2").contains("forced down");

            Map<String, Object> moved = admin.confirmed("server_evacuate", Map.of("server", server));

            assertThat(moved).containsEntry("reached_target", true).containsEntry("host_before", "compute2")
                    .containsEntry("host_after", "compute1");
            // one CLI call in the window: every call here keeps compute2 down longer for the other users
            assertThat(openstackAdmin("server", "show", server, "-f", "value", "-c", "OS-EXT-SRV-ATTR:host", "-c",
                    "status")).isEqualTo("compute1\nACTIVE");
        } finally {
            openstackAdminStatus("server", "delete", "--wait", server);
            openstackAdmin("--os-compute-api-version", "2.11", "compute", "service", "set", "--up", "compute2",
                    "nova-compute");
        }
        assertThat(openstackAdmin("--os-compute-api-version", "2.11", "compute", "service", "list", "--host",
                "compute2", "--service", "nova-compute", "-f", "value", "-c", "State")).isEqualTo("up");
    }

    private static String host(String server) {
        return openstackAdmin("server", "show", server, "-f", "value", "-c", "OS-EXT-SRV-ATTR:host");
    }
}
