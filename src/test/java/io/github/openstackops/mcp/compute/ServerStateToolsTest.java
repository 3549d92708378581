package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** pause/unpause, suspend/resume, shelve/unshelve, rescue/unrescue, lock/unlock against recorded states. */
class ServerStateToolsTest extends ServerToolTestBase {

    private static final String ACTION = NOVA + "/servers/" + REC + "/action";

    @Test
    void pause_posts_the_action_and_waits_until_nova_reports_paused() {
        fake.on("POST", ACTION, accepted())
                .on("GET", NOVA + "/servers/" + REC, inTurn(rec("server-rec-active.json"), rec("server-rec-active.json"),
                        rec("server-rec-paused.json")));

        Map<String, Object> result = tools.ok("server_pause", Map.of("server", REC));

        assertThat(posts(ACTION)).singleElement().satisfies(r -> assertThat(r.body()).isEqualTo("{\"pause\":null}"));
        assertThat(result).containsEntry("action", "pause").containsEntry("previous_status", "ACTIVE")
                .containsEntry("status", "PAUSED").containsEntry("reached_target", true).containsEntry("changed", true);
        assertThat(tools.progress()).contains("ACTIVE");
    }

    @Test
    void unpausing_an_active_server_changes_nothing() {
        Map<String, Object> result = tools.ok("server_unpause", Map.of("server", REC));

        assertThat(result).containsEntry("changed", false).containsEntry("status", "ACTIVE");
        assertThat(posts(ACTION)).isEmpty();
    }

    @Test
    void suspend_and_resume_follow_the_recorded_states() {
        fake.on("POST", ACTION, accepted())
                .on("GET", NOVA + "/servers/" + REC, inTurn(rec("server-rec-active.json"),
                        rec("server-rec-suspended.json"), rec("server-rec-suspended.json"),
                        rec("server-rec-active.json")));

        assertThat(tools.ok("server_suspend", Map.of("server", REC))).containsEntry("status", "SUSPENDED")
                .containsEntry("reached_target", true);
        assertThat(tools.ok("server_resume", Map.of("server", REC))).containsEntry("previous_status", "SUSPENDED")
                .containsEntry("status", "ACTIVE");
        assertThat(posts(ACTION)).extracting(r -> r.body()).containsExactly("{\"suspend\":null}", "{\"resume\":null}");
    }

    @Test
    void shelve_waits_for_the_offloaded_state() {
        fake.on("POST", ACTION, accepted())
                .on("GET", NOVA + "/servers/" + REC, inTurn(rec("server-rec-active.json"), rec("server-rec-active.json"),
                        rec("server-rec-shelved-offloaded.json")));

        Map<String, Object> result = tools.ok("server_shelve", Map.of("server", REC));

        assertThat(result).containsEntry("status", "SHELVED_OFFLOADED").containsEntry("reached_target", true);
        assertThat((String) result.get("message")).contains("is SHELVED_OFFLOADED (was ACTIVE)");
    }

    @Test
    void shelve_ends_in_shelved_when_the_cloud_keeps_shelved_servers_on_their_host() {
        String id = "5f4f9530-3f47-434b-b41d-55564c6c6bde";
        fake.on("POST", NOVA + "/servers/" + id + "/action", accepted())
                .on("GET", NOVA + "/servers/" + id, inTurn("capacity/server-active.json",
                        "capacity/server-shelved.json"));

        assertThat(tools.ok("server_shelve", Map.of("server", id))).containsEntry("status", "SHELVED")
                .containsEntry("reached_target", true);
    }

    @Test
    void shelve_offload_frees_a_shelved_server_and_refuses_one_that_is_not_shelved() {
        String id = "5f4f9530-3f47-434b-b41d-55564c6c6bde";
        String action = NOVA + "/servers/" + id + "/action";
        fake.asAdmin().on("POST", action, accepted())
                .on("GET", NOVA + "/servers/" + id, inTurn("capacity/server-shelved.json",
                        "capacity/server-shelved.json", "capacity/server-shelved-offloaded.json"));

        Map<String, Object> result = tools.ok("server_shelve_offload", Map.of("server", id));

        assertThat(posts(action)).extracting(r -> r.body()).containsExactly("{\"shelveOffload\":null}");
        assertThat(result).containsEntry("status", "SHELVED_OFFLOADED").containsEntry("previous_status", "SHELVED");
        assertThat(tools.ok("server_shelve_offload", Map.of("server", id))).containsEntry("changed", false);
        assertThat(tools.error("server_shelve_offload", Map.of("server", REC))).contains("is ACTIVE, not SHELVED")
                .contains("server_shelve");
    }

    @Test
    void shelve_offload_as_a_member_is_refused_by_novas_policy() {
        String id = "5f4f9530-3f47-434b-b41d-55564c6c6bde";
        fake.on("POST", NOVA + "/servers/" + id + "/action", 403, "capacity/shelve-offload-demo-403.json")
                .on("GET", NOVA + "/servers/" + id, 200, "capacity/server-shelved.json");

        assertThat(tools.error("server_shelve_offload", Map.of("server", id))).contains("HTTP 403")
                .contains("os-shelve:shelve_offload");
    }

