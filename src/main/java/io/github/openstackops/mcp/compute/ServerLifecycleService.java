package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudApi;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Polling;
import io.github.openstackops.mcp.compute.FlavorRecords.FlavorDetail;
import io.github.openstackops.mcp.compute.ServerLifecycleRecords.ServerCreated;
import io.github.openstackops.mcp.compute.ServerLifecycleRecords.ServerImageCreated;
import io.github.openstackops.mcp.compute.ServerLifecycleRecords.ServerMoved;
import io.github.openstackops.mcp.compute.ServerLifecycleRecords.ServerRebuilt;
import io.github.openstackops.mcp.compute.ServerRecords.Fault;
import io.github.openstackops.mcp.compute.ServerRecords.Ref;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.core.transport.HttpMethod;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.image.v2.Image;
import org.openstack4j.model.storage.block.Volume;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Creating, rebuilding, snapshotting, resizing and migrating servers: the long operations. */
@Singleton
public class ServerLifecycleService {

    /** Nova's limit on user data, base64-encoded. */
    static final int MAX_USER_DATA = 65535;
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

    public ServerLifecycleService(CloudSession cloud, ServerService servers, ServerActions actions,
                                  ComputeNames names, FlavorService flavors) {
        this.cloud = cloud;
        this.servers = servers;
        this.actions = actions;
        this.names = names;
        this.flavors = flavors;
    }

    /** What to boot. Exactly one of image and bootVolume. */
    public record CreateRequest(String name, String flavor, @Nullable String image, @Nullable String bootVolume,
                                @Nullable List<String> networks, @Nullable List<String> ports,
                                @Nullable String keyName, @Nullable List<String> securityGroups,
                                @Nullable String availabilityZone, @Nullable String userData,
                                @Nullable Map<String, String> metadata) {
    }

