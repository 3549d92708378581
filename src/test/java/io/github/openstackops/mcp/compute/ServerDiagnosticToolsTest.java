package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.ToolCatalog;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.support.FakeOpenStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Instance actions and events, console log and console URL, against recorded responses. */
class ServerDiagnosticToolsTest extends ServerToolTestBase {

    @Test
    @SuppressWarnings("unchecked")
    void server_action_list_pages_newest_first_at_the_microversion_with_pagination() {
        fake.on("GET", NOVA + "/servers/" + REC + "/os-instance-actions", 200, rec("instance-actions-rec.json"));

        Map<String, Object> page = tools.ok("server_action_list", Map.of("server", REC, "limit", 3));

        FakeOpenStack.Request sent = fake.requests("GET", NOVA + "/servers/" + REC + "/os-instance-actions").get(0);
        assertThat(query(sent)).contains("limit=4");
        assertThat(microversion(sent)).isEqualTo("2.62");
        List<Map<String, Object>> actions = (List<Map<String, Object>>) page.get("actions");
        assertThat(actions).extracting(a -> a.get("action")).containsExactly("confirmResize", "migrate",
                "live-migration");
        assertThat(actions).allSatisfy(a -> assertThat(a).doesNotContainKey("events"));
        assertThat(page).containsEntry("next_marker", actions.get(2).get("request_id"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void with_events_each_action_of_the_page_gets_its_steps() {
        String resize = "req-4a73bc3f-98f8-4c0d-a74a-39263fb77d9a";
        fake.on("GET", NOVA + "/servers/" + REC + "/os-instance-actions", r -> FakeOpenStack.Reply.json(200,
                        "{\"instanceActions\": [" + extract(fake.recorded(rec("instance-action-rec-resize.json"))) + "]}"))
                .on("GET", NOVA + "/servers/" + REC + "/os-instance-actions/" + resize, 200,
                        rec("instance-action-rec-resize.json"));

        Map<String, Object> page = tools.ok("server_action_list", Map.of("server", REC, "with_events", true,
                "marker", "req-x"));

        assertThat(query(fake.requests("GET", NOVA + "/servers/" + REC + "/os-instance-actions").get(0)))
                .contains("marker=req-x");
        Map<String, Object> action = ((List<Map<String, Object>>) page.get("actions")).get(0);
        assertThat(action).containsEntry("action", "resize").containsEntry("request_id", resize);
        assertThat((List<Map<String, Object>>) action.get("events")).extracting(e -> e.get("event") + "=" + e.get("result"))
                .contains("compute_resize_instance=Success", "conductor_migrate_server=Success");
    }

    private static String extract(String recorded) {
        String body = recorded.trim();
        return body.substring(body.indexOf(':') + 1, body.lastIndexOf('}')).trim();
    }

    @Test
    void with_events_and_a_large_page_is_refused_to_bound_the_calls() {
        assertThat(tools.error("server_action_list", Map.of("server", REC, "with_events", true, "limit", 50)))
                .contains("at most 20");
    }

    @Test
    void the_console_log_asks_for_the_last_lines() {
        fake.on("POST", NOVA + "/servers/" + WEB_1 + "/action", 200, rec("console-output-web-1.json"));

        Map<String, Object> log = tools.ok("server_console_log", Map.of("server", "web-1", "lines", 2));

        assertThat(posts(NOVA + "/servers/" + WEB_1 + "/action").get(0).body())
                .isEqualTo("{\"os-getConsoleOutput\":{\"length\":2}}");
        assertThat(log).containsEntry("output", "ANOTHER\nLAST LINE").containsEntry("lines", 2);
    }

    @Test
    void the_console_url_is_a_novnc_url_by_default() {
        fake.on("POST", NOVA + "/servers/" + WEB_1 + "/remote-consoles", 200, rec("remote-console-web-1.json"));

        Map<String, Object> console = tools.ok("server_console_url", Map.of("server", WEB_1));

        FakeOpenStack.Request sent = posts(NOVA + "/servers/" + WEB_1 + "/remote-consoles").get(0);
        assertSameJson(sent.body(), "{\"remote_console\":{\"protocol\":\"vnc\",\"type\":\"novnc\"}}");
        assertThat(microversion(sent)).isEqualTo("2.8");
        assertThat(console).containsEntry("protocol", "vnc").containsEntry("type", "novnc");
        assertThat((String) console.get("url")).startsWith("http://127.0.0.1:6080/vnc_auto.html?path=");
    }

    @Test
    void a_console_type_the_cloud_has_not_enabled_is_explained() {
        fake.on("POST", NOVA + "/servers/" + WEB_1 + "/remote-consoles", 400, rec("remote-console-spice-400.json"));

        assertThat(tools.error("server_console_url", Map.of("server", WEB_1, "type", "spice_html5")))
                .contains("Could not get a spice-html5 console URL for server 'web-1'")
                .contains("Unavailable console type spice-html5");
    }

    @Test
    void console_tools_are_marked_sensitive_and_the_action_list_is_not() {
        ToolCatalog catalog = tools.context().getBean(ToolCatalog.class);
        assertThat(catalog.all()).filteredOn(ToolDefinition::sensitive).extracting(ToolDefinition::name)
                .contains("server_console_log", "server_console_url").doesNotContain("server_action_list");
    }
}
