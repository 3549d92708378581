package io.github.openstackops.mcp.catalog;

import io.micronaut.core.annotation.Nullable;

/**
 * The tool a call came through in grouped mode: a group of one toolset and one safety class, or (toolset and safety
 * null) an operation named directly where only groups are offered. The gate refuses an operation that does not
 * belong to the group it came through, so a read-only group can never run a write.
 *
 * @param tool    the name the client called
 * @param toolset the group's toolset, or null for a direct call in grouped mode
 * @param safety  the group's safety class, or null for a direct call in grouped mode
 */
public record Route(String tool, @Nullable Toolset toolset, @Nullable SafetyClass safety) {

    /** An operation named directly while the server offers groups. */
    public static Route direct(String tool) {
        return new Route(tool, null, null);
    }

    /** Why this operation may not be called this way, or null when it may. */
    @Nullable
    String refusal(ToolDefinition<?, ?> operation) {
        String group = ToolGroups.name(operation.toolset(), operation.safety());
        if (toolset == null || safety == null) {
            return "'" + operation.name() + "' is an operation of " + group + ": call " + group
                    + " with {\"operation\": \"" + operation.name() + "\", \"arguments\": {...}}.";
        }
        if (operation.toolset() != toolset || operation.safety() != safety) {
            return "'" + operation.name() + "' is a " + operation.safety() + " operation of the "
                    + operation.toolset().id() + " toolset: it is not available through " + tool
                    + (operation.safety() == safety ? "" : " (a " + safety + " tool)") + "; call " + group + ".";
        }
        return null;
    }
}
