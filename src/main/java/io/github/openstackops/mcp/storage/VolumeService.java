package io.github.openstackops.mcp.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.Polling;
import io.github.openstackops.mcp.cloud.lookup.ResourceLookup;
import io.github.openstackops.mcp.cloud.lookup.ServerNames;
import io.github.openstackops.mcp.cloud.services.CinderClient;
import io.github.openstackops.mcp.storage.StorageRecords.Attachment;
import io.github.openstackops.mcp.storage.StorageRecords.Deleted;
import io.github.openstackops.mcp.storage.StorageRecords.VolumeDetail;
import io.github.openstackops.mcp.storage.StorageRecords.VolumeOperation;
import io.github.openstackops.mcp.storage.StorageRecords.VolumeSummary;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import static io.github.openstackops.mcp.cloud.Json.array;
import static io.github.openstackops.mcp.cloud.Json.flag;
import static io.github.openstackops.mcp.cloud.Json.integer;
import static io.github.openstackops.mcp.cloud.Json.label;
import static io.github.openstackops.mcp.cloud.Json.putIfSet;
import static io.github.openstackops.mcp.cloud.Json.stringMap;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.cloud.services.CinderClient.time;

/** Volumes (Cinder v3): listing, lookup by id or name, create, and guarded deletion. */
@Singleton
public class VolumeService {

    /** Metadata Cinder shows to admins that is really state, not user metadata. */
    private static final Set<String> ADMIN_METADATA = Set.of("readonly", "attached_mode");
    /** Statuses a volume settles in. */
    static final Set<String> SETTLED = Set.of("available", "in-use");
    /** How many dependent snapshots/backups/servers a preview or refusal names at most. */
    static final int NAMED = 20;

    private final CinderClient cinder;
    private final ResourceLookup lookup;
    private final ServerNames serverNames;
    private final Duration pollInterval;

    public VolumeService(CinderClient cinder, ResourceLookup lookup, ServerNames serverNames,
                         @Value("${openstack.poll-interval:1s}") Duration pollInterval) {
        this.cinder = cinder;
        this.lookup = lookup;
        this.serverNames = serverNames;
        this.pollInterval = pollInterval;
    }

    /** Where a new volume's data comes from. */
    public record Source(@Nullable String image, @Nullable String snapshot, @Nullable String volume) {
        int count() {
            return (image == null ? 0 : 1) + (snapshot == null ? 0 : 1) + (volume == null ? 0 : 1);
        }
    }

    public Page<VolumeSummary> list(int limit, @Nullable String marker, @Nullable String name, @Nullable String status,
                           boolean allProjects) {
        Paging.Slice<JsonNode> page = cinder.page("volumes", listFilters(null, name, status, allProjects), limit, marker);
        Map<String, String> names = serverNamesOf(page.items());
        List<VolumeSummary> volumes = page.items().stream().map(v -> summary(v, names)).toList();
        return StorageRecords.VOLUMES.page(volumes, page.nextMarker());
    }

