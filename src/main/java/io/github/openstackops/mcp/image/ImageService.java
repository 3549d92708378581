package io.github.openstackops.mcp.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.CallCancelled;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.Polling;
import io.github.openstackops.mcp.cloud.RemoteUrl;
import io.github.openstackops.mcp.cloud.lookup.ResourceLookup;
import io.github.openstackops.mcp.cloud.services.GlanceClient;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.github.openstackops.mcp.image.ImageRecords.ImageDetail;
import io.github.openstackops.mcp.image.ImageRecords.ImageOperation;
import io.github.openstackops.mcp.image.ImageRecords.ImageSummary;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.github.openstackops.mcp.cloud.Json.array;
import static io.github.openstackops.mcp.cloud.Json.flag;
import static io.github.openstackops.mcp.cloud.Json.label;
import static io.github.openstackops.mcp.cloud.Json.longValue;
import static io.github.openstackops.mcp.cloud.Json.putIfSet;
import static io.github.openstackops.mcp.cloud.Json.stringList;
import static io.github.openstackops.mcp.cloud.Json.text;

/** Images (Glance v2): listing, lookup, create with data (a file upload or a web-download import), update. */
@Singleton
public class ImageService {

    /** Image attributes Glance manages itself; everything else on an image is a custom property. */
    static final Set<String> CORE = Set.of("id", "name", "status", "visibility", "protected", "os_hidden",
            "checksum", "os_hash_algo", "os_hash_value", "owner", "size", "virtual_size", "min_ram", "min_disk",
            "disk_format", "container_format", "created_at", "updated_at", "tags", "self", "file", "schema",
            "locations", "direct_url", "stores");
    /** How many servers booted from an image a delete preview names at most. */
    static final int NAMED = 20;

    private final GlanceClient glance;
    private final CloudSession cloud;
    private final NovaClient nova;
    private final ResourceLookup lookup;
    private final LocalImageFiles files;
    private final Duration pollInterval;

    public ImageService(GlanceClient glance, CloudSession cloud, NovaClient nova, ResourceLookup lookup,
                        LocalImageFiles files,
                        @Value("${openstack.poll-interval:1s}") Duration pollInterval) {
        this.glance = glance;
        this.cloud = cloud;
        this.nova = nova;
        this.lookup = lookup;
        this.files = files;
        this.pollInterval = pollInterval;
    }

    /** Filters of the image list; all applied by Glance. */
    public record Filters(@Nullable String name, @Nullable String status, @Nullable String visibility,
                          @Nullable String owner, @Nullable String tag) {
    }

    /** What a new image is. */
    public record NewImage(@Nullable String name, @Nullable String diskFormat, String containerFormat,
                           @Nullable String visibility, @Nullable Integer minDiskGb, @Nullable Integer minRamMb,
                           boolean isProtected, List<String> tags, Map<String, String> properties) {
    }

