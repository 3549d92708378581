package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.ToolHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The server tools against recorded Nova/Neutron/Cinder/Glance responses. */
class ServerToolsTest {

    static final String WEB_1 = "90cb27f0-bdba-446b-991e-46d1a4093507";
    static final String DB_1 = "f490e824-08ee-449b-bc0e-c030dcd298e7";

    private ToolHarness tools;
    private FakeOpenStack fake;

    @BeforeEach
    void start() {
        fake = FakeOpenStack.start()
                .on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-limit3.json")
                .on("GET", "/compute/v2.1/servers/" + WEB_1, 200, "servers/server-web-1.json")
                .on("GET", "/compute/v2.1/servers/" + DB_1, 200, "servers/server-db-1.json")
                .on("GET", "/compute/v2.1/flavors/.*", 200, "servers/flavor-web-1.json")
                .on("GET", "/image/v2/images/.*", 200, "servers/image-web-1.json")
                .on("GET", "/network/v2.0/ports", 200, "servers/ports-web-1.json")
                .on("GET", "/network/v2.0/floatingips", 200, "servers/floatingips-web-1.json")
                .on("GET", "/volume/v3/.*/volumes/.*", 200, "servers/volume-web-vol.json")
                .on("GET", "/compute/v2.1/servers/" + WEB_1 + "/os-volume_attachments", 200,
                        "servers-ext/volume-attachments-web-1.json");
        tools = ToolHarness.on(fake).allowModify().start();
    }

