package io.github.openstackops.mcp.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.cloud.CloudApi;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.core.transport.HttpMethod;
import org.openstack4j.openstack.internal.OSClientSession;

import java.util.Map;

/**
 * Glance v2 reads as plain JSON. openstack4j's image model cannot say what an image is: its visibility enum knows
 * only public and private ({@code shared} and {@code community} images read as UNKNOWN), and its status enum lacks
 * {@code uploading} and {@code importing}. Changes go through {@code os.imagesV2()}; what is read back comes from
 * here. Catalogs list Glance with or without the version ("…:9292" or "…:9292/v2"); paths are given without it.
 */
@Singleton
public class Glance {

    private final CloudApi api;
    private final CloudSession cloud;

    public Glance(CloudApi api, CloudSession cloud) {
        this.api = api;
        this.cloud = cloud;
    }

    /** A GET of a path given without the version (e.g. "/images"), whatever the catalog lists. */
    public JsonNode get(String path, @Nullable Map<String, ?> query) {
        return api.get(ServiceType.IMAGE, versioned(path), query, Map.of());
    }

    /** The image, or null when Glance answers 404. */
    @Nullable
    JsonNode image(String id) {
        JsonNode node = Json.orNull(() -> get("/images/" + id, null));
        return node != null && node.isObject() && node.has("id") ? node : null;
    }

    JsonNode post(String path, Object body) {
        return api.send(HttpMethod.POST, ServiceType.IMAGE, versioned(path), null, body, Map.of());
    }

    private String versioned(String path) {
        String endpoint = cloud.call(os -> ((OSClientSession.OSClientSessionV3) os).getEndpoint(ServiceType.IMAGE));
        String trimmed = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        return trimmed.endsWith("/v2") ? path : "/v2" + path;
    }
}
