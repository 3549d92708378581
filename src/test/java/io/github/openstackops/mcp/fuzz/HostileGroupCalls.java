package io.github.openstackops.mcp.fuzz;

import io.github.openstackops.mcp.catalog.ListedTool;
import io.github.openstackops.mcp.catalog.SafetyClass;
import io.github.openstackops.mcp.catalog.ToolDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Malformed and hostile calls of a grouped tool ({@code <toolset>_<read|write|destructive>}) as a whole, seeded:
 * {@code operation} missing, of the wrong type, hostile, almost right, or an operation of another group (another
 * safety class or another toolset, with arguments that would suit it); {@code arguments} of the wrong type; keys the
 * group does not take; {@code confirm} of the wrong type or forged; {@code describe} where it is not offered or with
 * hostile arguments; a body that is not an object. The operations' own argument sets come from
 * {@link HostileArguments}, sent through the group as {@code {"operation", "arguments"}}.
 */
final class HostileGroupCalls {

    private static final String OPERATION = "operation";
    private static final String ARGUMENTS = "arguments";

    private final Random random;
    private final HostileArguments values;

    HostileGroupCalls(long seed) {
        this.random = new Random(seed);
        this.values = new HostileArguments(seed ^ 0x9e3779b97f4a7c15L);
    }

