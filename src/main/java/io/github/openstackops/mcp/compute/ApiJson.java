package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import org.openstack4j.api.exceptions.ResponseException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reading the raw JSON of {@link io.github.openstackops.mcp.cloud.CloudApi} calls into compact records: absent and
 * null fields become Java nulls, numbers that APIs sometimes send as strings ("swap": "") are read leniently.
 */
public final class ApiJson {

    private ApiJson() {
    }

    @Nullable
    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isMissingNode() ? null : v.isTextual() ? v.asText() : v.toString();
    }

    @Nullable
    public static Integer integer(JsonNode node, String field) {
        Long v = longValue(node, field);
        return v == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    @Nullable
    public static Long longValue(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isNumber()) {
            return v.asLong();
        }
        String s = v.asText().trim();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(s).longValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Nullable
    public static Double decimal(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
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

    @Nullable
    public static Boolean bool(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        return v.isBoolean() ? v.asBoolean() : Boolean.parseBoolean(v.asText());
    }

    /** The elements of an array field (empty when absent). */
    public static List<JsonNode> array(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(out::add);
        }
        return out;
    }

    /** A JSON object of strings as a map (empty when absent). */
    public static Map<String, String> strings(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (v != null && v.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            }
        }
        return out;
    }

    /** One path segment, percent-encoded (names may hold spaces, '/', '?', ...). */
    public static String segment(String value) {
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

    /** used/total as a percentage with one decimal; null when the total is unknown, zero or unlimited. */
    @Nullable
    public static Double percent(@Nullable Number used, @Nullable Number total) {
        if (used == null || total == null || total.doubleValue() <= 0) {
            return null;
        }
        return BigDecimal.valueOf(used.doubleValue() * 100.0 / total.doubleValue())
                .setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /** A number rounded to two decimals (hours, GiB-hours). */
    public static double round2(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
