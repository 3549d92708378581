package io.github.openstackops.mcp.tasks;

import io.github.openstackops.mcp.catalog.ToolOutcome;
import io.github.openstackops.mcp.catalog.schema.ToolJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tasks as the MCP Tasks extension ({@code io.modelcontextprotocol/tasks}, protocol 2026-07-28) puts them on the
 * wire: the handle a {@code tools/call} answers with ({@code resultType: "task"}) and the detailed task
 * {@code tasks/get} returns, with the call's result inlined once it completed.
 */
public final class TaskWire {

    /** The extension's identifier, in client capabilities ({@code extensions}) and in server/discover. */
    public static final String EXTENSION = "io.modelcontextprotocol/tasks";
    public static final String GET = "tasks/get";
    public static final String UPDATE = "tasks/update";
    public static final String CANCEL = "tasks/cancel";
    /** JSON-RPC invalid params: what an unknown, expired or foreign task id gets. */
    public static final int INVALID_PARAMS = -32602;

    private TaskWire() {
    }

    /** The answer to a {@code tools/call} that became a task. */
    public static Map<String, Object> created(Task task) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("resultType", "task");
        result.putAll(fields(task));
        return result;
    }

    /** The answer to {@code tasks/get}: the task, with its result once completed. */
    public static Map<String, Object> detailed(Task task) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("resultType", "complete");
        result.putAll(fields(task));
        if (task.status() == TaskStatus.COMPLETED && task.outcome() != null) {
            result.put("result", callToolResult(task.outcome()));
        } else if (task.status() == TaskStatus.FAILED) {
            result.put("error", Map.of("code", -32603, "message", task.statusMessage() == null ? "The task failed."
                    : task.statusMessage()));
        }
        return result;
    }

    /** The empty acknowledgement of {@code tasks/cancel} and {@code tasks/update}. */
    public static Map<String, Object> acknowledged() {
        return Map.of("resultType", "complete");
    }

    /** The message of the JSON-RPC error for a task id the caller has no task under. */
    public static String notFound(String id) {
        return "Failed to retrieve task: no task " + (id == null ? "" : "'" + id + "' ") + "of yours exists (it may"
                + " have expired: results are kept " + "for a limited time).";
    }

    /** A {@code CallToolResult} as JSON, as the call would have returned it without a task. */
    public static Map<String, Object> callToolResult(ToolOutcome outcome) {
        Map<String, Object> result = new LinkedHashMap<>();
        switch (outcome) {
            case ToolOutcome.Success success -> {
                result.put("content", List.of(Map.of("type", "text", "text", ToolJson.write(success.structured()))));
                result.put("structuredContent", success.structured());
                result.put("isError", false);
            }
            case ToolOutcome.Error error -> {
                result.put("content", List.of(Map.of("type", "text", "text", error.message())));
                result.put("isError", true);
            }
        }
        return result;
    }

    private static Map<String, Object> fields(Task task) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("taskId", task.id());
        fields.put("status", task.status().wire());
        if (task.statusMessage() != null) {
            fields.put("statusMessage", task.statusMessage());
        }
        fields.put("createdAt", task.createdAt().toString());
        fields.put("lastUpdatedAt", task.lastUpdatedAt().toString());
        fields.put("ttlMs", task.ttl().toMillis());
        fields.put("pollIntervalMs", task.pollInterval().toMillis());
        return fields;
    }
}
