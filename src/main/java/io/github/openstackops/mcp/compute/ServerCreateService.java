package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.Polling;
import io.github.openstackops.mcp.cloud.lookup.ResourceLookup;
import io.github.openstackops.mcp.cloud.services.CinderClient;
import io.github.openstackops.mcp.compute.FlavorRecords.FlavorDetail;
import io.github.openstackops.mcp.compute.ServerLifecycleRecords.ServerCreated;
import io.github.openstackops.mcp.compute.ServerRecords.Fault;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.core.transport.HttpMethod;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creating (booting) a server: from an image, from a new volume made of an image or a volume snapshot, or from an
 * existing bootable volume; placed by scheduler hints (server group, same or different host as other servers).
 */
@Singleton
public class ServerCreateService {

    /** Nova's limit on user data, base64-encoded. */
    static final int MAX_USER_DATA = 65535;

    private final ServerService servers;
    private final ServerActions actions;
    private final FlavorService flavors;
    private final ServerGroupService groups;
    private final ResourceLookup lookup;
    private final CinderClient cinder;

    public ServerCreateService(ServerService servers, ServerActions actions, FlavorService flavors,
                               ServerGroupService groups, ResourceLookup lookup, CinderClient cinder) {
        this.servers = servers;
        this.actions = actions;
        this.flavors = flavors;
        this.groups = groups;
        this.lookup = lookup;
        this.cinder = cinder;
    }

    /** Where the server boots from: exactly one of image, bootVolume and bootSnapshot. */
    public record Boot(@Nullable String image, @Nullable String bootVolume, @Nullable String bootSnapshot,
                       @Nullable Integer volumeSize, @Nullable Boolean deleteVolumeOnTermination) {
    }

    /** Scheduler hints: the server group to join, servers to share or avoid a host with. */
    public record Placement(@Nullable String serverGroup, @Nullable List<String> sameHostAs,
                            @Nullable List<String> differentHostFrom) {
    }

    /** What to boot and how to connect it. */
    public record CreateRequest(String name, String flavor, Boot boot, Placement placement,
                                @Nullable List<String> networks, @Nullable List<String> ports,
                                @Nullable String keyName, @Nullable List<String> securityGroups,
                                @Nullable String availabilityZone, @Nullable String userData,
                                @Nullable Map<String, String> metadata) {
    }

