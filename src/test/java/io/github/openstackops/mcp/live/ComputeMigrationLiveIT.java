package io.github.openstackops.mcp.live;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.live.LiveCloud.openstackAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live migration in progress, aborted and force-completed. The testbed's fake driver holds a live migration
 * "running" while the marker file hold-live-migration exists in the testbed's state directory (at most 180 s), as
 * Nova's own FakeLiveMigrateDriver does: the test creates it just before it starts a live migration with the CLI and
 * removes it as soon as the migration has ended, so other live migrations on the shared testbed wait only briefly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComputeMigrationLiveIT {

    static final Path HOLD = Path.of(System.getenv().getOrDefault("OSTB_STATE_DIR", "/var/lib/openstack-testbed"),
            "hold-live-migration");

    private final String name = "ops-live-migctl-" + LiveCloud.RUN;
    private LiveTools demo;
    private LiveTools admin;
    private String id;

    @BeforeAll
    void start() {
        demo = LiveTools.demo();
        admin = LiveTools.admin();
        id = LiveCloud.createServer(name);
    }

    @AfterAll
    void cleanUp() throws IOException {
        try {
            Files.deleteIfExists(HOLD);
            LiveCloud.deleteServerQuietly(id != null ? id : name);
        } finally {
            LiveTools.close(demo, admin);
        }
    }

    private String host() {
        return openstackAdmin("server", "show", id, "-f", "value", "-c", "OS-EXT-SRV-ATTR:host");
    }

    /** Starts a live migration held running by the driver; returns the migration as migration_list shows it. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> heldLiveMigration() throws Exception {
        Files.writeString(HOLD, "held by " + name + "\n");
        openstackAdmin("--os-compute-api-version", "2.30", "server", "migrate", "--live-migration", id);
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            List<Map<String, Object>> running = (List<Map<String, Object>>) admin.ok("migration_list",
                    Map.of("server", id, "status", "running")).get("migrations");
            if (!running.isEmpty()) {
                return running.get(0);
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the live migration of " + name + " did not start running within 60 s");
    }

    private String cliStatus(Object migrationUuid) {
        return openstackAdmin("--os-compute-api-version", "2.80", "server", "migration", "list", "--server", id,
                "-f", "value", "-c", "UUID", "-c", "Status").lines()
                .filter(l -> l.startsWith(migrationUuid + " ")).map(l -> l.substring(l.indexOf(' ') + 1))
                .findFirst().orElse("absent");
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void an_aborted_live_migration_is_cancelled_and_the_server_stays_on_its_host() throws Exception {
        String before = host();
        try {
            Map<String, Object> running = heldLiveMigration();
            assertThat(running).containsEntry("type", "live-migration").containsEntry("source_host", before);
            Map<String, Object> detail = admin.ok("migration_get", Map.of("server", id,
                    "migration", running.get("uuid")));
            assertThat(detail).containsEntry("in_progress", true);
            assertThat(cliStatus(running.get("uuid"))).isEqualTo("running");

            Map<String, Object> aborted = admin.ok("migration_abort", Map.of("server", id));

            assertThat(aborted).containsEntry("migration_id", running.get("id")).containsEntry("status", "cancelled")
                    .containsEntry("ended", true).containsEntry("host", before);
            assertThat(cliStatus(running.get("uuid"))).isEqualTo("cancelled");
            assertThat(host()).isEqualTo(before);
            assertThat(LiveCloud.serverStatus(id)).isEqualTo("ACTIVE");
        } finally {
            Files.deleteIfExists(HOLD);
        }
    }

    @Test
    @Order(2)
    void a_force_completed_live_migration_ends_with_the_server_on_the_other_host() throws Exception {
        String before = host();
        try {
            Map<String, Object> running = heldLiveMigration();

            Map<String, Object> done = admin.ok("migration_force_complete", Map.of("server", id,
                    "migration", String.valueOf(running.get("id"))));

            assertThat(done).containsEntry("status", "completed").containsEntry("ended", true);
            String after = host();
            assertThat(after).isNotEqualTo(before).isEqualTo(done.get("host")).isEqualTo(running.get("dest_host"));
            assertThat(cliStatus(running.get("uuid"))).isEqualTo("completed");
            assertThat(LiveCloud.serverStatus(id)).isEqualTo("ACTIVE");
        } finally {
            Files.deleteIfExists(HOLD);
        }
    }

    @Test
    @Order(3)
    void nothing_in_progress_is_refused_with_a_sentence_and_demo_is_told_it_needs_admin() {
        assertThat(admin.error("migration_abort", Map.of("server", id))).contains("has no live migration in progress");
        assertThat(admin.error("migration_force_complete", Map.of("server", id)))
                .contains("has no live migration in progress");
        assertThat(demo.error("migration_abort", Map.of("server", id))).containsIgnoringCase("admin");
    }
}
