package io.github.openstackops.mcp.catalog;

import io.github.openstackops.mcp.catalog.ToolCallObserver.Outcome;
import io.github.openstackops.mcp.catalog.ToolOutcome.Failure;
import io.github.openstackops.mcp.catalog.schema.ToolJson;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The one call path. Every surface hands it a tool name, raw JSON arguments and a context; it looks the tool up, asks
 * the gate (again: defence in depth), validates and binds the arguments, runs the two-step confirmation for
 * DESTRUCTIVE tools, runs the handler, and turns every failure into an {@link ToolOutcome.Error} with a clean
 * sentence. Handlers run on virtual threads (openstack4j blocks), never on an event loop.
 */
@Singleton
public class ToolInvoker {

    private static final Logger LOG = LoggerFactory.getLogger(ToolInvoker.class);

    private final ToolCatalog catalog;
    private final ToolGate gate;
    private final ConfirmationTokens tokens;
    private final List<FaultTranslator> translators;
    private final List<ToolCallObserver> observers;
    private final List<ToolCallAdmission> admissions;
    private final Duration timeout;
    private final CallPermits permits;
    private final CloudChoice clouds;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("tool-", 0).factory());

    public ToolInvoker(ToolCatalog catalog, ConfirmationTokens tokens, List<FaultTranslator> translators,
                       List<ToolCallObserver> observers, Duration timeout, int maxConcurrentCalls) {
        this(catalog, tokens, translators, observers, List.of(), timeout, maxConcurrentCalls, 4);
    }

    public ToolInvoker(ToolCatalog catalog, ConfirmationTokens tokens, List<FaultTranslator> translators,
                       List<ToolCallObserver> observers, List<ToolCallAdmission> admissions, Duration timeout,
                       int maxConcurrentCalls) {
        this(catalog, tokens, translators, observers, admissions, timeout, maxConcurrentCalls, 4);
    }

    public ToolInvoker(ToolCatalog catalog, ConfirmationTokens tokens, List<FaultTranslator> translators,
                       List<ToolCallObserver> observers, List<ToolCallAdmission> admissions, Duration timeout,
                       int maxConcurrentCalls, int maxPendingElicitations) {
        this(catalog, tokens, translators, observers, admissions, timeout, maxConcurrentCalls, maxPendingElicitations,
                CloudChoice.single());
    }

    @Inject
    public ToolInvoker(ToolCatalog catalog, ConfirmationTokens tokens, List<FaultTranslator> translators,
                       List<ToolCallObserver> observers, List<ToolCallAdmission> admissions,
                       @Value("${mcp.tool-timeout:10m}") Duration timeout,
                       @Value("${mcp.max-concurrent-calls:32}") int maxConcurrentCalls,
                       @Value("${mcp.max-pending-elicitations:4}") int maxPendingElicitations, CloudChoice clouds) {
        this.catalog = catalog;
        this.clouds = clouds;
        this.admissions = admissions;
        this.gate = catalog.gate();
        this.tokens = tokens;
        this.translators = translators;
        this.observers = observers;
        this.timeout = timeout;
        this.permits = new CallPermits(maxConcurrentCalls, maxPendingElicitations);
    }

    /** Runs the call on a virtual thread; never completes exceptionally. */
    public CompletableFuture<ToolOutcome> submit(String name, Map<String, Object> arguments, ToolContext context) {
        return submit(name, arguments, context, null);
    }

    /** As {@link #submit(String, Map, ToolContext)} for a call that came through a grouped tool ({@code route}). */
    public CompletableFuture<ToolOutcome> submit(String name, Map<String, Object> arguments, ToolContext context,
                                                 Route route) {
        return CompletableFuture.supplyAsync(() -> invoke(name, arguments, context, route), executor)
                .completeOnTimeout(new ToolOutcome.Error(Failure.TIMEOUT, "'" + name + "' did not finish within "
                        + timeout.toSeconds() + " s. The operation may still be running in the cloud: check the"
                        + " resource's status before retrying."), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * As {@link #submit(String, Map, ToolContext)} for a read the server makes on a client's behalf without a choice
     * of cloud (a resource read, a completion): with several clouds it runs in the default one, and says so.
     */
    public CompletableFuture<ToolOutcome> submitOnDefaultCloud(String name, Map<String, Object> arguments,
                                                               ToolContext context) {
        Map<String, Object> args = new HashMap<>(arguments);
        if (clouds.multiple()) {
            args.putIfAbsent(CloudChoice.ARGUMENT, clouds.defaultCloud());
        }
        return submit(name, args, context);
    }

    /** The clouds this server offers. */
    public CloudChoice clouds() {
        return clouds;
    }

    /** Runs the call on the current thread (which must be allowed to block). */
    public ToolOutcome invoke(String name, Map<String, Object> arguments, ToolContext context) {
        return invoke(name, arguments, context, null);
    }

    private ToolOutcome invoke(String name, Map<String, Object> arguments, ToolContext context, Route route) {
        // the whole call, its audit line included, acts with the caller's OpenStack identity (or the service's)
        try (ActingIdentity.Scope ignored = ActingIdentity.enter(context.caller().credential())) {
            if (!clouds.multiple()) {
                return invokeAs(name, arguments, context, route, null);
            }
            // several clouds: the call names one; it runs there (fan-outs included) and its result says so. A missing
            // or unknown cloud is refused after the rate limit and the gate, like any other invalid argument
            Map<String, Object> args = arguments == null ? new HashMap<>() : new HashMap<>(arguments);
            Object given = args.remove(CloudChoice.ARGUMENT);
            String cloud = null;
            String problem = null;
            try {
                cloud = clouds.select(given);
            } catch (ToolException e) {
                problem = e.getMessage();
            }
            try (ActingIdentity.Scope in = ActingIdentity.enterCloud(cloud)) {
                return clouds.named(cloud, invokeAs(name, args, context, route, problem));
            }
        }
    }

    private ToolOutcome invokeAs(String name, Map<String, Object> arguments, ToolContext context, Route route,
                                 String cloudProblem) {
        long start = System.nanoTime();
        Map<String, Object> args = arguments == null ? new HashMap<>() : new HashMap<>(arguments);
        Optional<ToolDefinition<?, ?>> found = catalog.find(name);
        if (found.isEmpty()) {
            return new ToolOutcome.Error(Failure.UNKNOWN_TOOL, "Unknown tool '" + name + "'. List the tools to see"
                    + " what this server offers.");
        }
        ToolDefinition<?, ?> tool = found.get();
        // a confirmation token is a credential until it is used: it travels apart from the arguments, so no observer
        // (the audit trail) ever sees it, whichever way the call ends
        Object confirm = args.remove(ToolDefinition.CONFIRM);
        starting(tool, context);
        // the rate limit comes first: a flood of calls the gate refuses is limited (and audited) like any other
        for (ToolCallAdmission admission : admissions) {
            Optional<ToolCallAdmission.Refusal> limited = admission.admit(tool, context);
            if (limited.isPresent()) {
                notify(tool, context, args, Outcome.RATE_LIMITED, limited.get().message(), start);
                return new ToolOutcome.Error(Failure.RATE_LIMITED, limited.get().message(), limited.get().retryAfter());
            }
        }
        Optional<String> refusal = gate.refusal(tool, context.caller(), route);
        if (refusal.isPresent()) {
            notify(tool, context, args, Outcome.REFUSED_BY_GATE, refusal.get(), start);
            return new ToolOutcome.Error(Failure.NOT_PERMITTED, "Tool not available: " + refusal.get());
        }
        if (cloudProblem != null) {
            notify(tool, context, args, Outcome.INVALID, cloudProblem, start);
            return new ToolOutcome.Error(Failure.INVALID_ARGUMENTS, cloudProblem);
        }
        Optional<CallPermits.Permit> permit;
        try {
            permit = permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ToolOutcome.Error(Failure.TOOL_ERROR, "The call was interrupted.");
        }
        if (permit.isEmpty()) {
            notify(tool, context, args, Outcome.FAILED, "server busy", start);
            return new ToolOutcome.Error(Failure.TOOL_ERROR, "The server is busy with other calls; try again"
                    + " in a moment.");
        }
        try (CallPermits.Permit held = permit.get()) {
            return run(tool, args, confirm, context, start, held);
        }
    }

    private <A extends Record, R extends Record> ToolOutcome run(ToolDefinition<A, R> tool, Map<String, Object> args,
                                                                 Object confirm, ToolContext context, long start,
                                                                 CallPermits.Permit permit) {
        if (confirm != null && tool.safety() != SafetyClass.DESTRUCTIVE) {
            String message = "Invalid arguments for " + tool.name() + ": unknown argument '" + ToolDefinition.CONFIRM
                    + "' (only DESTRUCTIVE tools take a confirmation token). Fix the arguments and call again.";
            notify(tool, context, args, Outcome.INVALID, message, start);
            return new ToolOutcome.Error(Failure.INVALID_ARGUMENTS, message);
        }
        A bound;
        try {
            bound = tool.bind(args);
        } catch (ToolException e) {
            notify(tool, context, args, Outcome.INVALID, e.getMessage(), start);
            return new ToolOutcome.Error(Failure.INVALID_ARGUMENTS, Secrets.scrub(e.getMessage()));
        }
        try {
            if (tool.safety() != SafetyClass.DESTRUCTIVE) {
                context.beforeRun(tool, bound);
                R result = tool.run(context, bound);
                notify(tool, context, args, Outcome.EXECUTED, null, start);
                return new ToolOutcome.Success(ToolJson.toMap(result));
            }
            return runDestructive(tool, bound, confirm, args, context, start, permit);
        } catch (RuntimeException e) {
            ToolException fault = translate(e);
            if (fault == null) {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                LOG.error("tool {} failed unexpectedly (reference {})", tool.name(), reference, e);
                notify(tool, context, args, Outcome.FAILED, "internal error " + reference, start);
                return new ToolOutcome.Error(Failure.INTERNAL, "'" + tool.name() + "' failed because of an internal"
                        + " error (reference " + reference + " in the server log). Retrying will not help.");
            }
            String message = Secrets.scrub(fault.getMessage());
            LOG.info("tool {} -> {}: {}", tool.name(), fault.kind(), message);
            notify(tool, context, args, Outcome.FAILED, message, start);
            return new ToolOutcome.Error(fault.kind() == ToolException.Kind.INVALID_ARGUMENTS
                    ? Failure.INVALID_ARGUMENTS : Failure.TOOL_ERROR, message);
        }
    }

    private <A extends Record, R extends Record> ToolOutcome runDestructive(
            ToolDefinition<A, R> tool, A bound, Object confirm, Map<String, Object> args, ToolContext context, long start,
            CallPermits.Permit permit) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        if (gate.policy().requireConfirmation()) {
            if (confirm == null || confirm.toString().isBlank()) {
                Preview preview = tool.preview(context, bound);
                if (gate.policy().elicitation()) {
                    String question = preview.summary()
                            + (preview.warnings().isEmpty() ? "" : " " + String.join(" ", preview.warnings()))
                            + " Proceed?";
                    Optional<Boolean> answer = permit.whileAsking(context.caller(), () -> context.askToConfirm(question));
                    if (answer.isPresent() && !answer.get()) {
                        envelope.put("status", "cancelled");
                        envelope.put("preview", ToolJson.toMap(preview));
                        notify(tool, context, args, Outcome.CANCELLED, "declined by the user", start);
                        return new ToolOutcome.Success(envelope);
                    }
                    if (answer.isPresent()) {
                        return executeDestructive(tool, bound, envelope, args, context, start, "confirmed by the user");
                    }
                }
                ConfirmationTokens.Issued issued = tokens.issue(tool.name(), bound, context.caller());
                envelope.put("status", "preview");
                envelope.put("preview", ToolJson.toMap(preview));
                envelope.put(ToolDefinition.CONFIRM, issued.token());
                envelope.put("expires_at", issued.expiresAt().toString());
                notify(tool, context, args, Outcome.PREVIEWED, preview.summary(), start);
                return new ToolOutcome.Success(envelope);
            }
            tokens.verify(confirm.toString(), tool.name(), bound, context.caller());
            return executeDestructive(tool, bound, envelope, args, context, start, "confirmed with a token");
        }
        return executeDestructive(tool, bound, envelope, args, context, start, "confirmation not required");
    }

    private <A extends Record, R extends Record> ToolOutcome executeDestructive(
            ToolDefinition<A, R> tool, A bound, Map<String, Object> envelope, Map<String, Object> args,
            ToolContext context, long start, String how) {
        context.beforeRun(tool, bound);
        R result = tool.run(context, bound);
        envelope.put("status", "executed");
        envelope.put("result", ToolJson.toMap(result));
        notify(tool, context, args, Outcome.EXECUTED, how, start);
        return new ToolOutcome.Success(envelope);
    }

    private ToolException translate(RuntimeException e) {
        if (e instanceof ToolException tool) {
            return tool;
        }
        for (FaultTranslator translator : translators) {
            Optional<ToolException> translated = translator.translate(e);
            if (translated.isPresent()) {
                return translated.get();
            }
        }
        return null;
    }

    private void starting(ToolDefinition<?, ?> tool, ToolContext context) {
        for (ToolCallObserver observer : observers) {
            try {
                observer.onStart(tool, context);
            } catch (RuntimeException e) {
                LOG.warn("tool call observer {} failed: {}", observer.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private void notify(ToolDefinition<?, ?> tool, ToolContext context, Map<String, Object> args,
                        Outcome outcome, String detail, long start) {
        if (observers.isEmpty()) {
            return;
        }
        ToolCallObserver.Event event = new ToolCallObserver.Event(tool, context.caller(), context.surface(),
                args, outcome, detail, Duration.ofNanos(System.nanoTime() - start));
        for (ToolCallObserver observer : observers) {
            try {
                observer.onCall(event);
            } catch (RuntimeException e) {
                LOG.warn("tool call observer {} failed: {}", observer.getClass().getSimpleName(), e.toString());
            }
        }
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
