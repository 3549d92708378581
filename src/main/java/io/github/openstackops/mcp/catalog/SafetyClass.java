package io.github.openstackops.mcp.catalog;

import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;

/**
 * The one truth about what a tool may do. Every surface derives from it: the MCP annotations, whether the tool is
 * registered at all ({@code ALLOW_MODIFY_OPERATIONS}), whether it needs a write scope, and whether a call takes the
 * two-step confirmation.
 */
public enum SafetyClass {
    /** Reads cloud state, changes nothing. Always available. */
    READ,
    /** Creates or changes resources; nothing is lost. Needs ALLOW_MODIFY_OPERATIONS=true. */
    WRITE,
    /** Deletes or irreversibly replaces resources. Needs ALLOW_MODIFY_OPERATIONS=true and a confirmation. */
    DESTRUCTIVE;

    public boolean modifies() {
        return this != READ;
    }

    /**
     * Every hint is set explicitly. Repeating a read or a delete has no further effect (idempotent); a write such as a
     * create or a reboot does. Every tool talks to an OpenStack cloud whose state changes independently (open world).
     */
    public ToolAnnotations annotations(String title) {
        return new ToolAnnotations(title, this == READ, this == DESTRUCTIVE, this != WRITE, true, null);
    }
}
