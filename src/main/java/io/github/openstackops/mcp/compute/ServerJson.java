package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.compute.ServerRecords.Address;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;

/** Reading Nova's raw server JSON (for calls made through CloudApi, e.g. at a newer microversion). */
final class ServerJson {

    private ServerJson() {
    }

    static String status(JsonNode server) {
        String status = Json.text(server, "status");
        return status == null ? "UNKNOWN" : status;
    }

    @Nullable
    static String taskState(JsonNode server) {
        return Json.text(server, "OS-EXT-STS:task_state");
    }

    /** The flavor id (microversions before 2.47); null when the flavor is embedded instead. */
    @Nullable
    static String flavorId(JsonNode server) {
        return Json.text(server.get("flavor"), "id");
    }

    /** The flavor name embedded from microversion 2.47 on. */
    @Nullable
    static String flavorOriginalName(JsonNode server) {
        return Json.text(server.get("flavor"), "original_name");
    }

    /** The image id; null for a server booted from a volume (Nova sends an empty string). */
    @Nullable
    static String imageId(JsonNode server) {
        JsonNode image = server.get("image");
        return image == null || !image.isObject() ? null : Json.text(image, "id");
    }

    static List<Address> addresses(JsonNode server) {
        List<Address> out = new ArrayList<>();
        JsonNode addresses = server.get("addresses");
        if (addresses == null || !addresses.isObject()) {
            return out;
        }
        addresses.fields().forEachRemaining(network -> network.getValue().forEach(a -> {
            String type = Json.text(a, "OS-EXT-IPS:type");
            out.add(new Address(network.getKey(), Json.text(a, "addr"), type == null ? "fixed" : type));
        }));
        return out;
    }
}
