package io.github.openstackops.mcp.catalog;

import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The one gate. The catalog asks it what to register (server level); the invoker asks it again on every call (server
 * level and caller level), whatever the surface. Nothing else decides whether a tool may run.
 */
@Singleton
public class ToolGate {

    private final SafetyPolicy policy;
    private final Set<Toolset> toolsets;
    private final AdminTier adminTier;

    public ToolGate(SafetyPolicy policy) {
        this(policy, new AdminTier(AdminTier.Setting.ON));
    }

    @jakarta.inject.Inject
    public ToolGate(SafetyPolicy policy, AdminTier adminTier) {
        this.policy = policy;
        this.toolsets = parseToolsets(policy);
        this.adminTier = adminTier;
    }

    private static Set<Toolset> parseToolsets(SafetyPolicy policy) {
        if (policy.toolsets().isEmpty() || policy.toolsets().stream().anyMatch("all"::equalsIgnoreCase)) {
            return EnumSet.allOf(Toolset.class);
        }
        EnumSet<Toolset> chosen = EnumSet.noneOf(Toolset.class);
        for (String id : policy.toolsets()) {
            chosen.add(Toolset.parse(id).orElseThrow(() -> new ConfigurationException(
                    "MCP_TOOLSETS: unknown toolset '" + id + "'; use 'all' or any of "
                            + java.util.Arrays.stream(Toolset.values()).map(Toolset::id).toList())));
        }
        return chosen;
    }

    public SafetyPolicy policy() {
        return policy;
    }

    public AdminTier adminTier() {
        return adminTier;
    }

    /** Why the server does not offer this tool at all, or empty when it does. */
    public Optional<String> serverRefusal(ToolDefinition<?, ?> tool) {
        if (tool.safety().modifies() && !policy.allowModify()) {
            return Optional.of("'" + tool.name() + "' is a " + tool.safety() + " tool and this server runs read-only"
                    + " (ALLOW_MODIFY_OPERATIONS=false).");
        }
        if (tool.sensitive() && !policy.allowSensitive()) {
            return Optional.of("'" + tool.name() + "' can return secrets and this server runs with"
                    + " ALLOW_SENSITIVE_DATA=false.");
        }
        if (!toolsets.contains(tool.toolset())) {
            return Optional.of("'" + tool.name() + "' belongs to the " + tool.toolset().id()
                    + " toolset, which MCP_TOOLSETS does not enable.");
        }
        if (policy.excludeTools().contains(tool.name())) {
            return Optional.of("'" + tool.name() + "' is excluded by MCP_EXCLUDE_TOOLS.");
        }
        if (tool.adminOnly() && adminTier.hides()) {
            return Optional.of(adminTier.refusal(tool.name()));
        }
        return Optional.empty();
    }

    /** Why this caller may not use this tool, or empty when they may. Includes the server-level checks. */
    public Optional<String> refusal(ToolDefinition<?, ?> tool, Caller caller) {
        Optional<String> server = serverRefusal(tool);
        if (server.isPresent()) {
            return server;
        }
        if (tool.adminOnly() && adminTier.hidesFrom(caller)) {
            return Optional.of(adminTier.refusal(tool.name(), caller));
        }
        if (tool.safety().modifies() && !caller.mayModify()) {
            return Optional.of("'" + tool.name() + "' is a " + tool.safety() + " tool and your token does not"
                    + " carry the write scope.");
        }
        return Optional.empty();
    }

    /** As {@link #refusal(ToolDefinition, Caller)}, and the operation must belong to the group it came through. */
    public Optional<String> refusal(ToolDefinition<?, ?> tool, Caller caller, @io.micronaut.core.annotation.Nullable Route route) {
        Optional<String> refusal = refusal(tool, caller);
        if (refusal.isPresent() || route == null) {
            return refusal;
        }
        return Optional.ofNullable(route.refusal(tool));
    }
}
