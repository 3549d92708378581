package io.github.openstackops.mcp.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import io.github.openstackops.mcp.catalog.schema.SchemaGenerator;
import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One page of a list: the shape every paged list tool returns. The items keep their family's name in JSON
 * ({@code servers}, {@code volumes}, ...), followed by their {@code count} and the {@code next_marker} to pass as
 * {@code marker} for the next page (absent on the last page). A family declares its {@link Kind} once, next to its
 * item record; the tool takes the kind as its result type and the service builds pages with {@link Kind#page}.
 *
 * @param kind       what is listed: the JSON name of the items and the words of the schema
 * @param items      the items on this page
 * @param nextMarker the marker of the next page, null on the last page
 */
public record Page<T extends Record>(Kind<T> kind, List<T> items, @Nullable String nextMarker) {

    static final String NEXT_MARKER = "Pass as 'marker' to get the next page; absent on the last page";

    public Page {
        Objects.requireNonNull(kind);
        items = List.copyOf(items);
    }

    public int count() {
        return items.size();
    }

    /**
     * @param type  the item record
     * @param field the JSON name of the items, e.g. {@code servers}
     * @param noun  the items in words, plural, e.g. {@code key pairs}
     * @param about the result's description, e.g. "One page of servers, newest first"
     */
    public record Kind<T extends Record>(Class<T> type, String field, String noun, String about) {

        /** "One page of {noun}". */
        public static <T extends Record> Kind<T> of(Class<T> type, String field, String noun) {
            return new Kind<>(type, field, noun, "One page of " + noun);
        }

        /** The same kind, described otherwise (e.g. "One page of servers, newest first"). */
        public Kind<T> about(String description) {
            return new Kind<>(type, field, noun, description);
        }

        public Page<T> page(List<T> items, @Nullable String nextMarker) {
            return new Page<>(this, items, nextMarker);
        }

        /** The output schema of a page of this kind. */
        public Map<String, Object> schema() {
            Map<String, Object> list = new LinkedHashMap<>();
            list.put("description", noun.substring(0, 1).toUpperCase(Locale.ROOT) + noun.substring(1)
                    + " on this page");
            list.put("type", "array");
            list.put("items", SchemaGenerator.outputSchema(type));
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put(field, list);
            properties.put("count", Map.of("description", "Number of " + noun + " on this page", "type", "integer"));
            properties.put("next_marker", Map.of("description", NEXT_MARKER, "type", "string"));
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "object");
            schema.put("description", about);
            schema.put("properties", properties);
            schema.put("required", List.of(field, "count"));
            return schema;
        }
    }

    /** The JSON clients receive: the items under the kind's name; {@code next_marker} only when there is a next page. */
    @JsonValue
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(kind.field(), items);
        json.put("count", count());
        if (nextMarker != null) {
            json.put("next_marker", nextMarker);
        }
        return json;
    }
}
