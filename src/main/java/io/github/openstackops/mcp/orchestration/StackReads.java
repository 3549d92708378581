package io.github.openstackops.mcp.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.orchestration.StackRecords.Event;
import io.github.openstackops.mcp.orchestration.StackRecords.EventPage;
import io.github.openstackops.mcp.orchestration.StackRecords.OutputValue;
import io.github.openstackops.mcp.orchestration.StackRecords.PlannedResource;
import io.github.openstackops.mcp.orchestration.StackRecords.ResourceDetail;
import io.github.openstackops.mcp.orchestration.StackRecords.ResourceList;
import io.github.openstackops.mcp.orchestration.StackRecords.ResourceSummary;
import io.github.openstackops.mcp.orchestration.StackRecords.StackDetail;
import io.github.openstackops.mcp.orchestration.StackRecords.StackPreview;
import io.github.openstackops.mcp.orchestration.StackRecords.StackSummary;
import io.github.openstackops.mcp.orchestration.StackRecords.TemplateDetail;
import io.github.openstackops.mcp.orchestration.StackRecords.TemplateParameter;
import io.github.openstackops.mcp.orchestration.StackRecords.TemplateValidation;
import io.github.openstackops.mcp.orchestration.Stacks.StackRef;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.core.transport.HttpMethod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.elements;
import static io.github.openstackops.mcp.cloud.Json.segment;
import static io.github.openstackops.mcp.orchestration.StackJson.HIDDEN;
import static io.github.openstackops.mcp.orchestration.StackJson.MAX_ATTRIBUTE_CHARS;
import static io.github.openstackops.mcp.orchestration.StackJson.STATES;
import static io.github.openstackops.mcp.orchestration.StackJson.description;
import static io.github.openstackops.mcp.orchestration.StackJson.flatten;
import static io.github.openstackops.mcp.orchestration.StackJson.names;
import static io.github.openstackops.mcp.orchestration.StackJson.outputs;
import static io.github.openstackops.mcp.orchestration.StackJson.projectOf;
import static io.github.openstackops.mcp.orchestration.StackJson.resourceSummary;
import static io.github.openstackops.mcp.orchestration.StackJson.tags;
import static io.github.openstackops.mcp.orchestration.StackJson.visibleParameters;
import static io.github.openstackops.mcp.orchestration.StackJson.withHiddenDefaultsMasked;
import static io.github.openstackops.mcp.orchestration.StackJson.withoutLinks;
import static io.github.openstackops.mcp.orchestration.StackJson.yaml;
import static io.github.openstackops.mcp.orchestration.Stacks.plain;
import static io.github.openstackops.mcp.orchestration.Stacks.query;
import static io.github.openstackops.mcp.orchestration.Stacks.strings;
import static io.github.openstackops.mcp.orchestration.Stacks.text;

/**
 * Reading Heat stacks: listing and inspection (resources, events, template, outputs), template validation and the
 * preview of a new stack. Nothing here changes the cloud.
 */
@Singleton
public class StackReads {

    private final Stacks stacks;

    public StackReads(Stacks stacks) {
        this.stacks = stacks;
    }


    public Page<StackSummary> list(int limit, @Nullable String marker, @Nullable String name, @Nullable String status,
                          @Nullable List<String> tags) {
        Map<String, Object> query = query("limit", Paging.fetchSize(limit), "marker", marker, "name", name,
                "status", status == null ? null : status.toUpperCase(Locale.ROOT),
                "tags", tags == null || tags.isEmpty() ? null : String.join(",", tags),
                "sort_keys", "creation_time", "sort_dir", "desc");
        Paging.Slice<JsonNode> page = Paging.slice(stacks.listStacks(query), limit, s -> text(s, "id"));
        List<StackSummary> stacks = page.items().stream().map(StackJson::summary).toList();
        return StackRecords.STACKS.page(stacks, page.nextMarker());
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
        List<ResourceSummary> resources = all.stream().limit(limit).map(r -> resourceSummary(r, s)).toList();
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
}
