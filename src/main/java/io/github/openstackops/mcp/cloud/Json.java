package io.github.openstackops.mcp.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.micronaut.core.annotation.Nullable;
import org.openstack4j.api.exceptions.ResponseException;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reading the raw JSON of {@link CloudApi} calls (every service) into compact records. One set of rules for all of
 * them: a missing node, an absent field and JSON null all read as Java null; numbers and booleans that APIs
 * sometimes send as strings ({@code "swap": ""}, Cinder's {@code "bootable": "true"}) are read leniently.
 */
public final class Json {

    private Json() {
    }

    /** A field as text: null when absent or JSON null; objects and arrays as their JSON. */
    @Nullable
    public static String text(@Nullable JsonNode node, String field) {
        JsonNode v = value(node, field);
        return v == null ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    /** Like {@link #text}, and null for "" too (the empty names and descriptions APIs send). */
    @Nullable
    public static String nonEmpty(@Nullable JsonNode node, String field) {
        String text = text(node, field);
        return text == null || text.isEmpty() ? null : text;
    }

    @Nullable
    public static Integer integer(@Nullable JsonNode node, String field) {
        Long v = longValue(node, field);
        return v == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    @Nullable
    public static Long longValue(@Nullable JsonNode node, String field) {
        JsonNode v = value(node, field);
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return v.asLong();
        }
        try {
            String s = v.asText().trim();
            return s.isEmpty() ? null : new BigDecimal(s).longValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Nullable
    public static Double decimal(@Nullable JsonNode node, String field) {
        JsonNode v = value(node, field);
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        try {
            return Double.parseDouble(v.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** true/false, "true"/"false" (any case) or a number (non-zero is true); null when absent or anything else. */
    @Nullable
    public static Boolean bool(@Nullable JsonNode node, String field) {
        JsonNode v = value(node, field);
        if (v == null || !(v.isBoolean() || v.isNumber() || v.isTextual())) {
            return null;
        }
        return v.isTextual() ? Boolean.valueOf("true".equalsIgnoreCase(v.asText().trim())) : v.asBoolean();
    }

    /** A boolean that is false unless it is there and true. */
    public static boolean flag(@Nullable JsonNode node, String field) {
        return Boolean.TRUE.equals(bool(node, field));
    }

    /** The elements of an array field (empty when absent or not an array). */
    public static List<JsonNode> array(@Nullable JsonNode node, String field) {
        return elements(value(node, field));
    }

    /** The elements of an array node (empty when null or not an array). */
    public static List<JsonNode> elements(@Nullable JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(out::add);
        }
        return out;
    }

    /** An array field of scalars as strings (JSON nulls and nested containers left out; empty when absent). */
    public static List<String> stringList(@Nullable JsonNode node, String field) {
        return array(node, field).stream().filter(v -> v.isValueNode() && !v.isNull()).map(JsonNode::asText).toList();
    }

    /** An object field as a map of strings (JSON null values as "", nested containers as their JSON). */
    public static Map<String, String> stringMap(@Nullable JsonNode node, String field) {
        JsonNode v = value(node, field);
        Map<String, String> out = new LinkedHashMap<>();
        if (v != null && v.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode item = e.getValue();
                out.put(e.getKey(), item.isNull() ? "" : item.isValueNode() ? item.asText() : item.toString());
            }
        }
        return out;
    }

    /** A resource's name, or its id when it has none ("?" for no resource at all): how messages name things. */
    public static String label(@Nullable JsonNode node) {
        if (node == null) {
            return "?";
        }
        String name = nonEmpty(node, "name");
        return name == null ? text(node, "id") : name;
    }

    /** Puts the value into a request body or query unless it is null. */
    public static void putIfSet(Map<String, Object> body, String key, @Nullable Object value) {
        if (value != null) {
            body.put(key, value);
        }
    }

    /**
     * One URL path segment, percent-encoded (names may hold spaces, '?', ...). A value that would address something
     * else than the one resource it names is refused: empty, {@code .} or {@code ..} (dot segments, which address the
     * collection or its parent) and values holding a path separator ({@code /} or {@code \}, which services decode
     * back into one even when encoded).
     */
    public static String segment(String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty() || v.equals(".") || v.equals("..") || v.indexOf('/') >= 0 || v.indexOf('\\') >= 0) {
            throw ToolException.invalid("'" + value + "' cannot be a name or id here: a name or id cannot be empty, '.'"
                    + " or '..', nor hold '/' or '\\'. Give the resource's id or its real name.");
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The call's result, or null when the API answered 404 (the openstack4j convention for "not there"). */
    @Nullable
    public static JsonNode orNull(Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (ResponseException e) {
            if (e.getStatus() == 404) {
                return null;
            }
            throw e;
        }
    }

    @Nullable
    private static JsonNode value(@Nullable JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isMissingNode() ? null : v;
    }
}
