package io.github.openstackops.mcp.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Polling;
import io.github.openstackops.mcp.orchestration.StackRecords.ResourceChange;
import io.github.openstackops.mcp.orchestration.StackRecords.StackActionResult;
import io.github.openstackops.mcp.orchestration.StackRecords.StackDeleted;
import io.github.openstackops.mcp.orchestration.Stacks.StackRef;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.core.transport.HttpMethod;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.github.openstackops.mcp.cloud.Json.elements;
import static io.github.openstackops.mcp.orchestration.StackJson.flatten;
import static io.github.openstackops.mcp.orchestration.StackJson.nestedStackName;
import static io.github.openstackops.mcp.orchestration.StackJson.settled;
import static io.github.openstackops.mcp.orchestration.StackJson.truncate;
import static io.github.openstackops.mcp.orchestration.Stacks.query;
import static io.github.openstackops.mcp.orchestration.Stacks.text;

/**
 * The stack lifecycle: create, update with a preview of its resource changes, suspend, resume, check, cancel update,
 * delete, each waiting for Heat's terminal status with progress and naming the resources that failed.
 */
@Singleton
public class StackChanges {

    private final Stacks stacks;
    private final StackWaits waits;

    public StackChanges(Stacks stacks, StackWaits waits) {
        this.stacks = stacks;
        this.waits = waits;
    }

    /** Stack actions started through POST /stacks/{name}/{id}/actions, and the status each aims for. */
    public enum StackAction {
        SUSPEND("suspend", "SUSPEND_COMPLETE"), RESUME("resume", "RESUME_COMPLETE"), CHECK("check", "CHECK_COMPLETE");

        final String verb;
        final String target;

        StackAction(String verb, String target) {
            this.verb = verb;
            this.target = target;
        }
    }

