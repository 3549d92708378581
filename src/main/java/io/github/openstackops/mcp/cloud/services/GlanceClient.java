package io.github.openstackops.mcp.cloud.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.cloud.CloudApi;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.model.common.Payloads;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Glance v2. Catalogs list it with or without the version ("…:9292" or "…:9292/v2"); paths are given without it.
 * openstack4j's image model cannot say what an image is (its visibility enum lacks {@code shared} and
 * {@code community}, its status enum {@code uploading} and {@code importing}), so images are read as JSON; only the
 * upload of image data goes through openstack4j, whose request streams a file without buffering it.
 */
@Singleton
public class GlanceClient extends ServiceClient {

    /** The media type Glance requires for a JSON-patch update of an image. */
    public static final String PATCH_MEDIA_TYPE = "application/openstack-images-v2.1-json-patch";

    private final CloudApi api;
    private final CloudSession session;

    @Inject
    public GlanceClient(CloudApi api, CloudSession session) {
        super(api, ServiceType.IMAGE, "/v2", Map.of());
        this.api = api;
        this.session = session;
    }

    /** The image, or null when Glance answers 404. */
    @Nullable
    public JsonNode image(String id) {
        JsonNode node = Json.orNull(() -> get("/images/" + id, null));
        return node != null && node.isObject() && node.has("id") ? node : null;
    }

    /** PATCH /images/{id} with JSON-patch operations ({@code op}, {@code path}, {@code value}); the updated image. */
    public JsonNode update(String id, List<Map<String, Object>> operations) {
        return api.send(org.openstack4j.core.transport.HttpMethod.PATCH, ServiceType.IMAGE, "/v2",
                "/images/" + id, null, operations, Map.of("Content-Type", PATCH_MEDIA_TYPE));
    }

    /** PUT /images/{id}/stage, streamed: the data of a glance-direct import, staged before the import is asked for. */
    public void stage(String id, InputStream data) {
        api.putStream(ServiceType.IMAGE, "/v2", "/images/" + id + "/stage", data);
    }

    /** PUT /images/{id}/file, streamed; {@code what} names the upload in the error a refusal becomes. */
    public void upload(String id, InputStream data, String what) {
        OpenStackFaults.check(session.call(os -> os.imagesV2().upload(id, Payloads.create(data), null)), what);
    }
}