    public ServerCreated create(CreateRequest r, boolean wait, Duration timeout, ToolContext context) {
        boolean hasImage = ServerService.notBlank(r.image());
        boolean hasVolume = ServerService.notBlank(r.bootVolume());
        if (hasImage == hasVolume) {
            throw ToolException.invalid("Give exactly one of 'image' (boot from an image) and 'boot_volume' (boot"
                    + " from an existing bootable volume).");
        }
        String userData = null;
        if (ServerService.notBlank(r.userData())) {
            userData = Base64.getEncoder().encodeToString(r.userData().getBytes(StandardCharsets.UTF_8));
            if (userData.length() > MAX_USER_DATA) {
                throw ToolException.invalid("user_data is too large: Nova takes at most " + MAX_USER_DATA
                        + " bytes once base64-encoded (this is " + userData.length() + ").");
            }
        }
        String encodedUserData = userData;
        return cloud.call(os -> {
            FlavorDetail flavor = flavors.get(r.flavor());
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("name", r.name().trim());
            server.put("flavorRef", flavor.id());
            Ref image = null;
            Ref bootVolume = null;
            if (hasImage) {
                Image i = ComputeLookups.image(os, r.image());
                image = new Ref(i.getId(), i.getName());
                server.put("imageRef", i.getId());
            } else {
                Volume v = ComputeLookups.volume(os, r.bootVolume());
                if (!v.bootable()) {
                    throw ToolException.invalid("Volume '" + v.getName() + "' (" + v.getId() + ") is not bootable;"
                            + " create it from an image, or boot from an image instead.");
                }
                bootVolume = new Ref(v.getId(), v.getName());
                server.put("block_device_mapping_v2", List.of(Map.of("boot_index", 0, "uuid", v.getId(),
                        "source_type", "volume", "destination_type", "volume", "delete_on_termination", false)));
            }
            List<Map<String, String>> nics = new ArrayList<>();
            for (String network : nonNull(r.networks())) {
                nics.add(Map.of("uuid", ComputeLookups.network(os, network).getId()));
            }
            for (String port : nonNull(r.ports())) {
                nics.add(Map.of("port", port.trim()));
            }
            if (!nics.isEmpty()) {
                server.put("networks", nics);
            }
            if (ServerService.notBlank(r.keyName())) {
                server.put("key_name", r.keyName().trim());
            }
            if (r.securityGroups() != null && !r.securityGroups().isEmpty()) {
                server.put("security_groups", r.securityGroups().stream().map(g -> Map.of("name", g.trim())).toList());
            }
            if (ServerService.notBlank(r.availabilityZone())) {
                server.put("availability_zone", r.availabilityZone().trim());
            }
            if (encodedUserData != null) {
                server.put("user_data", encodedUserData);
            }
            if (r.metadata() != null && !r.metadata().isEmpty()) {
                server.put("metadata", r.metadata());
            }
            // the answer also holds the generated admin password: only the id is read from it
            JsonNode created = actions.send(HttpMethod.POST, "/servers", Map.of("server", server), Map.of(),
                    "create server '" + r.name().trim() + "'");
            String id = Json.text(created.get("server"), "id");
            context.info("server " + r.name() + " (" + id + ") is being built");
            String flavorName = flavor.name();
            if (!wait) {
                return new ServerCreated(id, r.name().trim(), "BUILD", false, flavorName, image, bootVolume, List.of(),
                        null, null, "Server '" + r.name().trim() + "' (" + id + ") was accepted and is being built;"
                        + " server_get shows when it is ACTIVE.");
            }
            Polling.Outcome<Server> outcome = actions.await(os, id,
                    x -> "ACTIVE".equals(ServerService.status(x)) && ServerActions.settled(x), x -> false, timeout,
                    context);
            Server last = outcome.last();
            if (last == null) {
                throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Server '" + r.name().trim() + "' (" + id
                        + ") disappeared while it was being built.");
            }
            Fault fault = last.getFault() == null ? null : new Fault(last.getFault().getCode(),
                    last.getFault().getMessage(), ServerService.iso(last.getFault().getCreated()));
            String status = ServerService.status(last);
            String message = switch (outcome.end()) {
                case REACHED -> "Server '" + last.getName() + "' (" + id + ") is ACTIVE.";
                case FAILED -> "Server '" + last.getName() + "' (" + id + ") went to ERROR"
                        + (fault == null ? "" : ": " + fault.message()) + ". It still exists and counts against the"
                        + " quota: delete it with server_delete.";
                default -> ServerActions.notReached(last.getName(), "build", outcome);
            };
            return new ServerCreated(id, last.getName(), status, outcome.reached(), flavorName, image, bootVolume,
                    ServerService.addresses(last), last.getAvailabilityZone(), fault, message);
        });
    }

    public ServerMoved resize(String server, String flavor, boolean wait, Duration timeout, ToolContext context) {
        return cloud.call(os -> {
            Server s = servers.resolve(os, server);
            FlavorDetail target = flavors.get(flavor);
            if (target.id().equals(s.getFlavorId())) {
                throw ToolException.invalid("Server '" + s.getName() + "' already has flavor '" + target.name()
                        + "'; name a different flavor to resize to.");
            }
            actions.action(s, "resize", Map.of("resize", Map.of("flavorRef", target.id())), Map.of());
            return moved(os, s, "resize", wait, timeout, context,
                    x -> "VERIFY_RESIZE".equals(ServerService.status(x)) && ServerActions.settled(x)
                            || RUNNING_OR_STOPPED.contains(ServerService.status(x)) && ServerActions.settled(x)
                            && target.id().equals(x.getFlavorId()),
                    x -> RUNNING_OR_STOPPED.contains(ServerService.status(x)) && ServerActions.settled(x)
                            && Objects.equals(x.getFlavorId(), s.getFlavorId()),
                    "Check it, then keep the new flavor with server_resize_confirm or go back with"
                            + " server_resize_revert.");
        });
    }