    public StackActionResult create(String name, TemplateInput input, @Nullable List<String> tags,
                                    @Nullable Integer timeoutMinutes, boolean rollbackOnFailure, boolean wait,
                                    Duration timeout, ToolContext context) {
        input.check(true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stack_name", name);
        input.addTo(body);
        body.put("disable_rollback", !rollbackOnFailure);
        if (timeoutMinutes != null) {
            body.put("timeout_mins", timeoutMinutes);
        }
        if (tags != null && !tags.isEmpty()) {
            body.put("tags", String.join(",", tags));
        }
        JsonNode created = input.send(() -> stacks.send(HttpMethod.POST, "/stacks", body)).path("stack");
        String id = text(created, "id");
        context.info("create requested for stack " + name + " (" + id + ")");
        StackRef s = new StackRef(id, name, created);
        if (!wait) {
            return new StackActionResult(id, name, "create", null, "CREATE_IN_PROGRESS", null, false, null, null,
                    "Heat accepted stack '" + name + "' and creates it in the background; follow it with stack_get"
                            + " or stack_event_list.");
        }
        return waits.await(s, "create", "CREATE_COMPLETE", StackJson::settled, null, timeout, context, null, true);
    }

    /** What an update would do to each resource, as Heat's update preview says; nothing is changed. */
    public Preview updatePreview(String ref, TemplateInput input) {
        UpdatePlan plan = plan(ref, input);
        StackRef s = plan.stack();
        List<Preview.Resource> affected = new ArrayList<>();
        int servers = 0;
        int volumes = 0;
        for (ResourceChange c : plan.changes()) {
            if (c.change().equals("unchanged")) {
                continue;
            }
            affected.add(new Preview.Resource(c.type(), c.physicalId() == null ? "" : c.physicalId(), c.resource(),
                    switch (c.change()) {
                        case "replaced" -> "replaced: deleted and created anew (new id)";
                        case "deleted" -> "deleted";
                        case "added" -> "created";
                        default -> "updated in place";
                    }));
            if (c.change().equals("replaced") || c.change().equals("deleted")) {
                servers += c.type().equals("OS::Nova::Server") ? 1 : 0;
                volumes += c.type().equals("OS::Cinder::Volume") ? 1 : 0;
            }
        }
        List<String> warnings = new ArrayList<>();
        if (servers > 0) {
            warnings.add(servers + " server(s) are replaced or deleted, with their local disks.");
        }
        if (volumes > 0) {
            warnings.add(volumes + " volume(s) are replaced or deleted with their data unless their deletion policy"
                    + " keeps them.");
        }
        return new Preview("update stack", "Update stack '" + s.name() + "' (" + s.id() + "), " + s.status()
                + ": Heat would " + countChanges(plan.changes()) + ".", affected, warnings);
    }

    public StackActionResult update(String ref, TemplateInput input, boolean wait, Duration timeout,
                                    ToolContext context) {
        UpdatePlan plan = plan(ref, input);
        StackRef s = plan.stack();
        List<ResourceChange> changes = plan.changes();
        String counts = countChanges(changes);
        input.send(() -> stacks.send(plan.method(), s.path(), plan.body()));
        context.info("update requested for stack " + s.name() + " (" + s.id() + "): " + counts);
        if (!wait) {
            return new StackActionResult(s.id(), s.name(), "update", s.status(), "UPDATE_IN_PROGRESS", null, false,
                    changes, null, "Heat accepted the update of '" + s.name() + "' (" + counts + ") and runs it in the"
                    + " background.");
        }
        return waits.await(s, "update", "UPDATE_COMPLETE", StackJson::settled, s.status(), timeout, context, changes, true);
    }

    /** A checked update: the stack, the request that updates it and the resource changes Heat previews for it. */
    private record UpdatePlan(StackRef stack, HttpMethod method, Map<String, Object> body,
                              List<ResourceChange> changes) {
    }

    private UpdatePlan plan(String ref, TemplateInput input) {
        input.check(false);
        if (!input.hasTemplate() && (input.parameters() == null || input.parameters().isEmpty())
                && (input.environment() == null || input.environment().isBlank())) {
            throw ToolException.invalid("Nothing to update: give a new 'template' or 'template_url', and/or"
                    + " 'parameters' or an 'environment' to change.");
        }
        StackRef s = stacks.resolve(ref);
        if (!settled(s.status())) {
            throw ToolException.conflict("Stack '" + s.name() + "' is " + s.status() + "; wait until it settles (or"
                    + " cancel a running update with stack_update_cancel) before updating it.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        input.addTo(body);
        // a new template replaces the stack's template and environment (PUT); without one Heat keeps the current
        // template and merges the given parameters and environment into the existing ones (PATCH)
        HttpMethod method = input.hasTemplate() ? HttpMethod.PUT : HttpMethod.PATCH;
        return new UpdatePlan(s, method, body, input.send(() -> resourceChanges(s, method, body)));
    }

    public StackActionResult action(String ref, StackAction action, boolean wait, Duration timeout,
                                    ToolContext context) {
        StackRef s = stacks.resolve(ref);
        String before = s.status();
        if (action != StackAction.CHECK && before.equals(action.target)) {
            return new StackActionResult(s.id(), s.name(), action.verb, before, before,
                    text(s.summary(), "stack_status_reason"), true, null, null,
                    "Stack '" + s.name() + "' is already " + before + "; nothing to do.");
        }
        if (!settled(before)) {
            throw ToolException.conflict("Stack '" + s.name() + "' is " + before + "; wait until it settles before"
                    + " asking for " + action.verb + ".");
        }
        if (action == StackAction.RESUME && !before.startsWith("SUSPEND_") && !before.equals("RESUME_FAILED")) {
            throw ToolException.conflict("Stack '" + s.name() + "' is " + before + ", not suspended; only a"
                    + " suspended stack (SUSPEND_COMPLETE, SUSPEND_FAILED or RESUME_FAILED) can be resumed.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(action.verb, null);
        stacks.send(HttpMethod.POST, s.path() + "/actions", body);
        context.info(action.verb + " requested for stack " + s.name() + " (" + s.id() + ")");
        if (!wait) {
            return new StackActionResult(s.id(), s.name(), action.verb, before, before, null, false, null, null,
                    "Heat accepted the " + action.verb + " of '" + s.name() + "'; it runs in the background.");
        }
        return waits.await(s, action.verb, action.target, StackJson::settled, before, timeout, context, null, true);
    }

    public StackActionResult cancelUpdate(String ref, boolean rollback, boolean wait, Duration timeout,
                                          ToolContext context) {
        StackRef s = stacks.resolve(ref);
        String before = s.status();
        boolean allowed = rollback ? before.equals("UPDATE_IN_PROGRESS")
                : before.equals("UPDATE_IN_PROGRESS") || before.equals("CREATE_IN_PROGRESS");
        if (!allowed) {
            throw ToolException.conflict("Stack '" + s.name() + "' is " + before + "; only a stack in"
                    + (rollback ? " UPDATE_IN_PROGRESS can have its update cancelled and rolled back."
                    : " UPDATE_IN_PROGRESS or CREATE_IN_PROGRESS can have its operation cancelled."));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(rollback ? "cancel_update" : "cancel_without_rollback", null);
        stacks.send(HttpMethod.POST, s.path() + "/actions", body);
        context.info("cancel requested for stack " + s.name() + " (" + s.id() + ")"
                + (rollback ? ", rolling back" : ", without rollback"));
        String verb = rollback ? "cancel update" : "cancel without rollback";
        if (!wait) {
            return new StackActionResult(s.id(), s.name(), verb, before, before, null, false, null, null,
                    "Heat accepted the cancellation for '" + s.name() + "'; it runs in the background.");
        }
        // Heat cancels asynchronously: the stack stays UPDATE_IN_PROGRESS for a moment, then rolls back
        Predicate<String> done = rollback ? st -> st.equals("ROLLBACK_COMPLETE") || st.equals("ROLLBACK_FAILED")
                : StackJson::settled;
        return waits.await(s, verb, rollback ? "ROLLBACK_COMPLETE" : before.replace("_IN_PROGRESS", "_FAILED"), done,
                before, timeout, context, null, false);
    }

    public Preview deletePreview(String ref) {
        StackRef s = stacks.resolve(ref);
        refuseNested(s);
        List<JsonNode> resources = elements(stacks.get(s.path() + "/resources", query("nested_depth", 5))
                .path("resources"));
        Map<String, String> policies = deletionPolicies(stacks.get(s.path() + "/template", null));
        List<Preview.Resource> affected = new ArrayList<>();
        affected.add(new Preview.Resource("stack", s.id(), s.name(), "deleted, with every resource below"));
        int servers = 0;
        int volumes = 0;
        int retained = 0;
        for (JsonNode r : resources) {
            String name = text(r, "resource_name", "?");
            String type = text(r, "resource_type", "?");
            String physical = text(r, "physical_resource_id");
            String nested = nestedStackName(r, s);
            String policy = nested == null ? policies.get(name) : null;
            String effect;
            if ("retain".equals(policy)) {
                effect = "kept in the cloud (deletion_policy Retain), no longer managed by Heat";
                retained++;
            } else if (physical == null) {
                effect = "removed from the stack (never created in the cloud)";
            } else if ("snapshot".equals(policy)) {
                effect = "snapshot taken, then deleted (deletion_policy Snapshot)";
            } else {
                effect = "deleted";
            }
            if (!"retain".equals(policy) && physical != null) {
                servers += type.equals("OS::Nova::Server") ? 1 : 0;
                volumes += type.equals("OS::Cinder::Volume") ? 1 : 0;
            }
            affected.add(new Preview.Resource(type, physical == null ? "" : physical,
                    nested == null ? name : nested + "/" + name, effect));
        }
        List<String> warnings = new ArrayList<>();
        if (!settled(s.status())) {
            warnings.add("The stack is " + s.status() + ": deleting it interrupts that operation.");
        }
        if (s.status().equals("DELETE_FAILED")) {
            warnings.add("An earlier delete failed: " + truncate(text(s.summary(), "stack_status_reason")));
        }
        if (servers > 0) {
            warnings.add(servers + " server(s) are deleted, with their local disks.");
        }
        if (volumes > 0) {
            warnings.add(volumes + " volume(s) are deleted with their data unless their deletion policy keeps them.");
        }
        if (retained > 0) {
            warnings.add(retained + " resource(s) are retained: they stay in the cloud and count against quota.");
        }
        return new Preview("delete stack", "Delete stack '" + s.name() + "' (" + s.id() + "), " + s.status()
                + ", and its " + resources.size() + " resource(s)" + typeCounts(resources) + ".", affected, warnings);
    }

    public StackDeleted delete(String ref, boolean wait, Duration timeout, ToolContext context) {
        StackRef s = stacks.resolve(ref);
        refuseNested(s);
        stacks.send(HttpMethod.DELETE, s.path(), null);
        context.info("delete requested for stack " + s.name() + " (" + s.id() + ")");
        if (!wait) {
            return new StackDeleted(s.id(), s.name(), false, "Deletion of stack '" + s.name() + "' was accepted and"
                    + " runs in the background.");
        }
        Polling.Outcome<JsonNode> outcome = Polling.until(() -> stacks.summaryById(s.id()),
                x -> text(x, "stack_status", "").equals("DELETE_COMPLETE"),
                x -> text(x, "stack_status", "").equals("DELETE_FAILED"), StackJson::describe, timeout,
                waits.pollInterval(), context);
        return switch (outcome.end()) {
            case GONE, REACHED -> new StackDeleted(s.id(), s.name(), true, "Stack '" + s.name()
                    + "' and its resources are deleted.");
            case FAILED -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, StackWaits.failureMessage(s, "delete",
                    outcome.last(), waits.failures(s)) + " The stack still exists; fix the cause and delete it again.");
            case TIMED_OUT -> new StackDeleted(s.id(), s.name(), false, "Stack '" + s.name() + "' is still "
                    + text(outcome.last(), "stack_status", "?") + " after " + outcome.waited().toSeconds()
                    + " s; deletion may still complete.");
        };
    }

    private List<ResourceChange> resourceChanges(StackRef s, HttpMethod method, Map<String, Object> body) {
        JsonNode changes = stacks.send(method, s.path() + "/preview", body).path("resource_changes");
        Map<String, String> physical = new LinkedHashMap<>();
        for (JsonNode r : elements(stacks.get(s.path() + "/resources", null).path("resources"))) {
            String id = text(r, "physical_resource_id");
            if (id != null) {
                physical.put(text(r, "resource_name"), id);
            }
        }
        List<ResourceChange> out = new ArrayList<>();
        for (String kind : List.of("replaced", "deleted", "updated", "added", "unchanged")) {
            flatten(changes.path(kind), r -> {
                String name = text(r, "resource_name", "?");
                out.add(new ResourceChange(name, text(r, "resource_type", "?"), kind,
                        kind.equals("added") ? null : physical.getOrDefault(name, text(r, "physical_resource_id"))));
            });
        }
        return out;
    }

    private static String countChanges(List<ResourceChange> changes) {
        Map<String, Long> counts = changes.stream().collect(Collectors.groupingBy(ResourceChange::change,
                LinkedHashMap::new, Collectors.counting()));
        List<String> parts = new ArrayList<>();
        for (String kind : List.of("added", "updated", "replaced", "deleted")) {
            long n = counts.getOrDefault(kind, 0L);
            if (n > 0) {
                parts.add((kind.equals("added") ? "add" : kind.equals("updated") ? "update"
                        : kind.equals("replaced") ? "replace" : "delete") + " " + n);
            }
        }
        return parts.isEmpty() ? "change no resources" : String.join(", ", parts) + " resource(s)";
    }

    private static void refuseNested(StackRef s) {
        if (s.parent() != null) {
            throw ToolException.refused("Stack '" + s.name() + "' is nested in stack " + s.parent() + "; Heat"
                    + " manages it through its parent. Delete or update the parent stack instead.");
        }
    }

    /** Resource name to lower-case deletion policy, from a HOT or CFN template. */
    private static Map<String, String> deletionPolicies(JsonNode template) {
        Map<String, String> policies = new LinkedHashMap<>();
        JsonNode resources = template.has("resources") ? template.get("resources") : template.path("Resources");
        resources.fields().forEachRemaining(e -> {
            String policy = text(e.getValue(), "deletion_policy");
            if (policy == null) {
                policy = text(e.getValue(), "DeletionPolicy");
            }
            if (policy != null) {
                policies.put(e.getKey(), policy.toLowerCase(Locale.ROOT));
            }
        });
        return policies;
    }

    private static String typeCounts(List<JsonNode> resources) {
        if (resources.isEmpty()) {
            return "";
        }
        Map<String, Long> counts = resources.stream().collect(Collectors.groupingBy(
                r -> text(r, "resource_type", "?"), LinkedHashMap::new, Collectors.counting()));
        return ": " + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }
}
