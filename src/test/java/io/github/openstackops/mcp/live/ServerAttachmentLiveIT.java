package io.github.openstackops.mcp.live;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.live.LiveCloud.openstack;
import static io.github.openstackops.mcp.live.ServerLifecycleLiveIT.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What hangs on a server, changed by the tools and checked with the openstack CLI: a volume, a second interface, a
 * security group, metadata; and the sensitive reads (console log and URL), on a throw-away server and volume.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerAttachmentLiveIT {

    private final String name = "ops-live-attach-" + LiveCloud.RUN;
    private final String volume = name + "-vol";
    private LiveTools demo;
    private String id;

    @BeforeAll
    void start() throws InterruptedException {
        demo = LiveTools.demo();
        // the volume gets ready while the server boots (server_create itself is proven by ServerLifecycleLiveIT)
        openstack("volume", "create", "--size", "1", volume, "-f", "value", "-c", "id");
        id = (String) demo.ok("server_create", Map.of("name", name, "flavor", "m1.tiny", "image", "cirros-fake",
                "networks", List.of("private"))).get("id");
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!openstack("volume", "show", volume, "-f", "value", "-c", "status").equals("available")
                && System.nanoTime() < end) {
            Thread.sleep(1000);
        }
    }

    @AfterAll
    void cleanUp() throws InterruptedException {
        try {
            LiveCloud.deleteServerQuietly(name);
            for (int i = 0; i < 20 && LiveCloud.openstackStatus("volume", "delete", volume) != 0
                    && LiveCloud.openstackStatus("volume", "show", volume) == 0; i++) {
                Thread.sleep(2000);
            }
        } finally {
            demo.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_volume_is_attached_listed_and_detached_and_cinder_agrees() {
        Map<String, Object> attached = demo.ok("server_volume_attach", Map.of("server", name, "volume", volume));
        assertThat(attached).containsEntry("volume_status", "in-use").containsEntry("reached_target", true);
        Map<String, Object> cli = json(openstack("volume", "show", volume, "-f", "json", "-c", "status",
                "-c", "attachments"));
        assertThat(cli).containsEntry("status", "in-use");
        assertThat((List<Map<String, Object>>) cli.get("attachments")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("server_id", id).containsEntry("device",
                        attached.get("device")));

        Map<String, Object> listed = demo.ok("server_volume_list", Map.of("server", id));
        assertThat((List<Map<String, Object>>) listed.get("volumes")).extracting(v -> v.get("name") + " " + v.get("device"))
                .containsExactly(volume + " " + attached.get("device"));

        assertThat(demo.ok("server_volume_detach", Map.of("server", id, "volume", volume)))
                .containsEntry("volume_status", "available").containsEntry("reached_target", true);
        assertThat(openstack("volume", "show", volume, "-f", "value", "-c", "status")).isEqualTo("available");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_second_interface_is_attached_listed_and_detached_and_neutron_agrees() {
        Map<String, Object> attached = demo.ok("server_interface_attach", Map.of("server", id, "network", "private"));
        String port = (String) attached.get("port_id");
        assertThat(openstack("port", "list", "--server", id, "-f", "value", "-c", "ID").split("\n"))
                .hasSize(2).contains(port);

        Map<String, Object> listed = demo.ok("server_interface_list", Map.of("server", id));
        assertThat((List<Map<String, Object>>) listed.get("interfaces")).hasSize(2)
                .allSatisfy(i -> assertThat(i).containsEntry("network_name", "private"))
                .anySatisfy(i -> assertThat(i).containsEntry("port_id", port)
                        .containsEntry("fixed_ips", attached.get("fixed_ips")));

        assertThat(demo.confirmed("server_interface_detach", Map.of("server", id, "port", port)))
                .containsEntry("reached_target", true);
        assertThat(openstack("port", "list", "--server", id, "-f", "value", "-c", "ID").split("\n"))
                .hasSize(1).doesNotContain(port);
    }

    @Test
    @SuppressWarnings("unchecked")
    void security_groups_and_metadata_change_as_the_cli_sees_them() {
        assertThat(demo.ok("server_security_group_add", Map.of("server", id, "group", "web")))
                .containsEntry("changed", true).containsEntry("security_groups", List.of("default", "web"));
        assertThat(demo.ok("server_metadata_set", Map.of("server", id, "metadata", Map.of("owner", "ops", "tier", "1"))))
                .containsEntry("metadata", Map.of("owner", "ops", "tier", "1"));
        Map<String, Object> cli = json(openstack("server", "show", id, "-f", "json", "-c", "security_groups",
                "-c", "properties"));
        assertThat((List<Map<String, Object>>) cli.get("security_groups")).extracting(g -> g.get("name"))
                .containsExactlyInAnyOrder("default", "web");
        assertThat(cli).containsEntry("properties", Map.of("owner", "ops", "tier", "1"));

        assertThat(demo.ok("server_security_group_remove", Map.of("server", id, "group", "web")))
                .containsEntry("security_groups", List.of("default"));
        assertThat(demo.ok("server_metadata_set", Map.of("server", id, "delete_keys", List.of("tier"))))
                .containsEntry("deleted_keys", List.of("tier"));
        cli = json(openstack("server", "show", id, "-f", "json", "-c", "security_groups", "-c", "properties"));
        assertThat((List<Map<String, Object>>) cli.get("security_groups")).extracting(g -> g.get("name"))
                .containsExactly("default");
        assertThat(cli).containsEntry("properties", Map.of("owner", "ops"));
    }

    @Test
    void the_console_log_and_a_novnc_url_come_from_nova() {
        Map<String, Object> log = demo.ok("server_console_log", Map.of("server", id, "lines", 3));
        assertThat(((String) log.get("output")).strip())
                .isEqualTo(openstack("console", "log", "show", "--lines", "3", id));
        assertThat(log).containsEntry("lines", 3);

        Map<String, Object> console = demo.ok("server_console_url", Map.of("server", id));
        String prefix = "http://127.0.0.1:6080/vnc_auto.html?path=";
        assertThat((String) console.get("url")).startsWith(prefix);
        assertThat(openstack("console", "url", "show", id, "-f", "value", "-c", "url")).startsWith(prefix);
        assertThat(demo.error("server_console_url", Map.of("server", id, "type", "spice_html5")))
                .contains("Unavailable console type spice-html5");
    }
}
