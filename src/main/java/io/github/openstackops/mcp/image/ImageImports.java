package io.github.openstackops.mcp.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.Polling;
import io.github.openstackops.mcp.cloud.services.GlanceClient;
import io.github.openstackops.mcp.image.ImportRecords.ImageImported;
import io.github.openstackops.mcp.image.ImportRecords.ImportInfo;
import io.github.openstackops.mcp.image.ImportRecords.Store;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.array;
import static io.github.openstackops.mcp.cloud.Json.label;
import static io.github.openstackops.mcp.cloud.Json.stringList;
import static io.github.openstackops.mcp.cloud.Json.text;

/**
 * Glance's interoperable image import beyond web-download: glance-direct (the data is staged from a local file, then
 * imported) and copy-image (an active image's data copied into more stores), and what the cloud offers of both.
 */
@Singleton
public class ImageImports {

    private final GlanceClient glance;
    private final ImageService images;
    private final LocalImageFiles files;
    private final Duration pollInterval;

    public ImageImports(GlanceClient glance, ImageService images, LocalImageFiles files,
                        @Value("${openstack.poll-interval:1s}") Duration pollInterval) {
        this.glance = glance;
        this.images = images;
        this.files = files;
        this.pollInterval = pollInterval;
    }

    public ImportInfo info() {
        List<String> methods = methods();
        JsonNode stores = Json.orNull(() -> glance.get("/info/stores", null));
        List<Store> list = array(stores, "stores").stream().map(s -> new Store(text(s, "id"),
                Json.nonEmpty(s, "description"), Json.flag(s, "default"))).toList();
        return new ImportInfo(methods, list);
    }

    /** glance-direct (with {@code filePath}) or copy-image (with {@code stores}) into an existing image. */
    public ImageImported importData(String image, String method, List<String> stores, @Nullable String filePath,
                                    boolean allStoresMustSucceed, boolean wait, Duration timeout, ToolContext context) {
        JsonNode i = images.resolve(image);
        String id = text(i, "id");
        List<String> offered = methods();
        if (!offered.contains(method)) {
            throw ToolException.refused("This cloud's Glance does not offer the " + method + " import method (it"
                    + " offers: " + (offered.isEmpty() ? "none" : String.join(", ", offered)) + ").");
        }
        checkStores(stores);
        boolean copy = "copy-image".equals(method);
        if (copy) {
            if (filePath != null) {
                throw ToolException.invalid("copy-image copies the image's own data; file_path is for glance-direct.");
            }
            if (stores.isEmpty()) {
                throw ToolException.invalid("Name the stores to copy the image into ('stores'; image_import_info"
                        + " lists them).");
            }
            if (!"active".equals(text(i, "status"))) {
                throw ToolException.conflict("Image '" + label(i) + "' is " + text(i, "status") + "; only an active"
                        + " image can be copied into other stores.");
            }
            List<String> already = stores.stream().filter(storesOf(i)::contains).toList();
            if (!already.isEmpty()) {
                throw ToolException.conflict("Image '" + label(i) + "' is already in store(s) " + already + ".");
            }
        } else {
            if (filePath == null) {
                throw ToolException.invalid("glance-direct imports a local file: give file_path.");
            }
            if (!"queued".equals(text(i, "status"))) {
                throw ToolException.conflict("Image '" + label(i) + "' is " + text(i, "status") + "; glance-direct"
                        + " needs an image without data (queued): create one with image_create and no data first.");
            }
            stage(i, files.check(filePath, context.surface()), context);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("method", Map.of("name", method));
        if (!stores.isEmpty()) {
            body.put("stores", stores);
            body.put("all_stores_must_succeed", allStoresMustSucceed);
        }
        OpenStackFaults.attempt(method + " import into image '" + label(i) + "'",
                () -> glance.post("/images/" + id + "/import", body));
        context.info(method + " import into image " + id + " requested");
        if (!wait) {
            return result(images.require(id), method, false, "Glance is importing (" + method + ") into image '"
                    + label(i) + "' in the background.");
        }
        Polling.Outcome<JsonNode> outcome = Polling.until(() -> glance.image(id),
                // a copy is done when the image is in every store named (Glance marks the stores being imported to
                // only once its task runs, so "nothing importing" right after the request does not mean done)
                n -> "active".equals(text(n, "status")) && importing(n).isEmpty()
                        && (!copy || storesOf(n).containsAll(stores)),
                n -> "killed".equals(text(n, "status")) || !failed(n).isEmpty() && importing(n).isEmpty(),
                n -> text(n, "status") + (importing(n).isEmpty() ? "" : ", importing to " + importing(n)),
                timeout, pollInterval, context);
        return switch (outcome.end()) {
            case REACHED -> result(outcome.last(), method, true, "Image '" + label(i) + "' is active in store(s) "
                    + storesOf(outcome.last()) + ".");
            case FAILED -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, "The " + method + " import into"
                    + " image '" + label(i) + "' failed for store(s) " + failed(outcome.last()) + "; it is "
                    + text(outcome.last(), "status") + " in " + storesOf(outcome.last()) + ". Glance's log has the"
                    + " reason.");
            case GONE -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Image " + id
                    + " disappeared during the import.");
            case TIMED_OUT -> result(outcome.last(), method, false, "The import into image '" + label(i) + "' is"
                    + " still running after " + outcome.waited().toSeconds() + " s; it continues in the background.");
        };
    }

    private void stage(JsonNode i, LocalImageFiles.Checked file, ToolContext context) {
        InputStream data;
        try {
            data = new LocalImageFiles.ProgressStream(file, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (data) {
            OpenStackFaults.attempt("stage " + file.path() + " for image '" + label(i) + "'", () -> {
                glance.stage(text(i, "id"), data);
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // closing a local file
        }
        context.info(file.size() + " bytes staged for image " + text(i, "id"));
    }

    private void checkStores(List<String> stores) {
        if (stores.isEmpty()) {
            return;
        }
        List<String> known = info().stores().stream().map(Store::id).toList();
        List<String> unknown = stores.stream().filter(s -> !known.contains(s)).toList();
        if (!unknown.isEmpty()) {
            throw ToolException.invalid("Unknown store(s) " + unknown + "; this Glance has " + (known.isEmpty()
                    ? "no named stores" : known) + ".");
        }
    }

    private List<String> methods() {
        return stringList(glance.get("/info/import", null).path("import-methods"), "value");
    }

    private static ImageImported result(JsonNode n, String method, boolean done, String message) {
        return new ImageImported(text(n, "id"), text(n, "name"), method, text(n, "status"), storesOf(n), failed(n),
                done, message);
    }

    static List<String> storesOf(@Nullable JsonNode n) {
        return split(n, "stores");
    }

    private static List<String> importing(@Nullable JsonNode n) {
        return split(n, "os_glance_importing_to_stores");
    }

    private static List<String> failed(@Nullable JsonNode n) {
        return split(n, "os_glance_failed_import");
    }

    private static List<String> split(@Nullable JsonNode n, String field) {
        String value = Json.nonEmpty(n, field);
        return value == null ? List.of() : new ArrayList<>(Arrays.stream(value.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList());
    }
}
