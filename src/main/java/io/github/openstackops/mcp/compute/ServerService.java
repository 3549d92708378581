package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudApi;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.Polling;
import io.github.openstackops.mcp.compute.ServerRecords.Address;
import io.github.openstackops.mcp.compute.ServerRecords.AttachedVolume;
import io.github.openstackops.mcp.compute.ServerRecords.ServerActionResult;
import io.github.openstackops.mcp.compute.ServerRecords.ServerDeleted;
import io.github.openstackops.mcp.compute.ServerRecords.ServerDetail;
import io.github.openstackops.mcp.compute.ServerRecords.ServerPage;
import io.github.openstackops.mcp.compute.ServerRecords.ServerSummary;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.model.compute.Action;
import org.openstack4j.model.compute.RebootType;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.network.NetFloatingIP;
import org.openstack4j.model.network.options.PortListOptions;
import org.openstack4j.model.storage.block.Volume;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Servers (Nova): listing, lookup by id or name, power actions, deletion. Handlers stay thin over this. */
@Singleton
public class ServerService {

    /** The first Nova microversion at which non-admin users may filter servers by availability zone. */
    static final String AZ_FILTER_MICROVERSION = "2.83";
    /** The first Nova microversion that tells why a server is locked (2.9 tells whether). */
    static final String LOCK_MICROVERSION = "2.73";

    private final CloudSession cloud;
    private final CloudApi api;
    private final ComputeNames names;
    private final FlavorService flavors;
    private final Duration pollInterval;

    public ServerService(CloudSession cloud, CloudApi api, ComputeNames names, FlavorService flavors,
                         @Value("${openstack.poll-interval:1s}") Duration pollInterval) {
        this.cloud = cloud;
        this.api = api;
        this.names = names;
        this.flavors = flavors;
        this.pollInterval = pollInterval;
    }

    /**
     * Nova's server filters. {@code host} is honoured for admins only (Nova silently drops it for others, so it is
     * refused instead); {@code availabilityZone} needs microversion 2.83 for non-admins and is sent with it.
     */
    public record Filters(@Nullable String name, @Nullable ServerStatus status, @Nullable String host,
                          @Nullable String flavor, @Nullable String image, @Nullable String availabilityZone,
                          @Nullable String ip, @Nullable String changesSince, boolean allProjects) {
    }

    /** Power actions and the state each one aims for. */
    public enum PowerAction {
        START("start", "ACTIVE"), STOP("stop", "SHUTOFF"), REBOOT_SOFT("reboot", "ACTIVE"),
        REBOOT_HARD("hard reboot", "ACTIVE");

        final String verb;
        final String target;

        PowerAction(String verb, String target) {
            this.verb = verb;
            this.target = target;
        }
    }

    /** One page, filtered by Nova (never "fetch everything, then slice"). */
    public ServerPage list(int limit, @Nullable String marker, Filters filters, boolean detail) {
        return cloud.call(os -> {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("limit", String.valueOf(Paging.fetchSize(limit)));
            if (marker != null) {
                query.put("marker", marker);
            }
            Map<String, String> headers = novaFilters(os, filters, query);
            List<JsonNode> fetched = Json.array(api.get(ServiceType.COMPUTE, "/servers/detail", query, headers),
                    "servers");
            Paging.Slice<JsonNode> page = Paging.slice(fetched, limit, s -> Json.text(s, "id"));
            List<ServerSummary> servers = page.items().stream()
                    .map(s -> detail ? summary(os, s) : compact(s)).toList();
            return new ServerPage(servers, servers.size(), page.nextMarker());
        });
    }

    /** Puts the filters into a Nova query; returns the headers the query needs (a microversion, or none). */
    Map<String, String> novaFilters(OSClientV3 os, Filters f, Map<String, String> query) {
        if (notBlank(f.name())) {
            query.put("name", Lookup.regexLiteral(f.name()));
        }
        if (f.status() != null) {
            query.put("status", f.status().name());
        }
        if (notBlank(f.host())) {
            requireAdmin("Filtering by host", "Nova silently ignores the host filter for other users");
            query.put("host", f.host().trim());
        }
        if (notBlank(f.flavor())) {
            query.put("flavor", flavors.get(f.flavor()).id());
        }
        if (notBlank(f.image())) {
            query.put("image", ComputeLookups.image(os, f.image()).getId());
        }
        if (notBlank(f.ip())) {
            query.put("ip", f.ip().trim());
        }
        if (notBlank(f.changesSince())) {
            query.put("changes-since", isoInstant(f.changesSince(), "changes_since"));
        }
        if (f.allProjects()) {
            query.put("all_tenants", "1");
        }
        if (notBlank(f.availabilityZone())) {
            query.put("availability_zone", f.availabilityZone().trim());
            return CloudApi.nova(AZ_FILTER_MICROVERSION);
        }
        return Map.of();
    }

