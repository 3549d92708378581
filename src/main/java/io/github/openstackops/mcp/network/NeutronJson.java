package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.cloud.Json;
import io.micronaut.core.annotation.Nullable;

/** Neutron readings on top of {@link Json}: required names, address counts, labels for messages. */
final class NeutronJson {

    private NeutronJson() {
    }

    /** The text, or "" when absent (for required name fields). */
    static String str(@Nullable JsonNode node, String field) {
        String value = Json.text(node, field);
        return value == null ? "" : value;
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

    /** A label for a resource: its name, else its id. */
    static String label(JsonNode node) {
        String name = Json.nonEmpty(node, "name");
        return name != null ? name : Json.text(node, "id");
    }

    /** "'name' (id)" or "id" for unnamed resources, for messages. */
    static String describe(JsonNode node) {
        String name = Json.nonEmpty(node, "name");
        return name == null ? Json.text(node, "id") : "'" + name + "' (" + Json.text(node, "id") + ")";
    }
}
