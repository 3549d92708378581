package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.ToolHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A recorded Neutron (see {@link NeutronFake}) behind the real invoker, write tools on, as user demo. */
abstract class NeutronToolsTestBase {

    static final String N = NeutronFake.N;

    protected ToolHarness tools;
    protected FakeOpenStack fake;

    @BeforeEach
    void start() {
        fake = NeutronFake.start();
        tools = ToolHarness.on(fake).allowModify().properties(extraProperties()).start();
    }

    /** Properties a test class adds (e.g. a guard rail switched off). */
    protected Map<String, Object> extraProperties() {
        return Map.of();
    }

    @AfterEach
    void stop() {
        tools.close();
    }

    /** Preview of a destructive tool (nothing deleted yet). */
    @SuppressWarnings("unchecked")
    protected Map<String, Object> preview(String tool, Map<String, Object> args) {
        Map<String, Object> envelope = tools.ok(tool, args);
        assertThat(envelope).containsEntry("status", "preview").containsKey("confirm");
        assertThat(fake.count("DELETE", ".*")).as("a preview deletes nothing").isZero();
        return (Map<String, Object>) envelope.get("preview");
    }

    @SuppressWarnings("unchecked")
    protected static List<Map<String, Object>> list(Map<String, Object> result, String key) {
        return (List<Map<String, Object>>) result.get(key);
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> map(Map<String, Object> result, String key) {
        return (Map<String, Object>) result.get(key);
    }

    /** Query parameters of the requests to a path. */
    protected List<List<String>> queries(String method, String path) {
        return fake.requests(method, path).stream().map(FakeOpenStack::queryParams).toList();
    }

    protected FakeOpenStack.Request last(String method, String path) {
        List<FakeOpenStack.Request> requests = fake.requests(method, path);
        assertThat(requests).as("%s %s was called", method, path).isNotEmpty();
        return requests.get(requests.size() - 1);
    }

    /** Answers with an empty body and the given status (e.g. 204 for a DELETE). */
    protected void answer(String method, String path, int status) {
        fake.on(method, path, r -> new FakeOpenStack.Reply(status, "", Map.of()));
    }

    protected void answer(String method, String path, int status, String file) {
        fake.on(method, path, status, "network/" + file);
    }
}