    public Page<ImageSummary> list(int limit, @Nullable String marker, Filters filters) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("limit", Paging.fetchSize(limit));
        query.put("sort_key", "created_at");
        query.put("sort_dir", "desc");
        if (marker != null) {
            query.put("marker", marker);
        }
        putIfSet(query, "name", filters.name());
        putIfSet(query, "status", filters.status());
        putIfSet(query, "visibility", filters.visibility());
        putIfSet(query, "owner", filters.owner());
        putIfSet(query, "tag", filters.tag());
        Paging.Slice<JsonNode> page = Paging.slice(array(glance.get("/images", query), "images"), limit,
                i -> text(i, "id"));
        List<ImageSummary> images = page.items().stream().map(ImageService::summary).toList();
        return ImageRecords.IMAGES.page(images, page.nextMarker());
    }

    public ImageDetail get(String image) {
        return detail(resolve(image));
    }

    public ImageOperation create(NewImage image, @Nullable String filePath, @Nullable String sourceUrl, boolean wait,
                                 Duration timeout, ToolContext context) {
        if (filePath != null && sourceUrl != null) {
            throw ToolException.invalid("Give either file_path or source_url, not both.");
        }
        if ((filePath != null || sourceUrl != null) && image.diskFormat() == null) {
            throw ToolException.invalid("Give disk_format (e.g. qcow2, raw, iso) for the image data.");
        }
        reservedCheck(image.properties().keySet());
        LocalImageFiles.Checked file = filePath == null ? null : files.check(filePath, context.surface());
        RemoteUrl source = sourceUrl == null ? null : requireWebDownload(sourceUrl);
        Map<String, Object> body = new LinkedHashMap<>(image.properties());
        putIfSet(body, "name", image.name());
        putIfSet(body, "disk_format", image.diskFormat());
        body.put("container_format", image.containerFormat());
        putIfSet(body, "visibility", image.visibility());
        putIfSet(body, "min_disk", image.minDiskGb());
        putIfSet(body, "min_ram", image.minRamMb());
        if (!image.tags().isEmpty()) {
            body.put("tags", image.tags());
        }
        // 'protected' is set only once the data is in: a failed upload must leave nothing undeletable behind
        JsonNode created = glance.post("/images", body);
        String id = text(created, "id");
        context.info("image " + label(created) + " (" + id + ") registered");
        if (file != null) {
            upload(created, file, context);
        } else if (source != null) {
            try {
                glance.post("/images/" + id + "/import", Map.of("method", Map.of("name", "web-download",
                        "uri", source.value())));
            } catch (RuntimeException e) {
                discard(id);
                throw source.redact(e);
            }
            context.info("web-download import of " + source.shown() + " into image " + id + " requested");
            if (!wait) {
                protect(id, image.isProtected());
                return operation(require(id), false, "Image '" + label(created) + "' (" + id + ") is registered and"
                        + " Glance is importing " + source.shown() + " in the background.");
            }
            Polling.Outcome<JsonNode> outcome = Polling.until(() -> glance.image(id),
                    i -> "active".equals(text(i, "status")), ImageService::importFailed,
                    i -> text(i, "status"), timeout, pollInterval, context);
            switch (outcome.end()) {
                case REACHED -> { }
                case FAILED -> {
                    String why = source.redact(importError(outcome.last()));
                    discard(id);
                    throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Glance could not import " + source.shown()
                            + ": " + why + " The image '" + label(created) + "' registered for it was removed again.");
                }
                case GONE -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Image " + id
                        + " disappeared during the import.");
                case TIMED_OUT -> {
                    protect(id, image.isProtected());
                    return operation(outcome.last(), false, "Image '" + label(created) + "' is still "
                            + text(outcome.last(), "status") + " after " + outcome.waited().toSeconds()
                            + " s; the import continues in the background.");
                }
            }
        }
        protect(id, image.isProtected());
        JsonNode now = require(id);
        String how = file != null ? " with " + file.size() + " bytes from " + file.path()
                : source != null ? " with the data of " + source.shown() : " without data (upload it later)";
        return operation(now, "active".equals(text(now, "status")) || file == null && source == null,
                "Image '" + label(now) + "' (" + id + ") was created" + how + "; it is " + text(now, "status") + ".");
    }

    public ImageDetail update(String image, @Nullable String name, @Nullable Integer minDiskGb,
                              @Nullable Integer minRamMb, @Nullable Boolean isProtected, List<String> addTags,
                              List<String> removeTags, Map<String, String> setProperties,
                              List<String> removeProperties) {
        reservedCheck(setProperties.keySet());
        reservedCheck(removeProperties);
        JsonNode i = resolve(image);
        String id = text(i, "id");
        List<Map<String, Object>> ops = new ArrayList<>();
        if (name != null) {
            ops.add(op("replace", "/name", name));
        }
        if (minDiskGb != null) {
            ops.add(op("replace", "/min_disk", minDiskGb));
        }
        if (minRamMb != null) {
            ops.add(op("replace", "/min_ram", minRamMb));
        }
        if (isProtected != null) {
            ops.add(op("replace", "/protected", isProtected));
        }
        if (!addTags.isEmpty() || !removeTags.isEmpty()) {
            Set<String> tags = new LinkedHashSet<>(stringList(i, "tags"));
            tags.removeAll(removeTags);
            tags.addAll(addTags);
            ops.add(op("replace", "/tags", new ArrayList<>(tags)));
        }
        setProperties.forEach((key, value) -> ops.add(op(i.has(key) ? "replace" : "add", "/" + pointer(key), value)));
        for (String key : removeProperties) {
            if (!i.has(key)) {
                throw ToolException.invalid("Image '" + label(i) + "' has no property '" + key + "' to remove.");
            }
            ops.add(op("remove", "/" + pointer(key), null));
        }
        if (ops.isEmpty()) {
            throw ToolException.invalid("Nothing to change: give name, min_disk_gb, min_ram_mb, protected, tags or"
                    + " properties.");
        }
        patch(id, ops);
        return detail(require(id));
    }

    /** An image by id, or by exact name when that name is unique among the images this project sees. */
    public JsonNode resolve(String ref) {
        return lookup.image(ref);
    }

    JsonNode require(String id) {
        JsonNode i = glance.image(id);
        if (i == null) {
            throw OpenStackFaults.notFound("Image '" + id + "'");
        }
        return i;
    }

    private void upload(JsonNode created, LocalImageFiles.Checked file, ToolContext context) {
        String id = text(created, "id");
        InputStream data;
        try {
            data = new LocalImageFiles.ProgressStream(file, context);
        } catch (IOException e) {
            discard(id);
            throw new UncheckedIOException(e);
        }
        try (data) {
            glance.upload(id, data, "upload " + file.path() + " into image '" + label(created) + "'");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // closing a local file
        } catch (RuntimeException e) {
            discard(id);
            if (cancelled(e)) {
                throw new CallCancelled("Cancelled: the upload of " + file.path() + " stopped and image '"
                        + label(created) + "' (" + id + ") was deleted.");
            }
            throw e;
        }
    }

    /** What a cancel of a running image_create does, for the caller (the task's cancel note). */
    static final String CANCELLATION = "Cancelling stops a file upload and deletes the partly uploaded image; a"
            + " web-download import Glance cannot stop: only the wait ends, and the image finishes importing.";

    private static boolean cancelled(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CallCancelled) {
                return true;
            }
        }
        return false;
    }

    /** Removes an image whose data never arrived, so a failed create leaves nothing behind. */
    private void discard(String id) {
        try {
            glance.delete("/images/" + id);
        } catch (RuntimeException ignored) {
            // the original failure is what the caller needs to know
        }
    }

    /** The checked source_url, once it is clear that this Glance can download it. */
    private RemoteUrl requireWebDownload(String url) {
        RemoteUrl checked = RemoteUrl.check("source_url", url, "Glance downloads it itself; for a local file, give"
                + " file_path instead.");
        List<String> methods = stringList(glance.get("/info/import", null).path("import-methods"), "value");
        if (!methods.contains("web-download")) {
            throw ToolException.refused("This cloud's Glance does not offer the web-download import method (it offers: "
                    + (methods.isEmpty() ? "none" : String.join(", ", methods)) + "). Download the image to a file"
                    + " this server can read and pass its path as file_path instead.");
        }
        return checked;
    }

    private void protect(String id, boolean isProtected) {
        if (isProtected) {
            patch(id, List.of(op("replace", "/protected", true)));
        }
    }

    /** One JSON-patch operation; {@code value} is left out when null (remove). */
    static Map<String, Object> op(String op, String path, @Nullable Object value) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("op", op);
        operation.put("path", path);
        if (value != null) {
            operation.put("value", value);
        }
        return operation;
    }

    void patch(String id, List<Map<String, Object>> ops) {
        JsonNode updated = Json.orNull(() -> glance.update(id, ops));
        if (updated == null) {
            throw OpenStackFaults.notFound("Image '" + id + "'");
        }
    }

    private static boolean importFailed(JsonNode i) {
        String status = text(i, "status");
        return "killed".equals(status) || "queued".equals(status) && !i.path("os_glance_failed_import").asText("").isEmpty();
    }

    private String importError(@Nullable JsonNode i) {
        if (i == null) {
            return "the image is gone.";
        }
        try {
            List<JsonNode> tasks = array(glance.get("/images/" + text(i, "id") + "/tasks", null), "tasks");
            for (JsonNode task : tasks) {
                String message = text(task, "message");
                if ("failure".equals(text(task, "status")) && message != null && !message.isBlank()) {
                    return "Glance says \"" + message.trim() + "\".";
                }
            }
        } catch (RuntimeException e) {
            // older Glance (before API 2.12) has no per-image task list
        }
        return "the import failed for the store(s) " + i.path("os_glance_failed_import").asText("?")
                + "; Glance's log has the reason.";
    }

    static ImageSummary summary(JsonNode i) {
        return new ImageSummary(text(i, "id"), text(i, "name"), text(i, "status"), text(i, "visibility"),
                longValue(i, "size"), text(i, "disk_format"), longOf(i, "min_disk"), longOf(i, "min_ram"),
                flag(i, "protected"), text(i, "owner"), stringList(i, "tags"), text(i, "created_at"));
    }

    static ImageDetail detail(JsonNode i) {
        Map<String, String> properties = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = i.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!CORE.contains(e.getKey()) && !e.getKey().startsWith("os_glance_")) {
                properties.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            }
        }
        String failed = i.path("os_glance_failed_import").asText("");
        return new ImageDetail(text(i, "id"), text(i, "name"), text(i, "status"), text(i, "visibility"),
                flag(i, "protected"), flag(i, "os_hidden"), longValue(i, "size"), longValue(i, "virtual_size"),
                text(i, "disk_format"), text(i, "container_format"), text(i, "checksum"), text(i, "os_hash_algo"),
                text(i, "os_hash_value"), longOf(i, "min_disk"), longOf(i, "min_ram"), text(i, "owner"),
                stringList(i, "tags"), properties, failed.isEmpty() ? null : "import failed for store(s) " + failed,
                text(i, "created_at"), text(i, "updated_at"));
    }

    static ImageOperation operation(JsonNode i, boolean done, String message) {
        return new ImageOperation(text(i, "id"), text(i, "name"), text(i, "status"), text(i, "visibility"),
                longValue(i, "size"), text(i, "checksum"), done, message);
    }

    private static void reservedCheck(Iterable<String> keys) {
        for (String key : keys) {
            if (CORE.contains(key) || key.startsWith("os_glance")) {
                throw ToolException.invalid("'" + key + "' is an image attribute Glance manages, not a custom"
                        + " property; use the tool's own argument for it (name, min_disk_gb, min_ram_mb, protected,"
                        + " tags, or image_visibility_set) or choose another property name.");
            }
            if (key.isBlank()) {
                throw ToolException.invalid("Property names must not be empty.");
            }
        }
    }

    /** A property name as a JSON pointer segment. */
    private static String pointer(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static long longOf(JsonNode i, String field) {
        Long value = longValue(i, field);
        return value == null ? 0 : value;
    }

}
