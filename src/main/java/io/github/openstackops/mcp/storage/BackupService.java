package io.github.openstackops.mcp.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.Polling;
import io.github.openstackops.mcp.cloud.services.CinderClient;
import io.github.openstackops.mcp.storage.StorageRecords.BackupDetail;
import io.github.openstackops.mcp.storage.StorageRecords.BackupRestored;
import io.github.openstackops.mcp.storage.StorageRecords.BackupSummary;
import io.github.openstackops.mcp.storage.StorageRecords.Deleted;
import io.github.openstackops.mcp.storage.StorageRecords.Operation;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.array;
import static io.github.openstackops.mcp.cloud.Json.flag;
import static io.github.openstackops.mcp.cloud.Json.label;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.cloud.services.CinderClient.time;
import static io.github.openstackops.mcp.storage.VolumeService.size;
import static io.github.openstackops.mcp.storage.VolumeService.status;

/** Volume backups (Cinder v3, needs a cinder-backup service): listing, lookup, create, restore, delete. */
@Singleton
public class BackupService {

    private final CinderClient cinder;
    private final VolumeService volumes;
    private final Duration pollInterval;

    public BackupService(CinderClient cinder, VolumeService volumes,
                         @Value("${openstack.poll-interval:1s}") Duration pollInterval) {
        this.cinder = cinder;
        this.volumes = volumes;
        this.pollInterval = pollInterval;
    }

    public Page<BackupSummary> list(int limit, @Nullable String marker, @Nullable String volume, @Nullable String status,
                           @Nullable String name, boolean allProjects) {
        Paging.Slice<JsonNode> page = cinder.page("backups", volumes.listFilters(volume, name, status, allProjects),
                limit, marker);
        List<BackupSummary> backups = page.items().stream().map(b -> new BackupSummary(text(b, "id"),
                text(b, "name"), status(b), size(b), text(b, "volume_id"), flag(b, "is_incremental"),
                time(b, "created_at"))).toList();
        return StorageRecords.BACKUPS.page(backups, page.nextMarker());
    }

    public BackupDetail get(String backup) {
        JsonNode b = resolve(backup);
        return new BackupDetail(text(b, "id"), text(b, "name"), text(b, "description"), status(b), size(b),
                text(b, "volume_id"), text(b, "snapshot_id"), flag(b, "is_incremental"),
                flag(b, "has_dependent_backups"), text(b, "availability_zone"),
                text(b, "container"), text(b, "fail_reason"), time(b, "data_timestamp"), time(b, "created_at"),
                time(b, "updated_at"));
    }

