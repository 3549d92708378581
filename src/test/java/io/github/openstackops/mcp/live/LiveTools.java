package io.github.openstackops.mcp.live;

import io.github.openstackops.mcp.support.CatalogFacts;
import io.github.openstackops.mcp.support.McpClients;
import io.github.openstackops.mcp.support.ToolCalls;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged server, started through the launcher over stdio (as Claude Desktop does) against the testbed, with a
 * few helpers for live tests of tool families. One per test class is enough (start-up is about two seconds). With
 * {@code LIVE_TOOL_MODE=grouped} in the environment every call goes through the grouped tools instead.
 */
public final class LiveTools implements ToolCalls, AutoCloseable {

    static final boolean GROUPED = "grouped".equals(System.getenv("LIVE_TOOL_MODE"));

    private final McpSyncClient client;

    private LiveTools(Map<String, String> env) {
        this.client = McpClients.stdio(ServerProcess.launcher(), env);
    }

    /** As the testbed's demo user in project demo; write tools on, sensitive tools on. */
    public static LiveTools demo() {
        return with(LiveCloud.demoEnv(), true);
    }

    /** As admin in project admin; write tools on, sensitive tools on. */
    public static LiveTools admin() {
        return with(LiveCloud.adminEnv(), true);
    }

    public static LiveTools with(Map<String, String> cloudEnv, boolean allowModify) {
        Map<String, String> env = new HashMap<>(cloudEnv);
        env.put("ALLOW_MODIFY_OPERATIONS", String.valueOf(allowModify));
        env.put("ALLOW_SENSITIVE_DATA", String.valueOf(allowModify));
        if (GROUPED) {
            env.put("MCP_TOOL_MODE", "grouped");
        }
        return new LiveTools(env);
    }

    public McpSyncClient client() {
        return client;
    }

    public CallToolResult call(String tool, Map<String, Object> arguments) {
        if (GROUPED) {
            return client.callTool(new McpSchema.CallToolRequest(CatalogFacts.groupOf(tool),
                    CatalogFacts.groupedCall(tool, arguments)));
        }
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    @Override
    public Map<String, Object> ok(String tool, Map<String, Object> arguments) {
        CallToolResult result = call(tool, arguments);
        assertThat(result.isError()).as("%s %s -> %s", tool, arguments, McpClients.text(result)).isFalse();
        return McpClients.structured(result);
    }

    @Override
    public String error(String tool, Map<String, Object> arguments) {
        CallToolResult result = call(tool, arguments);
        assertThat(result.isError()).as("%s %s should fail but returned %s", tool, arguments, McpClients.text(result))
                .isTrue();
        return McpClients.text(result);
    }

    /**
     * A list tool page by page: called with the arguments, then again with each {@code next_marker}, until there is
     * none or {@code maxPages} pages were read. Every call is asserted to succeed.
     */
    public List<Map<String, Object>> pages(String tool, Map<String, Object> arguments, int maxPages) {
        List<Map<String, Object>> pages = new ArrayList<>();
        String marker = null;
        do {
            Map<String, Object> call = new HashMap<>(arguments);
            if (marker != null) {
                call.put("marker", marker);
            }
            Map<String, Object> page = ok(tool, call);
            pages.add(page);
            marker = (String) page.get("next_marker");
        } while (marker != null && pages.size() < maxPages);
        return pages;
    }

    /** Closes the servers that were started (a null is one that was not). */
    public static void close(LiveTools... tools) {
        for (LiveTools t : tools) {
            if (t != null) {
                t.close();
            }
        }
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
