package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * server_backup (rotation) and server_evacuate against testbed/record/capacity.sh: three daily backups with rotation
 * 2 (the third deleted the first), and a server of compute2 evacuated while that host's nova-compute was forced down.
 */
class ServerRecoveryToolsTest extends ServerToolTestBase {

    private static final String SERVER = "5f4f9530-3f47-434b-b41d-55564c6c6bde";
    private static final String EVAC = "6eb97cca-03ef-4402-9535-a0fb6ee1949a";
    private static final String IMAGES = "/image/v2/images";

    private static String cap(String file) {
        return "capacity/" + file;
    }

    @Test
    @SuppressWarnings("unchecked")
    void backup_previews_the_backups_the_rotation_deletes_then_reports_them_gone() {
        String action = NOVA + "/servers/" + SERVER + "/action";
        fake.on("GET", NOVA + "/servers/" + SERVER, 200, cap("server-active.json"))
                .on("GET", IMAGES, r -> Reply.json(200, fake.recorded(cap(fake.count("POST", action) == 0
                        ? "backups-after-2.json" : "backups-after-3.json"))))
                .on("POST", action, 202, cap("backup-response-3.json"));
        Map<String, Object> args = Map.of("server", SERVER, "name", "capacity-rec-13552-daily-3",
                "backup_type", "daily", "rotation", 2);

        Map<String, Object> preview = (Map<String, Object>) tools.ok("server_backup", args).get("preview");

        assertThat((List<Map<String, Object>>) preview.get("resources"))
                .extracting(r -> r.get("type") + " " + r.get("name"))
                .containsExactly("server capacity-rec-13552", "image capacity-rec-13552-daily-1");
        assertThat((String) preview.get("summary")).contains("1 of the 2 existing are deleted");
        assertThat(query(fake.requests("GET", IMAGES).get(0))).contains("instance_uuid=" + SERVER,
                "backup_type=daily", "sort_key=created_at", "sort_dir=desc");
        assertThat(posts(action)).isEmpty();

        Map<String, Object> done = tools.confirmed("server_backup", args);

        assertThat(posts(action)).singleElement().satisfies(r -> {
            assertSameJson(r.body(), "{\"createBackup\": {\"name\": \"capacity-rec-13552-daily-3\","
                    + " \"backup_type\": \"daily\", \"rotation\": 2}}");
            assertThat(microversion(r)).isEqualTo("2.45");
        });
        assertThat((Map<String, Object>) done.get("image")).containsEntry("id", "0da8549a-2448-47a9-a3bf-299454395071");
        assertThat((List<Map<String, Object>>) done.get("deleted")).extracting(r -> r.get("name"))
                .containsExactly("capacity-rec-13552-daily-1");
        assertThat(done).containsEntry("reached_target", true);
    }

    @Test
    void backup_bounds_rotation_and_passes_novas_refusals_on() {
        fake.on("GET", NOVA + "/servers/" + SERVER, 200, cap("server-active.json"))
                .on("GET", IMAGES, 200, cap("backups-after-1.json"))
                .on("POST", NOVA + "/servers/" + SERVER + "/action", 400, cap("backup-bad-rotation-400.json"));

        assertThat(tools.error("server_backup", Map.of("server", SERVER, "name", "x", "backup_type", "daily",
                "rotation", 0))).contains("rotation");
        assertThat(tools.error("server_backup", Map.of("server", SERVER, "name", "x", "backup_type", "daily",
                "rotation", 1, "confirm", "nope"))).containsIgnoringCase("token");
    }

    @Test
    @SuppressWarnings("unchecked")
    void evacuate_is_refused_while_the_hosts_nova_compute_is_up() {
        fake.asAdmin().on("GET", NOVA + "/servers/" + EVAC, 200, cap("server-evac-on-compute2.json"))
                .on("GET", NOVA + "/os-services", 200, cap("services-compute2-up.json"));

        assertThat(tools.error("server_evacuate", Map.of("server", EVAC))).contains("compute2")
                .contains("is up: evacuation is only for a host that is down").contains("server_live_migrate");
        assertThat(query(fake.requests("GET", NOVA + "/os-services").get(0)))
                .containsExactlyInAnyOrder("binary=nova-compute", "host=compute2");
        assertThat(posts(NOVA + "/servers/" + EVAC + "/action")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void evacuate_previews_the_down_host_then_waits_until_the_server_runs_elsewhere() {
        String action = NOVA + "/servers/" + EVAC + "/action";
        fake.asAdmin().on("GET", NOVA + "/servers/" + EVAC, r -> Reply.json(200, fake.recorded(cap(
                        fake.count("POST", action) == 0 ? "server-evac-on-compute2.json" : "server-evac-evacuated.json"))))
                .on("GET", NOVA + "/os-services", 200, cap("services-compute2-forced-down.json"))
                .on("POST", action, accepted());

        Map<String, Object> preview = (Map<String, Object>) tools.ok("server_evacuate", Map.of("server", EVAC))
                .get("preview");

        assertThat((String) preview.get("summary")).contains("from host 'compute2', whose nova-compute is forced down");
        assertThat((List<Map<String, Object>>) preview.get("resources")).extracting(r -> r.get("type"))
                .containsExactly("server", "compute_host");
        assertThat((List<String>) preview.get("warnings")).anySatisfy(w -> assertThat(w).contains("lost"));

        Map<String, Object> moved = tools.confirmed("server_evacuate", Map.of("server", EVAC));

        assertThat(posts(action)).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo("{\"evacuate\":{}}");
            assertThat(microversion(r)).isEqualTo("2.68");
        });
        assertThat(moved).containsEntry("status", "ACTIVE").containsEntry("reached_target", true)
                .containsEntry("host_before", "compute2").containsEntry("host_after", "compute1");
        assertThat((String) moved.get("message")).contains("rebuilt on host compute1");
    }
}