    public ServerCreated create(CreateRequest r, boolean wait, Duration timeout, ToolContext context) {
        String name = r.name().trim();
        String userData = encodedUserData(r.userData());
        FlavorDetail flavor = flavors.get(r.flavor());
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("name", name);
        server.put("flavorRef", flavor.id());
        BootSource boot = bootSource(r.boot(), server);
        List<Map<String, String>> nics = new ArrayList<>();
        for (String network : nonNull(r.networks())) {
            nics.add(Map.of("uuid", Json.text(lookup.network(network), "id")));
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
        if (userData != null) {
            server.put("user_data", userData);
        }
        if (r.metadata() != null && !r.metadata().isEmpty()) {
            server.put("metadata", r.metadata());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("server", server);
        Ref group = hints(r.placement(), body);
        // the answer also holds the generated admin password: only the id is read from it
        JsonNode created = actions.send(HttpMethod.POST, "/servers", body, null, "create server '" + name + "'");
        String id = Json.text(created.get("server"), "id");
        context.info("server " + name + " (" + id + ") is being built");
        if (!wait) {
            return new ServerCreated(id, name, "BUILD", false, flavor.name(), boot.image(), boot.volume(), group,
                    List.of(), null, null, "Server '" + name + "' (" + id + ") was accepted and is being built;"
                    + " server_get shows when it is ACTIVE.");
        }
        Polling.Outcome<NovaServer> outcome = actions.await(id, x -> "ACTIVE".equals(x.status()) && x.settled(),
                x -> false, timeout, context);
        NovaServer last = outcome.last();
        if (last == null) {
            throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Server '" + name + "' (" + id
                    + ") disappeared while it was being built.");
        }
        Fault fault = last.fault();
        String message = switch (outcome.end()) {
            case REACHED -> "Server '" + last.name() + "' (" + id + ") is ACTIVE"
                    + (group == null ? "" : " in server group '" + group.name() + "'") + ".";
            case FAILED -> "Server '" + last.name() + "' (" + id + ") went to ERROR"
                    + (fault == null ? "" : ": " + fault.message()) + ". It still exists and counts against the"
                    + " quota: delete it with server_delete.";
            default -> ServerActions.notReached(last.name(), "build", outcome);
        };
        Ref volume = boot.volume();
        if (volume == null && boot.image() != null && boot.newVolume() && !last.volumeIds().isEmpty()) {
            volume = new Ref(last.volumeIds().get(0), null);
        }
        return new ServerCreated(id, last.name(), last.status(), outcome.reached(), flavor.name(), boot.image(),
                volume, group, last.addresses(), last.availabilityZone(), fault, message);
    }

    /** The boot source as sent: imageRef, or a block device mapping of boot index 0. */
    private record BootSource(@Nullable Ref image, @Nullable Ref volume, boolean newVolume) {
    }

    private BootSource bootSource(Boot b, Map<String, Object> server) {
        boolean image = ServerService.notBlank(b.image());
        boolean volume = ServerService.notBlank(b.bootVolume());
        boolean snapshot = ServerService.notBlank(b.bootSnapshot());
        if ((image ? 1 : 0) + (volume ? 1 : 0) + (snapshot ? 1 : 0) != 1) {
            throw ToolException.invalid("Give exactly one of 'image' (boot from an image, or from a new volume of"
                    + " it with 'volume_size'), 'boot_volume' (an existing bootable volume) and 'boot_snapshot' (a"
                    + " new volume made from a volume snapshot).");
        }
        boolean deleteOnTermination = Boolean.TRUE.equals(b.deleteVolumeOnTermination());
        if (volume && b.volumeSize() != null) {
            throw ToolException.invalid("'volume_size' sizes a new boot volume; an existing 'boot_volume' keeps its"
                    + " size. Leave volume_size out, or extend the volume first.");
        }
        if (image && b.volumeSize() == null) {
            if (b.deleteVolumeOnTermination() != null) {
                throw ToolException.invalid("'delete_volume_on_termination' applies to a boot volume: give"
                        + " 'volume_size' to boot from a new volume of the image, or leave it out.");
            }
            Ref i = ref(lookup.image(b.image()));
            server.put("imageRef", i.id());
            return new BootSource(i, null, false);
        }
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("boot_index", 0);
        BootSource source;
        if (image) {
            Ref i = ref(lookup.image(b.image()));
            mapping.put("uuid", i.id());
            mapping.put("source_type", "image");
            source = new BootSource(i, null, true);
        } else if (volume) {
            JsonNode v = lookup.volume(b.bootVolume());
            Ref ref = ref(v);
            if (!"true".equalsIgnoreCase(Json.text(v, "bootable"))) {
                throw ToolException.invalid("Volume '" + ref.name() + "' (" + ref.id() + ") is not bootable;"
                        + " create it from an image, or boot from an image instead.");
            }
            mapping.put("uuid", ref.id());
            mapping.put("source_type", "volume");
            source = new BootSource(null, ref, false);
        } else {
            Ref s = ref(snapshot(b.bootSnapshot()));
            mapping.put("uuid", s.id());
            mapping.put("source_type", "snapshot");
            source = new BootSource(null, null, true);
        }
        mapping.put("destination_type", "volume");
        if (b.volumeSize() != null) {
            mapping.put("volume_size", b.volumeSize());
        }
        mapping.put("delete_on_termination", deleteOnTermination);
        server.put("block_device_mapping_v2", List.of(mapping));
        return source;
    }

    /** Adds os:scheduler_hints when any are given; returns the group the server joins. */
    @Nullable
    private Ref hints(Placement p, Map<String, Object> body) {
        Map<String, Object> hints = new LinkedHashMap<>();
        Ref group = null;
        if (ServerService.notBlank(p.serverGroup())) {
            JsonNode g = groups.resolve(p.serverGroup());
            group = ref(g);
            hints.put("group", group.id());
        }
        List<String> same = serverIds(p.sameHostAs());
        List<String> different = serverIds(p.differentHostFrom());
        if (!same.isEmpty()) {
            hints.put("same_host", same);
        }
        if (!different.isEmpty()) {
            hints.put("different_host", different);
        }
        if (!hints.isEmpty()) {
            body.put("os:scheduler_hints", hints);
        }
        return group;
    }

    private List<String> serverIds(@Nullable List<String> refs) {
        return nonNull(refs).stream().map(s -> servers.resolve(s).id()).distinct().toList();
    }

    private JsonNode snapshot(String ref) {
        return Lookup.byIdOrName("Volume snapshot", ref, id -> cinder.find("/snapshots/" + id, "snapshot"),
                name -> Json.array(cinder.get("/snapshots/detail", Map.of("name", name)), "snapshots"),
                s -> Json.text(s, "name"), s -> Json.text(s, "id"));
    }

    @Nullable
    private static String encodedUserData(@Nullable String userData) {
        if (!ServerService.notBlank(userData)) {
            return null;
        }
        String encoded = Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8));
        if (encoded.length() > MAX_USER_DATA) {
            throw ToolException.invalid("user_data is too large: Nova takes at most " + MAX_USER_DATA
                    + " bytes once base64-encoded (this is " + encoded.length() + ").");
        }
        return encoded;
    }

    private static Ref ref(JsonNode n) {
        return new Ref(Json.text(n, "id"), Json.text(n, "name"));
    }

    private static <T> List<T> nonNull(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }
}
