package io.github.openstackops.mcp.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.schema.ToolJson;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.orchestration.StackRecords.Output;
import io.github.openstackops.mcp.orchestration.StackRecords.ResourceSummary;
import io.github.openstackops.mcp.orchestration.StackRecords.StackSummary;
import io.github.openstackops.mcp.orchestration.Stacks.StackRef;
import io.micronaut.core.annotation.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.elements;
import static io.github.openstackops.mcp.orchestration.Stacks.plain;
import static io.github.openstackops.mcp.orchestration.Stacks.strings;
import static io.github.openstackops.mcp.orchestration.Stacks.text;

/** Heat's JSON read into the stack tools' records, and the template helpers the stack services share. */
final class StackJson {

    private StackJson() {
    }

    /** Longest status reason kept in lists (a failed nested stack's reason can run to pages). */
    static final int MAX_REASON = 1000;

    /** Attribute values larger than this (as JSON) are left out of resource details. */
    static final int MAX_ATTRIBUTE_CHARS = 400;

    /** Heat's stand-ins for a missing description (outputs, templates). */
    static final List<String> NO_DESCRIPTION = List.of("No description given", "No description");

    /** What Heat shows for the value of a hidden parameter. */
    static final String HIDDEN = "******";

    /** The state part of a Heat status (<ACTION>_<STATE>). */
    static final List<String> STATES = List.of("IN_PROGRESS", "FAILED", "COMPLETE");

    /** Not in progress: Heat has finished with the stack, one way or another. */
    static boolean settled(String status) {
        return !status.endsWith("_IN_PROGRESS") && !status.startsWith("INIT_") && !status.isEmpty();
    }

    static String describe(JsonNode stack) {
        String reason = text(stack, "stack_status_reason");
        return text(stack, "stack_status", "?") + (reason == null ? "" : ": " + truncate(reason));
    }

    /** The nested stack a resource of a nested_depth listing lives in, or null for the stack's own resources. */
    @Nullable
    static String nestedStackName(JsonNode resource, StackRef top) {
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
    static JsonNode withoutLinks(JsonNode node) {
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

    static void flatten(JsonNode node, java.util.function.Consumer<JsonNode> each) {
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

    static ResourceSummary resourceSummary(JsonNode r, StackRef top) {
        return new ResourceSummary(text(r, "resource_name", "?"), text(r, "resource_type", "?"),
                text(r, "resource_status", "UNKNOWN"), truncate(text(r, "resource_status_reason")),
                text(r, "physical_resource_id"), text(r, "updated_time"), strings(r.path("required_by")),
                nestedStackName(r, top));
    }

    static List<Output> outputs(JsonNode outputs) {
        return elements(outputs).stream().map(o -> new Output(text(o, "output_key", "?"), description(o),
                plain(o.get("output_value")), text(o, "output_error"))).toList();
    }

    static Map<String, Object> visibleParameters(JsonNode parameters) {
        Map<String, Object> out = new LinkedHashMap<>();
        parameters.fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("OS::")) {
                out.put(e.getKey(), plain(e.getValue()));
            }
        });
        return out;
    }

    @Nullable
    static String description(JsonNode node) {
        String d = text(node, "description");
        return d == null || NO_DESCRIPTION.contains(d) ? null : d;
    }

    @Nullable
    static String projectOf(JsonNode stack) {
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

    static List<String> tags(JsonNode tags) {
        if (tags.isTextual()) {
            return List.of(tags.asText().split(","));
        }
        return strings(tags);
    }

    static List<String> names(JsonNode object) {
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
