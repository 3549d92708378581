package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * migration_list and migration_get against a live and a cold migration recorded by compute-reach.sh; migration_abort
 * and migration_force_complete against a live migration held running by the testbed's driver (migration-control.sh).
 */
class MigrationToolsTest extends ServerToolTestBase {

    private static final String BFV = "0b777589-c95d-4a40-a522-5254efd4f48e";
    private static final String MIGRATIONS = NOVA + "/os-migrations";

    @Test
    @SuppressWarnings("unchecked")
    void list_filters_in_nova_and_pages_by_uuid() {
        fake.asAdmin().on("GET", NOVA + "/servers/" + BFV, 200, "compute-reach/server-bfv-admin.json")
                .on("GET", MIGRATIONS, 200, "compute-reach/migrations-server.json");

        Map<String, Object> page = tools.ok("migration_list", Map.of("server", BFV, "host", "compute2",
                "status", "Completed", "type", "live_migration", "limit", 1));

        assertThat(fake.requests("GET", MIGRATIONS)).singleElement().satisfies(r -> {
            assertThat(query(r)).contains("limit=2", "instance_uuid=" + BFV, "host=compute2", "status=completed",
                    "migration_type=live-migration");
            assertThat(microversion(r)).isEqualTo("2.80");
        });
        List<Map<String, Object>> migrations = (List<Map<String, Object>>) page.get("migrations");
        assertThat(migrations).singleElement().satisfies(m -> assertThat(m).containsEntry("id", 6L)
                .containsEntry("type", "migration").containsEntry("status", "confirmed")
                .containsEntry("source_host", "compute2").containsEntry("dest_host", "compute1")
                .containsEntry("server_id", BFV).containsEntry("created", "2026-12-02T13:15:23Z"));
        assertThat(page).containsEntry("next_marker", "29aa0809-e101-462d-8592-f20042866208");
    }

    @Test
    void list_is_admin_only_and_a_stale_marker_says_so() {
        fake.asAdmin().on("GET", MIGRATIONS, r -> Reply.json(400,
                fake.recorded("compute-reach/migrations-bad-marker-400.json")));

        assertThat(tools.error("migration_list", Map.of("marker", "00000000-0000-0000-0000-000000000000")))
                .contains("Marker 00000000-0000-0000-0000-000000000000 could not be found");
    }

    @Test
    void a_demo_user_is_told_that_migrations_need_the_admin_role() {
        fake.on("GET", MIGRATIONS, 403, "compute-reach/migrations-demo-403.json");

        assertThat(tools.error("migration_list", Map.of())).containsIgnoringCase("admin");
    }

    @Test
    @SuppressWarnings("unchecked")
    void get_finds_a_migration_of_the_server_by_number_or_uuid() {
        fake.asAdmin().on("GET", NOVA + "/servers/" + BFV, 200, "compute-reach/server-bfv-admin.json")
                .on("GET", MIGRATIONS, 200, "compute-reach/migrations-server.json");

        Map<String, Object> byNumber = tools.ok("migration_get", Map.of("server", BFV, "migration", "5"));
        Map<String, Object> byUuid = tools.ok("migration_get", Map.of("server", BFV,
                "migration", "29aa0809-e101-462d-8592-f20042866208"));

        assertThat((Map<String, Object>) byNumber.get("migration")).containsEntry("type", "live-migration")
                .containsEntry("status", "completed").containsEntry("dest_host", "compute2");
        assertThat(byNumber).containsEntry("in_progress", false).doesNotContainKey("memory_total_bytes");
        assertThat((Map<String, Object>) byUuid.get("migration")).containsEntry("id", 6L);
        assertThat(fake.requests("GET", NOVA + "/servers/" + BFV + "/migrations/.*")).isEmpty();
        assertThat(tools.error("migration_get", Map.of("server", BFV, "migration", "99")))
                .contains("has no migration '99'").contains("migration_list");
    }

    @Test
    @SuppressWarnings("unchecked")
    void get_of_a_running_live_migration_adds_its_progress() {
        String running = fake.recorded("compute-reach/migrations-server.json")
                .replace("\"status\": \"completed\"", "\"status\": \"running\"");
        fake.asAdmin().on("GET", NOVA + "/servers/" + BFV, 200, "compute-reach/server-bfv-admin.json")
                .on("GET", MIGRATIONS, r -> Reply.json(200, running))
                .on("GET", NOVA + "/servers/" + BFV + "/migrations/5", r -> Reply.json(200,
                        "{\"migration\": {\"id\": 5, \"status\": \"running\", \"memory_total_bytes\": 1000,"
                                + " \"memory_processed_bytes\": 600, \"memory_remaining_bytes\": 400,"
                                + " \"disk_total_bytes\": 0, \"disk_processed_bytes\": 0, \"disk_remaining_bytes\": 0}}"));

        Map<String, Object> detail = tools.ok("migration_get", Map.of("server", BFV, "migration", "5"));

        assertThat(detail).containsEntry("in_progress", true).containsEntry("memory_total_bytes", 1000L)
                .containsEntry("memory_remaining_bytes", 400L);
    }

    private static final String MC = "758ac906-3d04-41fa-9252-1a28b33a1146";

