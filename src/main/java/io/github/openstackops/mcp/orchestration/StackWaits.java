package io.github.openstackops.mcp.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.CallCancelled;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Polling;
import io.github.openstackops.mcp.orchestration.StackRecords.FailedResource;
import io.github.openstackops.mcp.orchestration.StackRecords.Output;
import io.github.openstackops.mcp.orchestration.StackRecords.ResourceChange;
import io.github.openstackops.mcp.orchestration.StackRecords.StackActionResult;
import io.github.openstackops.mcp.orchestration.Stacks.StackRef;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.github.openstackops.mcp.cloud.Json.elements;
import static io.github.openstackops.mcp.orchestration.StackJson.nestedStackName;
import static io.github.openstackops.mcp.orchestration.StackJson.outputs;
import static io.github.openstackops.mcp.orchestration.StackJson.truncate;
import static io.github.openstackops.mcp.orchestration.Stacks.query;
import static io.github.openstackops.mcp.orchestration.Stacks.text;

/**
 * Waiting for Heat: polls a stack until its status settles, with progress, and on failure names the resources that
 * failed (those FAILED now, nested ones too, else the latest failure events).
 */
@Singleton
public class StackWaits {

    static final int MAX_FAILURES = 10;

    private final Stacks stacks;
    private final Duration pollInterval;

    public StackWaits(Stacks stacks, @Value("${openstack.poll-interval:1s}") Duration pollInterval) {
        this.stacks = stacks;
        this.pollInterval = pollInterval;
    }

    Duration pollInterval() {
        return pollInterval;
    }

    /**
     * Waits until the stack settles. Heat stores the IN_PROGRESS state before it answers a create, update, delete,
     * suspend, resume or check request, so the first settled status seen is the outcome of this request.
     */
    StackActionResult await(StackRef s, String verb, String target, Predicate<String> done,
                                    @Nullable String before, Duration timeout, ToolContext context,
                                    @Nullable List<ResourceChange> changes, boolean failIfMissed) {
        Polling.Outcome<JsonNode> outcome;
        try {
            outcome = Polling.until(() -> stacks.summaryById(s.id()),
                    x -> done.test(text(x, "stack_status", "")), x -> false, StackJson::describe, timeout,
                    pollInterval, context);
        } catch (CallCancelled cancelled) {
            throw stop(s, verb, cancelled);
        }
        if (outcome.end() == Polling.End.GONE) {
            throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Stack '" + s.name() + "' (" + s.id()
                    + ") disappeared during " + verb + "; something else deleted it.");
        }
        JsonNode last = outcome.last();
        String status = text(last, "stack_status", "UNKNOWN");
        String reason = text(last, "stack_status_reason");
        if (outcome.end() == Polling.End.TIMED_OUT) {
            return new StackActionResult(s.id(), s.name(), verb, before, status, reason, false, changes, null,
                    "Stack '" + s.name() + "' is still " + status + " after " + outcome.waited().toSeconds()
                            + " s; the " + verb + " may still complete. Follow it with stack_event_list.");
        }
        if (!status.equals(target) && failIfMissed) {
            String next = verb.equals("create") ? " The stack still exists: read its events with stack_event_list,"
                    + " then fix it with stack_update or remove it with stack_delete."
                    : " Read the stack's events with stack_event_list for the details.";
            throw new ToolException(ToolException.Kind.CLOUD_ERROR, failureMessage(s, verb, last, failures(s)) + next);
        }
        List<Output> outputs = status.equals(target) && (verb.equals("create") || verb.equals("update"))
                ? outputs(stacks.stack(s).path("outputs")) : null;
        String message = status.equals(target)
                ? "Stack '" + s.name() + "' is " + status + (before == null ? "" : " (was " + before + ")") + "."
                : "Stack '" + s.name() + "' is " + status + (reason == null ? "" : ": " + truncate(reason)) + ".";
        return new StackActionResult(s.id(), s.name(), verb, before, status, reason, status.equals(target), changes,
                outputs, message);
    }

