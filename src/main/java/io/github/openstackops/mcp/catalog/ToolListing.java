package io.github.openstackops.mcp.catalog;

import io.github.openstackops.mcp.catalog.ToolOutcome.Failure;
import jakarta.inject.Singleton;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog in the tool mode this server runs in ({@code MCP_TOOL_MODE}), for every surface: what is listed and
 * how a call by tool name reaches an operation. In mode all a tool is an operation; in mode grouped a call names a
 * group and an operation, which goes to the same {@link ToolInvoker} with the group as its {@link Route}: the gate,
 * scopes, confirmation, rate limit and audit apply per operation exactly as in mode all.
 */
@Singleton
public class ToolListing {

    private final ToolCatalog catalog;
    private final ToolInvoker invoker;
    private final CatalogSettings settings;
    private final ToolMode mode;
    /**
     * Listings already made, by the operations they list: every MCP {@code tools/call} asks what is offered, and
     * building a listing (leaner output schemas for 200 operations, or the groups' descriptions) is not cheap. The
     * offered and visible sets change rarely (the admin tier) and take few distinct values.
     */
    private final Map<List<ToolDefinition<?, ?>>, List<ListedTool>> listings = new ConcurrentHashMap<>();

    public ToolListing(ToolCatalog catalog, ToolInvoker invoker, CatalogSettings settings) {
        this.catalog = catalog;
        this.invoker = invoker;
        this.settings = settings;
        this.mode = settings.mode() != ToolMode.AUTO ? settings.mode()
                : ToolBudget.fits(list(catalog.enabled(), ToolMode.ALL), catalog.gate().policy().allowModify())
                ? ToolMode.ALL : ToolMode.GROUPED;
        if (settings.mode() == ToolMode.AUTO) {
            LoggerFactory.getLogger(ToolListing.class).info("MCP_TOOL_MODE=auto: {} tools in mode {}",
                    offered().size(), mode.id());
        }
    }

    /** The mode in effect (auto resolved). */
    public ToolMode mode() {
        return mode;
    }

    /** The tools this server offers now (registered on every surface). */
    public List<ListedTool> offered() {
        return list(catalog.enabled(), mode);
    }

    /** The tools this caller may see and call now. */
    public List<ListedTool> visibleTo(Caller caller) {
        return list(catalog.visibleTo(caller), mode);
    }

    private List<ListedTool> list(List<ToolDefinition<?, ?>> operations, ToolMode in) {
        if (in != mode) { // resolving auto
            return build(operations, in);
        }
        List<ListedTool> listed = listings.get(operations);
        if (listed == null) {
            if (listings.size() >= 32) {
                listings.clear();
            }
            listed = build(operations, in);
            listings.put(operations, listed);
        }
        return listed;
    }

    private List<ListedTool> build(List<ToolDefinition<?, ?>> operations, ToolMode in) {
        List<ListedTool> listed = in == ToolMode.GROUPED ? List.copyOf(ToolGroups.of(operations))
                : operations.stream().map(t -> ListedTool.of(t, settings.outputSchemas())).toList();
        // several clouds: every tool (or group) takes the required 'cloud', and every result names it; every surface
        // (MCP, OpenAPI, REST) lists these, so this is the one place that says so
        CloudChoice clouds = invoker.clouds();
        return !clouds.multiple() ? listed : listed.stream().map(t -> new ListedTool(t.name(), t.title(),
                t.description(), t.toolset(), t.safety(), clouds.withCloudArgument(t.inputSchema()),
                clouds.withCloudResult(t.outputSchema()), t.operations(), t.group())).toList();
    }

    /**
     * True when a call of this name would reach an operation of the catalog (then the invoker refuses and audits
     * it if it may not run), even though no tool of that name is offered.
     */
    public boolean reachesAnOperation(String name, Map<String, Object> arguments) {
        if (catalog.find(name).isPresent()) {
            return true;
        }
        return mode == ToolMode.GROUPED && ToolGroups.parse(name) != null && arguments != null
                && arguments.get(ToolGroups.OPERATION) instanceof String op && catalog.find(op).isPresent();
    }

    /** Runs a call by tool name on a virtual thread; never completes exceptionally. */
    public CompletableFuture<ToolOutcome> submit(String name, Map<String, Object> arguments, ToolContext context) {
        if (mode == ToolMode.ALL) {
            return invoker.submit(name, arguments, context);
        }
        Route group = ToolGroups.parse(name == null ? "" : name);
        if (group == null) {
            return catalog.find(name).isPresent()
                    ? invoker.submit(name, arguments, context, Route.direct(name))
                    : invoker.submit(name, arguments, context);
        }
        return callGroup(group, arguments == null ? Map.of() : arguments, context);
    }

