package io.github.openstackops.mcp.tasks;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Bounds of the Tasks extension: long operations a client asked to run as tasks.
 *
 * @param maxPerCaller tasks one caller may have running at once on this server (beyond it the call is refused)
 * @param max          tasks running at once on this server, all callers together
 * @param retention    how long a task's status and result are kept after it ended (and after its last progress
 *                     while it runs); then it is gone
 * @param pollInterval how often clients are told to poll
 */
@ConfigurationProperties(TaskSettings.PREFIX)
public record TaskSettings(
        @Bindable(defaultValue = "8") int maxPerCaller,
        @Bindable(defaultValue = "64") int max,
        @Bindable(defaultValue = "1h") Duration retention,
        @Bindable(defaultValue = "2s") Duration pollInterval) {

    public static final String PREFIX = "mcp.tasks";

    public TaskSettings {
        if (maxPerCaller < 1 || max < 1) {
            throw new IllegalArgumentException("MCP_TASKS_MAX_PER_CALLER and MCP_TASKS_MAX must be at least 1");
        }
        if (retention.isNegative() || retention.isZero() || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("MCP_TASKS_RETENTION and the poll interval must be positive");
        }
    }
}