    /** Confirms (keep) or reverts (go back) a resize or cold migration waiting in VERIFY_RESIZE. */
    public ServerMoved finishResize(String server, boolean confirm, boolean wait, Duration timeout,
                                    ToolContext context) {
        return cloud.call(os -> {
            Server s = servers.resolve(os, server);
            String verb = confirm ? "resize confirm" : "resize revert";
            if (!"VERIFY_RESIZE".equals(ServerService.status(s))) {
                throw ToolException.conflict("Server '" + s.getName() + "' is " + ServerService.status(s)
                        + ", not VERIFY_RESIZE: there is no resize or migration to " + (confirm ? "confirm" : "revert")
                        + ".");
            }
            actions.action(s, verb, ServerActions.bare(confirm ? "confirmResize" : "revertResize"), Map.of());
            return moved(os, s, verb, wait, timeout, context,
                    x -> RUNNING_OR_STOPPED.contains(ServerService.status(x)) && ServerActions.settled(x),
                    x -> false, confirm ? "The new flavor and host are kept." : "The server is back on its previous"
                            + " flavor and host.");
        });
    }

    /** Cold migration (admin): the server is moved to another host and waits in VERIFY_RESIZE. */
    public ServerMoved migrate(String server, @Nullable String host, boolean wait, Duration timeout,
                               ToolContext context) {
        return cloud.call(os -> {
            Server s = servers.resolve(os, server);
            if (ServerService.notBlank(host)) {
                actions.action(s, "migrate", Map.of("migrate", Map.of("host", host.trim())),
                        CloudApi.nova(MIGRATE_HOST_MICROVERSION));
            } else {
                actions.action(s, "migrate", ServerActions.bare("migrate"), Map.of());
            }
            return moved(os, s, "migrate", wait, timeout, context,
                    x -> "VERIFY_RESIZE".equals(ServerService.status(x)) && ServerActions.settled(x)
                            || RUNNING_OR_STOPPED.contains(ServerService.status(x)) && ServerActions.settled(x)
                            && !ServerActions.sameHost(x, s.getHost()),
                    x -> RUNNING_OR_STOPPED.contains(ServerService.status(x)) && ServerActions.settled(x)
                            && ServerActions.sameHost(x, s.getHost()),
                    "Confirm the move with server_resize_confirm, or move it back with server_resize_revert.");
        });
    }

    /** Live migration (admin): the running server moves to another host without stopping. */
    public ServerMoved liveMigrate(String server, @Nullable String host, boolean wait, Duration timeout,
                                   ToolContext context) {
        return cloud.call(os -> {
            Server s = servers.resolve(os, server);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("host", ServerService.notBlank(host) ? host.trim() : null);
            body.put("block_migration", "auto");
            actions.action(s, "live migrate", Map.of("os-migrateLive", body),
                    CloudApi.nova(LIVE_MIGRATE_MICROVERSION));
            Set<String> steady = Set.of("ACTIVE", "PAUSED");
            return moved(os, s, "live migrate", wait, timeout, context,
                    x -> steady.contains(ServerService.status(x)) && ServerActions.settled(x)
                            && !ServerActions.sameHost(x, s.getHost()),
                    x -> steady.contains(ServerService.status(x)) && ServerActions.settled(x)
                            && ServerActions.sameHost(x, s.getHost()),
                    "It kept running.");
        });
    }

