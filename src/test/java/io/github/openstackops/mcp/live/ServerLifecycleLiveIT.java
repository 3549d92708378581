package io.github.openstackops.mcp.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.live.LiveCloud.openstack;
import static io.github.openstackops.mcp.live.LiveCloud.openstackAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One throw-away server through its life, every step done by a tool and checked with the openstack CLI: created by
 * server_create, paused, suspended, locked, rescued, resized (revert and confirm), shelved, offloaded (as admin),
 * unshelved, snapshotted, rebuilt, live- and cold-migrated between the testbed's two compute hosts (as admin), and
 * deleted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerLifecycleLiveIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String name = "ops-live-life-" + LiveCloud.RUN;
    private final String image = name + "-snap";
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
            LiveCloud.openstackStatus("image", "delete", image);
            LiveCloud.deleteServerQuietly(id != null ? id : name);
        } finally {
            LiveTools.close(demo, admin);
        }
    }

    /** The server as the CLI sees it, at the microversion that shows the lock. */
    private Map<String, Object> show() {
        return json(openstack("--os-compute-api-version", "2.73", "server", "show", id, "-f", "json"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String text) {
        try {
            return JSON.readValue(text, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @Order(1)
    void server_create_boots_a_server_that_the_cloud_reports_active() {
        Map<String, Object> created = demo.ok("server_create", Map.of("name", name, "flavor", "m1.tiny",
                "image", "cirros-fake", "networks", List.of("private"), "metadata", Map.of("purpose", "live-test"),
                "user_data", "#!/bin/sh\necho hello\n"));

        id = (String) created.get("id");
        assertThat(created).containsEntry("status", "ACTIVE").containsEntry("reached_target", true)
                .containsEntry("flavor", "m1.tiny");
        assertThat(created.toString()).doesNotContainIgnoringCase("adminpass");
        Map<String, Object> cli = show();
        assertThat(cli).containsEntry("status", "ACTIVE").containsEntry("name", name)
                .containsEntry("properties", Map.of("purpose", "live-test"));
    }

    @Test
    @Order(2)
    void pause_suspend_and_their_reversals_move_the_server_through_the_states_nova_reports() {
        assertThat(demo.ok("server_pause", Map.of("server", id))).containsEntry("status", "PAUSED");
        assertThat(LiveCloud.serverStatus(id)).isEqualTo("PAUSED");
        assertThat(demo.ok("server_unpause", Map.of("server", id))).containsEntry("status", "ACTIVE");
        assertThat(demo.ok("server_suspend", Map.of("server", name))).containsEntry("status", "SUSPENDED");
        assertThat(LiveCloud.serverStatus(id)).isEqualTo("SUSPENDED");
        assertThat(demo.ok("server_resume", Map.of("server", id))).containsEntry("status", "ACTIVE");
    }

    @Test
    @Order(3)
    void a_locked_server_shows_its_reason_and_unlocks_again() {
        assertThat(demo.ok("server_lock", Map.of("server", id, "reason", "live test"))).containsEntry("reached_target", true);
        assertThat(show()).containsEntry("locked", true).containsEntry("locked_reason", "live test");
        assertThat(demo.ok("server_get", Map.of("server", id))).containsEntry("locked", true);
        assertThat(demo.ok("server_unlock", Map.of("server", id))).containsEntry("reached_target", true);
        assertThat(show()).containsEntry("locked", false);
    }

    @Test
    @Order(4)
    void rescue_and_unrescue() {
        assertThat(demo.ok("server_rescue", Map.of("server", id))).containsEntry("status", "RESCUE");
        assertThat(LiveCloud.serverStatus(id)).isEqualTo("RESCUE");
        assertThat(demo.ok("server_unrescue", Map.of("server", id))).containsEntry("status", "ACTIVE");
    }

    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void resize_waits_for_verify_resize_then_revert_and_confirm_end_with_the_right_flavor() {
        assertThat(demo.ok("server_resize", Map.of("server", id, "flavor", "m1.small")))
                .containsEntry("status", "VERIFY_RESIZE").containsEntry("flavor_after", "m1.small");
        // the revert is only accepted from VERIFY_RESIZE, and must end on the old flavor
        assertThat(demo.ok("server_resize_revert", Map.of("server", id))).containsEntry("status", "ACTIVE")
                .containsEntry("flavor_after", "m1.tiny");
        assertThat(((Map<String, Object>) show().get("flavor")).get("original_name")).isEqualTo("m1.tiny");

        demo.ok("server_resize", Map.of("server", id, "flavor", "m1.small"));
        assertThat(demo.ok("server_resize_confirm", Map.of("server", id))).containsEntry("status", "ACTIVE")
                .containsEntry("flavor_after", "m1.small");
        Map<String, Object> cli = show();
        assertThat(cli).containsEntry("status", "ACTIVE");
        assertThat(((Map<String, Object>) cli.get("flavor")).get("original_name")).isEqualTo("m1.small");
    }

    @Test
    @Order(6)
    void shelve_keeps_it_on_its_host_until_an_admin_offloads_it_and_unshelve_boots_it_again() {
        String host = hostOf();
        // the testbed keeps shelved servers on their host (shelved_offload_time = -1)
        assertThat(demo.ok("server_shelve", Map.of("server", id))).containsEntry("status", "SHELVED");
        assertThat(LiveCloud.serverStatus(id)).isEqualTo("SHELVED");
        assertThat(hostOf()).isEqualTo(host);
        assertThat(demo.error("server_shelve_offload", Map.of("server", id))).contains("HTTP 403");

        assertThat(admin.ok("server_shelve_offload", Map.of("server", id))).containsEntry("status", "SHELVED_OFFLOADED")
                .containsEntry("previous_status", "SHELVED");
        assertThat(LiveCloud.serverStatus(id)).isEqualTo("SHELVED_OFFLOADED");
        assertThat(hostOf()).isIn("", "None");
        assertThat(demo.ok("server_unshelve", Map.of("server", id))).containsEntry("status", "ACTIVE");
        assertThat(LiveCloud.serverStatus(id)).isEqualTo("ACTIVE");
    }

    @Test
    @Order(7)
    void image_create_makes_an_active_image() {
        Map<String, Object> snap = demo.ok("server_image_create", Map.of("server", id, "name", image));

        assertThat(snap).containsEntry("image_status", "active").containsEntry("reached_target", true);
        assertThat(json(openstack("image", "show", (String) snap.get("image_id"), "-f", "json", "-c", "status",
                "-c", "name"))).containsEntry("status", "active").containsEntry("name", image);
    }

    @Test
    @Order(8)
    @SuppressWarnings("unchecked")
    void rebuild_previews_then_rebuilds_with_the_token() {
        Map<String, Object> preview = demo.ok("server_rebuild", Map.of("server", id, "image", "cirros-fake"));
        assertThat((String) ((Map<String, Object>) preview.get("preview")).get("summary")).contains(name)
                .contains("cirros-fake");

        Map<String, Object> rebuilt = demo.confirmed("server_rebuild", Map.of("server", id, "image", "cirros-fake"));

        assertThat(rebuilt).containsEntry("status", "ACTIVE").containsEntry("reached_target", true);
        assertThat(openstack("server", "event", "list", id, "-f", "value", "-c", "Action")).contains("rebuild");
    }

    @Test
    @Order(9)
    void an_admin_live_migrates_and_cold_migrates_it_to_the_other_compute_host() {
        String host = hostOf();
        Map<String, Object> live = admin.ok("server_live_migrate", Map.of("server", id));
        assertThat(live).containsEntry("reached_target", true).containsEntry("host_before", host);
        String afterLive = hostOf();
        assertThat(afterLive).isNotEqualTo(host).isEqualTo(live.get("host_after"));

        Map<String, Object> cold = admin.ok("server_migrate", Map.of("server", id));
        assertThat(cold).containsEntry("status", "VERIFY_RESIZE").containsEntry("host_before", afterLive);
        assertThat(admin.ok("server_resize_confirm", Map.of("server", id))).containsEntry("status", "ACTIVE");
        assertThat(hostOf()).isEqualTo(host).isEqualTo(cold.get("host_after"));
    }

    @Test
    @Order(10)
    void migration_as_the_demo_user_is_refused_as_admin_only() {
        assertThat(demo.error("server_live_migrate", Map.of("server", id))).contains("HTTP 403").contains("admin");
    }

    @Test
    @Order(11)
    @SuppressWarnings("unchecked")
    void the_action_list_tells_the_servers_history_as_nova_does() {
        Map<String, Object> page = demo.ok("server_action_list", Map.of("server", id, "limit", 5, "with_events", true));
        List<String> cli = List.of(openstack("server", "event", "list", id, "-f", "value", "-c", "Action").split("\n"));

        List<Map<String, Object>> actions = (List<Map<String, Object>>) page.get("actions");
        assertThat(actions).extracting(a -> a.get("action")).containsExactlyElementsOf(cli.subList(0, 5));
        assertThat(actions.get(0)).containsEntry("action", "confirmResize");
        assertThat((List<Map<String, Object>>) actions.get(1).get("events"))
                .anySatisfy(e -> assertThat(e).containsEntry("result", "Success"));
        assertThat(page).containsKey("next_marker");
    }

    @Test
    @Order(12)
    void server_delete_removes_it() {
        Map<String, Object> deleted = demo.confirmed("server_delete", Map.of("server", id));

        assertThat(deleted).containsEntry("gone", true);
        assertThat(LiveCloud.openstackStatus("server", "show", id)).isNotZero();
    }

    private String hostOf() {
        return openstackAdmin("server", "show", id, "-f", "value", "-c", "OS-EXT-SRV-ATTR:host");
    }
}
