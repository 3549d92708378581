package io.github.openstackops.mcp.support;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tool calls that assert their outcome, the same in unit tests ({@link ToolHarness}, over a fake cloud) and live
 * tests ({@code live/LiveTools}, over the testbed).
 */
public interface ToolCalls {

    /** Calls the tool, asserts it succeeded, returns its structured result. */
    Map<String, Object> ok(String tool, Map<String, Object> arguments);

    /** Calls the tool, asserts it failed, returns the error sentence. */
    String error(String tool, Map<String, Object> arguments);

    /** A DESTRUCTIVE tool end to end: asserts the preview, confirms with its token, returns the executed result. */
    @SuppressWarnings("unchecked")
    default Map<String, Object> confirmed(String tool, Map<String, Object> arguments) {
        Map<String, Object> preview = ok(tool, arguments);
        assertThat(preview).as("preview of %s", tool).containsEntry("status", "preview").containsKey("confirm");
        Map<String, Object> withToken = new HashMap<>(arguments);
        withToken.put("confirm", preview.get("confirm"));
        Map<String, Object> done = ok(tool, withToken);
        assertThat(done).containsEntry("status", "executed");
        return (Map<String, Object>) done.get("result");
    }
}
