package io.github.openstackops.mcp.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.catalog.schema.ToolJson;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.Polling;
import io.github.openstackops.mcp.orchestration.Stacks.StackRef;
import io.github.openstackops.mcp.orchestration.StackRecords.EventPage;
import io.github.openstackops.mcp.orchestration.StackRecords.FailedResource;
import io.github.openstackops.mcp.orchestration.StackRecords.Output;
import io.github.openstackops.mcp.orchestration.StackRecords.OutputValue;
import io.github.openstackops.mcp.orchestration.StackRecords.PlannedResource;
import io.github.openstackops.mcp.orchestration.StackRecords.ResourceChange;
import io.github.openstackops.mcp.orchestration.StackRecords.ResourceDetail;
import io.github.openstackops.mcp.orchestration.StackRecords.ResourceList;
import io.github.openstackops.mcp.orchestration.StackRecords.ResourceSummary;
import io.github.openstackops.mcp.orchestration.StackRecords.StackActionResult;
import io.github.openstackops.mcp.orchestration.StackRecords.StackDeleted;
import io.github.openstackops.mcp.orchestration.StackRecords.StackDetail;
import io.github.openstackops.mcp.orchestration.StackRecords.StackPage;
import io.github.openstackops.mcp.orchestration.StackRecords.StackPreview;
import io.github.openstackops.mcp.orchestration.StackRecords.StackSummary;
import io.github.openstackops.mcp.orchestration.StackRecords.TemplateDetail;
import io.github.openstackops.mcp.orchestration.StackRecords.TemplateParameter;
import io.github.openstackops.mcp.orchestration.StackRecords.TemplateValidation;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.core.transport.HttpMethod;
import org.openstack4j.api.exceptions.ResponseException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import io.github.openstackops.mcp.orchestration.StackRecords.Event;

import static io.github.openstackops.mcp.orchestration.Stacks.plain;
import static io.github.openstackops.mcp.orchestration.Stacks.query;
import static io.github.openstackops.mcp.cloud.Json.elements;
import static io.github.openstackops.mcp.cloud.Json.segment;
import static io.github.openstackops.mcp.orchestration.Stacks.strings;
import static io.github.openstackops.mcp.orchestration.Stacks.text;

/**
 * Heat stacks: listing and inspection, template validation and previews, and the stack lifecycle (create, update
 * with a preview of its resource changes, suspend, resume, check, cancel update, delete), each waiting for Heat's
 * terminal status with progress. Handlers stay thin over this.
 */
@Singleton
public class StackService {

    /** Longest status reason kept in lists (a failed nested stack's reason can run to pages). */
    private static final int MAX_REASON = 1000;
    /** Attribute values larger than this (as JSON) are left out of resource details. */
    private static final int MAX_ATTRIBUTE_CHARS = 400;
    private static final int MAX_FAILURES = 10;
    /** Heat's stand-ins for a missing description (outputs, templates). */
    private static final List<String> NO_DESCRIPTION = List.of("No description given", "No description");

    /** What Heat shows for the value of a hidden parameter. */
    private static final String HIDDEN = "******";
    /** The state part of a Heat status (<ACTION>_<STATE>). */
    private static final List<String> STATES = List.of("IN_PROGRESS", "FAILED", "COMPLETE");

    private final Stacks stacks;
    private final Duration pollInterval;

