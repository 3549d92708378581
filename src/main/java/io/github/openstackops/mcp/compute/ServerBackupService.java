package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.Polling;
import io.github.openstackops.mcp.cloud.services.GlanceClient;
import io.github.openstackops.mcp.compute.ServerLifecycleRecords.ServerBackedUp;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Backups of a server with rotation (Nova's createBackup): a snapshot image tagged with the backup type, after which
 * Nova deletes the oldest backups of that server and type beyond 'rotation'. Which ones go is known beforehand:
 * Glance lists them, newest first, by the properties Nova sets ({@code instance_uuid}, {@code backup_type}).
 */
@Singleton
public class ServerBackupService {

    /** createBackup answers with the image id from 2.45. */
    static final String MV = "2.45";
    private static final int MOST_BACKUPS = 1000;

    private final ServerService servers;
    private final ServerActions actions;
    private final GlanceClient glance;

    public ServerBackupService(ServerService servers, ServerActions actions, GlanceClient glance) {
        this.servers = servers;
        this.actions = actions;
        this.glance = glance;
    }

    public Preview preview(String server, String name, String type, int rotation) {
        NovaServer s = servers.resolve(server);
        List<Ref> existing = backups(s, type);
        List<Ref> deleted = existing.size() >= rotation ? existing.subList(rotation - 1, existing.size()) : List.of();
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("server", s.id(), s.name(), "snapshotted into a new " + type.trim()
                + " backup image '" + name.trim() + "'"));
        for (Ref image : deleted) {
            resources.add(new Preview.Resource("image", image.id(), image.name(), "deleted by the rotation (one"
                    + " of the oldest " + type.trim() + " backups beyond the " + rotation + " kept)"));
        }
        List<String> warnings = new ArrayList<>();
        if (!deleted.isEmpty()) {
            warnings.add(deleted.size() + " older " + type.trim() + " backup image(s) of the server are deleted once"
                    + " the new one is uploaded; servers booted from them keep running.");
        }
        return new Preview("back up server", "Back up server '" + s.name() + "' as " + type.trim() + " backup '"
                + name.trim() + "', keeping the newest " + rotation + " " + type.trim() + " backups: "
                + (deleted.isEmpty() ? "none is deleted (" + existing.size() + " exist)."
                : deleted.size() + " of the " + existing.size() + " existing are deleted."), resources, warnings);
    }

    public ServerBackedUp backup(String server, String name, String type, int rotation, boolean wait,
                                 Duration timeout, ToolContext context) {
        NovaServer s = servers.resolve(server);
        List<Ref> before = backups(s, type);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name.trim());
        body.put("backup_type", type.trim());
        body.put("rotation", rotation);
        String imageId = Json.text(actions.action(s, "back up", Map.of("createBackup", body), MV), "image_id");
        if (imageId == null) {
            throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Nova accepted the backup of '" + s.name()
                    + "' but did not say which image it creates.");
        }
        context.info("backup " + name.trim() + " (" + imageId + ") of server " + s.name() + " requested");
        if (!wait) {
            return new ServerBackedUp(s.id(), s.name(), new Ref(imageId, name.trim()), "queued", false, List.of(),
                    "The backup of '" + s.name() + "' was accepted; image " + imageId + " becomes active once"
                            + " uploaded, then backups beyond the newest " + rotation + " are deleted.");
        }
        Instant deadline = Instant.now().plus(timeout);
        Set<String> bad = Set.of("killed", "deleted", "pending_delete", "deactivated");
        Polling.Outcome<JsonNode> outcome = Polling.until(() -> glance.image(imageId),
                i -> "active".equals(Json.text(i, "status")), i -> bad.contains(Json.text(i, "status")),
                i -> "image " + Json.text(i, "status"), timeout, actions.pollInterval(), context);
        JsonNode last = outcome.last();
        String status = last == null ? "deleted" : Json.text(last, "status");
        if (outcome.end() == Polling.End.FAILED || outcome.end() == Polling.End.GONE) {
            throw new ToolException(ToolException.Kind.CLOUD_ERROR, "The backup of '" + s.name() + "' failed: image "
                    + imageId + " is " + status + ".");
        }
        if (!outcome.reached()) {
            return new ServerBackedUp(s.id(), s.name(), new Ref(imageId, name.trim()), status, false, List.of(),
                    "Image " + imageId + " is still " + status + " after " + outcome.waited().toSeconds()
                            + " s; the backup and its rotation may still complete.");
        }
        // Nova rotates right after the upload: wait (within the timeout) until the old ones are gone
        List<Ref> deleted = List.of();
        Duration left = Duration.between(Instant.now(), deadline);
        if (!left.isNegative()) {
            Polling.Outcome<List<Ref>> rotated = Polling.until(() -> gone(before, backups(s, type)),
                    g -> before.size() + 1 - g.size() <= rotation, g -> false,
                    g -> g.size() + " old backup(s) deleted", left, actions.pollInterval(), context);
            deleted = rotated.last() == null ? List.of() : rotated.last();
        }
        return new ServerBackedUp(s.id(), s.name(), new Ref(imageId, name.trim()), status, true, deleted,
                "Backup '" + name.trim() + "' (" + imageId + ") of server '" + s.name() + "' is active"
                        + (deleted.isEmpty() ? "." : "; the rotation deleted " + deleted.size() + " older "
                        + type.trim() + " backup(s)."));
    }

    /** The server's backups of this type, newest first. */
    List<Ref> backups(NovaServer s, String type) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("instance_uuid", s.id());
        query.put("backup_type", type.trim());
        query.put("sort_key", "created_at");
        query.put("sort_dir", "desc");
        query.put("limit", MOST_BACKUPS);
        JsonNode answer = OpenStackFaults.attempt("list the backups of server '" + s.name() + "'",
                () -> glance.get("/images", query));
        return Json.array(answer, "images").stream().map(i -> new Ref(Json.text(i, "id"), Json.text(i, "name")))
                .toList();
    }

    private static List<Ref> gone(List<Ref> before, List<Ref> now) {
        Set<String> still = new java.util.HashSet<>(now.stream().map(Ref::id).toList());
        return before.stream().filter(r -> !still.contains(r.id())).toList();
    }
}