    private ServerMoved moved(OSClientV3 os, Server s, String verb, boolean wait, Duration timeout,
                              ToolContext context, java.util.function.Predicate<Server> done,
                              java.util.function.Predicate<Server> failed, String whenDone) {
        context.info(verb + " requested for server " + s.getName() + " (" + s.getId() + ")");
        String flavorBefore = names.flavorName(os, s.getFlavorId());
        String before = ServerService.status(s);
        if (!wait) {
            return new ServerMoved(s.getId(), s.getName(), verb, before, before, false, flavorBefore, null,
                    s.getHost(), null, "The " + verb + " of '" + s.getName() + "' was accepted; it runs in the"
                    + " background.");
        }
        Polling.Outcome<Server> outcome = actions.await(os, s.getId(), done, failed, timeout, context);
        ServerActions.failOn(outcome, s.getName(), verb);
        Server last = outcome.last();
        String now = last == null ? "DELETED" : ServerService.status(last);
        String message = outcome.reached()
                ? "Server '" + s.getName() + "' is " + now + (last != null && last.getHost() != null
                && !Objects.equals(last.getHost(), s.getHost()) ? " on host " + last.getHost() : "")
                + (last != null && !Objects.equals(last.getFlavorId(), s.getFlavorId())
                ? " with flavor " + names.flavorName(os, last.getFlavorId()) : "") + ". "
                + whenDone
                : ServerActions.notReached(s.getName(), verb, outcome);
        return new ServerMoved(s.getId(), s.getName(), verb, before, now, outcome.reached(), flavorBefore,
                last == null ? null : names.flavorName(os, last.getFlavorId()), s.getHost(),
                last == null ? null : last.getHost(), message);
    }

