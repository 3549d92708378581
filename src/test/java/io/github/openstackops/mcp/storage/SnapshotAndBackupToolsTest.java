package io.github.openstackops.mcp.storage;

import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import io.github.openstackops.mcp.support.ToolHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.openstackops.mcp.storage.VolumeToolsTest.CINDER;
import static io.github.openstackops.mcp.storage.VolumeToolsTest.DATA_VOL;
import static io.github.openstackops.mcp.storage.VolumeToolsTest.REC_VOL;
import static io.github.openstackops.mcp.storage.VolumeToolsTest.WEB_VOL;
import static org.assertj.core.api.Assertions.assertThat;

/** The snapshot and backup tools against Cinder responses recorded from the testbed (testbed/record/storage.sh). */
class SnapshotAndBackupToolsTest {

    static final String SNAP = "7274fd01-b0b1-4c9e-8274-ca9f3c4dd974";
    static final String BACKUP = "46c5353a-922e-410d-bdd8-b76656c558f5";
    static final String RESTORED = "4bb63714-3454-414f-84fb-caf04e502875";

    private ToolHarness tools;
    private FakeOpenStack fake;

    @BeforeEach
    void start() {
        fake = FakeOpenStack.start()
                .on("GET", CINDER + "/volumes/" + WEB_VOL, 200, "storage/volume-web-vol.json")
                .on("GET", CINDER + "/volumes/" + DATA_VOL, 200, "storage/volume-data-vol.json")
                .on("GET", CINDER + "/volumes/" + REC_VOL, 200, "storage/volume-rec-vol-2gb.json")
                .on("GET", CINDER + "/snapshots/detail", 200, "storage/snapshots-detail.json")
                .on("GET", CINDER + "/snapshots/" + SNAP, 200, "storage/snapshot-data-vol-snap.json")
                .on("GET", CINDER + "/backups/detail", 200, "storage/backups-detail.json")
                .on("GET", CINDER + "/backups/" + BACKUP, 200, "storage/backup-rec-backup.json");
        tools = ToolHarness.on(fake).allowModify().start();
    }