    @Test
    void unshelve_without_waiting_returns_at_once() {
        fake.on("POST", ACTION, accepted())
                .on("GET", NOVA + "/servers/" + REC, 200, rec("server-rec-shelved-offloaded.json"));

        Map<String, Object> result = tools.ok("server_unshelve", Map.of("server", REC, "wait", false));

        assertThat(result).containsEntry("reached_target", false).containsEntry("changed", true);
        assertThat((String) result.get("message")).contains("runs in the background");
        assertThat(posts(ACTION)).extracting(r -> r.body()).containsExactly("{\"unshelve\":null}");
    }

    @Test
    void rescue_with_an_image_never_returns_the_rescue_password() {
        fake.on("POST", ACTION, 200, rec("rescue-response.json"))
                .on("GET", NOVA + "/servers/" + REC, inTurn(rec("server-rec-active.json"), rec("server-rec-rescue.json")));

        Map<String, Object> result = tools.ok("server_rescue", Map.of("server", REC, "image", "cirros-fake"));

        assertThat(posts(ACTION).get(0).body()).isEqualTo("{\"rescue\":{\"rescue_image_ref\":\"" + CIRROS + "\"}}");
        assertThat(result).containsEntry("status", "RESCUE");
        assertThat(result.toString()).doesNotContain("u2p26fihHxkv").doesNotContainIgnoringCase("pass");
    }

    @Test
    void unrescue_leaves_rescue_mode() {
        fake.on("POST", ACTION, accepted())
                .on("GET", NOVA + "/servers/" + REC, inTurn(rec("server-rec-rescue.json"), rec("server-rec-active.json")));

        assertThat(tools.ok("server_unrescue", Map.of("server", REC))).containsEntry("previous_status", "RESCUE")
                .containsEntry("status", "ACTIVE");
    }

    @Test
    void a_conflict_names_the_action_and_the_server() {
        fake.on("POST", NOVA + "/servers/" + DB_1 + "/action", 409, rec("pause-db-1-409.json"));

        assertThat(tools.error("server_pause", Map.of("server", DB_1))).startsWith("Could not pause server 'db-1'")
                .contains("HTTP 409").contains("while it is in vm_state stopped");
    }

    @Test
    void an_error_state_during_the_wait_is_an_error_with_the_fault() {
        String failed = fake.recorded(rec("server-rec-active.json")).replace("\"status\": \"ACTIVE\"",
                "\"status\": \"ERROR\", \"fault\": {\"code\": 500, \"message\": \"hypervisor gone\", \"created\":"
                        + " \"2026-11-22T05:00:00Z\"}");
        fake.on("POST", ACTION, accepted())
                .on("GET", NOVA + "/servers/" + REC, r -> fake.count("POST", ACTION) == 0
                        ? Reply.json(200, fake.recorded(rec("server-rec-active.json"))) : Reply.json(200, failed));

        assertThat(tools.error("server_suspend", Map.of("server", REC))).contains("went to ERROR during suspend")
                .contains("hypervisor gone");
    }

    @Test
    void lock_with_a_reason_uses_the_microversion_that_knows_reasons_and_reads_the_lock_back() {
        fake.on("POST", ACTION, accepted())
                .on("GET", NOVA + "/servers/" + REC, r -> Reply.json(200, fake.recorded(microversion(r) == null
                        ? rec("server-rec-active.json") : fake.count("POST", ACTION) == 0
                        ? rec("server-rec-unlocked-v273.json") : rec("server-rec-locked-v273.json"))));

        Map<String, Object> result = tools.ok("server_lock", Map.of("server", REC, "reason", "maintenance"));

        assertThat(posts(ACTION)).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo("{\"lock\":{\"locked_reason\":\"maintenance\"}}");
            assertThat(microversion(r)).isEqualTo("2.73");
        });
        assertThat(result).containsEntry("action", "lock").containsEntry("reached_target", true)
                .containsEntry("changed", true);
        assertThat((String) result.get("message")).contains("is locked");
    }

    @Test
    void unlocking_an_unlocked_server_changes_nothing() {
        fake.on("GET", NOVA + "/servers/" + REC, byMicroversion(rec("server-rec-active.json"),
                rec("server-rec-unlocked-v273.json")));

        Map<String, Object> result = tools.ok("server_unlock", Map.of("server", REC));

        assertThat(result).containsEntry("changed", false);
        assertThat(posts(ACTION)).isEmpty();
    }

    @Test
    void unlock_posts_a_bare_unlock() {
        fake.on("POST", ACTION, accepted())
                .on("GET", NOVA + "/servers/" + REC, r -> Reply.json(200, fake.recorded(microversion(r) == null
                        ? rec("server-rec-active.json") : fake.count("POST", ACTION) == 0
                        ? rec("server-rec-locked-v273.json") : rec("server-rec-unlocked-v273.json"))));

        assertThat(tools.ok("server_unlock", Map.of("server", REC))).containsEntry("reached_target", true);
        assertThat(posts(ACTION).get(0).body()).isEqualTo("{\"unlock\":null}");
    }
}
