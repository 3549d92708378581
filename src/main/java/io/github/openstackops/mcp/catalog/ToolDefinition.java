package io.github.openstackops.mcp.catalog;

import io.github.openstackops.mcp.catalog.schema.ArgumentBinder;
import io.github.openstackops.mcp.catalog.schema.SchemaGenerator;
import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One tool, one value: everything any surface needs to list, describe, gate and call it. Schemas are derived from the
 * argument and result records; annotations from the safety class. Built in a feature package, collected by
 * {@link ToolCatalog}.
 */
public final class ToolDefinition<A extends Record, R extends Record> {

    /** MCP tool names: letters, digits, '_', '-', '.'; ours are {@code <resource>_<verb>} in snake_case. */
    public static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9]*(_[a-z0-9]+)+$");

    /** The argument a DESTRUCTIVE tool takes its confirmation token in. */
    public static final String CONFIRM = "confirm";

    private final String name;
    private final String title;
    private final String description;
    private final Toolset toolset;
    private final SafetyClass safety;
    private final boolean sensitive;
    private final boolean adminOnly;
    private final ToolHandler<A, R> handler;
    private final Previewer<A> previewer;
    private final Map<String, Object> inputSchema;
    private final Map<String, Object> outputSchema;
    private final ArgumentBinder<A> binder;
    @Nullable
    private final java.lang.reflect.Method waitAccessor;
    @Nullable
    private final String cancellation;

    private ToolDefinition(Builder<A, R> b) {
        this.name = Objects.requireNonNull(b.name);
        this.title = Objects.requireNonNull(b.title, () -> name + ": title");
        this.toolset = Objects.requireNonNull(b.toolset);
        this.safety = Objects.requireNonNull(b.safety);
        this.sensitive = b.sensitive;
        this.adminOnly = b.adminOnly;
        this.handler = Objects.requireNonNull(b.handler, () -> name + ": handler");
        this.previewer = b.previewer;
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name must be <resource>_<verb> in snake_case: " + name);
        }
        if ((safety == SafetyClass.DESTRUCTIVE) != (previewer != null)) {
            throw new IllegalArgumentException(name + ": DESTRUCTIVE tools, and only they, have a preview");
        }
        this.description = Objects.requireNonNull(b.description, () -> name + ": description") + safetyNote(safety);
        Class<A> argumentsType = Objects.requireNonNull(b.argumentsType);
        this.waitAccessor = waitAccessor(argumentsType);
        if (b.cancellation != null && waitAccessor == null) {
            throw new IllegalArgumentException(name + ": only a tool that waits (@Wait) says how a cancel stops it");
        }
        this.cancellation = b.cancellation;
        Map<String, Object> args = SchemaGenerator.inputSchema(argumentsType);
        this.binder = new ArgumentBinder<>(name, argumentsType, args);
        this.inputSchema = safety == SafetyClass.DESTRUCTIVE ? Confirmations.withConfirmArgument(args) : args;
        Map<String, Object> result = Objects.requireNonNull(b.resultSchema);
        this.outputSchema = safety == SafetyClass.DESTRUCTIVE ? Confirmations.envelopeSchema(result) : result;
    }

    @Nullable
    private static java.lang.reflect.Method waitAccessor(Class<?> arguments) {
        for (java.lang.reflect.RecordComponent component : arguments.getRecordComponents()) {
            if (component.isAnnotationPresent(io.github.openstackops.mcp.catalog.schema.Wait.class)) {
                return component.getAccessor();
            }
        }
        return null;
    }

    private static String safetyNote(SafetyClass safety) {
        return switch (safety) {
            case READ -> "";
            case WRITE -> " [WRITE]";
            case DESTRUCTIVE -> " [DESTRUCTIVE: without 'confirm' it only previews and returns a token; repeat with"
                    + " the same arguments and 'confirm' to execute.]";
        };
    }

    public static <A extends Record, R extends Record> Builder<A, R> read(String name, Toolset toolset,
                                                                          Class<A> arguments, Class<R> result) {
        return new Builder<>(name, toolset, SafetyClass.READ, arguments, SchemaGenerator.outputSchema(result));
    }

    /** A read tool that returns one page of a list: its result schema is the page's ({@link Page.Kind#schema}). */
    public static <A extends Record, T extends Record> Builder<A, Page<T>> read(String name, Toolset toolset,
                                                                                Class<A> arguments, Page.Kind<T> page) {
        return new Builder<>(name, toolset, SafetyClass.READ, arguments, page.schema());
    }

    public static <A extends Record, R extends Record> Builder<A, R> write(String name, Toolset toolset,
                                                                           Class<A> arguments, Class<R> result) {
        return new Builder<>(name, toolset, SafetyClass.WRITE, arguments, SchemaGenerator.outputSchema(result));
    }

    public static <A extends Record, R extends Record> Builder<A, R> destructive(String name, Toolset toolset,
                                                                                 Class<A> arguments, Class<R> result) {
        return new Builder<>(name, toolset, SafetyClass.DESTRUCTIVE, arguments,
                SchemaGenerator.outputSchema(result));
    }

    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Toolset toolset() {
        return toolset;
    }

    public SafetyClass safety() {
        return safety;
    }

    /**
     * A long operation: its arguments say whether to wait until OpenStack finished ({@code @Wait}). Such a call can run
     * as a task (MCP Tasks extension): the caller gets a handle at once and polls for the status and result.
     */
    public boolean longRunning() {
        return waitAccessor != null;
    }

    /** Whether this call waits for OpenStack to finish (a long-running tool whose wait argument is not false). */
    public boolean waits(Record arguments) {
        if (waitAccessor == null || !waitAccessor.getDeclaringClass().isInstance(arguments)) {
            return false;
        }
        try {
            return !Boolean.FALSE.equals(waitAccessor.invoke(arguments));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(name + ": cannot read the wait argument", e);
        }
    }

    /**
     * What cancelling a running call does in OpenStack, for the caller and the docs: by default a cancel only stops
     * the wait, and OpenStack finishes (or fails) what was started.
     */
    public String cancellation() {
        return cancellation != null ? cancellation : "Cancelling stops the wait only: OpenStack cannot stop this"
                + " operation once started and finishes it; check the resource and undo it if needed.";
    }

    /** Whether a cancel stops the operation in OpenStack itself (not only the wait). */
    public boolean stopsInOpenStack() {
        return cancellation != null;
    }

    /** Only a cloud administrator can use it (hypervisors, services, other projects, identity admin). */
    public boolean adminOnly() {
        return adminOnly;
    }

    /** The description's first sentence, at most about 110 characters: its line in a grouped tool's description. */
    public String summary() {
        return Summaries.summary(description);
    }

    /** Output can hold secrets (console logs, console URLs): registered only with ALLOW_SENSITIVE_DATA=true. */
    public boolean sensitive() {
        return sensitive;
    }

    public Map<String, Object> inputSchema() {
        return inputSchema;
    }

    public Map<String, Object> outputSchema() {
        return outputSchema;
    }

    /** Validates and binds raw arguments ({@code confirm} excluded). */
    A bind(Map<String, Object> arguments) {
        return binder.bind(arguments);
    }

    R run(ToolContext context, A arguments) {
        return handler.handle(context, arguments);
    }

    @Nullable
    Preview preview(ToolContext context, A arguments) {
        return previewer == null ? null : previewer.preview(context, arguments);
    }

    @Override
    public String toString() {
        return name + " (" + toolset.id() + ", " + safety + ")";
    }

    public static final class Builder<A extends Record, R extends Record> {
        private final String name;
        private final Toolset toolset;
        private final SafetyClass safety;
        private final Class<A> argumentsType;
        private final Map<String, Object> resultSchema;
        private String title;
        private String description;
        private boolean sensitive;
        private boolean adminOnly;
        private ToolHandler<A, R> handler;
        private Previewer<A> previewer;
        private String cancellation;

        private Builder(String name, Toolset toolset, SafetyClass safety, Class<A> arguments,
                        Map<String, Object> resultSchema) {
            this.name = name;
            this.toolset = toolset;
            this.safety = safety;
            this.argumentsType = arguments;
            this.resultSchema = resultSchema;
        }

        /** Short human title, "Resource: Verb" (e.g. "Servers: List"). */
        public Builder<A, R> title(String title) {
            this.title = title;
            return this;
        }

        /** What the tool does and when to use it, for a model. */
        public Builder<A, R> description(String description) {
            this.description = description;
            return this;
        }

        public Builder<A, R> sensitive() {
            this.sensitive = true;
            return this;
        }

        /** Only a cloud administrator can use it: hidden when the configured identity has no admin role. */
        public Builder<A, R> adminOnly() {
            this.adminOnly = true;
            return this;
        }

        public Builder<A, R> preview(Previewer<A> previewer) {
            this.previewer = previewer;
            return this;
        }

        /**
         * Says how a cancel of a running call stops the operation in OpenStack itself (the handler does it when
         * {@link ToolContext#progress} throws {@link CallCancelled}); without it a cancel only stops the wait.
         */
        public Builder<A, R> cancellation(String whatACancelDoes) {
            this.cancellation = whatACancelDoes;
            return this;
        }

        public Builder<A, R> handler(ToolHandler<A, R> handler) {
            this.handler = handler;
            return this;
        }

        public ToolDefinition<A, R> build() {
            return new ToolDefinition<>(this);
        }
    }

    /** Schema parts of the two-step confirmation, shared by every DESTRUCTIVE tool. */
    static final class Confirmations {
        private Confirmations() {
        }

        static Map<String, Object> withConfirmArgument(Map<String, Object> args) {
            Map<String, Object> schema = new LinkedHashMap<>(args);
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) args.get("properties"));
            properties.put(CONFIRM, Map.of("type", "string", "description",
                    "Token from the preview call with the same arguments; omit it to get the preview"));
            schema.put("properties", properties);
            return schema;
        }

        static Map<String, Object> envelopeSchema(Map<String, Object> result) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("status", Map.of("type", "string", "enum", List.of("preview", "executed", "cancelled"),
                    "description", "preview: nothing happened yet, see 'preview' and pass 'confirm' back to execute;"
                            + " executed: done, see 'result'; cancelled: the user declined"));
            properties.put("preview", SchemaGenerator.outputSchema(Preview.class));
            properties.put(CONFIRM, Map.of("type", "string",
                    "description", "Token to pass as 'confirm', with the same arguments, to execute"));
            properties.put("expires_at", Map.of("type", "string", "format", "date-time",
                    "description", "When the token stops being accepted"));
            properties.put("result", result);
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "object");
            schema.put("properties", properties);
            schema.put("required", List.of("status"));
            return schema;
        }
    }
}