    @AfterEach
    void stop() {
        tools.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void volume_snapshot_list_filters_by_volume_in_cinder() {
        Map<String, Object> page = tools.ok("volume_snapshot_list", Map.of("volume", DATA_VOL, "status", "available"));

        assertThat(FakeOpenStack.queryParams(fake.requests("GET", CINDER + "/snapshots/detail").get(0)))
                .contains("volume_id=" + DATA_VOL, "status=available", "limit=51");
        assertThat(page).containsEntry("count", 1).doesNotContainKey("next_marker");
        assertThat((List<Map<String, Object>>) page.get("snapshots")).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("name", "data-vol-snap").containsEntry("volume_id", DATA_VOL)
                .containsEntry("size_gb", 1).containsEntry("status", "available"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void volume_snapshot_get_names_its_volume() {
        fake.on("GET", CINDER + "/snapshots/detail", r -> Reply.json(200, "{\"snapshots\": ["
                + body(fake.recorded("storage/snapshot-data-vol-snap.json")) + "]}"));

        Map<String, Object> snapshot = tools.ok("volume_snapshot_get", Map.of("snapshot", "data-vol-snap"));

        assertThat(snapshot).containsEntry("id", SNAP).containsEntry("status", "available")
                .containsEntry("project_id", "8555d241e74c44ad9cc087c1e0ccee5b");
        assertThat((Map<String, Object>) snapshot.get("volume")).containsEntry("id", DATA_VOL)
                .containsEntry("name", "data-vol");
    }

    @Test
    void volume_snapshot_create_waits_and_needs_force_for_an_attached_volume() {
        AtomicInteger polls = new AtomicInteger();
        String creating = fake.recorded("storage/snapshot-data-vol-snap.json").replace("\"available\"", "\"creating\"");
        fake.on("POST", CINDER + "/snapshots", r -> Reply.json(202, creating))
                .on("GET", CINDER + "/snapshots/" + SNAP, r -> Reply.json(200, polls.incrementAndGet() < 2 ? creating
                        : fake.recorded("storage/snapshot-data-vol-snap.json")));

        assertThat(tools.error("volume_snapshot_create", Map.of("volume", WEB_VOL))).contains("in use", "force=true");
        assertThat(fake.count("POST", CINDER + "/.*")).isZero();

        Map<String, Object> result = tools.ok("volume_snapshot_create", Map.of("volume", DATA_VOL, "name", "data-vol-snap"));

        assertThat(fake.requests("POST", CINDER + "/snapshots").get(0).body())
                .contains("\"volume_id\":\"" + DATA_VOL + "\"", "\"name\":\"data-vol-snap\"").doesNotContain("force");
        assertThat(result).containsEntry("status", "available").containsEntry("done", true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void volume_snapshot_delete_previews_the_kept_volume_then_deletes() {
        AtomicInteger gets = new AtomicInteger();
        fake.on("GET", CINDER + "/snapshots/" + SNAP, r -> gets.incrementAndGet() <= 2
                        ? Reply.json(200, fake.recorded("storage/snapshot-data-vol-snap.json"))
                        : Reply.json(404, "{\"itemNotFound\": {\"code\": 404, \"message\": \"Snapshot could not be found.\"}}"))
                .on("DELETE", CINDER + "/snapshots/" + SNAP, r -> new Reply(202, "", Map.of()));

        Map<String, Object> preview = tools.ok("volume_snapshot_delete", Map.of("snapshot", SNAP));
        Map<String, Object> details = (Map<String, Object>) preview.get("preview");
        assertThat((List<Map<String, Object>>) details.get("resources"))
                .extracting(r -> r.get("type") + " " + r.get("name") + ": " + r.get("effect"))
                .containsExactly("volume_snapshot data-vol-snap: deleted", "volume data-vol: kept, unchanged");
        assertThat(fake.count("DELETE", ".*")).isZero();

        Map<String, Object> done = tools.ok("volume_snapshot_delete", Map.of("snapshot", SNAP, "confirm", preview.get("confirm")));
        assertThat((Map<String, Object>) done.get("result")).containsEntry("gone", true);
        assertThat(fake.count("DELETE", CINDER + "/snapshots/" + SNAP)).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void volume_backup_list_and_get_show_compact_backups() {
        Map<String, Object> page = tools.ok("volume_backup_list", Map.of("limit", 10, "name", "rec-backup"));

        assertThat(FakeOpenStack.queryParams(fake.requests("GET", CINDER + "/backups/detail").get(0)))
                .contains("limit=11", "name=rec-backup");
        assertThat((List<Map<String, Object>>) page.get("backups")).singleElement().satisfies(b -> assertThat(b)
                .containsEntry("id", BACKUP).containsEntry("volume_id", REC_VOL).containsEntry("incremental", false)
                .containsEntry("status", "available"));

        Map<String, Object> backup = tools.ok("volume_backup_get", Map.of("backup", BACKUP));
        assertThat(backup).containsEntry("name", "rec-backup").containsEntry("size_gb", 2)
                .containsEntry("has_dependent_backups", false).doesNotContainKey("fail_reason");
    }

    @Test
    void volume_backup_create_waits_until_the_backup_is_available() {
        AtomicInteger polls = new AtomicInteger();
        String creating = fake.recorded("storage/backup-rec-backup.json").replace("\"available\"", "\"creating\"");
        fake.on("POST", CINDER + "/backups", 202, "storage/backup-create-rec-backup.json")
                .on("GET", CINDER + "/backups/" + BACKUP, r -> Reply.json(200, polls.incrementAndGet() < 3 ? creating
                        : fake.recorded("storage/backup-rec-backup.json")));

        Map<String, Object> result = tools.ok("volume_backup_create", Map.of("volume", REC_VOL, "name", "rec-backup"));

        assertThat(fake.requests("POST", CINDER + "/backups").get(0).body())
                .contains("\"volume_id\":\"" + REC_VOL + "\"", "\"incremental\":false");
        assertThat(result).containsEntry("id", BACKUP).containsEntry("status", "available").containsEntry("done", true);
        assertThat(tools.error("volume_backup_create", Map.of("volume", WEB_VOL))).contains("force=true");
    }

    @Test
    void a_failed_backup_reports_cinders_fail_reason() {
        fake.on("POST", CINDER + "/backups", 202, "storage/backup-create-rec-backup.json")
                .on("GET", CINDER + "/backups/" + BACKUP, r -> Reply.json(200, fake.recorded("storage/backup-rec-backup.json")
                        .replace("\"available\"", "\"error\"")
                        .replace("\"fail_reason\": null", "\"fail_reason\": \"Service cinder-backup could not be found\"")));

        assertThat(tools.error("volume_backup_create", Map.of("volume", REC_VOL)))
                .contains("failed: Service cinder-backup could not be found.");
    }

    @Test
    void volume_backup_restore_restores_into_a_new_volume_and_waits_for_it() {
        AtomicInteger polls = new AtomicInteger();
        String restored = fake.recorded("storage/volume-rec-restored.json");
        fake.on("POST", CINDER + "/backups/" + BACKUP + "/restore", 202, "storage/backup-restore-rec-backup.json")
                .on("GET", CINDER + "/volumes/" + RESTORED, r -> Reply.json(200, polls.incrementAndGet() < 2
                        ? restored.replace("\"available\"", "\"restoring-backup\"") : restored));

        Map<String, Object> result = tools.ok("volume_backup_restore", Map.of("backup", BACKUP, "volume_name", "rec-restored"));

        assertThat(fake.requests("POST", CINDER + "/backups/" + BACKUP + "/restore").get(0).body())
                .isEqualTo("{\"restore\":{\"name\":\"rec-restored\"}}");
        assertThat(result).containsEntry("volume_id", RESTORED).containsEntry("volume_name", "rec-restored")
                .containsEntry("volume_status", "available").containsEntry("done", true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void volume_backup_delete_refuses_a_backup_others_build_on_and_deletes_a_plain_one() {
        String dependent = fake.recorded("storage/backup-rec-backup.json")
                .replace("\"has_dependent_backups\": false", "\"has_dependent_backups\": true");
        fake.on("GET", CINDER + "/backups/" + BACKUP, r -> Reply.json(200, dependent));
        assertThat(tools.error("volume_backup_delete", Map.of("backup", BACKUP))).contains("incremental backups built on it");

        AtomicInteger gets = new AtomicInteger();
        fake.on("GET", CINDER + "/backups/" + BACKUP, r -> gets.incrementAndGet() <= 2
                        ? Reply.json(200, fake.recorded("storage/backup-rec-backup.json"))
                        : Reply.json(404, "{\"itemNotFound\": {\"code\": 404, \"message\": \"Backup could not be found.\"}}"))
                .on("GET", CINDER + "/volumes/" + REC_VOL, r -> Reply.json(404, fake.recorded("storage/volume-404.json")))
                .on("DELETE", CINDER + "/backups/" + BACKUP, r -> new Reply(202, "", Map.of()));
        Map<String, Object> preview = tools.ok("volume_backup_delete", Map.of("backup", BACKUP));
        assertThat((List<String>) ((Map<String, Object>) preview.get("preview")).get("warnings"))
                .anySatisfy(w -> assertThat(w).contains("no longer exists", "last copy"));

        Map<String, Object> done = tools.ok("volume_backup_delete", Map.of("backup", BACKUP, "confirm", preview.get("confirm")));
        assertThat((Map<String, Object>) done.get("result")).containsEntry("gone", true);
        assertThat(fake.count("DELETE", CINDER + "/backups/" + BACKUP)).isEqualTo(1);
    }

    private static String body(String recorded) {
        String trimmed = recorded.trim();
        return trimmed.substring(trimmed.indexOf(':') + 1, trimmed.lastIndexOf('}')).trim();
    }
}