    void requireAdmin(String what, String why) {
        if (!cloud.isAdmin()) { // the token's admin role: Nova's default policy for admin-only filters
            throw ToolException.refused(what + " needs an admin account (" + why + "); the configured user has no"
                    + " admin role.");
        }
    }

    static String isoInstant(String text, String argument) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant().toString();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text.trim()).toString();
            } catch (DateTimeParseException again) {
                throw ToolException.invalid(argument + " must be an ISO-8601 date-time such as 2024-05-01T12:00:00Z,"
                        + " not '" + text + "'.");
            }
        }
    }

    static boolean notBlank(@Nullable String s) {
        return s != null && !s.isBlank();
    }

    public ServerDetail get(String server) {
        return cloud.call(os -> detail(os, resolve(os, server)));
    }

    /** The server at the lock microversion (locked, locked_reason); null when the cloud does not speak it. */
    @Nullable
    JsonNode lockView(String serverId) {
        try {
            return api.get(ServiceType.COMPUTE, "/servers/" + serverId, Map.of(), CloudApi.nova(LOCK_MICROVERSION))
                    .get("server");
        } catch (ResponseException e) {
            if (e.getStatus() == 406 || e.getStatus() == 400) {
                return null; // an older Nova: whether the server is locked is not reported
            }
            throw e;
        }
    }

    /** Volumes attached to a server with their devices; names and sizes from Cinder, once per volume. */
    List<AttachedVolume> attachedVolumes(OSClientV3 os, String serverId) {
        JsonNode body = api.get(ServiceType.COMPUTE, "/servers/" + serverId + "/os-volume_attachments", Map.of(),
                Map.of());
        List<AttachedVolume> out = new ArrayList<>();
        for (JsonNode a : Json.array(body, "volumeAttachments")) {
            String volumeId = Json.text(a, "volumeId");
            Volume volume = volumeId == null ? null : os.blockStorage().volumes().get(volumeId);
            out.add(new AttachedVolume(volumeId, volume == null ? null : volume.getName(), Json.text(a, "device"),
                    volume == null ? null : volume.getSize(),
                    volume == null || volume.getStatus() == null ? null : volume.getStatus().value()));
        }
        return out;
    }

    public ServerActionResult power(String server, PowerAction action, boolean wait, Duration timeout,
                                    ToolContext context) {
        return cloud.call(os -> {
            Server s = resolve(os, server);
            String before = status(s);
            if (action == PowerAction.START && before.equals("ACTIVE")
                    || action == PowerAction.STOP && before.equals("SHUTOFF")) {
                return new ServerActionResult(s.getId(), s.getName(), action.verb, before, before, true, false,
                        "Server '" + s.getName() + "' is already " + before + "; nothing to do.");
            }
            OpenStackFaults.check(switch (action) {
                case START -> os.compute().servers().action(s.getId(), Action.START);
                case STOP -> os.compute().servers().action(s.getId(), Action.STOP);
                case REBOOT_SOFT -> os.compute().servers().reboot(s.getId(), RebootType.SOFT);
                case REBOOT_HARD -> os.compute().servers().reboot(s.getId(), RebootType.HARD);
            }, action.verb + " server '" + s.getName() + "'");
            context.info(action.verb + " requested for server " + s.getName() + " (" + s.getId() + ")");
            if (!wait) {
                return new ServerActionResult(s.getId(), s.getName(), action.verb, before, before, false, true,
                        "The " + action.verb + " of '" + s.getName() + "' was accepted; it runs in the background.");
            }
            Polling.Outcome<Server> outcome = Polling.until(() -> os.compute().servers().get(s.getId()),
                    x -> status(x).equals(action.target) && x.getTaskState() == null,
                    x -> status(x).equals("ERROR"),
                    x -> status(x) + (x.getTaskState() == null ? "" : " (" + x.getTaskState() + ")"),
                    timeout, pollInterval, context);
            String now = outcome.last() == null ? "DELETED" : status(outcome.last());
            String message = switch (outcome.end()) {
                case REACHED -> "Server '" + s.getName() + "' is " + now + " (was " + before + ").";
                case FAILED -> "Server '" + s.getName() + "' went to ERROR during " + action.verb + fault(outcome.last());
                case GONE -> "Server '" + s.getName() + "' disappeared during " + action.verb + ".";
                case TIMED_OUT -> "Server '" + s.getName() + "' is still " + now + " after "
                        + outcome.waited().toSeconds() + " s; the " + action.verb + " may still complete.";
            };
            if (outcome.end() == Polling.End.FAILED) {
                throw new ToolException(ToolException.Kind.CLOUD_ERROR, message);
            }
            return new ServerActionResult(s.getId(), s.getName(), action.verb, before, now, outcome.reached(), true, message);
        });
    }

    public Preview deletePreview(String server) {
        return cloud.call(os -> {
            Server s = resolve(os, server);
            List<Preview.Resource> resources = new ArrayList<>();
            resources.add(new Preview.Resource("server", s.getId(), s.getName(), "deleted"));
            List<String> warnings = new ArrayList<>();
            for (String volumeId : nonNull(s.getOsExtendedVolumesAttached())) {
                var volume = os.blockStorage().volumes().get(volumeId);
                resources.add(new Preview.Resource("volume", volumeId, volume == null ? null : volume.getName(),
                        "detached, kept (unless it was created to be deleted with the server)"));
            }
            if (s.getImageId() == null) {
                warnings.add("The server boots from a volume; that volume is deleted with it only if it was created"
                        + " with delete-on-termination.");
            }
            for (var port : os.networking().port().list(PortListOptions.create().deviceId(s.getId()))) {
                for (NetFloatingIP fip : os.networking().floatingip().list(Map.of("port_id", port.getId()))) {
                    resources.add(new Preview.Resource("floating_ip", fip.getId(), fip.getFloatingIpAddress(),
                            "disassociated, stays allocated to the project"));
                }
                resources.add(new Preview.Resource("port", port.getId(), port.getName(),
                        "deleted if Nova created it, otherwise detached"));
            }
            if ("ACTIVE".equals(status(s))) {
                warnings.add("The server is running; it is stopped without a clean shutdown.");
            }
            return new Preview("delete server", "Delete server '" + s.getName() + "' (" + s.getId() + "), "
                    + status(s) + ", flavor " + names.flavorName(os, s.getFlavorId()) + ".", resources, warnings);
        });
    }

    public ServerDeleted delete(String server, boolean wait, Duration timeout, ToolContext context) {
        return cloud.call(os -> {
            Server s = resolve(os, server);
            OpenStackFaults.check(os.compute().servers().delete(s.getId()), "delete server '" + s.getName() + "'");
            context.info("delete requested for server " + s.getName() + " (" + s.getId() + ")");
            if (!wait) {
                return new ServerDeleted(s.getId(), s.getName(), false, "Deletion of '" + s.getName()
                        + "' was accepted and runs in the background.");
            }
            Polling.Outcome<Server> outcome = Polling.until(() -> os.compute().servers().get(s.getId()),
                    x -> "DELETED".equals(status(x)), x -> "ERROR".equals(status(x)),
                    x -> status(x) + (x.getTaskState() == null ? "" : " (" + x.getTaskState() + ")"),
                    timeout, pollInterval, context);
            return switch (outcome.end()) {
                case GONE, REACHED -> new ServerDeleted(s.getId(), s.getName(), true, "Server '" + s.getName()
                        + "' is deleted.");
                case FAILED -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Deleting server '"
                        + s.getName() + "' failed: it is in ERROR" + fault(outcome.last()));
                case TIMED_OUT -> new ServerDeleted(s.getId(), s.getName(), false, "Server '" + s.getName()
                        + "' is still being deleted after " + outcome.waited().toSeconds() + " s.");
            };
        });
    }

    /** A server by id, or by exact name when that name is unique in the project. */
    Server resolve(OSClientV3 os, String ref) {
        return Lookup.byIdOrName("Server", ref, id -> os.compute().servers().get(id),
                name -> os.compute().servers().list(Map.of("name", "^" + Lookup.regexLiteral(name) + "$")),
                Server::getName, Server::getId);
    }

    /** A summary of raw server JSON; flavor and image names resolved once per id (cached). */
    ServerSummary summary(OSClientV3 os, JsonNode s) {
        String flavor = ServerJson.flavorOriginalName(s);
        if (flavor == null) {
            flavor = names.flavorName(os, ServerJson.flavorId(s));
        }
        return new ServerSummary(Json.text(s, "id"), Json.text(s, "name"), ServerJson.status(s),
                ServerJson.taskState(s), flavor, imageLabel(os, ServerJson.imageId(s)), ServerJson.addresses(s),
                Json.text(s, "OS-EXT-AZ:availability_zone"), Json.text(s, "OS-EXT-SRV-ATTR:host"),
                Json.text(s, "tenant_id"), Json.text(s, "created"));
    }

    static ServerSummary compact(JsonNode s) {
        return new ServerSummary(Json.text(s, "id"), Json.text(s, "name"), ServerJson.status(s),
                ServerJson.taskState(s), null, null, null, null, null, null, null);
    }

    private ServerDetail detail(OSClientV3 os, Server s) {
        String imageId = s.getImageId();
        ServerRecords.Fault fault = s.getFault() == null ? null : new ServerRecords.Fault(s.getFault().getCode(),
                s.getFault().getMessage(), iso(s.getFault().getCreated()));
        JsonNode lock = lockView(s.getId());
        return new ServerDetail(s.getId(), s.getName(), status(s), s.getTaskState(), powerState(s.getPowerState()),
                names.flavor(os, s.getFlavorId()),
                imageId == null ? null : new ServerRecords.Ref(imageId, names.imageName(os, imageId)),
                addresses(s), nonNull(s.getOsExtendedVolumesAttached()), attachedVolumes(os, s.getId()),
                s.getSecurityGroups() == null ? List.of()
                        : s.getSecurityGroups().stream().map(g -> g.getName()).distinct().toList(),
                s.getKeyName(), s.getMetadata() == null ? Map.of() : s.getMetadata(), s.getAvailabilityZone(),
                s.getHost(), s.getHypervisorHostname(), s.getTenantId(), s.getUserId(), iso(s.getCreated()),
                iso(s.getUpdated()), fault, lock == null ? null : Json.bool(lock, "locked"),
                lock == null ? null : Json.text(lock, "locked_reason"));
    }

    @Nullable
    String imageLabel(OSClientV3 os, @Nullable String imageId) {
        if (imageId == null) {
            return null;
        }
        String name = names.imageName(os, imageId);
        return name == null ? imageId : name;
    }

    static List<Address> addresses(Server s) {
        if (s.getAddresses() == null || s.getAddresses().getAddresses() == null) {
            return List.of();
        }
        List<Address> out = new ArrayList<>();
        s.getAddresses().getAddresses().forEach((network, list) -> list.forEach(a -> out.add(
                new Address(network, a.getAddr(), a.getType() == null ? "fixed" : a.getType()))));
        return out;
    }

    static String status(Server s) {
        return s.getStatus() == null ? "UNKNOWN" : s.getStatus().name();
    }

    static String fault(@Nullable Server s) {
        return s == null || s.getFault() == null ? "." : ": " + s.getFault().getMessage();
    }

    @Nullable
    static String powerState(@Nullable String code) {
        if (code == null) {
            return null;
        }
        return switch (code.trim()) {
            case "0" -> "nostate";
            case "1" -> "running";
            case "3" -> "paused";
            case "4" -> "shutdown";
            case "6" -> "crashed";
            case "7" -> "suspended";
            default -> code.toLowerCase(Locale.ROOT);
        };
    }

    @Nullable
    static String iso(@Nullable Date date) {
        return date == null ? null : date.toInstant().toString();
    }

    private static List<String> nonNull(@Nullable List<String> list) {
        return list == null ? List.of() : list;
    }
}
