package io.github.openstackops.mcp.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.services.CinderClient;
import io.github.openstackops.mcp.storage.VolumeGroupRecords.GroupDetail;
import io.github.openstackops.mcp.storage.VolumeGroupRecords.GroupSnapshot;
import io.github.openstackops.mcp.storage.VolumeGroupRecords.GroupSummary;
import io.github.openstackops.mcp.storage.VolumeGroupRecords.VolumeAttachment;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.array;
import static io.github.openstackops.mcp.cloud.Json.nonEmpty;
import static io.github.openstackops.mcp.cloud.Json.stringList;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.cloud.services.CinderClient.time;
import static io.github.openstackops.mcp.storage.VolumeService.status;

/**
 * Volume groups (Cinder 3.13, their volumes from 3.25), group snapshots (3.14) and volume attachments (3.27): all
 * within the microversion the Cinder client speaks, listed newest first and paged by Cinder.
 */
@Singleton
public class VolumeGroupService {

    private final CinderClient cinder;
    private final VolumeService volumes;

    public VolumeGroupService(CinderClient cinder, VolumeService volumes) {
        this.cinder = cinder;
        this.volumes = volumes;
    }

    public Page<GroupSummary> groups(int limit, @Nullable String marker, @Nullable String name) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("name", name);
        Paging.Slice<JsonNode> page = cinder.page("groups", filters, limit, marker);
        return VolumeGroupRecords.GROUPS.page(page.items().stream().map(g -> new GroupSummary(text(g, "id"),
                nonEmpty(g, "name"), status(g), text(g, "group_type"), stringList(g, "volume_types"),
                text(g, "availability_zone"), time(g, "created_at"))).toList(), page.nextMarker());
    }

    public GroupDetail group(String ref) {
        JsonNode found = Lookup.byIdOrName("Volume group", ref,
                id -> cinder.find("/groups/" + Json.segment(id), "group"),
                name -> array(cinder.get("/groups/detail", Map.of("name", name)), "groups"),
                g -> text(g, "name"), g -> text(g, "id"));
        JsonNode g = cinder.get("/groups/" + text(found, "id"), Map.of("list_volume", "True")).path("group");
        String typeId = text(g, "group_type");
        JsonNode type = typeId == null ? null : cinder.find("/group_types/" + typeId, "group_type");
        return new GroupDetail(text(g, "id"), nonEmpty(g, "name"), nonEmpty(g, "description"), status(g),
                new Ref(typeId, type == null ? null : text(type, "name")), stringList(g, "volume_types"),
                stringList(g, "volumes"), text(g, "replication_status"), text(g, "group_snapshot_id"),
                text(g, "source_group_id"), text(g, "availability_zone"), time(g, "created_at"));
    }

    public Page<GroupSnapshot> groupSnapshots(int limit, @Nullable String marker, @Nullable String group) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("group_id", group == null ? null : group(group).id());
        Paging.Slice<JsonNode> page = cinder.page("group_snapshots", filters, limit, marker);
        return VolumeGroupRecords.GROUP_SNAPSHOTS.page(page.items().stream().map(VolumeGroupService::snapshotOf)
                .toList(), page.nextMarker());
    }

    public GroupSnapshot groupSnapshot(String ref) {
        return snapshotOf(Lookup.byIdOrName("Group snapshot", ref,
                id -> cinder.find("/group_snapshots/" + Json.segment(id), "group_snapshot"),
                name -> array(cinder.get("/group_snapshots/detail", Map.of("name", name)), "group_snapshots"),
                s -> text(s, "name"), s -> text(s, "id")));
    }

    public Page<VolumeAttachment> attachments(int limit, @Nullable String marker, @Nullable String volume,
                                              @Nullable String serverId) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("volume_id", volume == null ? null : text(volumes.resolve(volume), "id"));
        filters.put("instance_id", serverId);
        Paging.Slice<JsonNode> page = cinder.page("attachments", filters, limit, marker);
        return VolumeGroupRecords.ATTACHMENTS.page(page.items().stream().map(VolumeGroupService::attachment).toList(),
                page.nextMarker());
    }

    public VolumeAttachment attachment(String id) {
        JsonNode a = cinder.find("/attachments/" + Json.segment(id), "attachment");
        if (a == null) {
            throw OpenStackFaults.notFound("Volume attachment '" + id + "'");
        }
        return attachment(a);
    }

    private static GroupSnapshot snapshotOf(JsonNode s) {
        return new GroupSnapshot(text(s, "id"), nonEmpty(s, "name"), nonEmpty(s, "description"), status(s),
                text(s, "group_id"), text(s, "group_type_id"), time(s, "created_at"));
    }

    private static VolumeAttachment attachment(JsonNode a) {
        return new VolumeAttachment(text(a, "id"), text(a, "volume_id"), text(a, "instance"), status(a),
                text(a, "attach_mode"), time(a, "attached_at"), time(a, "detached_at"));
    }
}
