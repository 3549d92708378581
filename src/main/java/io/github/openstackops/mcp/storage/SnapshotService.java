package io.github.openstackops.mcp.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.Polling;
import io.github.openstackops.mcp.cloud.services.CinderClient;
import io.github.openstackops.mcp.storage.StorageRecords.Deleted;
import io.github.openstackops.mcp.storage.StorageRecords.Operation;
import io.github.openstackops.mcp.storage.StorageRecords.SnapshotDetail;
import io.github.openstackops.mcp.storage.StorageRecords.SnapshotSummary;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.array;
import static io.github.openstackops.mcp.cloud.Json.label;
import static io.github.openstackops.mcp.cloud.Json.stringMap;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.cloud.services.CinderClient.time;
import static io.github.openstackops.mcp.storage.VolumeService.size;
import static io.github.openstackops.mcp.storage.VolumeService.status;

/** Volume snapshots (Cinder v3): listing, lookup, create, delete. */
@Singleton
public class SnapshotService {

    private final CinderClient cinder;
    private final VolumeService volumes;
    private final Duration pollInterval;

    public SnapshotService(CinderClient cinder, VolumeService volumes,
                           @Value("${openstack.poll-interval:1s}") Duration pollInterval) {
        this.cinder = cinder;
        this.volumes = volumes;
        this.pollInterval = pollInterval;
    }

    public Page<SnapshotSummary> list(int limit, @Nullable String marker, @Nullable String volume, @Nullable String status,
                             @Nullable String name, boolean allProjects) {
        Paging.Slice<JsonNode> page = cinder.page("snapshots", volumes.listFilters(volume, name, status, allProjects),
                limit, marker);
        List<SnapshotSummary> snapshots = page.items().stream().map(s -> new SnapshotSummary(text(s, "id"),
                text(s, "name"), status(s), size(s), text(s, "volume_id"), progress(s), time(s, "created_at"))).toList();
        return StorageRecords.SNAPSHOTS.page(snapshots, page.nextMarker());
    }

    public SnapshotDetail get(String snapshot) {
        JsonNode s = resolve(cinder, snapshot);
        String volumeId = text(s, "volume_id");
        JsonNode volume = volumeId == null ? null : cinder.find("/volumes/" + volumeId, "volume");
        return new SnapshotDetail(text(s, "id"), text(s, "name"), text(s, "description"), status(s), size(s),
                new Ref(volumeId, volume == null ? null : text(volume, "name")), progress(s), stringMap(s, "metadata"),
                text(s, "os-extended-snapshot-attributes:project_id"), time(s, "created_at"), time(s, "updated_at"));
    }

    public Operation create(String volume, @Nullable String name, @Nullable String description, boolean force,
                            boolean wait, Duration timeout, ToolContext context) {
        JsonNode v = volumes.resolve(volume);
        if ("in-use".equals(status(v)) && !force) {
            throw ToolException.conflict("Volume '" + label(v) + "' is in use by a server; a snapshot taken now may"
                    + " not be consistent (writes in flight). Stop or quiesce the server, or pass force=true to take"
                    + " it anyway.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("volume_id", text(v, "id"));
        if (name != null) {
            body.put("name", name);
        }
        if (description != null) {
            body.put("description", description);
        }
        if (force) {
            body.put("force", true);
        }
        JsonNode created = cinder.post("/snapshots", Map.of("snapshot", body)).path("snapshot");
        String id = text(created, "id");
        context.info("snapshot " + label(created) + " (" + id + ") of volume " + label(v) + " requested");
        if (!wait) {
            return operation(created, false, "Snapshot '" + label(created) + "' of volume '" + label(v)
                    + "' was accepted; it is " + status(created) + " and completes in the background.");
        }
        Polling.Outcome<JsonNode> outcome = Polling.until(() -> cinder.find("/snapshots/" + id, "snapshot"),
                s -> "available".equals(status(s)), s -> status(s).startsWith("error"), SnapshotService::describe,
                timeout, pollInterval, context);
        return switch (outcome.end()) {
            case REACHED -> operation(outcome.last(), true, "Snapshot '" + label(created) + "' (" + id + ") of volume '"
                    + label(v) + "' is available.");
            case FAILED -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Snapshot '" + label(created)
                    + "' (" + id + ") ended in status " + status(outcome.last()) + volumes.reason(id));
            case GONE -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Snapshot " + id
                    + " disappeared while being created.");
            case TIMED_OUT -> operation(outcome.last(), false, "Snapshot '" + label(created) + "' is still "
                    + describe(outcome.last()) + " after " + outcome.waited().toSeconds() + " s.");
        };
    }

    public Preview deletePreview(String snapshot) {
        JsonNode s = resolve(cinder, snapshot);
        guard(s);
        String volumeId = text(s, "volume_id");
        JsonNode volume = volumeId == null ? null : cinder.find("/volumes/" + volumeId, "volume");
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("volume_snapshot", text(s, "id"), text(s, "name"), "deleted"));
        if (volume != null) {
            resources.add(new Preview.Resource("volume", volumeId, text(volume, "name"), "kept, unchanged"));
        }
        List<String> warnings = new ArrayList<>();
        warnings.add("The point in time this snapshot holds (" + time(s, "created_at") + ") cannot be restored"
                + " after deletion.");
        return new Preview("delete volume snapshot", "Delete snapshot '" + label(s) + "' (" + text(s, "id") + ") of"
                + " volume '" + (volume == null ? volumeId : label(volume)) + "', " + size(s) + " GiB.", resources,
                warnings);
    }

    public Deleted delete(String snapshot, boolean wait, Duration timeout, ToolContext context) {
        JsonNode s = resolve(cinder, snapshot);
        guard(s);
        String id = text(s, "id");
        return volumes.deleteAndWait("snapshot", s, x -> "error_deleting".equals(status(x)),
                SnapshotService::describe, x -> ": it is " + status(x) + volumes.reason(id), wait, timeout, context);
    }

    private static void guard(JsonNode s) {
        String status = status(s);
        if (status.equals("creating") || status.equals("deleting") || status.equals("backing-up")) {
            throw ToolException.conflict("Snapshot '" + label(s) + "' is " + status + "; wait until it is available"
                    + " (or in error) and try again.");
        }
    }

    /** A snapshot by id, or by exact name when that name is unique in the project. */
    static JsonNode resolve(CinderClient cinder, String ref) {
        return Lookup.byIdOrName("Volume snapshot", ref, id -> cinder.find("/snapshots/" + id, "snapshot"),
                name -> array(cinder.get("/snapshots/detail", Map.of("name", name)), "snapshots"),
                s -> text(s, "name"), s -> text(s, "id"));
    }

    private static Operation operation(JsonNode s, boolean done, String message) {
        return new Operation(text(s, "id"), text(s, "name"), status(s), text(s, "volume_id"), done, message);
    }

    @Nullable
    private static String progress(JsonNode s) {
        return text(s, "os-extended-snapshot-attributes:progress");
    }

    private static String describe(JsonNode s) {
        String progress = progress(s);
        return status(s) + (progress == null ? "" : " (" + progress + ")");
    }
}
