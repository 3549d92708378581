package io.github.openstackops.mcp.support;

import io.github.openstackops.mcp.catalog.SafetyClass;
import io.github.openstackops.mcp.catalog.ToolCatalog;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolGroups;
import io.micronaut.context.ApplicationContext;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The real catalog's tools by class, for tests that must cover every tool (the gate matrix). */
public final class CatalogFacts {

    private static final List<ToolDefinition<?, ?>> ALL;

    static {
        try (ApplicationContext context = TestContexts.plain(Map.of("mcp.safety.allow-modify", true,
                "mcp.safety.allow-sensitive", true))) {
            ALL = context.getBean(ToolCatalog.class).all();
        }
    }

    private CatalogFacts() {
    }

    /** Names of the tools a read-only server without sensitive data offers. */
    public static Set<String> readTools() {
        return ALL.stream().filter(t -> t.safety() == SafetyClass.READ && !t.sensitive())
                .map(ToolDefinition::name).collect(Collectors.toSet());
    }

    /** Names of the grouped tools a read-only server without sensitive data offers. */
    public static Set<String> readGroups() {
        return ALL.stream().filter(t -> t.safety() == SafetyClass.READ && !t.sensitive())
                .map(t -> ToolGroups.name(t.toolset(), t.safety())).collect(Collectors.toSet());
    }

    /** The grouped tool that runs this operation. */
    public static String groupOf(String operation) {
        return ALL.stream().filter(t -> t.name().equals(operation)).findFirst()
                .map(t -> ToolGroups.name(t.toolset(), t.safety())).orElseThrow();
    }

    /** The read group of the toolset of this operation. */
    public static String readGroupOf(String operation) {
        return ALL.stream().filter(t -> t.name().equals(operation)).findFirst()
                .map(t -> ToolGroups.name(t.toolset(), SafetyClass.READ)).orElseThrow();
    }

    /** The arguments of a grouped call of an operation: its arguments under 'arguments', 'confirm' beside them. */
    public static Map<String, Object> groupedCall(String operation, Map<String, Object> arguments) {
        Map<String, Object> args = new java.util.HashMap<>(arguments);
        Map<String, Object> call = new java.util.HashMap<>(Map.of("operation", operation));
        Object confirm = args.remove("confirm");
        if (confirm != null) {
            call.put("confirm", confirm);
        }
        call.put("arguments", args);
        return call;
    }

    /** Names of every WRITE and DESTRUCTIVE tool. */
    public static Set<String> modifyingTools() {
        return ALL.stream().filter(t -> t.safety().modifies()).map(ToolDefinition::name).collect(Collectors.toSet());
    }
}