    public StackService(Stacks stacks, @Value("${openstack.poll-interval:1s}") Duration pollInterval) {
        this.stacks = stacks;
        this.pollInterval = pollInterval;
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

    // ------------------------------------------------------------------------------------------------ reading ---

    public StackPage list(int limit, @Nullable String marker, @Nullable String name, @Nullable String status,
                          @Nullable List<String> tags) {
        Map<String, Object> query = query("limit", Paging.fetchSize(limit), "marker", marker, "name", name,
                "status", status == null ? null : status.toUpperCase(Locale.ROOT),
                "tags", tags == null || tags.isEmpty() ? null : String.join(",", tags),
                "sort_keys", "creation_time", "sort_dir", "desc");
        Paging.Slice<JsonNode> page = Paging.slice(stacks.listStacks(query), limit, s -> text(s, "id"));
        List<StackSummary> stacks = page.items().stream().map(StackService::summary).toList();
        return new StackPage(stacks, stacks.size(), page.nextMarker());
    }

    public StackDetail get(String ref) {
        StackRef s = stacks.resolve(ref);
        JsonNode stack = stacks.stack(s);
        return new StackDetail(s.id(), s.name(), text(stack, "stack_status", "UNKNOWN"),
                text(stack, "stack_status_reason"), description(stack), text(stack, "creation_time"),
                text(stack, "updated_time"), visibleParameters(stack.path("parameters")), outputs(stack.path("outputs")),
                stack.path("timeout_mins").isInt() ? stack.get("timeout_mins").asInt() : null,
                stack.path("disable_rollback").isBoolean() ? stack.get("disable_rollback").asBoolean() : null,
                tags(stack.path("tags")), text(stack, "parent"), projectOf(stack), text(stack, "stack_owner"));
    }

    public ResourceList resources(String ref, @Nullable String type, @Nullable String status,
                                  int nestedDepth, int limit) {
        StackRef s = stacks.resolve(ref);
        List<JsonNode> all = elements(stacks.get(s.path() + "/resources", query("type", type,
                "status", status == null ? null : status.toUpperCase(Locale.ROOT),
                "nested_depth", nestedDepth > 0 ? nestedDepth : null)).path("resources"));
        List<ResourceSummary> resources = all.stream().limit(limit).map(r -> resource(r, s)).toList();
        return new ResourceList(s.id(), s.name(), resources, resources.size(), all.size() > limit);
    }

    public ResourceDetail resource(String ref, String resourceName) {
        StackRef s = stacks.resolve(ref);
        JsonNode r = stacks.get(s.path() + "/resources/" + segment(resourceName), null).path("resource");
        Map<String, Object> attributes = new LinkedHashMap<>();
        List<String> omitted = new ArrayList<>();
        r.path("attributes").fields().forEachRemaining(e -> {
            JsonNode v = withoutLinks(e.getValue());
            if (e.getKey().equals("show") || e.getKey().equals("links") || v == null || v.isNull()
                    || v.isTextual() && v.asText().isEmpty()) {
                return;
            }
            if (v.toString().length() > MAX_ATTRIBUTE_CHARS) {
                omitted.add(e.getKey());
            } else {
                attributes.put(e.getKey(), plain(v));
            }
        });
        return new ResourceDetail(s.id(), s.name(), text(r, "resource_name", resourceName),
                text(r, "resource_type", "?"), text(r, "resource_status", "UNKNOWN"),
                text(r, "resource_status_reason"), text(r, "physical_resource_id"), text(r, "description"),
                text(r, "creation_time"), text(r, "updated_time"), strings(r.path("required_by")), attributes, omitted);
    }

    public EventPage events(String ref, @Nullable String resourceName, @Nullable String status, int limit,
                            @Nullable String marker) {
        StackRef s = stacks.resolve(ref);
        String action = null;
        String state = null;
        if (status != null) {
            // Heat filters events by action and state separately: CREATE_FAILED is CREATE + FAILED
            String upper = status.toUpperCase(Locale.ROOT);
            state = STATES.stream().filter(upper::endsWith).findFirst().orElse(upper);
            action = upper.length() > state.length() ? upper.substring(0, upper.length() - state.length() - 1) : null;
        }
        List<JsonNode> fetched = elements(stacks.get(s.path() + "/events", query("limit", Paging.fetchSize(limit),
                "marker", marker, "resource_name", resourceName, "resource_action", action, "resource_status", state,
                "sort_keys", "event_time", "sort_dir", "desc")).path("events"));
        if (fetched.isEmpty() && resourceName != null && marker == null && !resourceName.equals(s.name())) {
            // says clearly when the resource does not exist, rather than "no events"
            stacks.get(s.path() + "/resources/" + segment(resourceName), null);
        }
        Paging.Slice<JsonNode> page = Paging.slice(fetched, limit, e -> text(e, "id"));
        List<Event> events = page.items().stream().map(e -> new Event(text(e, "id"), text(e, "event_time"),
                text(e, "resource_name", "?"), text(e, "physical_resource_id"), text(e, "resource_status", "UNKNOWN"),
                text(e, "resource_status_reason"))).toList();
        return new EventPage(s.id(), s.name(), events, events.size(), page.nextMarker());
    }

    public TemplateDetail template(String ref, int maxChars) {
        StackRef s = stacks.resolve(ref);
        JsonNode template = stacks.get(s.path() + "/template", null);
        String version = text(template, "heat_template_version");
        if (version == null) {
            version = text(template, "AWSTemplateFormatVersion");
        }
        JsonNode resources = template.has("resources") ? template.get("resources") : template.path("Resources");
        Map<String, String> types = new LinkedHashMap<>();
        resources.fields().forEachRemaining(e -> types.put(e.getKey(),
                text(e.getValue(), e.getValue().has("type") ? "type" : "Type", "?")));
        String yaml = yaml(plain(withHiddenDefaultsMasked(template)));
        boolean truncated = yaml.length() > maxChars;
        return new TemplateDetail(s.id(), s.name(), version,
                text(template, template.has("description") ? "description" : "Description"),
                names(template.has("parameters") ? template.get("parameters") : template.path("Parameters")), types,
                names(template.has("outputs") ? template.get("outputs") : template.path("Outputs")),
                truncated ? yaml.substring(0, maxChars) : yaml, truncated);
    }

    public OutputValue output(String ref, String key) {
        StackRef s = stacks.resolve(ref);
        JsonNode found = Json.orNull(() -> stacks.get(s.path() + "/outputs/" + segment(key), null));
        if (found == null) {
            // only now are the names worth a call: they make the error say what to ask for instead
            List<String> keys = elements(stacks.get(s.path() + "/outputs", null).path("outputs")).stream()
                    .map(o -> text(o, "output_key")).toList();
            throw ToolException.notFound("Stack '" + s.name() + "' has no output '" + key + "'; "
                    + (keys.isEmpty() ? "it has no outputs." : "its outputs are: " + String.join(", ", keys) + "."));
        }
        JsonNode o = found.path("output");
        return new OutputValue(s.id(), s.name(), key, description(o), plain(o.get("output_value")),
                text(o, "output_error"));
    }

    /** Asks Heat whether it accepts the template; a rejection is a result (valid=false), not a failure. */
    public TemplateValidation validate(TemplateInput input) {
        input.check(true);
        Map<String, Object> body = new LinkedHashMap<>();
        input.addTo(body);
        JsonNode answer;
        try {
            answer = input.send(() -> stacks.send(HttpMethod.POST, "/validate", body));
        } catch (ResponseException e) {
            if (e.getStatus() == 400) {
                return new TemplateValidation(false, input.redact(e.getMessage()), null, List.of());
            }
            throw e;
        }
        List<TemplateParameter> parameters = new ArrayList<>();
        answer.path("Parameters").fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            boolean hidden = "true".equalsIgnoreCase(text(p, "NoEcho"));
            Object defaultValue = p.has("Default") ? (hidden ? HIDDEN : plain(p.get("Default"))) : null;
            List<Object> allowed = p.has("AllowedValues") ? elements(p.get("AllowedValues")).stream()
                    .map(Stacks::plain).toList() : null;
            String description = text(p, "Description");
            parameters.add(new TemplateParameter(e.getKey(), text(p, "Type"), description, defaultValue, hidden,
                    allowed));
        });
        return new TemplateValidation(true, null, text(answer, "Description"), parameters);
    }

    /** What Heat would create; nothing is created. */
    public StackPreview preview(String name, TemplateInput input) {
        input.check(true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stack_name", name);
        input.addTo(body);
        JsonNode stack = input.send(() -> stacks.send(HttpMethod.POST, "/stacks/preview", body)).path("stack");
        List<PlannedResource> resources = new ArrayList<>();
        flatten(stack.path("resources"), r -> {
            String parent = text(r, "parent_resource");
            String resource = text(r, "resource_name", "?");
            resources.add(new PlannedResource(parent == null ? resource : parent + "/" + resource,
                    text(r, "resource_type", "?"), strings(r.path("required_by"))));
        });
        return new StackPreview(name, description(stack), visibleParameters(stack.path("parameters")), resources,
                elements(stack.path("outputs")).stream().map(o -> text(o, "output_key")).toList());
    }

    // ------------------------------------------------------------------------------------------------ writing ---

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
        return await(s, "create", "CREATE_COMPLETE", StackService::settled, null, timeout, context, null, true);
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
        return await(s, "update", "UPDATE_COMPLETE", StackService::settled, s.status(), timeout, context, changes, true);
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
        return await(s, action.verb, action.target, StackService::settled, before, timeout, context, null, true);
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
                : StackService::settled;
        return await(s, verb, rollback ? "ROLLBACK_COMPLETE" : before.replace("_IN_PROGRESS", "_FAILED"), done,
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
                x -> text(x, "stack_status", "").equals("DELETE_FAILED"), StackService::describe, timeout,
                pollInterval, context);
        return switch (outcome.end()) {
            case GONE, REACHED -> new StackDeleted(s.id(), s.name(), true, "Stack '" + s.name()
                    + "' and its resources are deleted.");
            case FAILED -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, failureMessage(s, "delete",
                    outcome.last(), failures(s)) + " The stack still exists; fix the cause and delete it again.");
            case TIMED_OUT -> new StackDeleted(s.id(), s.name(), false, "Stack '" + s.name() + "' is still "
                    + text(outcome.last(), "stack_status", "?") + " after " + outcome.waited().toSeconds()
                    + " s; deletion may still complete.");
        };
    }

    // -------------------------------------------------------------------------------------------------- waits ---

    /**
     * Waits until the stack settles. Heat stores the IN_PROGRESS state before it answers a create, update, delete,
     * suspend, resume or check request, so the first settled status seen is the outcome of this request.
     */
    private StackActionResult await(StackRef s, String verb, String target, Predicate<String> done,
                                    @Nullable String before, Duration timeout, ToolContext context,
                                    @Nullable List<ResourceChange> changes, boolean failIfMissed) {
        Polling.Outcome<JsonNode> outcome = Polling.until(() -> stacks.summaryById(s.id()),
                x -> done.test(text(x, "stack_status", "")), x -> false, StackService::describe, timeout,
                pollInterval, context);
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

    /** Not in progress: Heat has finished with the stack, one way or another. */
    static boolean settled(String status) {
        return !status.endsWith("_IN_PROGRESS") && !status.startsWith("INIT_") && !status.isEmpty();
    }

    private static String describe(JsonNode stack) {
        String reason = text(stack, "stack_status_reason");
        return text(stack, "stack_status", "?") + (reason == null ? "" : ": " + truncate(reason));
    }

    /** The resources that failed: those FAILED now (nested ones too), else the latest failure events. */
    private List<FailedResource> failures(StackRef s) {
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

    private static String failureMessage(StackRef s, String verb, @Nullable JsonNode last, List<FailedResource> failed) {
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

    // ---------------------------------------------------------------------------------------------- helpers ---

    private static void refuseNested(StackRef s) {
        if (s.parent() != null) {
            throw ToolException.refused("Stack '" + s.name() + "' is nested in stack " + s.parent() + "; Heat"
                    + " manages it through its parent. Delete or update the parent stack instead.");
        }
    }

    /** The nested stack a resource of a nested_depth listing lives in, or null for the stack's own resources. */
    @Nullable
    private static String nestedStackName(JsonNode resource, StackRef top) {
        for (JsonNode link : elements(resource.path("links"))) {
            if ("stack".equals(text(link, "rel"))) {
                String href = text(link, "href");
                if (href != null && !href.endsWith("/" + top.id())) {
                    String[] parts = href.split("/");
                    return parts.length >= 2 ? java.net.URLDecoder.decode(parts[parts.length - 2],
                            java.nio.charset.StandardCharsets.UTF_8) : null;
                }
            }
        }
        return null;
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

    /**
     * A copy of a template with the default of every hidden parameter (HOT {@code hidden: true}, CFN
     * {@code NoEcho: true}) replaced by "******", as Heat masks their values everywhere else.
     */
    static JsonNode withHiddenDefaultsMasked(JsonNode template) {
        JsonNode copy = template.deepCopy();
        for (String[] names : List.of(new String[]{"parameters", "hidden", "default"},
                new String[]{"Parameters", "NoEcho", "Default"})) {
            copy.path(names[0]).forEach(p -> {
                if (p instanceof com.fasterxml.jackson.databind.node.ObjectNode parameter && p.has(names[2])
                        && Json.flag(p, names[1])) {
                    parameter.put(names[2], HIDDEN);
                }
            });
        }
        return copy;
    }

    /** A copy without the API's "links" members, at any depth: they only cost a model's context. */
    private static JsonNode withoutLinks(JsonNode node) {
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = ToolJson.mapper().createObjectNode();
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("links")) {
                    copy.set(e.getKey(), withoutLinks(e.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = ToolJson.mapper().createArrayNode();
            node.forEach(n -> copy.add(withoutLinks(n)));
            return copy;
        }
        return node;
    }

    private static void flatten(JsonNode node, java.util.function.Consumer<JsonNode> each) {
        if (node.isArray()) {
            node.forEach(n -> flatten(n, each));
        } else if (node.isObject()) {
            each.accept(node);
        }
    }

    static StackSummary summary(JsonNode s) {
        return new StackSummary(text(s, "id"), text(s, "stack_name"), text(s, "stack_status", "UNKNOWN"),
                truncate(text(s, "stack_status_reason")), text(s, "creation_time"), text(s, "updated_time"),
                projectOf(s), tags(s.path("tags")), text(s, "parent"));
    }

    private static ResourceSummary resource(JsonNode r, StackRef top) {
        return new ResourceSummary(text(r, "resource_name", "?"), text(r, "resource_type", "?"),
                text(r, "resource_status", "UNKNOWN"), truncate(text(r, "resource_status_reason")),
                text(r, "physical_resource_id"), text(r, "updated_time"), strings(r.path("required_by")),
                nestedStackName(r, top));
    }

    private static List<Output> outputs(JsonNode outputs) {
        return elements(outputs).stream().map(o -> new Output(text(o, "output_key", "?"), description(o),
                plain(o.get("output_value")), text(o, "output_error"))).toList();
    }

    private static Map<String, Object> visibleParameters(JsonNode parameters) {
        Map<String, Object> out = new LinkedHashMap<>();
        parameters.fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("OS::")) {
                out.put(e.getKey(), plain(e.getValue()));
            }
        });
        return out;
    }

    @Nullable
    private static String description(JsonNode node) {
        String d = text(node, "description");
        return d == null || NO_DESCRIPTION.contains(d) ? null : d;
    }

    @Nullable
    private static String projectOf(JsonNode stack) {
        String project = text(stack, "project");
        if (project != null) {
            return project;
        }
        for (JsonNode link : elements(stack.path("links"))) {
            String href = text(link, "href");
            if (href != null && href.contains("/stacks/")) {
                String[] parts = href.substring(0, href.indexOf("/stacks/")).split("/");
                return parts[parts.length - 1];
            }
        }
        return null;
    }

    private static List<String> tags(JsonNode tags) {
        if (tags.isTextual()) {
            return List.of(tags.asText().split(","));
        }
        return strings(tags);
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Nullable
    static String truncate(@Nullable String text) {
        return text == null || text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "…";
    }

    /** A template as block YAML, multi-line strings (scripts, user data) as literal blocks. */
    static String yaml(Object template) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(120);
        options.setSplitLines(false);
        Representer representer = new Representer(options) {
            @Override
            protected Node representScalar(Tag tag, String value, DumperOptions.ScalarStyle style) {
                boolean multiLine = value.contains("\n") && !value.contains("\t") && !value.endsWith(" ");
                return super.representScalar(tag, value, multiLine ? DumperOptions.ScalarStyle.LITERAL : style);
            }
        };
        return new Yaml(representer, options).dump(template);
    }
}
