package io.github.openstackops.mcp.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.Polling;
import io.github.openstackops.mcp.cloud.services.CinderClient;
import io.github.openstackops.mcp.cloud.services.GlanceClient;
import io.github.openstackops.mcp.storage.TransferRecords.VolumeImage;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.label;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.storage.VolumeService.status;

/**
 * A volume's data uploaded into a new Glance image ({@code os-volume_upload_image}): Cinder creates the image, copies
 * the volume into it and puts the volume back to available; the wait follows the image until it is active.
 */
@Singleton
public class VolumeImageService {

    private final CinderClient cinder;
    private final GlanceClient glance;
    private final VolumeService volumes;
    private final Duration pollInterval;

    public VolumeImageService(CinderClient cinder, GlanceClient glance, VolumeService volumes,
                              @Value("${openstack.poll-interval:1s}") Duration pollInterval) {
        this.cinder = cinder;
        this.glance = glance;
        this.volumes = volumes;
        this.pollInterval = pollInterval;
    }

    /** What the new image is. */
    public record NewImage(String name, String diskFormat, String containerFormat, @Nullable String visibility,
                           boolean isProtected) {
    }

    public VolumeImage upload(String volume, NewImage image, boolean force, boolean wait, Duration timeout,
                              ToolContext context) {
        JsonNode v = volumes.resolve(volume);
        String status = status(v);
        if ("in-use".equals(status) && !force) {
            throw ToolException.conflict("Volume '" + label(v) + "' is attached to a server; an image taken now may"
                    + " miss writes in flight. Detach it or stop the server, or pass force=true (the cloud may still"
                    + " refuse: Cinder allows it only with enable_force_upload).");
        }
        if (!"available".equals(status) && !"in-use".equals(status)) {
            throw ToolException.conflict("Volume '" + label(v) + "' is " + status + "; only an available (or, with"
                    + " force, in-use) volume can be uploaded to an image.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("image_name", image.name());
        body.put("disk_format", image.diskFormat());
        body.put("container_format", image.containerFormat());
        body.put("force", force);
        Json.putIfSet(body, "visibility", image.visibility());
        body.put("protected", image.isProtected());
        String id = text(v, "id");
        JsonNode answer = OpenStackFaults.attempt("upload volume '" + label(v) + "' to an image",
                () -> cinder.post("/volumes/" + id + "/action", Map.of("os-volume_upload_image", body)))
                .path("os-volume_upload_image");
        String imageId = text(answer, "image_id");
        Ref volumeRef = new Ref(id, text(v, "name"));
        Ref imageRef = new Ref(imageId, image.name());
        context.info("upload of volume " + label(v) + " into image " + imageId + " requested");
        if (!wait) {
            return new VolumeImage(volumeRef, imageRef, "queued", image.diskFormat(), false, "Cinder is copying volume '"
                    + label(v) + "' into image '" + image.name() + "' (" + imageId + ") in the background; the volume is"
                    + " uploading until it is done.");
        }
        Polling.Outcome<JsonNode> outcome = Polling.until(() -> glance.image(imageId),
                i -> "active".equals(text(i, "status")), i -> "killed".equals(text(i, "status")),
                i -> text(i, "status"), timeout, pollInterval, context);
        return switch (outcome.end()) {
            case REACHED -> new VolumeImage(volumeRef, imageRef, "active", text(outcome.last(), "disk_format"), true,
                    "Image '" + image.name() + "' (" + imageId + ") holds the data of volume '" + label(v) + "' and is"
                            + " active; the volume is available again.");
            case FAILED -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, "The upload of volume '" + label(v)
                    + "' failed: image " + imageId + " is killed" + volumes.reason(id));
            case GONE -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Image " + imageId + " disappeared"
                    + " during the upload of volume '" + label(v) + "'" + volumes.reason(id));
            case TIMED_OUT -> new VolumeImage(volumeRef, imageRef, String.valueOf(text(outcome.last(), "status")),
                    image.diskFormat(), false, "Image '" + image.name() + "' is still " + text(outcome.last(), "status")
                    + " after " + outcome.waited().toSeconds() + " s; the upload continues in the background.");
        };
    }
}
