package io.github.openstackops.mcp.transport;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.openstackops.mcp.catalog.AdminTier;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.StatelessMcp;
import io.github.openstackops.mcp.support.StdioPipe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.github.openstackops.mcp.transport.StatelessHttpTest.list;
import static io.github.openstackops.mcp.transport.StatelessHttpTest.map;
import static org.assertj.core.api.Assertions.assertThat;

/** Protocol 2026-07-28 on stdio, beside the SDK's 2025-11-25 session, in process over pipes. */
class StatelessStdioTest {

    static final String WEB_1 = StreamableHttpTransportTest.WEB_1;
    static final Duration WAIT = Duration.ofSeconds(30);

    private final List<AutoCloseable> closing = new ArrayList<>();
    private FakeOpenStack fake;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    private StdioPipe server(Map<String, Object> extra) {
        fake = FakeOpenStack.start()
                .on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-limit3.json")
                .on("GET", "/compute/v2.1/flavors/.*", 200, "servers/flavor-web-1.json")
                .on("GET", "/image/v2/images/.*", 200, "servers/image-web-1.json")
                .on("GET", "/network/v2.0/ports", 200, "servers/ports-web-1.json")
                .on("GET", "/network/v2.0/floatingips", 200, "servers/floatingips-web-1.json")
                .on("GET", "/volume/v3/.*/volumes/.*", 200, "servers/volume-web-vol.json");
        closing.add(fake);
        Map<String, Object> properties = new HashMap<>(fake.properties());
        properties.put("mcp.safety.allow-modify", true);
        properties.putAll(extra);
        StdioPipe pipe = new StdioPipe(properties);
        closing.add(pipe);
        return pipe;
    }

    private static Map<String, Object> read(String line) {
        assertThat(line).as("an answer on stdout").isNotNull();
        return HttpSurfaces.read(line, new TypeReference<>() { });
    }

    private static Map<String, Object> result(StdioPipe pipe) {
        Map<String, Object> answer = read(pipe.next(WAIT));
        assertThat(answer).as(answer.toString()).containsKey("result");
        return map(answer.get("result"));
    }

    @Test
    void discover_list_call_and_a_confirmed_destructive_call_through_a_group_without_initialize() {
        StdioPipe pipe = server(Map.of("mcp.catalog.tool-mode", "grouped"));
        AtomicBoolean deleted = new AtomicBoolean();
        fake.on("DELETE", "/compute/v2.1/servers/" + WEB_1, r -> {
            deleted.set(true);
            return new FakeOpenStack.Reply(204, "", Map.of());
        }).on("GET", "/compute/v2.1/servers/" + WEB_1, r -> !deleted.get()
                ? FakeOpenStack.Reply.json(200, fake.recorded("servers/server-web-1.json"))
                : FakeOpenStack.Reply.json(404, fake.recorded("servers/server-404.json")));

        Map<String, Object> found = result(pipe.send(StatelessMcp.body(1, "server/discover", Map.of())));
        assertThat(list(found.get("supportedVersions"))).contains("2026-07-28");

        Map<String, Object> tools = result(pipe.send(StatelessMcp.body(2, "tools/list", Map.of())));
        assertThat(tools).containsKey("ttlMs").containsEntry("cacheScope", "private");
        assertThat(list(tools.get("tools"))).extracting(t -> String.valueOf(map(t).get("name")))
                .contains("compute_read", "compute_destructive");

        Map<String, Object> meta = StatelessMcp.meta(StatelessHttpTest.ELICITS);
        Map<String, Object> arguments = Map.of("operation", "server_delete", "arguments",
                Map.of("server", WEB_1, "wait", false));
        Map<String, Object> asked = result(pipe.send(StatelessMcp.body(3, "tools/call",
                Map.of("name", "compute_destructive", "arguments", arguments, "_meta", meta))));
        assertThat(asked).containsEntry("resultType", "input_required");
        assertThat(deleted).isFalse();

        Map<String, Object> done = result(pipe.send(StatelessMcp.body(4, "tools/call", Map.of("name",
                "compute_destructive", "arguments", arguments, "_meta", meta, "requestState", asked.get("requestState"),
                "inputResponses", Map.of("confirm", Map.of("action", "accept", "content", Map.of("confirm", true)))))));
        assertThat(map(done.get("structuredContent"))).as(done.toString()).containsEntry("status", "executed");
        assertThat(fake.count("DELETE", "/compute/v2.1/servers/" + WEB_1)).isEqualTo(1);
    }

    @Test
    void an_unsupported_version_is_refused_with_the_versions_spoken_and_a_2025_session_still_works_beside() {
        StdioPipe pipe = server(Map.of());
        Map<String, Object> meta = new HashMap<>(StatelessMcp.meta(Map.of()));
        meta.put("io.modelcontextprotocol/protocolVersion", "2099-01-01");
        Map<String, Object> refused = read(pipe.send(StatelessMcp.body(1, "tools/list", Map.of("_meta", meta)))
                .next(WAIT));
        assertThat(map(refused.get("error"))).containsEntry("code", -32022);
        assertThat(map(refused.get("error")).get("data")).asString().contains("2026-07-28");

        pipe.initialize();
        Map<String, Object> legacy = read(pipe.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}")
                .next(WAIT));
        assertThat(map(legacy.get("result"))).containsKey("tools").doesNotContainKey("ttlMs");
    }

    @Test
    void a_listener_on_stdio_hears_of_tool_list_changes_under_its_request_id() {
        StdioPipe pipe = server(Map.of("mcp.catalog.admin-tools", "auto"));
        AdminTier tier = pipe.context().getBean(AdminTier.class);
        pipe.send(StatelessMcp.body("listen-1", "subscriptions/listen",
                Map.of("notifications", Map.of("toolsListChanged", true))));
        assertThat(pipe.nextLine(WAIT)).contains("notifications/subscriptions/acknowledged").contains("listen-1");

        tier.observed(tier.hides());
        String changed = pipe.nextLine(WAIT);
        assertThat(changed).contains("notifications/tools/list_changed").contains("listen-1");

        pipe.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"listen-1\"}}");
        pipe.send(StatelessMcp.body(2, "server/discover", Map.of()));
        assertThat(pipe.next(WAIT)).contains("\"id\":2").contains("\"result\"");
        tier.observed(tier.hides());
        assertThat(pipe.nextLine(Duration.ofSeconds(2))).as("nothing after the listener was cancelled, and no"
                + " unsolicited 2025 notification without a session").isNull();
    }
}
