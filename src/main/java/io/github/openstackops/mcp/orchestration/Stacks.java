package io.github.openstackops.mcp.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.schema.ToolJson;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.services.HeatClient;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.core.transport.HttpMethod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * Stacks as the orchestration tools address them, over {@link HeatClient}: found by id or unique name (nested ones
 * included), always addressed as {@code /stacks/{name}/{id}}, never through Heat's redirecting {@code /stacks/{name}}
 * form. openstack4j's Heat support is too thin for these tools (its stack list has no marker, its validate call
 * drops Heat's answer, and it has no preview, update preview, stack actions, outputs or sorted event pages).
 */
@Singleton
class Stacks {

    private final HeatClient heat;

    Stacks(HeatClient heat) {
        this.heat = heat;
    }

    /** A stack as addressed by Heat: its id and name, plus the summary it was found with. */
    record StackRef(String id, String name, JsonNode summary) {
        String path() {
            return "/stacks/" + Json.segment(name) + "/" + Json.segment(id);
        }

        String status() {
            return text(summary, "stack_status", "UNKNOWN");
        }

        @Nullable
        String parent() {
            return text(summary, "parent");
        }
    }

    void requireService() {
        heat.requireService();
    }

    JsonNode get(String path, @Nullable Map<String, ?> query) {
        return heat.get(path, query);
    }

    JsonNode send(HttpMethod method, String path, @Nullable Object body) {
        return heat.send(method, path, null, body);
    }

    /** One page of stacks (filters and paging in Heat). */
    List<JsonNode> listStacks(Map<String, ?> query) {
        return Json.elements(get("/stacks", query).path("stacks"));
    }

    /** A stack by id or unique exact name; nested stacks included, deleted ones not. */
    StackRef resolve(String ref) {
        JsonNode found = Lookup.byIdOrName("Stack", ref, this::summaryById,
                name -> listStacks(query("name", name, "show_nested", "true")),
                s -> text(s, "stack_name"), s -> text(s, "id"));
        return ref(found);
    }

    /** The summary of a stack by id, or null when it does not exist (any more). */
    @Nullable
    JsonNode summaryById(String id) {
        List<JsonNode> stacks = listStacks(query("id", id, "show_nested", "true"));
        return stacks.isEmpty() ? null : stacks.get(0);
    }

    static StackRef ref(JsonNode summary) {
        return new StackRef(text(summary, "id"), text(summary, "stack_name"), summary);
    }

    /** GET /stacks/{name}/{id}: the full stack, with parameters and resolved outputs. */
    JsonNode stack(StackRef stack) {
        return get(stack.path(), null).path("stack");
    }

    static Map<String, Object> query(Object... keyValues) {
        Map<String, Object> query = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                query.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return query;
    }

    /** Heat's text fields: "" reads as absent, like JSON null. */
    @Nullable
    static String text(JsonNode node, String field) {
        return Json.nonEmpty(node, field);
    }

    static String text(JsonNode node, String field, String fallback) {
        String value = text(node, field);
        return value == null ? fallback : value;
    }

    static List<String> strings(JsonNode array) {
        return Json.elements(array).stream().filter(JsonNode::isValueNode).map(JsonNode::asText).toList();
    }

    /** Any JSON value as plain Java (maps, lists, strings, numbers, booleans), null for JSON null. */
    @Nullable
    static Object plain(@Nullable JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return ToolJson.mapper().convertValue(node, Object.class);
    }
}
