package io.github.openstackops.mcp.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.services.GlanceClient;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.github.openstackops.mcp.image.ImageRecords.ImageDeleted;
import io.github.openstackops.mcp.image.ImageRecords.ImageOperation;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.array;
import static io.github.openstackops.mcp.cloud.Json.flag;
import static io.github.openstackops.mcp.cloud.Json.label;
import static io.github.openstackops.mcp.cloud.Json.longValue;
import static io.github.openstackops.mcp.cloud.Json.text;

/** The end of an image's life: (de)activation, and deletion with a preview of who still uses it. */
@Singleton
public class ImageLifecycle {

    private final GlanceClient glance;
    private final NovaClient nova;
    private final ImageService images;

    public ImageLifecycle(GlanceClient glance, NovaClient nova, ImageService images) {
        this.glance = glance;
        this.nova = nova;
        this.images = images;
    }

    public ImageOperation deactivate(String image, boolean deactivate) {
        JsonNode i = images.resolve(image);
        String id = text(i, "id");
        String status = text(i, "status");
        String target = deactivate ? "deactivated" : "active";
        if (target.equals(status)) {
            return ImageService.operation(i, true, "Image '" + label(i) + "' already is " + status + "; nothing to do.");
        }
        if (!(deactivate ? "active" : "deactivated").equals(status)) {
            throw ToolException.conflict("Image '" + label(i) + "' is " + status + "; only "
                    + (deactivate ? "active images can be deactivated." : "deactivated images can be reactivated."));
        }
        OpenStackFaults.attempt((deactivate ? "deactivate" : "reactivate") + " image '" + label(i) + "'",
                () -> glance.post("/images/" + id + "/actions/" + (deactivate ? "deactivate" : "reactivate"), null));
        JsonNode now = images.require(id);
        return ImageService.operation(now, target.equals(text(now, "status")), "Image '" + label(now) + "' is now "
                + text(now, "status") + (deactivate ? ": its data cannot be downloaded and new servers cannot boot"
                + " from it (admins excepted) until it is reactivated." : ": servers can boot from it again."));
    }

    public Preview deletePreview(String image) {
        JsonNode i = images.resolve(image);
        guardDeletion(i);
        String id = text(i, "id");
        List<Preview.Resource> resources = List.of(new Preview.Resource("image", id, text(i, "name"),
                "deleted with its data"));
        List<String> warnings = new ArrayList<>();
        List<JsonNode> servers = array(nova.get("/servers", Map.of("image", id,
                "limit", ImageService.NAMED + 1)), "servers");
        if (!servers.isEmpty()) {
            warnings.add((servers.size() > ImageService.NAMED ? "More than " + ImageService.NAMED : String.valueOf(servers.size()))
                    + " server(s) of this project were booted from this image and keep running, but cannot be"
                    + " rebuilt or evacuated from it, and their resize or cold migration may fail: "
                    + String.join(", ", servers.stream().limit(ImageService.NAMED).map(s -> "'" + text(s, "name") + "' ("
                    + text(s, "id") + ")").toList()) + ".");
        }
        String visibility = text(i, "visibility");
        if (!"private".equals(visibility)) {
            warnings.add("The image is " + visibility + ": other projects may be using it too (their servers are not"
                    + " visible from this project).");
        }
        return new Preview("delete image", "Delete image '" + label(i) + "' (" + id + "), " + text(i, "status") + ", "
                + visibility + sizeText(i) + ".", resources, warnings);
    }

    public ImageDeleted delete(String image) {
        JsonNode i = images.resolve(image);
        guardDeletion(i);
        String id = text(i, "id");
        OpenStackFaults.attempt("delete image '" + label(i) + "'", () -> {
            glance.delete("/images/" + id);
            return null;
        });
        return new ImageDeleted(id, text(i, "name"), "Image '" + label(i) + "' (" + id + ") is deleted.");
    }

    private static void guardDeletion(JsonNode i) {
        if (flag(i, "protected")) {
            throw ToolException.refused("Image '" + label(i) + "' is protected against deletion. If it really should"
                    + " go, first unprotect it with image_update (protected=false), then delete it.");
        }
    }

    private static String sizeText(JsonNode i) {
        Long size = longValue(i, "size");
        return size == null ? ", no data" : ", " + size + " bytes";
    }
}
