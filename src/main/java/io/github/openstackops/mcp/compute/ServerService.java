package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.Polling;
import io.github.openstackops.mcp.cloud.lookup.ResourceLookup;
import io.github.openstackops.mcp.cloud.services.CinderClient;
import io.github.openstackops.mcp.cloud.services.NeutronClient;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.github.openstackops.mcp.compute.ServerRecords.AttachedVolume;
import io.github.openstackops.mcp.compute.ServerRecords.ServerActionResult;
import io.github.openstackops.mcp.compute.ServerRecords.ServerDeleted;
import io.github.openstackops.mcp.compute.ServerRecords.ServerDetail;
import io.github.openstackops.mcp.compute.ServerRecords.ServerSummary;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.exceptions.ResponseException;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
    private final NovaClient nova;
    private final CinderClient cinder;
    private final NeutronClient neutron;
    private final ComputeNames names;
    private final FlavorService flavors;
    private final Duration pollInterval;
    private final ResourceLookup lookup;

    public ServerService(CloudSession cloud, NovaClient nova, CinderClient cinder, NeutronClient neutron,
                         ComputeNames names, FlavorService flavors,
                         @Value("${openstack.poll-interval:1s}") Duration pollInterval, ResourceLookup lookup) {
        this.lookup = lookup;
        this.cloud = cloud;
        this.nova = nova;
        this.cinder = cinder;
        this.neutron = neutron;
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
    public Page<ServerSummary> list(int limit, @Nullable String marker, Filters filters, boolean detail) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", String.valueOf(Paging.fetchSize(limit)));
        if (marker != null) {
            query.put("marker", marker);
        }
        String microversion = novaFilters(filters, query);
        List<JsonNode> fetched = Json.array(nova.at(microversion).get("/servers/detail", query),
                "servers");
        Paging.Slice<JsonNode> page = Paging.slice(fetched, limit, s -> Json.text(s, "id"));
        List<ServerSummary> servers = page.items().stream()
                .map(s -> detail ? summary(s) : compact(s)).toList();
        return ServerRecords.SERVERS.page(servers, page.nextMarker());
    }

    /** Puts the filters into a Nova query; returns the microversion the query needs (null: the base one). */
    @Nullable
    String novaFilters(Filters f, Map<String, String> query) {
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
            query.put("image", Json.text(lookup.image(f.image()), "id"));
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
            return AZ_FILTER_MICROVERSION;
        }
        return null;
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
        return detail(resolve(server));
    }

    /** The server at the lock microversion (locked, locked_reason); null when the cloud does not speak it. */
    @Nullable
    JsonNode lockView(String serverId) {
        try {
            return nova.at(LOCK_MICROVERSION).get("/servers/" + serverId, Map.of())
                    .get("server");
        } catch (ResponseException e) {
            if (e.getStatus() == 406 || e.getStatus() == 400) {
                return null; // an older Nova: whether the server is locked is not reported
            }
            throw e;
        }
    }

    /** Volumes attached to a server with their devices; names and sizes from Cinder, once per volume. */
    List<AttachedVolume> attachedVolumes(String serverId) {
        JsonNode body = nova.get("/servers/" + serverId + "/os-volume_attachments", Map.of());
        List<AttachedVolume> out = new ArrayList<>();
        for (JsonNode a : Json.array(body, "volumeAttachments")) {
            String volumeId = Json.text(a, "volumeId");
            JsonNode volume = volumeId == null ? null : cinder.volume(volumeId);
            out.add(new AttachedVolume(volumeId, Json.text(volume, "name"), Json.text(a, "device"),
                    Json.integer(volume, "size"), Json.text(volume, "status")));
        }
        return out;
    }

    public ServerActionResult power(String server, PowerAction action, boolean wait, Duration timeout,
                                    ToolContext context) {
        NovaServer s = resolve(server);
        String before = s.status();
        if (action == PowerAction.START && before.equals("ACTIVE")
                || action == PowerAction.STOP && before.equals("SHUTOFF")) {
            return new ServerActionResult(s.id(), s.name(), action.verb, before, before, true, false,
                    "Server '" + s.name() + "' is already " + before + "; nothing to do.");
        }
        Map<String, ?> body = switch (action) {
            case START -> ServerActions.bare("os-start");
            case STOP -> ServerActions.bare("os-stop");
            case REBOOT_SOFT -> Map.of("reboot", Map.of("type", "SOFT"));
            case REBOOT_HARD -> Map.of("reboot", Map.of("type", "HARD"));
        };
        OpenStackFaults.attempt(action.verb + " server '" + s.name() + "'",
                () -> nova.post("/servers/" + s.id() + "/action", body));
        context.info(action.verb + " requested for server " + s.name() + " (" + s.id() + ")");
        if (!wait) {
            return new ServerActionResult(s.id(), s.name(), action.verb, before, before, false, true,
                    "The " + action.verb + " of '" + s.name() + "' was accepted; it runs in the background.");
        }
        Polling.Outcome<NovaServer> outcome = Polling.until(() -> server(s.id()),
                x -> x.status().equals(action.target) && x.taskState() == null,
                x -> x.status().equals("ERROR"), NovaServer::describe, timeout, pollInterval, context);
        String now = outcome.last() == null ? "DELETED" : outcome.last().status();
        String message = switch (outcome.end()) {
            case REACHED -> "Server '" + s.name() + "' is " + now + " (was " + before + ").";
            case FAILED -> "Server '" + s.name() + "' went to ERROR during " + action.verb + NovaServer.faultText(outcome.last());
            case GONE -> "Server '" + s.name() + "' disappeared during " + action.verb + ".";
            case TIMED_OUT -> "Server '" + s.name() + "' is still " + now + " after "
                    + outcome.waited().toSeconds() + " s; the " + action.verb + " may still complete.";
        };
        if (outcome.end() == Polling.End.FAILED) {
            throw new ToolException(ToolException.Kind.CLOUD_ERROR, message);
        }
        return new ServerActionResult(s.id(), s.name(), action.verb, before, now, outcome.reached(), true, message);
    }

    public Preview deletePreview(String server) {
        NovaServer s = resolve(server);
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("server", s.id(), s.name(), "deleted"));
        List<String> warnings = new ArrayList<>();
        for (String volumeId : s.volumeIds()) {
            JsonNode volume = cinder.volume(volumeId);
            resources.add(new Preview.Resource("volume", volumeId, Json.text(volume, "name"),
                    "detached, kept (unless it was created to be deleted with the server)"));
        }
        if (s.imageId() == null) {
            warnings.add("The server boots from a volume; that volume is deleted with it only if it was created"
                    + " with delete-on-termination.");
        }
        for (JsonNode port : neutron.list("ports", Map.of("device_id", s.id()))) {
            for (JsonNode fip : neutron.list("floatingips", Map.of("port_id", Json.text(port, "id")))) {
                resources.add(new Preview.Resource("floating_ip", Json.text(fip, "id"),
                        Json.text(fip, "floating_ip_address"), "disassociated, stays allocated to the project"));
            }
            resources.add(new Preview.Resource("port", Json.text(port, "id"), Json.text(port, "name"),
                    "deleted if Nova created it, otherwise detached"));
        }
        if ("ACTIVE".equals(s.status())) {
            warnings.add("The server is running; it is stopped without a clean shutdown.");
        }
        return new Preview("delete server", "Delete server '" + s.name() + "' (" + s.id() + "), "
                + s.status() + ", flavor " + names.flavorName(s.flavorId()) + ".", resources, warnings);
    }

    public ServerDeleted delete(String server, boolean wait, Duration timeout, ToolContext context) {
        NovaServer s = resolve(server);
        OpenStackFaults.attempt("delete server '" + s.name() + "'", () -> {
            nova.delete("/servers/" + s.id());
            return null;
        });
        context.info("delete requested for server " + s.name() + " (" + s.id() + ")");
        if (!wait) {
            return new ServerDeleted(s.id(), s.name(), false, "Deletion of '" + s.name()
                    + "' was accepted and runs in the background.");
        }
        Polling.Outcome<NovaServer> outcome = Polling.until(() -> server(s.id()),
                x -> "DELETED".equals(x.status()), x -> "ERROR".equals(x.status()), NovaServer::describe,
                timeout, pollInterval, context);
        return switch (outcome.end()) {
            case GONE, REACHED -> new ServerDeleted(s.id(), s.name(), true, "Server '" + s.name()
                    + "' is deleted.");
            case FAILED -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Deleting server '"
                    + s.name() + "' failed: it is in ERROR" + NovaServer.faultText(outcome.last()));
            case TIMED_OUT -> new ServerDeleted(s.id(), s.name(), false, "Server '" + s.name()
                    + "' is still being deleted after " + outcome.waited().toSeconds() + " s.");
        };
    }

    /** A server by id, or by exact name when that name is unique in the project. */
    NovaServer resolve(String ref) {
        return new NovaServer(Lookup.byIdOrName("Server", ref, nova::server,
                name -> Json.array(nova.get("/servers/detail", Map.of("name", "^" + Lookup.regexLiteral(name) + "$")),
                        "servers"),
                n -> Json.text(n, "name"), n -> Json.text(n, "id")));
    }

    /** The server now (base microversion); null once Nova no longer knows it. */
    @Nullable
    NovaServer server(String id) {
        return NovaServer.of(nova.server(id));
    }

    /** A summary of raw server JSON; flavor and image names resolved once per id (cached). */
    ServerSummary summary(JsonNode s) {
        String flavor = NovaServer.flavorOriginalName(s);
        if (flavor == null) {
            flavor = names.flavorName(NovaServer.flavorId(s));
        }
        return new ServerSummary(Json.text(s, "id"), Json.text(s, "name"), NovaServer.status(s),
                NovaServer.taskState(s), flavor, imageLabel(NovaServer.imageId(s)), NovaServer.addresses(s),
                Json.text(s, "OS-EXT-AZ:availability_zone"), Json.text(s, "OS-EXT-SRV-ATTR:host"),
                Json.text(s, "tenant_id"), Json.text(s, "created"));
    }

    static ServerSummary compact(JsonNode s) {
        return new ServerSummary(Json.text(s, "id"), Json.text(s, "name"), NovaServer.status(s),
                NovaServer.taskState(s), null, null, null, null, null, null, null);
    }

    private ServerDetail detail(NovaServer s) {
        String imageId = s.imageId();
        JsonNode lock = lockView(s.id());
        return new ServerDetail(s.id(), s.name(), s.status(), s.taskState(), powerState(s.powerState()),
                names.flavor(s.flavorId()),
                imageId == null ? null : new Ref(imageId, names.imageName(imageId)),
                s.addresses(), s.volumeIds(), attachedVolumes(s.id()), s.securityGroupsInOrder(),
                s.keyName(), s.metadata(), s.availabilityZone(), s.host(), s.hypervisorHostname(), s.tenantId(),
                s.userId(), s.created(), s.updated(), s.fault(), lock == null ? null : Json.bool(lock, "locked"),
                lock == null ? null : Json.text(lock, "locked_reason"));
    }

    @Nullable
    String imageLabel(@Nullable String imageId) {
        if (imageId == null) {
            return null;
        }
        String name = names.imageName(imageId);
        return name == null ? imageId : name;
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
}