    /** {@code count} calls of this group; {@code catalog} is every operation, for operations of other groups. */
    List<Object> generate(ListedTool group, List<ToolDefinition<?, ?>> catalog, int count) {
        List<ToolDefinition<?, ?>> own = group.operations();
        List<ToolDefinition<?, ?>> others = catalog.stream().filter(t -> !own.contains(t)).toList();
        List<ToolDefinition<?, ?>> toolset = catalog.stream().filter(t -> t.toolset() == group.toolset()).toList();
        List<Object> calls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            calls.add(switch (i % 10) {
                case 0 -> hostileOperation(own);
                case 1 -> foreignOperation(others);
                case 2 -> wrongArguments(own);
                case 3 -> extraKeys(group, own);
                case 4 -> group.safety() == SafetyClass.DESTRUCTIVE ? badConfirm(own) : confirmWhereNoneIsTaken(own);
                case 5 -> describe(group, toolset, catalog);
                case 6 -> random.nextInt(3) == 0 ? values.hostileValue(Map.of("type", "object"))
                        : pick(List.<Object>of("compute_read", List.of(OPERATION), 0, false, Map.of()));
                case 7 -> withOperation(pick(own).name(), values.hostileValue(Map.of("type", "object")));
                default -> mutatedOperationArguments(own);
            });
        }
        return calls;
    }

    private Map<String, Object> withOperation(Object operation, Object arguments) {
        Map<String, Object> call = new HashMap<>();
        call.put(OPERATION, operation);
        call.put(ARGUMENTS, arguments);
        return call;
    }

    /** {@code operation} absent, null, not a string, hostile, or nearly one of the group's. */
    private Map<String, Object> hostileOperation(List<ToolDefinition<?, ?>> own) {
        String name = own.isEmpty() ? "describe" : pick(own).name();
        Object operation = switch (random.nextInt(5)) {
            case 0 -> pick(List.<Object>of(7, true, -1.5, List.of(name), Map.of("name", name), List.of()));
            case 1 -> pick(HostileArguments.HOSTILE);
            case 2 -> pick(List.of(name.toUpperCase(Locale.ROOT), " " + name, name + " ", name + "\u0000",
                    name + "_x", name.replace('_', '-'), "DESCRIBE", "Describe", name + "/../server_delete"));
            case 3 -> "x".repeat(100_000);
            default -> null;
        };
        Map<String, Object> call = withOperation(operation, Map.of());
        if (random.nextBoolean()) {
            call.remove(operation == null ? OPERATION : ARGUMENTS);
        }
        return call;
    }

    /** An operation of another group, with arguments that would suit it: the route must refuse it. */
    private Map<String, Object> foreignOperation(List<ToolDefinition<?, ?>> others) {
        ToolDefinition<?, ?> foreign = pick(others);
        Map<String, Object> call = withOperation(foreign.name(), values.valid(foreign.inputSchema()));
        if (foreign.safety() == SafetyClass.DESTRUCTIVE && random.nextBoolean()) {
            call.put("confirm", "1767225600.AAAAAAAAAAAAAAAA." + "B".repeat(43));
        }
        return call;
    }

    /** {@code arguments} that are not an object. */
    private Map<String, Object> wrongArguments(List<ToolDefinition<?, ?>> own) {
        return withOperation(own.isEmpty() ? "describe" : pick(own).name(), pick(List.<Object>of("server=web-1",
                "{\"limit\": 1}", 1, -1, 2.5, true, List.of(), List.of(Map.of("limit", 1)), List.of("a", "b"), "",
                "\u0000")));
    }

    /** A top-level key the group does not take, beside a fine operation. */
    private Map<String, Object> extraKeys(ListedTool group, List<ToolDefinition<?, ?>> own) {
        Map<String, Object> call = own.isEmpty() ? withOperation("describe", Map.of())
                : withOperation(pick(own).name(), values.valid(pick(own).inputSchema()));
        String key = pick(List.of("Confirm", "Operation", "ARGUMENTS", "__proto__", "constructor", "server", "limit",
                "all_projects", "", " ", "\u0000", "x".repeat(300), group.name(), "operation ", "password"));
        call.put(key, pick(List.<Object>of("x", 1, List.of(), Map.of("operation", "server_delete"))));
        return call;
    }

    /** A destructive group's {@code confirm}: wrong type, empty, forged, huge, or with another operation. */
    private Map<String, Object> badConfirm(List<ToolDefinition<?, ?>> own) {
        ToolDefinition<?, ?> op = pick(own);
        Map<String, Object> call = withOperation(op.name(), values.valid(op.inputSchema()));
        call.put("confirm", pick(List.<Object>of(1, true, List.of("t"), Map.of("token", "t"), "", " ",
                "1767225600.AAAAAAAAAAAAAAAA." + "B".repeat(43), "9999999999.x.y", "x".repeat(100_000),
                "\u0000", "../../token", "null")));
        if (random.nextInt(4) == 0) {
            call.put(ARGUMENTS, values.hostileValue(Map.of("type", "object")));
        }
        return call;
    }

    /** {@code confirm} on a read or write group, which takes none. */
    private Map<String, Object> confirmWhereNoneIsTaken(List<ToolDefinition<?, ?>> own) {
        Map<String, Object> call = own.isEmpty() ? withOperation("describe", Map.of())
                : withOperation(pick(own).name(), values.valid(pick(own).inputSchema()));
        call.put("confirm", pick(List.<Object>of("1767225600.AAAAAAAAAAAAAAAA." + "B".repeat(43), "", 1)));
        return call;
    }

    /**
     * {@code describe}: right (an operation of the toolset, which must succeed in a read group), in a group that
     * does not offer it, or with hostile, missing, foreign or extra arguments.
     */
    private Map<String, Object> describe(ListedTool group, List<ToolDefinition<?, ?>> toolset,
                                         List<ToolDefinition<?, ?>> catalog) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        switch (random.nextInt(6)) {
            case 0 -> arguments.put(OPERATION, pick(toolset).name());
            case 1 -> arguments.put(OPERATION, pick(catalog).name());
            case 2 -> arguments.put(OPERATION, values.hostileValue(Map.of("type", "string")));
            case 3 -> {
                arguments.put(OPERATION, pick(toolset).name());
                arguments.put(pick(HostileArguments.EXTRA_KEYS), 1);
            }
            case 4 -> arguments.put("name", group.name());
            default -> {
                // no arguments at all
            }
        }
        return withOperation(random.nextInt(5) == 0 ? "describe " : "describe", arguments);
    }

    /** One of the group's operations with a hostile argument set of its own ({@link HostileArguments}). */
    private Map<String, Object> mutatedOperationArguments(List<ToolDefinition<?, ?>> own) {
        if (own.isEmpty()) {
            return withOperation("describe", values.hostileValue(Map.of("type", "object")));
        }
        ToolDefinition<?, ?> op = pick(own);
        return withOperation(op.name(), pick(values.generate(op.inputSchema(), 10)));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
