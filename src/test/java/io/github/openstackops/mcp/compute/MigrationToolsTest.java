package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** migration_list and migration_get against a live and a cold migration recorded by compute-reach.sh. */
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
}
