package io.github.openstackops.mcp.support;

import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolInvoker;
import io.github.openstackops.mcp.catalog.ToolOutcome;
import io.micronaut.context.ApplicationContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's tools over a {@link FakeOpenStack}, for unit tests of a tool family: the context built the way
 * {@code Application} builds it (the fake's properties plus the flags a test asks for), its invoker, and helpers that
 * call a tool as the stdio operator and assert the outcome ({@link ToolCalls}, as {@code live/LiveTools} does
 * against the testbed). Progress messages of the calls are kept. One per test: configure, {@link #start()}, close it after the
 * test (which closes the fake too).
 *
 * <pre>{@code
 * tools = ToolHarness.on(FakeOpenStack.start().on("GET", ...)).allowModify().start();
 * Map<String, Object> page = tools.ok("server_list", Map.of("limit", 2));
 * }</pre>
 */
public final class ToolHarness implements ToolCalls, AutoCloseable {

    private final FakeOpenStack fake;
    private final Map<String, Object> properties = new HashMap<>();
    private final List<String> progress = new CopyOnWriteArrayList<>();
    private final ToolContext stdio = new ToolContext() {
        @Override
        public Caller caller() {
            return Caller.STDIO;
        }

        @Override
        public Surface surface() {
            return Surface.STDIO;
        }

        @Override
        public void progress(double done, Double total, String message) {
            progress.add(message);
        }

        @Override
        public void info(String message) {
        }
    };
    private ApplicationContext context;
    private ToolInvoker invoker;

    private ToolHarness(FakeOpenStack fake) {
        this.fake = fake;
    }

    /** Tools over this fake (which the harness closes when it is closed). */
    public static ToolHarness on(FakeOpenStack fake) {
        return new ToolHarness(fake);
    }

    /** WRITE and DESTRUCTIVE tools registered ({@code ALLOW_MODIFY_OPERATIONS=true}). */
    public ToolHarness allowModify() {
        return property("mcp.safety.allow-modify", true);
    }

    /** Tools whose output can hold secrets registered ({@code ALLOW_SENSITIVE_DATA=true}). */
    public ToolHarness allowSensitive() {
        return property("mcp.safety.allow-sensitive", true);
    }

    /** The fake hands out admin's token (project admin, admin role) instead of demo's. */
    public ToolHarness asAdmin() {
        fake.asAdmin();
        return this;
    }

    /** A configuration property on top of the fake's (before {@link #start()}). */
    public ToolHarness property(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public ToolHarness properties(Map<String, ?> more) {
        properties.putAll(more);
        return this;
    }

    /** Starts the server's context (no transport) on the fake. */
    public ToolHarness start() {
        if (context != null) {
            throw new IllegalStateException("already started");
        }
        Map<String, Object> all = new HashMap<>(fake.properties());
        all.putAll(properties);
        context = TestContexts.plain(all);
        invoker = context.getBean(ToolInvoker.class);
        return this;
    }

    public FakeOpenStack fake() {
        return fake;
    }

    public ApplicationContext context() {
        return started(context);
    }

    public ToolInvoker invoker() {
        return started(invoker);
    }

    /** Progress messages the calls reported, in order. */
    public List<String> progress() {
        return progress;
    }

    /** The context calls of this harness run in: the stdio operator's. */
    public ToolContext stdio() {
        return stdio;
    }

    /** Calls the tool as the stdio operator. */
    public ToolOutcome call(String tool, Map<String, Object> arguments) {
        return invoker().invoke(tool, arguments, stdio);
    }

    @Override
    public Map<String, Object> ok(String tool, Map<String, Object> arguments) {
        ToolOutcome outcome = call(tool, arguments);
        assertThat(outcome).as(outcome.toString()).isInstanceOf(ToolOutcome.Success.class);
        return ((ToolOutcome.Success) outcome).structured();
    }

    @Override
    public String error(String tool, Map<String, Object> arguments) {
        ToolOutcome outcome = call(tool, arguments);
        assertThat(outcome).as(outcome.toString()).isInstanceOf(ToolOutcome.Error.class);
        return ((ToolOutcome.Error) outcome).message();
    }

    @Override
    public void close() {
        try {
            if (context != null) {
                context.close();
            }
        } finally {
            fake.close();
        }
    }

    private <T> T started(T value) {
        if (value == null) {
            throw new IllegalStateException("start() the harness first");
        }
        return value;
    }
}
