package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.compute.ServerRecords.Address;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading Nova's raw server JSON (for calls made through CloudApi, e.g. at a newer microversion). */
final class ServerJson {

    private ServerJson() {
    }

    @Nullable
    static String text(@Nullable JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    @Nullable
    static Integer integer(@Nullable JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || !value.canConvertToInt() ? null : value.asInt();
    }

    @Nullable
    static Boolean bool(@Nullable JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || !value.isBoolean() ? null : value.asBoolean();
    }

    static List<JsonNode> array(@Nullable JsonNode node, String field) {
        List<JsonNode> out = new ArrayList<>();
        if (node != null && node.get(field) != null && node.get(field).isArray()) {
            node.get(field).forEach(out::add);
        }
        return out;
    }

    static Map<String, String> strings(@Nullable JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
            }
        }
        return out;
    }

    static String status(JsonNode server) {
        String status = text(server, "status");
        return status == null ? "UNKNOWN" : status;
    }

    @Nullable
    static String taskState(JsonNode server) {
        return text(server, "OS-EXT-STS:task_state");
    }

    /** The flavor id (microversions before 2.47); null when the flavor is embedded instead. */
    @Nullable
    static String flavorId(JsonNode server) {
        return text(server.get("flavor"), "id");
    }

    /** The flavor name embedded from microversion 2.47 on. */
    @Nullable
    static String flavorOriginalName(JsonNode server) {
        return text(server.get("flavor"), "original_name");
    }

    /** The image id; null for a server booted from a volume (Nova sends an empty string). */
    @Nullable
    static String imageId(JsonNode server) {
        JsonNode image = server.get("image");
        return image == null || !image.isObject() ? null : text(image, "id");
    }

    static List<Address> addresses(JsonNode server) {
        List<Address> out = new ArrayList<>();
        JsonNode addresses = server.get("addresses");
        if (addresses == null || !addresses.isObject()) {
            return out;
        }
        addresses.fields().forEachRemaining(network -> network.getValue().forEach(a -> {
            String type = text(a, "OS-EXT-IPS:type");
            out.add(new Address(network.getKey(), text(a, "addr"), type == null ? "fixed" : type));
        }));
        return out;
    }
}