    private void heldMigration(String... migrationFiles) {
        fake.asAdmin().on("GET", NOVA + "/servers/" + MC, inTurn("compute-reach/server-mc.json"))
                .on("GET", MIGRATIONS, inTurn(migrationFiles));
    }

    @Test
    void abort_stops_the_running_live_migration_and_the_server_stays_on_its_source() {
        heldMigration("compute-reach/migrations-mc-running.json", "compute-reach/migrations-mc-running.json",
                "compute-reach/migrations-mc-cancelled.json");
        fake.on("DELETE", NOVA + "/servers/" + MC + "/migrations/46", r -> new Reply(202, "", Map.of()));

        Map<String, Object> aborted = tools.ok("migration_abort", Map.of("server", MC));

        assertThat(fake.requests("DELETE", NOVA + "/servers/" + MC + "/migrations/46")).singleElement()
                .satisfies(r -> assertThat(microversion(r)).isEqualTo("2.65"));
        assertThat(aborted).containsEntry("migration_id", 46L).containsEntry("action", "abort")
                .containsEntry("status_before", "running").containsEntry("status", "cancelled")
                .containsEntry("ended", true).containsEntry("source_host", "compute1")
                .containsEntry("dest_host", "compute2").containsEntry("host", "compute1");
        assertThat((String) aborted.get("message")).contains("aborted (cancelled)").contains("runs on compute1");
    }

    @Test
    void force_complete_finishes_the_migration_on_the_destination() {
        // the second live migration (47) of the recording, while it still ran
        String running = fake.recorded("compute-reach/migrations-mc-completed.json")
                .replace("\"status\": \"completed\"", "\"status\": \"running\"");
        AtomicInteger lists = new AtomicInteger();
        fake.asAdmin().on("GET", MIGRATIONS, r -> Reply.json(200, lists.getAndIncrement() < 1 ? running
                        : fake.recorded("compute-reach/migrations-mc-completed.json")))
                .on("GET", NOVA + "/servers/" + MC, inTurn("compute-reach/server-mc.json",
                        "compute-reach/server-mc-moved.json"))
                .on("POST", NOVA + "/servers/" + MC + "/migrations/47/action", r -> new Reply(202, "", Map.of()));

        Map<String, Object> done = tools.ok("migration_force_complete", Map.of("server", MC));

        assertThat(fake.requests("POST", NOVA + "/servers/" + MC + "/migrations/47/action")).singleElement()
                .satisfies(r -> {
                    assertThat(microversion(r)).isEqualTo("2.22");
                    assertThat(r.body()).isEqualTo("{\"force_complete\":null}");
                });
        assertThat(done).containsEntry("migration_id", 47L).containsEntry("status", "completed")
                .containsEntry("host", "compute2").containsEntry("ended", true);
        assertThat((String) done.get("message")).contains("was completed").contains("runs on compute2");
    }

    @Test
    void without_waiting_the_request_is_only_accepted() {
        heldMigration("compute-reach/migrations-mc-running.json");
        fake.on("DELETE", NOVA + "/servers/" + MC + "/migrations/46", r -> new Reply(202, "", Map.of()));

        Map<String, Object> accepted = tools.ok("migration_abort", Map.of("server", MC, "migration",
                "8d2cb12c-8a7d-4ff9-8c8f-018e2d76699e", "wait", false));

        assertThat(accepted).containsEntry("ended", false).containsEntry("status", "running");
        assertThat(fake.count("GET", MIGRATIONS)).isEqualTo(1);
    }

    @Test
    void a_migration_that_has_ended_is_refused_before_nova_is_asked() {
        heldMigration("compute-reach/migrations-mc-cancelled.json");

        assertThat(tools.error("migration_abort", Map.of("server", MC)))
                .contains("has no live migration in progress").contains("migration_list");
        assertThat(tools.error("migration_force_complete", Map.of("server", MC, "migration", "46")))
                .contains("live migration 46").contains("is cancelled").contains("only while running");
        assertThat(fake.requests("DELETE", ".*")).isEmpty();
        assertThat(fake.requests("POST", ".*/migrations/.*")).isEmpty();
    }

    @Test
    void a_cold_migration_is_not_a_live_one() {
        fake.asAdmin().on("GET", NOVA + "/servers/" + BFV, 200, "compute-reach/server-bfv-admin.json")
                .on("GET", MIGRATIONS, 200, "compute-reach/migrations-server.json");

        assertThat(tools.error("migration_abort", Map.of("server", BFV, "migration", "6")))
                .contains("not a live migration").contains("server_resize_revert");
    }

    @Test
    void nova_refusing_because_the_migration_just_ended_says_so() {
        heldMigration("compute-reach/migrations-mc-running.json");
        fake.on("DELETE", NOVA + "/servers/" + MC + "/migrations/46", r -> Reply.json(409,
                        fake.recorded("compute-reach/migration-abort-409.json")))
                .on("POST", NOVA + "/servers/" + MC + "/migrations/46/action", r -> Reply.json(409,
                        fake.recorded("compute-reach/migration-force-complete-409.json")));

        assertThat(tools.error("migration_abort", Map.of("server", MC)))
                .contains("Could not abort the live migration 46").contains("must still be in progress")
                .contains("invalid state for 'abort live migration'");
        assertThat(tools.error("migration_force_complete", Map.of("server", MC)))
                .contains("Could not force-complete the live migration 46").contains("invalid state");
    }
}
