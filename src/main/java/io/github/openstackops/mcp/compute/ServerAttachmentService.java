package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.Polling;
import io.github.openstackops.mcp.cloud.lookup.ResourceLookup;
import io.github.openstackops.mcp.cloud.services.CinderClient;
import io.github.openstackops.mcp.cloud.services.NeutronClient;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.github.openstackops.mcp.compute.ServerAttachmentRecords.Interface;
import io.github.openstackops.mcp.compute.ServerAttachmentRecords.InterfaceChange;
import io.github.openstackops.mcp.compute.ServerAttachmentRecords.MetadataChange;
import io.github.openstackops.mcp.compute.ServerAttachmentRecords.SecurityGroupChange;
import io.github.openstackops.mcp.compute.ServerAttachmentRecords.ServerInterfaces;
import io.github.openstackops.mcp.compute.ServerAttachmentRecords.ServerVolumes;
import io.github.openstackops.mcp.compute.ServerAttachmentRecords.VolumeChange;
import io.github.openstackops.mcp.compute.ServerRecords.AttachedVolume;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.core.transport.HttpMethod;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;


/** Volumes, network interfaces, security groups and metadata of a server. */
@Singleton
public class ServerAttachmentService {

    private final CloudSession cloud;
    private final NovaClient nova;
    private final CinderClient cinder;
    private final NeutronClient neutron;
    private final ServerService servers;
    private final ServerActions actions;
    private final ResourceLookup lookup;

    public ServerAttachmentService(CloudSession cloud, NovaClient nova, CinderClient cinder, NeutronClient neutron, ServerService servers,
                                   ServerActions actions, ResourceLookup lookup) {
        this.lookup = lookup;
        this.cloud = cloud;
        this.nova = nova;
        this.cinder = cinder;
        this.neutron = neutron;
        this.servers = servers;
        this.actions = actions;
    }

    public ServerVolumes volumes(String server) {
        NovaServer s = servers.resolve(server);
        List<AttachedVolume> volumes = servers.attachedVolumes(s.id());
        return new ServerVolumes(s.id(), s.name(), volumes, volumes.size());
    }

    public VolumeChange attachVolume(String server, String volume, @Nullable String device, boolean wait,
                                     Duration timeout, ToolContext context) {
        NovaServer s = servers.resolve(server);
        JsonNode v = lookup.volume(volume);
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("volumeId", Json.text(v, "id"));
        if (ServerService.notBlank(device)) {
            attachment.put("device", device.trim());
        }
        JsonNode answer = actions.send(HttpMethod.POST, "/servers/" + s.id() + "/os-volume_attachments",
                Map.of("volumeAttachment", attachment), null,
                "attach volume '" + Json.text(v, "name") + "' to server '" + s.name() + "'");
        String attachedAs = Json.text(answer.get("volumeAttachment"), "device");
        context.info("attach of volume " + Json.text(v, "name") + " to server " + s.name() + " requested");
        return volumeChange(s, v, "attach", attachedAs, wait, timeout, context,
                j -> "in-use".equals(Json.text(j, "status")) && attachedTo(j, s.id()));
    }

    public VolumeChange detachVolume(String server, String volume, boolean wait, Duration timeout,
                                     ToolContext context) {
        NovaServer s = servers.resolve(server);
        JsonNode v = lookup.volume(volume);
        // the volume carries its attachments: no second look through Nova (and Cinder per volume) needed
        JsonNode attached = Json.array(v, "attachments").stream()
                .filter(a -> s.id().equals(Json.text(a, "server_id"))).findFirst()
                .orElseThrow(() -> ToolException.conflict("Volume '" + Json.text(v, "name") + "' (" + Json.text(v, "id")
                        + ") is not attached to server '" + s.name() + "'."));
        actions.send(HttpMethod.DELETE, "/servers/" + s.id() + "/os-volume_attachments/" + Json.text(v, "id"), null,
                null, "detach volume '" + Json.text(v, "name") + "' from server '" + s.name() + "'");
        context.info("detach of volume " + Json.text(v, "name") + " from server " + s.name() + " requested");
        return volumeChange(s, v, "detach", Json.text(attached, "device"), wait, timeout, context,
                j -> !attachedTo(j, s.id()) && Set.of("available", "in-use").contains(Json.text(j,
                        "status")));
    }

