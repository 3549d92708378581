package io.github.openstackops.mcp.catalog;

import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every tool this server knows, in one place, and the subset a given server configuration and caller may use. Every
 * surface (stdio, streamable HTTP, OpenAPI, REST, {@code --list-tools}, the README table) reads it.
 */
@Singleton
public class ToolCatalog {

    private final Map<String, ToolDefinition<?, ?>> tools;
    private final ToolGate gate;

    public ToolCatalog(List<ToolProvider> providers, ToolGate gate) {
        this.gate = gate;
        Map<String, ToolDefinition<?, ?>> byName = new LinkedHashMap<>();
        providers.stream().flatMap(p -> p.tools().stream())
                .sorted(Comparator.comparing(ToolDefinition::name))
                .forEach(t -> {
                    if (byName.putIfAbsent(t.name(), t) != null) {
                        throw new IllegalStateException("two tools are named " + t.name());
                    }
                });
        this.tools = java.util.Collections.unmodifiableMap(byName);
        Set<String> unknown = new HashSet<>(gate.policy().excludeTools());
        unknown.removeAll(tools.keySet());
        if (!unknown.isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(ToolCatalog.class)
                    .warn("MCP_EXCLUDE_TOOLS names tools that do not exist: {}", unknown);
        }
    }

    /** Every tool, sorted by name, whatever the configuration. */
    public List<ToolDefinition<?, ?>> all() {
        return List.copyOf(tools.values());
    }

    /** The tools this server offers (registered on every surface). */
    public List<ToolDefinition<?, ?>> enabled() {
        return tools.values().stream().filter(t -> gate.serverRefusal(t).isEmpty()).toList();
    }

    /** The tools this caller may see and call. */
    public List<ToolDefinition<?, ?>> visibleTo(Caller caller) {
        return tools.values().stream().filter(t -> gate.refusal(t, caller).isEmpty()).toList();
    }

    public Optional<ToolDefinition<?, ?>> find(String name) {
        return Optional.ofNullable(name == null ? null : tools.get(name));
    }

    public ToolGate gate() {
        return gate;
    }
}
