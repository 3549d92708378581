package io.github.openstackops.mcp.catalog;

import java.util.Optional;

/** What a tool handler may know and do about the call it serves, whatever the surface. */
public interface ToolContext {

    Caller caller();

    Surface surface();

    /**
     * Reports progress of a long operation (MCP progress notification when the client asked for it; the status
     * message of a task).
     *
     * @throws CallCancelled when the caller cancelled the call (a task): let it propagate, after stopping the
     *                       operation in OpenStack where the tool can
     */
    void progress(double done, Double total, String message);

    /**
     * Called by the invoker once a call passed the rate limit, the gate, the argument check and the confirmation,
     * right before the handler runs. A task context starts the task here (and may refuse with a
     * {@link ToolException}); others do nothing.
     */
    default void beforeRun(ToolDefinition<?, ?> tool, Record arguments) {
    }

    /** Sends an informational message to the client (MCP logging notification) and to the server log. */
    void info(String message);

    /**
     * Asks the user to confirm an operation, where the client supports it (MCP elicitation).
     *
     * @return the answer, or empty when the client cannot be asked
     */
    default Optional<Boolean> askToConfirm(String question) {
        return Optional.empty();
    }

    /** A context for calls with nobody to notify (REST surfaces, tests). */
    static ToolContext quiet(Caller caller, Surface surface) {
        return new ToolContext() {
            @Override
            public Caller caller() {
                return caller;
            }

            @Override
            public Surface surface() {
                return surface;
            }

            @Override
            public void progress(double done, Double total, String message) {
            }

            @Override
            public void info(String message) {
            }
        };
    }
}