    public Operation create(String volume, @Nullable String name, @Nullable String description, boolean incremental,
                            boolean force, boolean wait, Duration timeout, ToolContext context) {
        JsonNode v = volumes.resolve(volume);
        if ("in-use".equals(status(v)) && !force) {
            throw ToolException.conflict("Volume '" + label(v) + "' is in use by a server; Cinder backs up an attached"
                    + " volume only with force=true (from a temporary snapshot, which may not be consistent)."
                    + " Detach it, or pass force=true.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("volume_id", text(v, "id"));
        if (name != null) {
            body.put("name", name);
        }
        if (description != null) {
            body.put("description", description);
        }
        body.put("incremental", incremental);
        if (force) {
            body.put("force", true);
        }
        JsonNode created = cinder.post("/backups", Map.of("backup", body)).path("backup");
        String id = text(created, "id");
        context.info("backup " + label(created) + " (" + id + ") of volume " + label(v) + " requested");
        if (!wait) {
            return new Operation(id, text(created, "name"), "creating", text(v, "id"), false, "Backup '"
                    + label(created) + "' of volume '" + label(v) + "' was accepted and runs in the background.");
        }
        Polling.Outcome<JsonNode> outcome = poll(id, b -> "available".equals(status(b)),
                b -> "error".equals(status(b)), timeout, context);
        JsonNode last = outcome.last();
        return switch (outcome.end()) {
            case REACHED -> new Operation(id, text(last, "name"), status(last), text(v, "id"), true, "Backup '"
                    + label(last) + "' (" + id + ") of volume '" + label(v) + "' is available.");
            case FAILED -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Backup '" + label(last) + "' ("
                    + id + ") of volume '" + label(v) + "' failed" + failure(last, id));
            case GONE -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Backup " + id
                    + " disappeared while being created.");
            case TIMED_OUT -> new Operation(id, text(last, "name"), status(last), text(v, "id"), false, "Backup '"
                    + label(last) + "' is still " + status(last) + " after " + outcome.waited().toSeconds() + " s.");
        };
    }

    /** Restores a backup into a NEW volume (never over an existing one: that would destroy its data). */
    public BackupRestored restore(String backup, @Nullable String volumeName, boolean wait, Duration timeout,
                                  ToolContext context) {
        JsonNode b = resolve(backup);
        if (!"available".equals(status(b))) {
            throw ToolException.conflict("Backup '" + label(b) + "' is " + status(b) + "; only an available backup can"
                    + " be restored.");
        }
        Map<String, Object> restore = new LinkedHashMap<>();
        if (volumeName != null) {
            restore.put("name", volumeName);
        }
        JsonNode answer = cinder.post("/backups/" + text(b, "id") + "/restore", Map.of("restore", restore))
                .path("restore");
        String volumeId = text(answer, "volume_id");
        context.info("restore of backup " + label(b) + " into new volume " + volumeId + " requested");
        if (!wait) {
            return new BackupRestored(text(b, "id"), volumeId, text(answer, "volume_name"), "restoring-backup", false,
                    "Restore of backup '" + label(b) + "' into new volume " + volumeId + " was accepted and runs in"
                            + " the background.");
        }
        Polling.Outcome<JsonNode> outcome = Polling.until(() -> cinder.find("/volumes/" + volumeId, "volume"),
                v -> "available".equals(status(v)), v -> status(v).startsWith("error"), v -> "volume " + status(v),
                timeout, pollInterval, context);
        JsonNode v = outcome.last();
        return switch (outcome.end()) {
            case REACHED -> new BackupRestored(text(b, "id"), volumeId, text(v, "name"), status(v), true, "Backup '"
                    + label(b) + "' is restored into the new volume '" + label(v) + "' (" + volumeId + "), "
                    + size(v) + " GiB, available.");
            case FAILED -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Restoring backup '" + label(b)
                    + "' into volume " + volumeId + " failed: the volume is " + status(v) + volumes.reason(volumeId));
            case GONE -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Volume " + volumeId
                    + " disappeared while backup '" + label(b) + "' was restored into it.");
            case TIMED_OUT -> new BackupRestored(text(b, "id"), volumeId, text(v, "name"), status(v), false,
                    "The restore into volume " + volumeId + " is still running after " + outcome.waited().toSeconds()
                            + " s (volume " + status(v) + ").");
        };
    }

    public Preview deletePreview(String backup) {
        JsonNode b = resolve(backup);
        guard(b);
        String volumeId = text(b, "volume_id");
        JsonNode volume = volumeId == null ? null : cinder.find("/volumes/" + volumeId, "volume");
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("volume_backup", text(b, "id"), text(b, "name"), "deleted"));
        List<String> warnings = new ArrayList<>();
        if (volume == null) {
            warnings.add("The backed-up volume " + volumeId + " no longer exists: this backup may be the last copy of"
                    + " its data.");
        } else {
            resources.add(new Preview.Resource("volume", volumeId, text(volume, "name"), "kept, unchanged"));
        }
        return new Preview("delete volume backup", "Delete backup '" + label(b) + "' (" + text(b, "id") + ") of volume '"
                + (volume == null ? volumeId : label(volume)) + "', " + size(b) + " GiB, taken "
                + time(b, "created_at") + ".", resources, warnings);
    }

    public Deleted delete(String backup, boolean wait, Duration timeout, ToolContext context) {
        JsonNode b = resolve(backup);
        guard(b);
        String id = text(b, "id");
        return volumes.deleteAndWait("backup", b, x -> "error".equals(status(x)), VolumeService::status,
                x -> failure(x, id), wait, timeout, context);
    }

    private static void guard(JsonNode b) {
        if (flag(b, "has_dependent_backups")) {
            throw ToolException.refused("Backup '" + label(b) + "' has incremental backups built on it; deleting it"
                    + " would make them unrestorable, and Cinder refuses it. Delete the newer incremental backups of"
                    + " volume " + text(b, "volume_id") + " first (volume_backup_list with that volume shows them).");
        }
        String status = status(b);
        if (status.equals("creating") || status.equals("restoring") || status.equals("deleting")) {
            throw ToolException.conflict("Backup '" + label(b) + "' is " + status + "; wait until it is available (or"
                    + " in error) and try again.");
        }
    }

    JsonNode resolve(String ref) {
        return Lookup.byIdOrName("Volume backup", ref, id -> cinder.find("/backups/" + id, "backup"),
                name -> array(cinder.get("/backups/detail", Map.of("name", name)), "backups"),
                b -> text(b, "name"), b -> text(b, "id"));
    }

    private Polling.Outcome<JsonNode> poll(String id, java.util.function.Predicate<JsonNode> done,
                                           java.util.function.Predicate<JsonNode> failed, Duration timeout,
                                           ToolContext context) {
        return Polling.until(() -> cinder.find("/backups/" + id, "backup"), done, failed, VolumeService::status,
                timeout, pollInterval, context);
    }

    private String failure(@Nullable JsonNode b, String id) {
        String reason = b == null ? null : text(b, "fail_reason");
        return reason != null ? ": " + reason + (reason.endsWith(".") ? "" : ".") : volumes.reason(id);
    }
}
