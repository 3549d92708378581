package io.github.openstackops.mcp.catalog;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a client's context can afford for the tool list: at most {@link #MAX_TOOLS} tools (Cursor works best under
 * about 40; Copilot and OpenAI refuse more than 128) and at most {@link #MAX_BYTES_READ_ONLY} /
 * {@link #MAX_BYTES_MODIFY} bytes of compact {@code tools/list} JSON.
 */
public final class ToolBudget {

    public static final int MAX_TOOLS = 40;
    public static final int MAX_BYTES_READ_ONLY = 24 * 1024;
    public static final int MAX_BYTES_MODIFY = 48 * 1024;

    private ToolBudget() {
    }

    /** Bytes of the compact JSON of a {@code tools/list} result holding these tools. */
    public static int bytes(List<ListedTool> tools) {
        try {
            return McpJsonDefaults.getMapper().writeValueAsString(new McpSchema.ListToolsResult(
                    tools.stream().map(ListedTool::mcpTool).toList(), null)).getBytes(StandardCharsets.UTF_8).length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int maxBytes(boolean allowModify) {
        return allowModify ? MAX_BYTES_MODIFY : MAX_BYTES_READ_ONLY;
    }

    /** True when these tools fit a client's budget. */
    public static boolean fits(List<ListedTool> tools, boolean allowModify) {
        return tools.size() <= MAX_TOOLS && bytes(tools) <= maxBytes(allowModify);
    }
}
