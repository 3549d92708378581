package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Polling;
import io.github.openstackops.mcp.cloud.lookup.ResourceLookup;
import io.github.openstackops.mcp.cloud.services.CinderClient;
import io.github.openstackops.mcp.cloud.services.GlanceClient;
import io.github.openstackops.mcp.compute.FlavorRecords.FlavorDetail;
import io.github.openstackops.mcp.compute.ServerLifecycleRecords.ServerImageCreated;
import io.github.openstackops.mcp.compute.ServerLifecycleRecords.ServerMoved;
import io.github.openstackops.mcp.compute.ServerLifecycleRecords.ServerRebuilt;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Rebuilding, snapshotting, resizing and migrating servers: the long operations. */
@Singleton
public class ServerLifecycleService {

    /** The first microversion whose createImage answers with the image id in the body. */
    static final String IMAGE_ID_MICROVERSION = "2.45";
    /** Cold migration to a named host. */
    static final String MIGRATE_HOST_MICROVERSION = "2.56";
    /** Live migration with block_migration=auto (no disk_over_commit). */
    static final String LIVE_MIGRATE_MICROVERSION = "2.25";

    private static final Set<String> RUNNING_OR_STOPPED = Set.of("ACTIVE", "SHUTOFF");

    private final CloudSession cloud;
    private final ServerService servers;
    private final ServerActions actions;
    private final ComputeNames names;
    private final FlavorService flavors;
    private final ResourceLookup lookup;
    private final GlanceClient glance;
    private final CinderClient cinder;

    public ServerLifecycleService(CloudSession cloud, ServerService servers, ServerActions actions,
                                  ComputeNames names, FlavorService flavors, ResourceLookup lookup, GlanceClient glance, CinderClient cinder) {
        this.cinder = cinder;
        this.glance = glance;
        this.lookup = lookup;
        this.cloud = cloud;
        this.servers = servers;
        this.actions = actions;
        this.names = names;
        this.flavors = flavors;
    }

    public ServerMoved resize(String server, String flavor, boolean wait, Duration timeout, ToolContext context) {
        NovaServer s = servers.resolve(server);
        FlavorDetail target = flavors.get(flavor);
        if (target.id().equals(s.flavorId())) {
            throw ToolException.invalid("Server '" + s.name() + "' already has flavor '" + target.name()
                    + "'; name a different flavor to resize to.");
        }
        actions.action(s, "resize", Map.of("resize", Map.of("flavorRef", target.id())), null);
        return moved(s, "resize", wait, timeout, context,
                x -> "VERIFY_RESIZE".equals(x.status()) && x.settled()
                        || RUNNING_OR_STOPPED.contains(x.status()) && x.settled()
                        && target.id().equals(x.flavorId()),
                x -> RUNNING_OR_STOPPED.contains(x.status()) && x.settled()
                        && Objects.equals(x.flavorId(), s.flavorId()),
                "Check it, then keep the new flavor with server_resize_confirm or go back with"
                        + " server_resize_revert.");
    }

    /** Confirms (keep) or reverts (go back) a resize or cold migration waiting in VERIFY_RESIZE. */
    public ServerMoved finishResize(String server, boolean confirm, boolean wait, Duration timeout,
                                    ToolContext context) {
        NovaServer s = servers.resolve(server);
        String verb = confirm ? "resize confirm" : "resize revert";
        if (!"VERIFY_RESIZE".equals(s.status())) {
            throw ToolException.conflict("Server '" + s.name() + "' is " + s.status()
                    + ", not VERIFY_RESIZE: there is no resize or migration to " + (confirm ? "confirm" : "revert")
                    + ".");
        }
        actions.action(s, verb, ServerActions.bare(confirm ? "confirmResize" : "revertResize"), null);
        return moved(s, verb, wait, timeout, context,
                x -> RUNNING_OR_STOPPED.contains(x.status()) && x.settled(),
                x -> false, confirm ? "The new flavor and host are kept." : "The server is back on its previous"
                        + " flavor and host.");
    }