    private VolumeChange volumeChange(NovaServer s, JsonNode v, String action, @Nullable String device, boolean wait,
                                      Duration timeout, ToolContext context,
                                      java.util.function.Predicate<JsonNode> done) {
        if (!wait) {
            return new VolumeChange(s.id(), s.name(), action, Json.text(v, "id"), Json.text(v, "name"), device, null, false,
                    "The " + action + " of volume '" + Json.text(v, "name") + "' was accepted; it runs in the background.");
        }
        Polling.Outcome<JsonNode> outcome = Polling.until(() -> volumeJson(Json.text(v, "id")), done,
                j -> String.valueOf(Json.text(j, "status")).startsWith("error"),
                j -> "volume " + Json.text(j, "status"), timeout, actions.pollInterval(), context);
        String status = outcome.last() == null ? "deleted" : Json.text(outcome.last(), "status");
        String message = switch (outcome.end()) {
            case REACHED -> "Volume '" + Json.text(v, "name") + "' is " + ("attach".equals(action) ? "attached to" : "detached"
                    + " from") + " server '" + s.name() + "'" + ("attach".equals(action) && device != null
                    ? " as " + device : "") + " (" + status + ").";
            case FAILED -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, "The " + action + " of volume '"
                    + Json.text(v, "name") + "' failed: Cinder reports it " + status + ".");
            case GONE -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Volume '" + Json.text(v, "name")
                    + "' disappeared during the " + action + ".");
            case TIMED_OUT -> "Volume '" + Json.text(v, "name") + "' is still " + status + " after "
                    + outcome.waited().toSeconds() + " s; the " + action + " may still complete.";
        };
        return new VolumeChange(s.id(), s.name(), action, Json.text(v, "id"), Json.text(v, "name"), device, status,
                outcome.reached(), message);
    }

    @Nullable
    private JsonNode volumeJson(String volumeId) {
        return cinder.volume(volumeId);
    }

    private static boolean attachedTo(JsonNode volume, String serverId) {
        return Json.array(volume, "attachments").stream()
                .anyMatch(a -> serverId.equals(Json.text(a, "server_id")));
    }

    public ServerInterfaces interfaces(String server) {
        NovaServer s = servers.resolve(server);
        List<JsonNode> attachments = interfaceJson(s.id());
        Set<String> networkIds = new LinkedHashSet<>();
        List<String> portIds = new ArrayList<>();
        for (JsonNode a : attachments) {
            if (Json.text(a, "net_id") != null) {
                networkIds.add(Json.text(a, "net_id"));
            }
            portIds.add(Json.text(a, "port_id"));
        }
        // one Neutron call for every network name, one for every floating IP
        Map<String, String> networkNames = neutron.names("networks", networkIds);
        Map<String, List<String>> floating = new HashMap<>();
        if (!portIds.isEmpty()) {
            Json.array(neutron.get("/floatingips", Map.of("port_id", portIds)), "floatingips")
                    .forEach(f -> floating.computeIfAbsent(Json.text(f, "port_id"), k -> new ArrayList<>())
                            .add(Json.text(f, "floating_ip_address")));
        }
        List<Interface> out = attachments.stream().map(a -> new Interface(Json.text(a, "port_id"),
                Json.text(a, "net_id"), networkNames.get(Json.text(a, "net_id")),
                Json.text(a, "mac_addr"), Json.text(a, "port_state"), fixedIps(a),
                floating.getOrDefault(Json.text(a, "port_id"), List.of()))).toList();
        return new ServerInterfaces(s.id(), s.name(), out, out.size());
    }

    public InterfaceChange attachInterface(String server, @Nullable String network, @Nullable String port,
                                           @Nullable String fixedIp, ToolContext context) {
        if (ServerService.notBlank(network) == ServerService.notBlank(port)) {
            throw ToolException.invalid("Give exactly one of 'network' (Nova creates a port on it) and 'port' (an"
                    + " existing, unattached port).");
        }
        if (ServerService.notBlank(fixedIp) && !ServerService.notBlank(network)) {
            throw ToolException.invalid("'fixed_ip' goes with 'network'; an existing port already has its IPs.");
        }
        NovaServer s = servers.resolve(server);
        Map<String, Object> attachment = new LinkedHashMap<>();
        String what;
        if (ServerService.notBlank(network)) {
            JsonNode n = lookup.network(network);
            attachment.put("net_id", Json.text(n, "id"));
            what = "network '" + Json.text(n, "name") + "'";
            if (ServerService.notBlank(fixedIp)) {
                attachment.put("fixed_ips", List.of(Map.of("ip_address", fixedIp.trim())));
            }
        } else {
            attachment.put("port_id", port.trim());
            what = "port " + port.trim();
        }
        JsonNode answer = actions.send(HttpMethod.POST, "/servers/" + s.id() + "/os-interface",
                Map.of("interfaceAttachment", attachment), null,
                "attach " + what + " to server '" + s.name() + "'");
        JsonNode a = answer.get("interfaceAttachment");
        List<String> ips = fixedIps(a);
        context.info("interface " + Json.text(a, "port_id") + " attached to server " + s.name());
        return new InterfaceChange(s.id(), s.name(), "attach", Json.text(a, "port_id"),
                Json.text(a, "net_id"), ips, Json.text(a, "mac_addr"), true, "Server '" + s.name()
                + "' has a new interface on " + what + ": port " + Json.text(a, "port_id")
                + (ips.isEmpty() ? "" : " with " + String.join(", ", ips)) + ".");
    }

    /**
     * What detaching a port does. Nova deletes a port it created itself (attached by network, or booted on a network)
     * and keeps one created beforehand; its API does not say which a port is, so the preview says both.
     */
    public Preview detachInterfacePreview(String server, String port) {
        NovaServer s = servers.resolve(server);
        List<JsonNode> interfaces = interfaceJson(s.id());
        JsonNode attached = attachedInterface(s, interfaces, port.trim());
        String portId = Json.text(attached, "port_id");
        List<String> ips = fixedIps(attached);
        String ipText = ips.isEmpty() ? "no fixed IP" : String.join(", ", ips);
        JsonNode neutronPort = neutron.find("/ports/" + Json.segment(portId), "port");
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("port", portId, Json.nonEmpty(neutronPort, "name"),
                "detached; deleted with its fixed IPs (" + ipText + ") if Nova created it, otherwise kept"));
        for (JsonNode fip : Json.array(neutron.get("/floatingips", Map.of("port_id", portId)), "floatingips")) {
            resources.add(new Preview.Resource("floating_ip", Json.text(fip, "id"),
                    Json.text(fip, "floating_ip_address"), "disassociated, stays allocated to the project"));
        }
        resources.add(new Preview.Resource("server", s.id(), s.name(), "keeps running without the port"));
        List<String> warnings = new ArrayList<>();
        warnings.add("If Nova created this port (an interface attached by network, or a network the server was"
                + " booted on), the port is deleted and its fixed IPs (" + ipText + ") are released; a port"
                + " created beforehand is kept, unattached. Nova's API does not tell which applies.");
        if (interfaces.size() == 1) {
            warnings.add("This is the server's only interface: it loses its network connectivity.");
        }
        return new Preview("detach interface", "Detach port " + portId + " (" + ipText + ") from server '"
                + s.name() + "' (" + s.id() + ").", resources, warnings);
    }

    public InterfaceChange detachInterface(String server, String port, boolean wait, Duration timeout,
                                           ToolContext context) {
        NovaServer s = servers.resolve(server);
        String portId = port.trim();
        JsonNode attached = attachedInterface(s, interfaceJson(s.id()), portId);
        actions.send(HttpMethod.DELETE, "/servers/" + s.id() + "/os-interface/" + portId, null, null,
                "detach port " + portId + " from server '" + s.name() + "'");
        context.info("detach of port " + portId + " from server " + s.name() + " requested");
        List<String> ips = fixedIps(attached);
        String net = Json.text(attached, "net_id");
        String mac = Json.text(attached, "mac_addr");
        if (!wait) {
            return new InterfaceChange(s.id(), s.name(), "detach", portId, net, ips, mac, false,
                    "The detach of port " + portId + " was accepted; it runs in the background.");
        }
        Polling.Outcome<List<JsonNode>> outcome = Polling.until(() -> interfaceJson(s.id()),
                list -> list.stream().noneMatch(a -> portId.equals(Json.text(a, "port_id"))), list -> false,
                list -> "port still attached", timeout, actions.pollInterval(), context);
        if (!outcome.reached()) {
            return new InterfaceChange(s.id(), s.name(), "detach", portId, net, ips, mac, false,
                    "Port " + portId + " is still attached after " + outcome.waited().toSeconds()
                            + " s; the detach may still complete.");
        }
        boolean kept = neutron.find("/ports/" + Json.segment(portId), "port") != null;
        return new InterfaceChange(s.id(), s.name(), "detach", portId, net, ips, mac, true,
                "Port " + portId + (ips.isEmpty() ? "" : " (" + String.join(", ", ips) + ")")
                        + " is detached from server '" + s.name() + "'" + (kept
                        ? "; the port was created beforehand and is kept, unattached (port_delete removes it)."
                        : "; Nova had created it and deleted it, releasing its IPs."));
    }

    private static JsonNode attachedInterface(NovaServer s, List<JsonNode> interfaces, String portId) {
        return interfaces.stream().filter(a -> portId.equals(Json.text(a, "port_id"))).findFirst()
                .orElseThrow(() -> ToolException.conflict("Port " + portId + " is not an interface of server '"
                        + s.name() + "'; server_interface_list shows its ports."));
    }

    private List<JsonNode> interfaceJson(String serverId) {
        return Json.array(nova.get("/servers/" + serverId + "/os-interface", Map.of()), "interfaceAttachments");
    }

    private static List<String> fixedIps(@Nullable JsonNode attachment) {
        return Json.array(attachment, "fixed_ips").stream().map(ip -> Json.text(ip, "ip_address"))
                .filter(Objects::nonNull).toList();
    }

    public SecurityGroupChange securityGroup(String server, String group, boolean add) {
        NovaServer s = servers.resolve(server);
        JsonNode found = Lookup.byIdOrName("Security group", group,
                id -> neutron.find("/security-groups/" + Json.segment(id), "security_group"),
                name -> neutron.list("security-groups", Map.of("name", name,
                        "project_id", s.tenantId() == null ? cloud.projectId() : s.tenantId())),
                n -> Json.text(n, "name"), n -> Json.text(n, "id"));
        String groupId = Json.text(found, "id");
        String groupName = Json.text(found, "name");
        String verb = add ? "add" : "remove";
        List<String> before = s.securityGroupNames();
        if (before.contains(groupName) == add) {
            return new SecurityGroupChange(s.id(), s.name(), verb, groupName, before, false,
                    "Security group '" + groupName + "' is " + (add ? "already" : "not") + " on server '"
                            + s.name() + "'; nothing to do.");
        }
        actions.action(s, add ? "add security group '" + groupName + "' to"
                        : "remove security group '" + groupName + "' from",
                Map.of(add ? "addSecurityGroup" : "removeSecurityGroup", Map.of("name", groupId)), null);
        NovaServer now = servers.server(s.id());
        List<String> after = now == null ? List.of() : now.securityGroupNames();
        return new SecurityGroupChange(s.id(), s.name(), verb, groupName, after,
                after.contains(groupName) == add, "Security group '" + groupName + "' was " + (add ? "added to"
                : "removed from") + " server '" + s.name() + "' (all its ports); it now has "
                + (after.isEmpty() ? "none" : String.join(", ", after)) + ".");
    }

    public MetadataChange setMetadata(String server, @Nullable Map<String, String> set, @Nullable List<String> delete) {
        Map<String, String> toSet = set == null ? Map.of() : set;
        List<String> toDelete = delete == null ? List.of() : delete.stream().map(String::trim).distinct().toList();
        if (toSet.isEmpty() && toDelete.isEmpty()) {
            throw ToolException.invalid("Give 'metadata' (keys to set) and/or 'delete_keys' (keys to remove).");
        }
        List<String> both = toDelete.stream().filter(toSet::containsKey).toList();
        if (!both.isEmpty()) {
            throw ToolException.invalid("Keys " + both + " are both set and deleted; choose one.");
        }
        NovaServer s = servers.resolve(server);
        Map<String, String> current = s.metadata();
        if (!toSet.isEmpty()) {
            actions.send(HttpMethod.POST, "/servers/" + s.id() + "/metadata", Map.of("metadata", toSet),
                    null, "set metadata on server '" + s.name() + "'");
        }
        List<String> deleted = new ArrayList<>();
        for (String key : toDelete) {
            if (current.containsKey(key)) {
                actions.send(HttpMethod.DELETE, "/servers/" + s.id() + "/metadata/"
                                + Json.segment(key), null, null,
                        "delete metadata key '" + key + "' of server '" + s.name() + "'");
                deleted.add(key);
            }
        }
        Map<String, String> after = Json.stringMap(nova.get("/servers/" + s.id()
                + "/metadata", Map.of()), "metadata");
        List<String> absent = toDelete.stream().filter(k -> !deleted.contains(k)).toList();
        return new MetadataChange(s.id(), s.name(), after, List.copyOf(toSet.keySet()), deleted,
                "Server '" + s.name() + "' metadata: " + (toSet.isEmpty() ? "" : "set " + toSet.keySet())
                        + (toSet.isEmpty() || deleted.isEmpty() ? "" : "; ")
                        + (deleted.isEmpty() ? "" : "deleted " + deleted)
                        + (absent.isEmpty() ? "" : (toSet.isEmpty() && deleted.isEmpty() ? "" : "; ")
                        + "no such key " + absent) + ".");
    }
}
