package io.github.openstackops.mcp.transport;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.HttpSurfaces;
import io.github.openstackops.mcp.support.HttpSurfaces.Response;
import io.github.openstackops.mcp.support.RawMcp;
import io.github.openstackops.mcp.support.StdioPipe;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.support.CleanAnswers.assertClean;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages no well-behaved client sends get a clean JSON-RPC (or HTTP) error on every surface: JSON nested deeper than
 * the parser allows, initialize without params, tools/call whose params, name or arguments have the wrong type. Never a
 * 500 naming a Java class, never a request left without an answer.
 */
class MalformedMessagesTest {

    static final String TOKEN = "malformed-messages-bearer-secret-61";
    static final List<String> BAD_TOOL_CALLS = List.of("\"a string\"", "[1,2]", "{\"name\":[\"server_list\"]}",
            "{\"name\":\"server_list\",\"arguments\":\"limit=1\"}", "{\"name\":\"server_list\",\"arguments\":[1]}",
            "{\"name\":42}", "{}", "{\"name\":\"server_list\",\"arguments\":{},\"_meta\":\"x\"}");

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    private String http() {
        FakeOpenStack fake = FakeOpenStack.start()
                .on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-limit3.json");
        closing.add(fake);
        EmbeddedServer server = HttpSurfaces.start(fake, Map.of("MCP_TRANSPORT", "streamable-http",
                "REMOTE_AUTH_ENABLE", "true", "REMOTE_SECRET_KEY", TOKEN, "MCP_TOOL_MODE", "all"));
        closing.add(server.getApplicationContext());
        return server.getURL().toString();
    }

    private static Map<String, Object> json(String body) {
        return HttpSurfaces.read(body, new TypeReference<>() { });
    }

    @SuppressWarnings("unchecked")
    private static int code(Map<String, Object> answer) {
        return ((Number) ((Map<String, Object>) answer.get("error")).get("code")).intValue();
    }

    @Test
    void json_nested_too_deep_is_a_parse_error_on_every_http_surface() {
        String base = http();
        String deep = RawMcp.nested(2000);

        Response mcp = RawMcp.post(base, TOKEN, null, deep);
        Response rest = HttpSurfaces.post(base + "/tool/server_list/call", TOKEN, deep);
        Response openapi = HttpSurfaces.post(base + "/openapi/server_list", TOKEN, deep);
        Response deepObject = HttpSurfaces.post(base + "/tool/server_list/call", TOKEN,
                "{\"a\":".repeat(2000) + "1" + "}".repeat(2000));

        assertThat(mcp.status()).isEqualTo(400);
        assertThat(code(json(mcp.body()))).isEqualTo(-32700);
        for (Response r : List.of(mcp, rest, openapi, deepObject)) {
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertClean("nested JSON", r.body());
        }
    }

    @Test
    void initialize_without_usable_params_is_invalid_params_not_a_500() {
        String base = http();

        for (String params : List.of("", ",\"params\":null", ",\"params\":\"x\"", ",\"params\":{}",
                ",\"params\":{\"protocolVersion\":5}", ",\"params\":{\"protocolVersion\":\"2025-06-18\",\"clientInfo\":7}")) {
            Response r = RawMcp.post(base, TOKEN, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"" + params + "}");
            assertThat(r.status()).as(params + " -> " + r.body()).isEqualTo(400);
            assertThat(code(json(r.body()))).as(r.body()).isEqualTo(-32602);
            assertThat(json(r.body())).containsEntry("id", 1);
            assertClean("initialize " + params, r.body());
        }
    }

    @Test
    void a_tools_call_with_params_of_the_wrong_shape_is_answered_with_invalid_params_over_http() {
        String base = http();
        String session = RawMcp.initialize(base, TOKEN);

        int id = 10;
        for (String params : BAD_TOOL_CALLS) {
            Response r = RawMcp.post(base, TOKEN, session, RawMcp.toolsCall(++id, params));
            assertThat(r.status()).as(params + " -> HTTP " + r.status() + " " + r.body()).isEqualTo(200);
            Map<String, Object> answer = json(r.body());
            assertThat(answer).as(params).containsEntry("id", id);
            assertThat(code(answer)).as(r.body()).isEqualTo(-32602);
            assertClean(params, r.body());
        }
        Response fine = RawMcp.post(base, TOKEN, session, RawMcp.toolsCall(99,
                "{\"name\":\"server_list\",\"arguments\":{\"limit\":1}}"));
        assertThat(fine.body()).contains("\"id\":99").contains("\"isError\":false");
    }

    @Test
    void over_stdio_bad_lines_and_bad_params_are_answered_and_the_server_keeps_serving() {
        FakeOpenStack fake = FakeOpenStack.start()
                .on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-limit3.json");
        closing.add(fake);
        Map<String, Object> properties = new java.util.HashMap<>(fake.properties());
        properties.put("mcp.catalog.tool-mode", "all");
        StdioPipe stdio = new StdioPipe(properties);
        closing.add(stdio);

        stdio.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}");
        String noParams = stdio.next(Duration.ofSeconds(20));
        assertThat(noParams).as("initialize without params").isNotNull();
        assertThat(code(json(noParams))).isEqualTo(-32602);
        assertClean("stdio initialize", noParams);

        stdio.initialize();
        stdio.send(RawMcp.nested(2000)); // no id to answer to: skipped (SDK clients fail on null-id answers)
        stdio.send(RawMcp.toolsCall(7, "{\"name\":\"server_list\",\"arguments\":{\"a\":" + RawMcp.nested(2000) + "}}"));
        String deep = stdio.next(Duration.ofSeconds(10));
        assertThat(deep).as("nested JSON").isNotNull();
        assertThat(code(json(deep))).isEqualTo(-32700);
        assertThat(json(deep)).containsEntry("id", 7);
        assertClean("stdio nested", deep);

        int id = 10;
        for (String params : BAD_TOOL_CALLS) {
            stdio.send(RawMcp.toolsCall(++id, params));
            String answer = stdio.next(Duration.ofSeconds(10));
            assertThat(answer).as(params).isNotNull();
            assertThat(json(answer)).as(answer).containsEntry("id", id);
            assertThat(code(json(answer))).as(answer).isEqualTo(-32602);
            assertClean(params, answer);
        }
        stdio.send(RawMcp.toolsCall(99, "{\"name\":\"server_list\",\"arguments\":{\"limit\":1}}"));
        assertThat(stdio.next(Duration.ofSeconds(20))).contains("\"id\":99").contains("\"isError\":false");
    }
}
