package io.github.openstackops.mcp.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Grouped mode's tools: one per toolset and safety class that has operations, named {@code <toolset>_<class>}
 * ({@code compute_read}, {@code compute_write}, {@code compute_destructive}). Each takes {@code operation} and
 * {@code arguments} (and {@code confirm} when destructive); its description lists its operations, one line each.
 * Every toolset's read group also answers {@code describe}, the full schemas of any operation of the toolset.
 */
public final class ToolGroups {

    public static final String OPERATION = "operation";
    public static final String ARGUMENTS = "arguments";
    public static final String DESCRIBE = "describe";

    private ToolGroups() {
    }

    public static String name(Toolset toolset, SafetyClass safety) {
        return toolset.id() + "_" + safety.name().toLowerCase(Locale.ROOT);
    }

    /** The group this name denotes (whether or not it is offered), or null. */
    static Route parse(String name) {
        for (Toolset toolset : Toolset.values()) {
            for (SafetyClass safety : SafetyClass.values()) {
                if (name(toolset, safety).equals(name)) {
                    return new Route(name, toolset, safety);
                }
            }
        }
        return null;
    }

    /** The groups of these operations, by toolset, then read, write, destructive; every toolset has a read group. */
    static List<ListedTool> of(List<ToolDefinition<?, ?>> operations) {
        Map<Toolset, Map<SafetyClass, List<ToolDefinition<?, ?>>>> byGroup = new LinkedHashMap<>();
        operations.stream().sorted(java.util.Comparator.comparing((ToolDefinition<?, ?> t) -> t.toolset())
                        .thenComparing(ToolDefinition::name))
                .forEach(t -> byGroup.computeIfAbsent(t.toolset(), k -> new java.util.EnumMap<>(SafetyClass.class))
                        .computeIfAbsent(t.safety(), k -> new ArrayList<>()).add(t));
        List<ListedTool> groups = new ArrayList<>();
        byGroup.forEach((toolset, classes) -> {
            for (SafetyClass safety : SafetyClass.values()) {
                List<ToolDefinition<?, ?>> ops = classes.getOrDefault(safety, List.of());
                if (!ops.isEmpty() || safety == SafetyClass.READ) {
                    groups.add(group(toolset, safety, ops));
                }
            }
        });
        return groups;
    }

    private static ListedTool group(Toolset toolset, SafetyClass safety, List<ToolDefinition<?, ?>> ops) {
        String name = name(toolset, safety);
        String label = toolset.id().substring(0, 1).toUpperCase(Locale.ROOT) + toolset.id().substring(1);
        String title = label + ": " + safety.name().charAt(0) + safety.name().substring(1).toLowerCase(Locale.ROOT);
        StringBuilder description = new StringBuilder(toolset.description()).append(". ").append(switch (safety) {
            case READ -> "Read operations: they change nothing.";
            case WRITE -> "WRITE operations: they change cloud resources.";
            case DESTRUCTIVE -> "DESTRUCTIVE operations: a call without 'confirm' only previews what would go"
                    + " and returns a token; repeat the same call with 'confirm' set to it.";
        }).append(" Call with {\"operation\": name, \"arguments\": {...}}");
        description.append(safety == SafetyClass.READ
                ? "; {\"operation\": \"describe\", \"arguments\": {\"operation\": name}} returns the parameters and"
                + " result schema of any " + toolset.id() + " operation."
                : "; " + name(toolset, SafetyClass.READ) + " describes each operation's parameters.");
        description.append(" Operations:");
        for (ToolDefinition<?, ?> op : ops) {
            description.append('\n').append(op.name()).append(": ").append(op.summary())
                    .append(op.adminOnly() ? " (admin)" : "");
        }
        List<String> names = new ArrayList<>(ops.stream().map(ToolDefinition::name).toList());
        if (safety == SafetyClass.READ) {
            names.add(DESCRIBE);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(OPERATION, Map.of("type", "string", "enum", names));
        properties.put(ARGUMENTS, Map.of("type", "object", "description", "The operation's arguments"));
        if (safety == SafetyClass.DESTRUCTIVE) {
            properties.put(ToolDefinition.CONFIRM, Map.of("type", "string",
                    "description", "Token from the preview call with the same operation and arguments"));
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", List.of(OPERATION));
        schema.put("additionalProperties", false);
        return new ListedTool(name, title, description.toString(), toolset, safety, schema, null, List.copyOf(ops),
                true);
    }

    /** The parameters of an operation in one line: {@code server (string, required), wait (boolean)}. */
    @SuppressWarnings("unchecked")
    static String parameters(ToolDefinition<?, ?> operation) {
        Map<String, Object> properties = (Map<String, Object>) operation.inputSchema().get("properties");
        List<?> required = operation.inputSchema().get("required") instanceof List<?> r ? r : List.of();
        if (properties == null || properties.isEmpty()) {
            return "none";
        }
        return properties.entrySet().stream().map(e -> e.getKey() + " (" + type(e.getValue())
                        + (required.contains(e.getKey()) ? ", required" : "") + ")")
                .collect(Collectors.joining(", "));
    }

    private static String type(Object schema) {
        if (schema instanceof Map<?, ?> map) {
            Object type = map.get("type");
            if (map.get("enum") instanceof List<?> values) {
                return values.stream().map(String::valueOf).collect(Collectors.joining("|"));
            }
            if ("array".equals(type) && map.get("items") instanceof Map<?, ?> items) {
                return "array of " + type(items);
            }
            if (type instanceof List<?> types) {
                return types.stream().map(String::valueOf).filter(t -> !t.equals("null")).collect(Collectors.joining("|"));
            }
            return type == null ? "any" : type.toString();
        }
        return "any";
    }
}
