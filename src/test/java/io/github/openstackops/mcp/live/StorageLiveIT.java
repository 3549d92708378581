package io.github.openstackops.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.github.openstackops.mcp.live.LiveCloud.RUN;
import static io.github.openstackops.mcp.live.LiveCloud.json;
import static io.github.openstackops.mcp.live.LiveCloud.openstack;
import static io.github.openstackops.mcp.live.LiveCloud.openstackAdmin;
import static io.github.openstackops.mcp.live.LiveCloud.openstackStatus;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storage tools against the testbed's Cinder (fake backend, cinder-backup with the posix driver), checked with
 * the openstack CLI. Every volume, snapshot, backup, type and server is a throw-away named ops-live-*-RUN; the seed
 * data (web-vol, data-vol, data-vol-snap) is only read.
 */
class StorageLiveIT {

    static LiveTools demo;
    static LiveTools admin;
    static final List<String> volumes = new ArrayList<>();
    static final List<String> snapshots = new ArrayList<>();
    static final List<String> backups = new ArrayList<>();
    static final List<String> servers = new ArrayList<>();
    static final List<String> types = new ArrayList<>();

    @BeforeAll
    static void connect() {
        demo = LiveTools.demo();
        admin = LiveTools.admin();
    }

    @AfterAll
    static void cleanUp() {
        servers.forEach(LiveCloud::deleteServerQuietly);
        backups.forEach(b -> openstackStatus("volume", "backup", "delete", b));
        snapshots.forEach(s -> openstackStatus("volume", "snapshot", "delete", s));
        for (String v : volumes) {
            for (int i = 0; i < 30 && openstackStatus("volume", "delete", v) != 0
                    && openstackStatus("volume", "show", v) == 0; i++) {
                sleep(Duration.ofSeconds(1));
            }
        }
        for (String t : types) {
            for (int i = 0; i < 30; i++) {
                try {
                    openstackAdmin("volume", "type", "delete", t);
                    break;
                } catch (IllegalStateException stillInUseOrGone) {
                    if (stillInUseOrGone.getMessage().contains("No volumetype")) {
                        break;
                    }
                    sleep(Duration.ofSeconds(1));
                }
            }
        }
        LiveTools.close(demo, admin);
    }

    static JsonNode cli(String... args) {
        return json(openstack(args));
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String awaitVolume(String name, String status) {
        String now = "";
        for (int i = 0; i < 60; i++) {
            now = openstack("volume", "show", name, "-f", "value", "-c", "status");
            if (now.equals(status)) {
                break;
            }
            sleep(Duration.ofSeconds(1));
        }
        return now;
    }

    @Test
    @SuppressWarnings("unchecked")
    void reads_page_through_the_projects_volumes_and_name_servers_like_the_cli() {
        // volumes of other live runs (ops-live-*) may come and go while we page; the rest must all be seen
        Set<String> stable = Arrays.stream(openstack("volume", "list", "-f", "value", "-c", "ID", "-c", "Name")
                        .split("\n")).map(String::trim).filter(s -> !s.isEmpty() && !s.contains(" ops-live-"))
                .map(s -> s.split(" ")[0]).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        int pages = 0;
        for (Map<String, Object> page : demo.pages("volume_list", Map.of("limit", 1), 50)) {
            ((List<Map<String, Object>>) page.get("volumes")).forEach(v -> seen.add((String) v.get("id")));
            pages++;
        }
        assertThat(seen).containsAll(stable);
        assertThat(pages).isGreaterThanOrEqualTo(2);

        JsonNode webVol = cli("volume", "show", "web-vol", "-f", "json");
        Map<String, Object> got = demo.ok("volume_get", Map.of("volume", "web-vol"));
        assertThat(got).containsEntry("id", webVol.path("id").asText()).containsEntry("status", "in-use")
                .containsEntry("size_gb", webVol.path("size").asInt()).containsEntry("volume_type", webVol.path("type").asText());
        assertThat((List<Map<String, Object>>) got.get("attachments")).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("server_name", "web-1")
                .containsEntry("server_id", webVol.path("attachments").get(0).path("server_id").asText()));

        Map<String, Object> snaps = demo.ok("volume_snapshot_list", Map.of("volume", "data-vol"));
        assertThat((List<Map<String, Object>>) snaps.get("snapshots")).extracting(s -> s.get("name")).contains("data-vol-snap");
        assertThat(demo.ok("volume_snapshot_get", Map.of("snapshot", "data-vol-snap")).get("volume"))
                .isEqualTo(Map.of("id", openstack("volume", "show", "data-vol", "-f", "value", "-c", "id"),
                        "name", "data-vol"));

        assertThat((List<Map<String, Object>>) demo.ok("volume_type_list", Map.of()).get("types"))
                .extracting(t -> t.get("name")).contains("__DEFAULT__");
        List<Map<String, Object>> quotas = (List<Map<String, Object>>) demo.ok("volume_quota_get", Map.of()).get("quotas");
        assertThat(quotas).filteredOn(q -> q.get("resource").equals("volumes")).singleElement()
                .satisfies(q -> assertThat((Integer) q.get("in_use")).isGreaterThanOrEqualTo(2));
    }

