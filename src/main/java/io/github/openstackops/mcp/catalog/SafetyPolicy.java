package io.github.openstackops.mcp.catalog;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * What the operator opened. Environment names (see {@code launch.EnvironmentMapping}): ALLOW_MODIFY_OPERATIONS,
 * ALLOW_SENSITIVE_DATA, REQUIRE_CONFIRMATION, MCP_TOOLSETS, MCP_EXCLUDE_TOOLS, CONFIRMATION_TTL, CONFIRMATION_SECRET,
 * CONFIRMATION_ELICITATION.
 *
 * @param allowModify          WRITE and DESTRUCTIVE tools exist only when true
 * @param allowSensitive       tools whose output can hold secrets (console log/URL) exist only when true
 * @param requireConfirmation  DESTRUCTIVE tools take two steps (preview, then confirm with a token)
 * @param toolsets             toolsets to expose; empty or "all" means every toolset
 * @param excludeTools         tool names never exposed
 * @param confirmationTtl      how long a confirmation token is accepted
 * @param confirmationSecret   HMAC key for confirmation tokens; random per process when unset (set it, identical,
 *                             on every replica behind a load balancer)
 * @param elicitation          ask the user through MCP elicitation instead of returning a token, when the client can
 */
@ConfigurationProperties(SafetyPolicy.PREFIX)
public record SafetyPolicy(
        @Bindable(defaultValue = "false") boolean allowModify,
        @Bindable(defaultValue = "false") boolean allowSensitive,
        @Bindable(defaultValue = "true") boolean requireConfirmation,
        @Nullable List<String> toolsets,
        @Nullable List<String> excludeTools,
        @Bindable(defaultValue = "5m") Duration confirmationTtl,
        @Nullable String confirmationSecret,
        @Bindable(defaultValue = "true") boolean elicitation) {

    public static final String PREFIX = "mcp.safety";

    public SafetyPolicy {
        toolsets = toolsets == null ? List.of() : toolsets.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        excludeTools = excludeTools == null ? List.of()
                : excludeTools.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The defaults: read-only, confirmations on. */
    public static SafetyPolicy defaults() {
        return new SafetyPolicy(false, false, true, null, null, Duration.ofMinutes(5), null, true);
    }
}