    private CompletableFuture<ToolOutcome> callGroup(Route group, Map<String, Object> call, ToolContext context) {
        List<String> valid = valid(group, context.caller());
        Object operation = call.get(ToolGroups.OPERATION);
        if (!(operation instanceof String op) || op.isBlank()) {
            return invalid(group.tool() + " needs 'operation', one of: " + String.join(", ", valid) + ".");
        }
        boolean clouds = invoker.clouds().multiple();
        for (String key : call.keySet()) {
            if (!key.equals(ToolGroups.OPERATION) && !key.equals(ToolGroups.ARGUMENTS)
                    && !(key.equals(CloudChoice.ARGUMENT) && clouds)
                    && !(key.equals(ToolDefinition.CONFIRM) && group.safety() == SafetyClass.DESTRUCTIVE)) {
                return invalid("Unknown argument '" + key + "' for " + group.tool() + ": pass 'operation' and the"
                        + " operation's 'arguments'" + (group.safety() == SafetyClass.DESTRUCTIVE ? " (and 'confirm')"
                        : "") + ".");
            }
        }
        Object given = call.get(ToolGroups.ARGUMENTS);
        if (given != null && !(given instanceof Map<?, ?>)) {
            return invalid("'arguments' must be an object of the operation's arguments, e.g. {\"limit\": 10}.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> arguments = given == null ? new HashMap<>() : new HashMap<>((Map<String, Object>) given);
        if (op.equals(ToolGroups.DESCRIBE) && group.safety() == SafetyClass.READ) {
            return CompletableFuture.completedFuture(describe(group, arguments, context.caller()));
        }
        Optional<ToolDefinition<?, ?>> found = catalog.find(op);
        if (found.isEmpty()) {
            return invalid("Unknown operation '" + op + "' for " + group.tool() + ". Valid operations: "
                    + String.join(", ", valid) + ".");
        }
        if (call.containsKey(ToolDefinition.CONFIRM)) {
            arguments.put(ToolDefinition.CONFIRM, call.get(ToolDefinition.CONFIRM));
        }
        if (clouds) { // the envelope's choice of cloud, whatever the operation's arguments say
            arguments.remove(CloudChoice.ARGUMENT);
            if (call.containsKey(CloudChoice.ARGUMENT)) {
                arguments.put(CloudChoice.ARGUMENT, call.get(CloudChoice.ARGUMENT));
            }
        }
        ToolDefinition<?, ?> target = found.get();
        return invoker.submit(op, arguments, context, group).thenApply(outcome ->
                outcome instanceof ToolOutcome.Error e && e.failure() == Failure.INVALID_ARGUMENTS
                        ? new ToolOutcome.Error(Failure.INVALID_ARGUMENTS, e.message() + " Parameters of " + op + ": "
                        + ToolGroups.parameters(target) + ".")
                        : outcome);
    }

    /** The operations of this group the caller may use (and describe, in a read group). */
    private List<String> valid(Route group, Caller caller) {
        List<String> names = new java.util.ArrayList<>(catalog.visibleTo(caller).stream()
                .filter(t -> t.toolset() == group.toolset() && t.safety() == group.safety())
                .map(ToolDefinition::name).toList());
        if (group.safety() == SafetyClass.READ) {
            names.add(ToolGroups.DESCRIBE);
        }
        return names;
    }

    /** The full schemas of an operation of the group's toolset that the caller may use. */
    private ToolOutcome describe(Route group, Map<String, Object> arguments, Caller caller) {
        List<ToolDefinition<?, ?>> usable = catalog.visibleTo(caller).stream()
                .filter(t -> t.toolset() == group.toolset()).toList();
        Object wanted = arguments.get(ToolGroups.OPERATION);
        Optional<ToolDefinition<?, ?>> op = usable.stream().filter(t -> t.name().equals(wanted)).findFirst();
        if (arguments.size() != 1 || op.isEmpty()) {
            return new ToolOutcome.Error(Failure.INVALID_ARGUMENTS, "describe takes {\"operation\": name} with one"
                    + " of the " + group.toolset().id() + " operations you may use: "
                    + String.join(", ", usable.stream().map(ToolDefinition::name).toList()) + ".");
        }
        ToolDefinition<?, ?> t = op.get();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("operation", t.name());
        out.put("tool", ToolGroups.name(t.toolset(), t.safety()));
        out.put("safety", t.safety().name());
        out.put("admin_only", t.adminOnly());
        out.put("description", t.description());
        out.put("input_schema", t.inputSchema());
        out.put("output_schema", t.outputSchema());
        return new ToolOutcome.Success(out);
    }

    private static CompletableFuture<ToolOutcome> invalid(String message) {
        return CompletableFuture.completedFuture(new ToolOutcome.Error(Failure.INVALID_ARGUMENTS, message));
    }
}