    /** What a cancel of a running create or update does in Heat, for the caller (the task's cancel note). */
    static final String CANCELLATION = "Cancelling asks Heat to stop: an update is cancelled and rolled back"
            + " (cancel_update), a create stops where it is (cancel_without_rollback: the stack ends CREATE_FAILED"
            + " with what was built; delete it with stack_delete).";

    /**
     * The caller cancelled while a create or update runs: Heat is asked to stop it (an update rolls back, a create
     * stops where it is). Other waits (delete, suspend, ...) Heat cannot stop: only the wait ends.
     */
    private CallCancelled stop(StackRef s, String verb, CallCancelled cancelled) {
        if (!verb.equals("create") && !verb.equals("update")) {
            return cancelled;
        }
        String action = verb.equals("update") ? "cancel_update" : "cancel_without_rollback";
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put(action, null);
        try {
            stacks.send(org.openstack4j.core.transport.HttpMethod.POST, s.path() + "/actions", body);
        } catch (RuntimeException e) {
            return new CallCancelled("Cancelled the wait, but Heat did not take the cancel of the " + verb
                    + " of stack '" + s.name() + "' (" + s.id() + "), so it goes on: follow it with stack_get.");
        }
        return new CallCancelled("Cancelled: Heat was asked to stop the " + verb + " of stack '" + s.name() + "' ("
                + s.id() + ") with " + action + (verb.equals("update") ? "; it rolls the stack back to its previous"
                + " template." : "; the stack ends CREATE_FAILED with what was built so far: delete it with"
                + " stack_delete."));
    }

    /** The resources that failed: those FAILED now (nested ones too), else the latest failure events. */
    List<FailedResource> failures(StackRef s) {
        List<FailedResource> failed = new ArrayList<>();
        for (JsonNode r : elements(stacks.get(s.path() + "/resources", query("status", "FAILED", "nested_depth", 3))
                .path("resources"))) {
            if (failed.size() < MAX_FAILURES) {
                String nested = nestedStackName(r, s);
                failed.add(new FailedResource((nested == null ? "" : nested + "/") + text(r, "resource_name", "?"),
                        text(r, "resource_type"), text(r, "resource_status", "?"), text(r, "resource_status_reason")));
            }
        }
        if (failed.isEmpty()) {
            for (JsonNode e : elements(stacks.get(s.path() + "/events", query("resource_status", "FAILED",
                    "sort_keys", "event_time", "sort_dir", "desc", "limit", MAX_FAILURES)).path("events"))) {
                boolean stackLevel = s.name().equals(text(e, "resource_name"))
                        && s.id().equals(text(e, "physical_resource_id"));
                if (!stackLevel) {
                    failed.add(new FailedResource(text(e, "resource_name", "?"), null,
                            text(e, "resource_status", "?"), text(e, "resource_status_reason")));
                }
            }
        }
        return failed;
    }

    static String failureMessage(StackRef s, String verb, @Nullable JsonNode last, List<FailedResource> failed) {
        String status = text(last, "stack_status", "UNKNOWN");
        String reason = text(last, "stack_status_reason");
        StringBuilder out = new StringBuilder("The " + verb + " of stack '" + s.name() + "' (" + s.id()
                + ") failed: it is " + status + (reason == null ? "" : " (" + truncate(reason) + ")") + ".");
        if (!failed.isEmpty()) {
            out.append(failed.size() == 1 ? " Failed resource: " : " Failed resources: ");
            out.append(failed.stream().map(f -> "'" + f.resource() + "'" + (f.type() == null ? "" : " (" + f.type() + ")")
                    + " " + f.status() + (f.reason() == null ? "" : ": " + truncate(f.reason())))
                    .collect(Collectors.joining("; ")));
            out.append('.');
        }
        return out.toString();
    }
}