    /**
     * The list filters volumes, snapshots and backups share; a volume given by name or ID narrows to its ID, empty
     * values are not sent.
     */
    Map<String, Object> listFilters(@Nullable String volume, @Nullable String name, @Nullable String status,
                                    boolean allProjects) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("volume_id", volume == null ? null : text(resolve(volume), "id"));
        filters.put("name", name == null || name.isEmpty() ? null : name);
        filters.put("status", status);
        filters.put("all_tenants", allProjects ? 1 : null);
        return filters;
    }

    public VolumeDetail get(String volume) {
        JsonNode v = resolve(volume);
        return detail(v, serverNamesOf(List.of(v)));
    }

    public VolumeOperation create(@Nullable String name, @Nullable Integer sizeGb, @Nullable String type,
                                  @Nullable String availabilityZone, @Nullable String description, Source source,
                                  Map<String, String> metadata, boolean wait, Duration timeout, ToolContext context) {
        if (source.count() > 1) {
            throw ToolException.invalid("Give at most one source: image, snapshot or source_volume.");
        }
        boolean sizeFromSource = source.snapshot() != null || source.volume() != null;
        if (sizeGb == null && !sizeFromSource) {
            throw ToolException.invalid("Give size_gb (Cinder needs a size unless the volume is created from a"
                    + " snapshot or another volume).");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (sizeGb != null) {
            body.put("size", sizeGb);
        }
        putIfSet(body, "name", name);
        putIfSet(body, "description", description);
        putIfSet(body, "availability_zone", availabilityZone);
        if (type != null) {
            body.put("volume_type", BlockStorageService.resolveType(cinder, type).path("name").asText());
        }
        String from = "empty";
        if (source.image() != null) {
            JsonNode image = lookup.image(source.image());
            body.put("imageRef", text(image, "id"));
            from = "image '" + label(image) + "'";
        }
        if (source.snapshot() != null) {
            JsonNode snapshot = SnapshotService.resolve(cinder, source.snapshot());
            body.put("snapshot_id", text(snapshot, "id"));
            from = "snapshot '" + label(snapshot) + "'";
        }
        if (source.volume() != null) {
            JsonNode original = resolve(source.volume());
            body.put("source_volid", text(original, "id"));
            from = "volume '" + label(original) + "'";
        }
        if (!metadata.isEmpty()) {
            body.put("metadata", metadata);
        }
        JsonNode created = cinder.post("/volumes", Map.of("volume", body)).path("volume");
        String id = text(created, "id");
        context.info("volume " + label(created) + " (" + id + ") requested from " + from);
        if (!wait) {
            return operation(created, false, "Creation of volume '" + label(created) + "' (" + id + ") from " + from
                    + " was accepted; it is " + text(created, "status") + " and continues in the background.");
        }
        Polling.Outcome<JsonNode> outcome = poll(id, v -> SETTLED.contains(status(v)),
                v -> status(v).startsWith("error"), timeout, context);
        return settle(outcome, id, "creating", "Volume '" + label(created) + "' (" + id + ") is available, created from "
                + from + ".");
    }

    public Preview deletePreview(String volume) {
        JsonNode v = resolve(volume);
        guardDeletion(v);
        List<Preview.Resource> resources = List.of(new Preview.Resource("volume", text(v, "id"), text(v, "name"),
                "deleted with all its data"));
        List<String> warnings = new ArrayList<>();
        List<JsonNode> backups = array(cinder.get("/backups", Map.of("volume_id", text(v, "id"),
                "limit", NAMED + 1)), "backups");
        if (!backups.isEmpty()) {
            warnings.add((backups.size() > NAMED ? "More than " + NAMED : String.valueOf(backups.size()))
                    + " backup(s) of this volume are kept and can restore its data into a new volume: "
                    + names(backups) + ".");
        } else {
            warnings.add("The volume has no backups: its data cannot be recovered after deletion.");
        }
        if (flag(v, "bootable")) {
            warnings.add("The volume is bootable; servers can no longer be booted from it.");
        }
        return new Preview("delete volume", "Delete volume '" + label(v) + "' (" + text(v, "id") + "), " + size(v)
                + " GiB, " + status(v) + ".", resources, warnings);
    }

    public Deleted delete(String volume, boolean wait, Duration timeout, ToolContext context) {
        JsonNode v = resolve(volume);
        guardDeletion(v);
        String id = text(v, "id");
        return deleteAndWait("volume", v, x -> "error_deleting".equals(status(x)), x -> status(x) + ", " + size(x)
                + " GiB", x -> ": it is " + status(x) + reason(id), wait, timeout, context);
    }

    /**
     * Deletes a Cinder volume, snapshot or backup ({@code noun}; its path is "/{noun}s/{id}") that the caller has
     * found and guarded, and unless {@code wait} is false polls until it is gone.
     *
     * @param failed   the status that means Cinder gave up deleting it
     * @param describe the progress line of one poll
     * @param why      what follows "Deleting <noun> '<name>' failed" for the last state seen
     */
    Deleted deleteAndWait(String noun, JsonNode resource, Predicate<JsonNode> failed,
                          Function<JsonNode, String> describe, Function<JsonNode, String> why, boolean wait,
                          Duration timeout, ToolContext context) {
        String id = text(resource, "id");
        String path = "/" + noun + "s/" + id;
        cinder.delete(path);
        context.info("delete requested for " + noun + " " + label(resource) + " (" + id + ")");
        String named = noun + " '" + label(resource) + "'";
        if (!wait) {
            return new Deleted(id, text(resource, "name"), false, "Deletion of " + named + " was accepted and runs"
                    + " in the background.");
        }
        Polling.Outcome<JsonNode> outcome = Polling.until(() -> cinder.find(path, noun), x -> false, failed,
                describe, timeout, pollInterval, context);
        String subject = Character.toUpperCase(named.charAt(0)) + named.substring(1);
        return switch (outcome.end()) {
            case GONE, REACHED -> new Deleted(id, text(resource, "name"), true, subject + " is deleted.");
            case FAILED -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Deleting " + named + " failed"
                    + why.apply(outcome.last()));
            case TIMED_OUT -> new Deleted(id, text(resource, "name"), false, subject + " is still "
                    + status(outcome.last()) + " after " + outcome.waited().toSeconds() + " s.");
        };
    }

    /** Refuses to delete a volume that is attached or has snapshots, saying why and what to do. */
    void guardDeletion(JsonNode v) {
        List<JsonNode> attachments = array(v, "attachments");
        if (!attachments.isEmpty() || Set.of("in-use", "attaching", "detaching", "reserved").contains(status(v))) {
            Map<String, String> names = serverNamesOf(List.of(v));
            List<String> where = attachments.stream().map(a -> {
                String server = text(a, "server_id");
                String named = names.get(server);
                return "server '" + (named == null ? server : named) + "' (" + server + ")"
                        + (text(a, "device") == null ? "" : " as " + text(a, "device"));
            }).toList();
            throw ToolException.refused("Volume '" + label(v) + "' is " + status(v)
                    + (where.isEmpty() ? "" : ", attached to " + String.join(" and ", where))
                    + ". Deleting an attached volume would pull the disk from under a running server, so this server"
                    + " refuses it. Detach it first (e.g. 'openstack server remove volume <server> " + text(v, "id")
                    + "'), check that it is available, then delete it.");
        }
        List<JsonNode> snapshots = array(cinder.get("/snapshots", Map.of("volume_id", text(v, "id"),
                "limit", NAMED + 1)), "snapshots");
        if (!snapshots.isEmpty()) {
            throw ToolException.refused("Volume '" + label(v) + "' has " + (snapshots.size() > NAMED ? "more than "
                    + NAMED : String.valueOf(snapshots.size())) + " snapshot(s): " + names(snapshots) + ". Cinder"
                    + " cannot delete a volume with snapshots, and deleting them too would lose those points in time,"
                    + " so this server refuses. Delete the snapshots first with volume_snapshot_delete (or create a"
                    + " volume from one to keep it), then delete the volume.");
        }
    }

    /** A volume by id, or by exact name when that name is unique in the project. */
    JsonNode resolve(String ref) {
        return Lookup.byIdOrName("Volume", ref, id -> cinder.find("/volumes/" + id, "volume"),
                name -> array(cinder.get("/volumes/detail", Map.of("name", name)), "volumes"),
                v -> text(v, "name"), v -> text(v, "id"));
    }

    JsonNode require(String id) {
        JsonNode v = cinder.find("/volumes/" + id, "volume");
        if (v == null) {
            throw OpenStackFaults.notFound("Volume '" + id + "'");
        }
        return v;
    }

    Polling.Outcome<JsonNode> poll(String id, Predicate<JsonNode> done, Predicate<JsonNode> failed,
                                           Duration timeout, ToolContext context) {
        return Polling.until(() -> cinder.find("/volumes/" + id, "volume"), done, failed,
                x -> status(x) + ", " + size(x) + " GiB", timeout, pollInterval, context);
    }

    VolumeOperation settle(Polling.Outcome<JsonNode> outcome, String id, String doing, String success) {
        return switch (outcome.end()) {
            case REACHED -> operation(outcome.last(), true, success);
            case FAILED -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Volume '" + label(outcome.last())
                    + "' (" + id + ") ended in status " + status(outcome.last()) + " (type '"
                    + text(outcome.last(), "volume_type") + "', " + size(outcome.last()) + " GiB) while " + doing
                    + reason(id));
            case GONE -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Volume " + id + " disappeared while "
                    + doing + ".");
            case TIMED_OUT -> operation(outcome.last(), false, "Volume '" + label(outcome.last()) + "' is still "
                    + status(outcome.last()) + " after " + outcome.waited().toSeconds() + " s; the operation may still"
                    + " complete. Check it with volume_get.");
        };
    }

    /** Cinder's own explanation of a failure (user messages API), as the end of a sentence. */
    String reason(String resourceId) {
        try {
            List<JsonNode> messages = array(cinder.get("/messages", Map.of("resource_uuid", resourceId,
                    "sort", "created_at:desc", "limit", 1)), "messages");
            if (!messages.isEmpty() && text(messages.get(0), "user_message") != null) {
                return ": Cinder says \"" + text(messages.get(0), "user_message") + "\".";
            }
        } catch (RuntimeException e) {
            // the explanation is a bonus; the failure itself is reported either way
        }
        return ". Cinder recorded no reason; its volume service log has it.";
    }

    private Map<String, String> serverNamesOf(List<JsonNode> volumes) {
        List<String> ids = volumes.stream().flatMap(v -> array(v, "attachments").stream())
                .map(a -> text(a, "server_id")).filter(java.util.Objects::nonNull).toList();
        return serverNames.of(ids);
    }

    static VolumeSummary summary(JsonNode v, Map<String, String> names) {
        return new VolumeSummary(text(v, "id"), text(v, "name"), status(v), size(v), text(v, "volume_type"),
                flag(v, "bootable"), flag(v, "encrypted"),
                attachments(v, names), text(v, "availability_zone"), text(v, "os-vol-tenant-attr:tenant_id"),
                time(v, "created_at"));
    }

    static VolumeDetail detail(JsonNode v, Map<String, String> names) {
        Map<String, String> metadata = stringMap(v, "metadata");
        metadata.keySet().removeAll(ADMIN_METADATA);
        JsonNode image = v.path("volume_image_metadata");
        Ref sourceImage = image.hasNonNull("image_id") ? new Ref(image.path("image_id").asText(),
                text(image, "image_name")) : null;
        return new VolumeDetail(text(v, "id"), text(v, "name"), text(v, "description"), status(v), size(v),
                text(v, "volume_type"), flag(v, "bootable"),
                flag(v, "encrypted"), flag(v, "multiattach"), readOnly(v),
                attachments(v, names), sourceImage, text(v, "snapshot_id"), text(v, "source_volid"), metadata,
                text(v, "availability_zone"), text(v, "os-vol-host-attr:host"), text(v, "migration_status"),
                text(v, "os-vol-tenant-attr:tenant_id"), text(v, "user_id"), time(v, "created_at"),
                time(v, "updated_at"));
    }

    static VolumeOperation operation(JsonNode v, boolean done, String message) {
        return new VolumeOperation(text(v, "id"), text(v, "name"), status(v), size(v), text(v, "volume_type"),
                flag(v, "bootable"), readOnly(v), done, message);
    }

    private static List<Attachment> attachments(JsonNode v, Map<String, String> names) {
        return array(v, "attachments").stream().map(a -> new Attachment(text(a, "server_id"),
                names.get(text(a, "server_id")), text(a, "device"), time(a, "attached_at"),
                text(a, "attachment_id"))).toList();
    }

    static boolean readOnly(JsonNode v) {
        return "true".equalsIgnoreCase(v.path("metadata").path("readonly").asText(""));
    }

    static String status(@Nullable JsonNode v) {
        String status = v == null ? null : text(v, "status");
        return status == null ? "unknown" : status.toLowerCase(Locale.ROOT);
    }

    static int size(@Nullable JsonNode v) {
        Integer size = v == null ? null : integer(v, "size");
        return size == null ? 0 : size;
    }

    static String names(List<JsonNode> nodes) {
        return String.join(", ", nodes.stream().limit(NAMED).map(n -> "'" + label(n) + "' (" + text(n, "id") + ")")
                .toList());
    }
}