    /** Cold migration (admin): the server is moved to another host and waits in VERIFY_RESIZE. */
    public ServerMoved migrate(String server, @Nullable String host, boolean wait, Duration timeout,
                               ToolContext context) {
        NovaServer s = servers.resolve(server);
        if (ServerService.notBlank(host)) {
            actions.action(s, "migrate", Map.of("migrate", Map.of("host", host.trim())),
                    MIGRATE_HOST_MICROVERSION);
        } else {
            actions.action(s, "migrate", ServerActions.bare("migrate"), null);
        }
        return moved(s, "migrate", wait, timeout, context,
                x -> "VERIFY_RESIZE".equals(x.status()) && x.settled()
                        || RUNNING_OR_STOPPED.contains(x.status()) && x.settled()
                        && !Objects.equals(x.host(), s.host()),
                x -> RUNNING_OR_STOPPED.contains(x.status()) && x.settled()
                        && Objects.equals(x.host(), s.host()),
                "Confirm the move with server_resize_confirm, or move it back with server_resize_revert.");
    }

    /** Live migration (admin): the running server moves to another host without stopping. */
    public ServerMoved liveMigrate(String server, @Nullable String host, boolean wait, Duration timeout,
                                   ToolContext context) {
        NovaServer s = servers.resolve(server);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("host", ServerService.notBlank(host) ? host.trim() : null);
        body.put("block_migration", "auto");
        actions.action(s, "live migrate", Map.of("os-migrateLive", body),
                LIVE_MIGRATE_MICROVERSION);
        Set<String> steady = Set.of("ACTIVE", "PAUSED");
        return moved(s, "live migrate", wait, timeout, context,
                x -> steady.contains(x.status()) && x.settled()
                        && !Objects.equals(x.host(), s.host()),
                x -> steady.contains(x.status()) && x.settled()
                        && Objects.equals(x.host(), s.host()),
                "It kept running.");
    }

    private ServerMoved moved(NovaServer s, String verb, boolean wait, Duration timeout,
                              ToolContext context, java.util.function.Predicate<NovaServer> done,
                              java.util.function.Predicate<NovaServer> failed, String whenDone) {
        context.info(verb + " requested for server " + s.name() + " (" + s.id() + ")");
        String flavorBefore = names.flavorName(s.flavorId());
        String before = s.status();
        if (!wait) {
            return new ServerMoved(s.id(), s.name(), verb, before, before, false, flavorBefore, null,
                    s.host(), null, "The " + verb + " of '" + s.name() + "' was accepted; it runs in the"
                    + " background.");
        }
        Polling.Outcome<NovaServer> outcome = actions.await(s.id(), done, failed, timeout, context);
        ServerActions.failOn(outcome, s.name(), verb);
        NovaServer last = outcome.last();
        String now = last == null ? "DELETED" : last.status();
        String message = outcome.reached()
                ? "Server '" + s.name() + "' is " + now + (last != null && last.host() != null
                && !Objects.equals(last.host(), s.host()) ? " on host " + last.host() : "")
                + (last != null && !Objects.equals(last.flavorId(), s.flavorId())
                ? " with flavor " + names.flavorName(last.flavorId()) : "") + ". "
                + whenDone
                : ServerActions.notReached(s.name(), verb, outcome);
        return new ServerMoved(s.id(), s.name(), verb, before, now, outcome.reached(), flavorBefore,
                last == null ? null : names.flavorName(last.flavorId()), s.host(),
                last == null ? null : last.host(), message);
    }

