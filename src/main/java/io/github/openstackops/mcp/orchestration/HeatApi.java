package io.github.openstackops.mcp.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.catalog.schema.ToolJson;
import io.github.openstackops.mcp.cloud.CloudApi;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Lookup;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.core.transport.HttpMethod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Heat's REST API (orchestration v1) as plain JSON through {@link CloudApi}. openstack4j's Heat support is too thin
 * for these tools: its stack list has no marker, its validate call drops Heat's answer, and it has no preview, update
 * preview, stack actions (suspend, resume, check, cancel update), outputs or filtered, sorted event pages. Using one
 * client for all of Heat keeps the mapping in one place. Stacks are always addressed as {@code /stacks/{name}/{id}},
 * never through Heat's redirecting {@code /stacks/{name}} form.
 */
@Singleton
class HeatApi {

    private final CloudSession cloud;
    private final CloudApi api;

    HeatApi(CloudSession cloud, CloudApi api) {
        this.cloud = cloud;
        this.api = api;
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

    /** Refuses clearly when the cloud's catalog has no orchestration service. */
    void requireService() {
        if (!cloud.hasService(ServiceType.ORCHESTRATION)) {
            throw new ToolException(ToolException.Kind.UNAVAILABLE, "This cloud's service catalog has no"
                    + " orchestration (Heat) service, so there are no stacks to work with here.");
        }
    }

    JsonNode get(String path, @Nullable Map<String, ?> query) {
        requireService();
        return api.get(ServiceType.ORCHESTRATION, path, query, null);
    }

    JsonNode send(HttpMethod method, String path, @Nullable Object body) {
        requireService();
        return api.send(method, ServiceType.ORCHESTRATION, path, null, body, null);
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