    /** Snapshots a server into a new image and waits until Glance says it is active. */
    public ServerImageCreated createImage(String server, String imageName, @Nullable Map<String, String> metadata,
                                          boolean wait, Duration timeout, ToolContext context) {
        return cloud.call(os -> {
            Server s = servers.resolve(os, server);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", imageName.trim());
            if (metadata != null && !metadata.isEmpty()) {
                body.put("metadata", metadata);
            }
            JsonNode answer = actions.action(s, "snapshot", Map.of("createImage", body),
                    CloudApi.nova(IMAGE_ID_MICROVERSION));
            String imageId = Json.text(answer, "image_id");
            if (imageId == null) {
                throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Nova accepted the snapshot of '"
                        + s.getName() + "' but did not say which image it creates.");
            }
            context.info("snapshot " + imageName + " (" + imageId + ") of server " + s.getName() + " requested");
            if (!wait) {
                return new ServerImageCreated(s.getId(), s.getName(), imageId, imageName.trim(), "queued", null, false,
                        "The snapshot of '" + s.getName() + "' was accepted; image " + imageId + " becomes active"
                                + " once uploaded.");
            }
            Set<Image.ImageStatus> bad = Set.of(Image.ImageStatus.KILLED, Image.ImageStatus.DELETED,
                    Image.ImageStatus.PENDING_DELETE, Image.ImageStatus.DEACTIVATED);
            Polling.Outcome<Image> outcome = Polling.until(() -> os.imagesV2().get(imageId),
                    i -> i.getStatus() == Image.ImageStatus.ACTIVE, i -> bad.contains(i.getStatus()),
                    i -> "image " + String.valueOf(i.getStatus()).toLowerCase(), timeout, actions.pollInterval(),
                    context);
            Image last = outcome.last();
            String status = last == null ? "deleted" : String.valueOf(last.getStatus()).toLowerCase();
            String message = switch (outcome.end()) {
                case REACHED -> "Image '" + imageName.trim() + "' (" + imageId + ") of server '" + s.getName()
                        + "' is active.";
                case FAILED, GONE -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, "The snapshot of '"
                        + s.getName() + "' failed: image " + imageId + " is " + status + ".");
                case TIMED_OUT -> "Image " + imageId + " is still " + status + " after "
                        + outcome.waited().toSeconds() + " s; the upload may still complete.";
            };
            return new ServerImageCreated(s.getId(), s.getName(), imageId, imageName.trim(), status,
                    last == null ? null : last.getSize(), outcome.reached(), message);
        });
    }

    public Preview rebuildPreview(String server, @Nullable String image) {
        return cloud.call(os -> {
            Server s = servers.resolve(os, server);
            Ref before = imageRef(os, s);
            Ref after = targetImage(os, s, image);
            List<Preview.Resource> resources = new ArrayList<>();
            resources.add(new Preview.Resource("server", s.getId(), s.getName(), "root disk erased and re-imaged from"
                    + " image '" + after.name() + "' (" + after.id() + "); it was built from " + (before == null
                    ? "an unknown image" : "'" + before.name() + "' (" + before.id() + ")")
                    + "; id, name, flavor, IP addresses and metadata are kept"));
            for (String volumeId : s.getOsExtendedVolumesAttached() == null ? List.<String>of()
                    : s.getOsExtendedVolumesAttached()) {
                Volume v = os.blockStorage().volumes().get(volumeId);
                resources.add(new Preview.Resource("volume", volumeId, v == null ? null : v.getName(),
                        "stays attached, data kept"));
            }
            List<String> warnings = new ArrayList<>();
            warnings.add("Everything on the server's local root disk is lost: files, installed packages and"
                    + " configuration made since it was built.");
            if ("ACTIVE".equals(ServerService.status(s))) {
                warnings.add("The server is running; it is shut down and booted again from the image.");
            }
            return new Preview("rebuild server", "Rebuild server '" + s.getName() + "' (" + s.getId() + ") from image '"
                    + after.name() + "'" + (before != null && before.id().equals(after.id()) ? " (the same image)"
                    : before == null ? "" : " (now '" + before.name() + "')") + ".", resources, warnings);
        });
    }

    public ServerRebuilt rebuild(String server, @Nullable String image, boolean wait, Duration timeout,
                                 ToolContext context) {
        return cloud.call(os -> {
            Server s = servers.resolve(os, server);
            Ref before = imageRef(os, s);
            Ref after = targetImage(os, s, image);
            String previous = ServerService.status(s);
            // the answer holds a new admin password: never read, never returned
            actions.action(s, "rebuild", Map.of("rebuild", Map.of("imageRef", after.id())), Map.of());
            context.info("rebuild of server " + s.getName() + " (" + s.getId() + ") from image " + after.name()
                    + " requested");
            if (!wait) {
                return new ServerRebuilt(s.getId(), s.getName(), before, after, "REBUILD", false, "The rebuild of '"
                        + s.getName() + "' was accepted; it runs in the background.");
            }
            String target = "SHUTOFF".equals(previous) ? "SHUTOFF" : "ACTIVE";
            Polling.Outcome<Server> outcome = actions.await(os, s.getId(),
                    x -> target.equals(ServerService.status(x)) && ServerActions.settled(x), x -> false, timeout,
                    context);
            ServerActions.failOn(outcome, s.getName(), "rebuild");
            String now = outcome.last() == null ? "DELETED" : ServerService.status(outcome.last());
            return new ServerRebuilt(s.getId(), s.getName(), before, after, now, outcome.reached(), outcome.reached()
                    ? "Server '" + s.getName() + "' was rebuilt from image '" + after.name() + "' and is " + now + "."
                    : ServerActions.notReached(s.getName(), "rebuild", outcome));
        });
    }

    @Nullable
    private Ref imageRef(OSClientV3 os, Server s) {
        return s.getImageId() == null ? null : new Ref(s.getImageId(), names.imageName(os, s.getImageId()));
    }

    /** The image a rebuild uses; refuses servers that boot from a volume (their root disk would not change). */
    private Ref targetImage(OSClientV3 os, Server s, @Nullable String image) {
        if (s.getImageId() == null || s.getImageId().isEmpty()) {
            throw ToolException.refused("Server '" + s.getName() + "' boots from a volume: a rebuild would not"
                    + " re-image that volume (Nova before microversion 2.93), so it is refused. Create a new volume"
                    + " from the image and a new server instead.");
        }
        if (!ServerService.notBlank(image)) {
            return new Ref(s.getImageId(), names.imageName(os, s.getImageId()));
        }
        Image i = ComputeLookups.image(os, image);
        return new Ref(i.getId(), i.getName());
    }

    private static <T> List<T> nonNull(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }
}