    /** Snapshots a server into a new image and waits until Glance says it is active. */
    public ServerImageCreated createImage(String server, String imageName, @Nullable Map<String, String> metadata,
                                          boolean wait, Duration timeout, ToolContext context) {
        NovaServer s = servers.resolve(server);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", imageName.trim());
        if (metadata != null && !metadata.isEmpty()) {
            body.put("metadata", metadata);
        }
        JsonNode answer = actions.action(s, "snapshot", Map.of("createImage", body),
                IMAGE_ID_MICROVERSION);
        String imageId = Json.text(answer, "image_id");
        if (imageId == null) {
            throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Nova accepted the snapshot of '"
                    + s.name() + "' but did not say which image it creates.");
        }
        context.info("snapshot " + imageName + " (" + imageId + ") of server " + s.name() + " requested");
        if (!wait) {
            return new ServerImageCreated(s.id(), s.name(), imageId, imageName.trim(), "queued", null, false,
                    "The snapshot of '" + s.name() + "' was accepted; image " + imageId + " becomes active"
                            + " once uploaded.");
        }
        Set<String> bad = Set.of("killed", "deleted", "pending_delete", "deactivated");
        Polling.Outcome<JsonNode> outcome = Polling.until(() -> glance.image(imageId),
                i -> "active".equals(Json.text(i, "status")), i -> bad.contains(Json.text(i, "status")),
                i -> "image " + Json.text(i, "status"), timeout, actions.pollInterval(),
                context);
        JsonNode last = outcome.last();
        String status = last == null ? "deleted" : Json.text(last, "status");
        String message = switch (outcome.end()) {
            case REACHED -> "Image '" + imageName.trim() + "' (" + imageId + ") of server '" + s.name()
                    + "' is active.";
            case FAILED, GONE -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, "The snapshot of '"
                    + s.name() + "' failed: image " + imageId + " is " + status + ".");
            case TIMED_OUT -> "Image " + imageId + " is still " + status + " after "
                    + outcome.waited().toSeconds() + " s; the upload may still complete.";
        };
        return new ServerImageCreated(s.id(), s.name(), imageId, imageName.trim(), status,
                last == null ? null : Json.longValue(last, "size"), outcome.reached(), message);
    }

    public Preview rebuildPreview(String server, @Nullable String image) {
        NovaServer s = servers.resolve(server);
        Ref before = imageRef(s);
        Ref after = targetImage(s, image);
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("server", s.id(), s.name(), "root disk erased and re-imaged from"
                + " image '" + after.name() + "' (" + after.id() + "); it was built from " + (before == null
                ? "an unknown image" : "'" + before.name() + "' (" + before.id() + ")")
                + "; id, name, flavor, IP addresses and metadata are kept"));
        for (String volumeId : s.volumeIds()) {
            resources.add(new Preview.Resource("volume", volumeId, Json.text(cinder.volume(volumeId), "name"),
                    "stays attached, data kept"));
        }
        List<String> warnings = new ArrayList<>();
        warnings.add("Everything on the server's local root disk is lost: files, installed packages and"
                + " configuration made since it was built.");
        if ("ACTIVE".equals(s.status())) {
            warnings.add("The server is running; it is shut down and booted again from the image.");
        }
        return new Preview("rebuild server", "Rebuild server '" + s.name() + "' (" + s.id() + ") from image '"
                + after.name() + "'" + (before != null && before.id().equals(after.id()) ? " (the same image)"
                : before == null ? "" : " (now '" + before.name() + "')") + ".", resources, warnings);
    }

    public ServerRebuilt rebuild(String server, @Nullable String image, boolean wait, Duration timeout,
                                 ToolContext context) {
        NovaServer s = servers.resolve(server);
        Ref before = imageRef(s);
        Ref after = targetImage(s, image);
        String previous = s.status();
        // the answer holds a new admin password: never read, never returned
        actions.action(s, "rebuild", Map.of("rebuild", Map.of("imageRef", after.id())), null);
        context.info("rebuild of server " + s.name() + " (" + s.id() + ") from image " + after.name()
                + " requested");
        if (!wait) {
            return new ServerRebuilt(s.id(), s.name(), before, after, "REBUILD", false, "The rebuild of '"
                    + s.name() + "' was accepted; it runs in the background.");
        }
        String target = "SHUTOFF".equals(previous) ? "SHUTOFF" : "ACTIVE";
        Polling.Outcome<NovaServer> outcome = actions.await(s.id(),
                x -> target.equals(x.status()) && x.settled(), x -> false, timeout,
                context);
        ServerActions.failOn(outcome, s.name(), "rebuild");
        String now = outcome.last() == null ? "DELETED" : outcome.last().status();
        return new ServerRebuilt(s.id(), s.name(), before, after, now, outcome.reached(), outcome.reached()
                ? "Server '" + s.name() + "' was rebuilt from image '" + after.name() + "' and is " + now + "."
                : ServerActions.notReached(s.name(), "rebuild", outcome));
    }

    @Nullable
    private Ref imageRef(NovaServer s) {
        return s.imageId() == null ? null : new Ref(s.imageId(), names.imageName(s.imageId()));
    }

    /** The image a rebuild uses; refuses servers that boot from a volume (their root disk would not change). */
    private Ref targetImage(NovaServer s, @Nullable String image) {
        if (s.imageId() == null || s.imageId().isEmpty()) {
            throw ToolException.refused("Server '" + s.name() + "' boots from a volume: a rebuild would not"
                    + " re-image that volume (Nova before microversion 2.93), so it is refused. Create a new volume"
                    + " from the image and a new server instead.");
        }
        if (!ServerService.notBlank(image)) {
            return new Ref(s.imageId(), names.imageName(s.imageId()));
        }
        JsonNode i = lookup.image(image);
        return new Ref(Json.text(i, "id"), Json.text(i, "name"));
    }
}