    @Test
    @SuppressWarnings("unchecked")
    void admins_see_services_and_pools_and_a_member_is_told_it_needs_admin() {
        Map<String, Object> services = admin.ok("volume_service_list", Map.of());
        assertThat((List<Map<String, Object>>) services.get("services"))
                .extracting(s -> s.get("binary") + " " + s.get("state"))
                .contains("cinder-volume up", "cinder-scheduler up", "cinder-backup up");

        Map<String, Object> pools = admin.ok("volume_pool_list", Map.of());
        assertThat((List<Map<String, Object>>) pools.get("pools")).anySatisfy(p -> assertThat(p)
                .containsEntry("backend", "fake").containsKey("capacity_note"));

        assertThat(demo.error("volume_service_list", Map.of())).contains("HTTP 403", "admin");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_volume_is_created_extended_updated_retyped_snapshotted_backed_up_restored_and_deleted() {
        String name = "ops-live-vol-" + RUN;
        volumes.add(name);
        Map<String, Object> created = demo.ok("volume_create", Map.of("name", name, "size_gb", 1,
                "description", "live test", "metadata", Map.of("purpose", "live")));
        assertThat(created).containsEntry("status", "available").containsEntry("done", true);
        JsonNode shown = cli("volume", "show", name, "-f", "json");
        assertThat(shown.path("status").asText()).isEqualTo("available");
        assertThat(shown.path("size").asInt()).isEqualTo(1);
        assertThat(shown.path("properties").path("purpose").asText()).isEqualTo("live");

        assertThat(demo.ok("volume_extend", Map.of("volume", name, "new_size_gb", 2))).containsEntry("size_gb", 2);
        demo.ok("volume_update", Map.of("volume", name, "description", "updated by live test", "bootable", true,
                "read_only", true));
        shown = cli("volume", "show", name, "-f", "json");
        assertThat(shown.path("size").asInt()).isEqualTo(2);
        assertThat(shown.path("description").asText()).isEqualTo("updated by live test");
        assertThat(shown.path("bootable").asText()).isEqualTo("true");
        assertThat(shown.path("properties").path("readonly").asText()).isEqualTo("True");
        assertThat(demo.ok("volume_update", Map.of("volume", name, "read_only", false, "bootable", false)))
                .containsEntry("read_only", false).containsEntry("bootable", false);

        String type = "ops-live-type-" + RUN;
        types.add(type);
        openstackAdmin("volume", "type", "create", "--public", "--property", "volume_backend_name=fake", type);
        assertThat(demo.ok("volume_retype", Map.of("volume", name, "volume_type", type)))
                .containsEntry("volume_type", type).containsEntry("done", true);
        assertThat(openstack("volume", "show", name, "-f", "value", "-c", "type")).isEqualTo(type);

        String snapshot = "ops-live-snap-" + RUN;
        snapshots.add(snapshot);
        assertThat(demo.ok("volume_snapshot_create", Map.of("volume", name, "name", snapshot)))
                .containsEntry("status", "available");
        assertThat(openstack("volume", "snapshot", "show", snapshot, "-f", "value", "-c", "status")).isEqualTo("available");
        assertThat(demo.error("volume_delete", Map.of("volume", name))).contains("has 1 snapshot(s)", snapshot);
        assertThat(demo.confirmed("volume_snapshot_delete", Map.of("snapshot", snapshot))).containsEntry("gone", true);
        assertThat(openstackStatus("volume", "snapshot", "show", snapshot)).isNotZero();
        snapshots.remove(snapshot);

        String backup = "ops-live-backup-" + RUN;
        backups.add(backup);
        assertThat(demo.ok("volume_backup_create", Map.of("volume", name, "name", backup)))
                .containsEntry("status", "available").containsEntry("done", true);
        assertThat(openstack("volume", "backup", "show", backup, "-f", "value", "-c", "status")).isEqualTo("available");
        assertThat((List<Map<String, Object>>) demo.ok("volume_backup_list", Map.of("volume", name)).get("backups"))
                .extracting(b -> b.get("name")).containsExactly(backup);
        assertThat(demo.ok("volume_backup_get", Map.of("backup", backup))).containsEntry("incremental", false)
                .containsEntry("size_gb", 2);
        String restoredName = "ops-live-restored-" + RUN;
        volumes.add(restoredName);
        Map<String, Object> restored = demo.ok("volume_backup_restore", Map.of("backup", backup,
                "volume_name", restoredName));
        assertThat(restored).containsEntry("volume_status", "available").containsEntry("done", true);
        assertThat(openstack("volume", "show", restoredName, "-f", "value", "-c", "status")).isEqualTo("available");
        assertThat(demo.confirmed("volume_backup_delete", Map.of("backup", backup))).containsEntry("gone", true);
        assertThat(openstackStatus("volume", "backup", "show", backup)).isNotZero();
        backups.remove(backup);

        Map<String, Object> preview = demo.ok("volume_delete", Map.of("volume", restoredName));
        assertThat((List<String>) ((Map<String, Object>) preview.get("preview")).get("warnings"))
                .anySatisfy(w -> assertThat(w).contains("no backups"));
        assertThat(demo.confirmed("volume_delete", Map.of("volume", restoredName))).containsEntry("gone", true);
        assertThat(demo.confirmed("volume_delete", Map.of("volume", name))).containsEntry("gone", true);
        assertThat(openstack("volume", "list", "-f", "value", "-c", "Name")).doesNotContain(name, restoredName);
        volumes.removeAll(List.of(name, restoredName));
    }

    @Test
    void a_volume_attached_to_a_server_is_not_deleted_and_the_refusal_names_the_server() throws Exception {
        String server = "ops-live-srv-vol-" + RUN;
        servers.add(server);
        String name = "ops-live-attached-" + RUN;
        volumes.add(name);
        assertThat(demo.ok("volume_create", Map.of("name", name, "image", "cirros-fake", "size_gb", 1)))
                .containsEntry("bootable", true).containsEntry("status", "available");
        LiveCloud.createServer(server);
        openstack("server", "add", "volume", server, name);
        assertThat(awaitVolume(name, "in-use")).isEqualTo("in-use");

        String refusal = demo.error("volume_delete", Map.of("volume", name));
        assertThat(refusal).contains("in-use", "attached to server '" + server + "'", "Detach it first");
        assertThat(openstack("volume", "show", name, "-f", "value", "-c", "status")).isEqualTo("in-use");

        openstack("server", "remove", "volume", server, name);
        assertThat(awaitVolume(name, "available")).isEqualTo("available");
        assertThat(demo.confirmed("volume_delete", Map.of("volume", name))).containsEntry("gone", true);
        assertThat(openstackStatus("volume", "show", name)).isNotZero();
        volumes.remove(name);
        LiveCloud.deleteServerQuietly(server);
        servers.remove(server);
    }
}
