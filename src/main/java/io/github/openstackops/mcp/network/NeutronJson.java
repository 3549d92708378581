package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;

/** Reading Neutron's JSON: absent and null fields are both null, never "null" strings. */
final class NeutronJson {

    private NeutronJson() {
    }

    @Nullable
    static String text(@Nullable JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    /** The text, or "" when absent (for required name fields). */
    static String str(@Nullable JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? "" : value;
    }

    /** The text, or null when it is empty (Neutron's "" names and descriptions). */
    @Nullable
    static String nonEmpty(@Nullable JsonNode node, String field) {
        String value = text(node, field);
        return value == null || value.isEmpty() ? null : value;
    }

    @Nullable
    static Boolean bool(@Nullable JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asBoolean();
    }

    static boolean flag(@Nullable JsonNode node, String field) {
        return Boolean.TRUE.equals(bool(node, field));
    }

    @Nullable
    static Integer integer(@Nullable JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.canConvertToInt() ? null : value.asInt();
    }

    /** A count that can exceed a long (IPv6 subnets): saturated at {@link Long#MAX_VALUE}. */
    @Nullable
    static Long count(@Nullable JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.canConvertToLong() ? value.asLong() : Long.MAX_VALUE;
    }

    static List<String> strings(@Nullable JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        if (node != null && node.has(field)) {
            node.get(field).forEach(v -> {
                if (!v.isNull()) {
                    out.add(v.asText());
                }
            });
        }
        return out;
    }

    /** A label for a resource: its name, else its id. */
    static String label(JsonNode node) {
        String name = nonEmpty(node, "name");
        return name != null ? name : text(node, "id");
    }

    /** "'name' (id)" or "id" for unnamed resources, for messages. */
    static String describe(JsonNode node) {
        String name = nonEmpty(node, "name");
        return name == null ? text(node, "id") : "'" + name + "' (" + text(node, "id") + ")";
    }
}