    @AfterEach
    void stop() {
        tools.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void server_list_pages_in_nova_and_returns_compact_summaries_with_a_cursor() {
        Map<String, Object> page = tools.ok("server_list", Map.of("limit", 2, "marker", "abc", "name", "web.1"));

        List<String> query = FakeOpenStack.queryParams(fake.requests("GET", "/compute/v2.1/servers/detail").get(0));
        assertThat(query).contains("limit=3", "marker=abc", "name=web\\.1");
        List<Map<String, Object>> servers = (List<Map<String, Object>>) page.get("servers");
        assertThat(servers).hasSize(2);
        assertThat(page).containsEntry("count", 2).containsEntry("next_marker", "ca61b4c2-91a0-495a-add3-d846bc836e4a");
        assertThat(servers.get(0)).containsEntry("name", "stack-vm-gei8yg").containsEntry("status", "ACTIVE")
                .containsEntry("flavor", "m1.tiny").containsEntry("image", "cirros-fake")
                .doesNotContainKeys("links", "OS-EXT-STS:power_state", "host");
        // names resolved once per id, not once per server
        assertThat(fake.count("GET", "/compute/v2.1/flavors/.*")).isEqualTo(1);
    }

    @Test
    void the_last_page_has_no_cursor_and_status_filters_in_nova() {
        fake.on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-shutoff.json");

        Map<String, Object> page = tools.ok("server_list", Map.of("status", "SHUTOFF"));

        assertThat(page).containsEntry("count", 1).doesNotContainKey("next_marker");
        assertThat(FakeOpenStack.queryParams(fake.requests().get(fake.requests().size() - 3)))
                .contains("status=SHUTOFF", "limit=51");
    }

    @Test
    void server_list_rejects_statuses_nova_does_not_know() {
        assertThat(tools.error("server_list", Map.of("status", "STOPPED"))).contains("status").contains("Fix the arguments");
    }

    @Test
    @SuppressWarnings("unchecked")
    void server_get_by_name_shows_detail_without_raw_api_noise() {
        fake.on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-limit3.json")
                .on("GET", "/compute/v2.1/servers/detail", r -> FakeOpenStack.Reply.json(200,
                        "{\"servers\": [" + extractServer(fake.recorded("servers/server-web-1.json")) + "]}"));

        Map<String, Object> server = tools.ok("server_get", Map.of("server", "web-1"));

        assertThat(FakeOpenStack.queryParams(fake.requests("GET", "/compute/v2.1/servers/detail").get(0)))
                .contains("name=^web-1$");
        assertThat(server).containsEntry("id", WEB_1).containsEntry("status", "ACTIVE")
                .containsEntry("power_state", "running").containsEntry("key_name", "demo-key")
                .containsEntry("volume_ids", List.of("81727aaa-956e-4afc-a7a2-bd38498613fd"))
                .containsEntry("metadata", Map.of("role", "web"));
        assertThat((Map<String, Object>) server.get("flavor")).containsEntry("name", "m1.tiny").containsEntry("vcpus", 1);
        assertThat((List<String>) server.get("security_groups")).containsExactlyInAnyOrder("web", "default");
        assertThat(server.toString()).doesNotContain("adminPass", "links");
    }

    private static String extractServer(String recorded) {
        String body = recorded.trim();
        return body.substring(body.indexOf(':') + 1, body.lastIndexOf('}')).trim();
    }

    @Test
    void an_unknown_server_is_a_sentence_not_a_stack_trace() {
        fake.on("GET", "/compute/v2.1/servers/detail", r -> FakeOpenStack.Reply.json(200, "{\"servers\": []}"))
                .on("GET", "/compute/v2.1/servers/00000000-0000-0000-0000-000000000000", 404, "servers/server-404.json");

        assertThat(tools.error("server_get", Map.of("server", "00000000-0000-0000-0000-000000000000")))
                .isEqualTo("Server '00000000-0000-0000-0000-000000000000' was not found (or is not visible to this project).");
        assertThat(tools.error("server_get", Map.of("server", "nope"))).contains("'nope' was not found");
    }

    @Test
    void stop_posts_the_action_and_waits_until_nova_reports_shutoff() {
        AtomicInteger polls = new AtomicInteger();
        fake.on("POST", "/compute/v2.1/servers/" + WEB_1 + "/action", r -> new FakeOpenStack.Reply(202, "", Map.of()))
                .on("GET", "/compute/v2.1/servers/" + WEB_1, r -> FakeOpenStack.Reply.json(200, polls.incrementAndGet() < 3
                        ? fake.recorded("servers/server-web-1.json")
                        : fake.recorded("servers/server-web-1.json").replace("\"status\": \"ACTIVE\"", "\"status\": \"SHUTOFF\"")));

        Map<String, Object> result = tools.ok("server_stop", Map.of("server", WEB_1));

        assertThat(fake.requests("POST", "/compute/v2.1/servers/" + WEB_1 + "/action").get(0).body()).contains("os-stop");
        assertThat(result).containsEntry("previous_status", "ACTIVE").containsEntry("status", "SHUTOFF")
                .containsEntry("reached_target", true).containsEntry("changed", true);
    }

    @Test
    void start_posts_os_start_and_waits_until_nova_reports_active() {
        AtomicInteger polls = new AtomicInteger();
        fake.on("POST", "/compute/v2.1/servers/" + DB_1 + "/action", r -> new FakeOpenStack.Reply(202, "", Map.of()))
                .on("GET", "/compute/v2.1/servers/" + DB_1, r -> FakeOpenStack.Reply.json(200, polls.incrementAndGet() < 3
                        ? fake.recorded("servers/server-db-1.json")
                        : fake.recorded("servers/server-db-1.json").replace("\"status\": \"SHUTOFF\"", "\"status\": \"ACTIVE\"")));

        Map<String, Object> result = tools.ok("server_start", Map.of("server", DB_1));

        assertThat(fake.requests("POST", "/compute/v2.1/servers/" + DB_1 + "/action").get(0).body())
                .isEqualTo("{\"os-start\":null}");
        assertThat(result).containsEntry("previous_status", "SHUTOFF").containsEntry("status", "ACTIVE")
                .containsEntry("reached_target", true).containsEntry("changed", true);
    }

    @Test
    void stopping_a_stopped_server_changes_nothing_and_says_so() {
        Map<String, Object> result = tools.ok("server_stop", Map.of("server", DB_1));

        assertThat(result).containsEntry("changed", false).containsEntry("status", "SHUTOFF");
        assertThat((String) result.get("message")).contains("already SHUTOFF");
        assertThat(fake.count("POST", ".*/action")).isZero();
    }

    @Test
    void a_conflict_from_nova_is_explained() {
        fake.on("POST", "/compute/v2.1/servers/" + WEB_1 + "/action", 409, "servers/server-stop-409.json");

        assertThat(tools.error("server_reboot", Map.of("server", WEB_1, "type", "hard")))
                .contains("Could not hard reboot server 'web-1'").contains("HTTP 409")
                .contains("while it is in vm_state stopped");
    }

    @Test
    @SuppressWarnings("unchecked")
    void server_delete_previews_volumes_and_floating_ips_then_deletes_with_the_token() {
        Map<String, Object> preview = tools.ok("server_delete", Map.of("server", WEB_1));

        assertThat(preview).containsEntry("status", "preview");
        Map<String, Object> details = (Map<String, Object>) preview.get("preview");
        assertThat((String) details.get("summary")).contains("web-1").contains(WEB_1);
        List<Map<String, Object>> resources = (List<Map<String, Object>>) details.get("resources");
        assertThat(resources).extracting(r -> r.get("type") + " " + r.get("name") + ": " + r.get("effect")).contains(
                "server web-1: deleted",
                "volume web-vol: detached, kept (unless it was created to be deleted with the server)",
                "floating_ip 203.0.113.197: disassociated, stays allocated to the project");
        assertThat(fake.count("DELETE", ".*")).isZero();

        AtomicInteger gets = new AtomicInteger();
        fake.on("DELETE", "/compute/v2.1/servers/" + WEB_1, r -> new FakeOpenStack.Reply(204, "", Map.of()))
                .on("GET", "/compute/v2.1/servers/" + WEB_1, r -> gets.incrementAndGet() == 1
                        ? FakeOpenStack.Reply.json(200, fake.recorded("servers/server-web-1.json"))
                        : FakeOpenStack.Reply.json(404, fake.recorded("servers/server-404.json")));
        Map<String, Object> done = tools.ok("server_delete", Map.of("server", WEB_1, "confirm", preview.get("confirm")));

        assertThat(done).containsEntry("status", "executed");
        assertThat((Map<String, Object>) done.get("result")).containsEntry("gone", true).containsEntry("name", "web-1");
        assertThat(fake.count("DELETE", "/compute/v2.1/servers/" + WEB_1)).isEqualTo(1);
    }
}
