package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudApi;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.Polling;
import io.github.openstackops.mcp.compute.ServerAttachmentRecords.Interface;
import io.github.openstackops.mcp.compute.ServerAttachmentRecords.InterfaceChange;
import io.github.openstackops.mcp.compute.ServerAttachmentRecords.MetadataChange;
import io.github.openstackops.mcp.compute.ServerAttachmentRecords.SecurityGroupChange;
import io.github.openstackops.mcp.compute.ServerAttachmentRecords.ServerInterfaces;
import io.github.openstackops.mcp.compute.ServerAttachmentRecords.ServerVolumes;
import io.github.openstackops.mcp.compute.ServerAttachmentRecords.VolumeChange;
import io.github.openstackops.mcp.compute.ServerRecords.AttachedVolume;
import io.github.openstackops.mcp.network.NeutronApi;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.core.transport.HttpMethod;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.network.SecurityGroup;
import org.openstack4j.model.storage.block.Volume;
import org.openstack4j.model.storage.block.VolumeAttachment;

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
    private final CloudApi api;
    private final NeutronApi neutron;
    private final ServerService servers;
    private final ServerActions actions;

    public ServerAttachmentService(CloudSession cloud, CloudApi api, NeutronApi neutron, ServerService servers,
                                   ServerActions actions) {
        this.cloud = cloud;
        this.api = api;
        this.neutron = neutron;
        this.servers = servers;
        this.actions = actions;
    }

    public ServerVolumes volumes(String server) {
        return cloud.call(os -> {
            Server s = servers.resolve(os, server);
            List<AttachedVolume> volumes = servers.attachedVolumes(os, s.getId());
            return new ServerVolumes(s.getId(), s.getName(), volumes, volumes.size());
        });
    }

    public VolumeChange attachVolume(String server, String volume, @Nullable String device, boolean wait,
                                     Duration timeout, ToolContext context) {
        return cloud.call(os -> {
            Server s = servers.resolve(os, server);
            Volume v = ComputeLookups.volume(os, volume);
            Map<String, Object> attachment = new LinkedHashMap<>();
            attachment.put("volumeId", v.getId());
            if (ServerService.notBlank(device)) {
                attachment.put("device", device.trim());
            }
            JsonNode answer = actions.send(HttpMethod.POST, "/servers/" + s.getId() + "/os-volume_attachments",
                    Map.of("volumeAttachment", attachment), Map.of(),
                    "attach volume '" + v.getName() + "' to server '" + s.getName() + "'");
            String attachedAs = Json.text(answer.get("volumeAttachment"), "device");
            context.info("attach of volume " + v.getName() + " to server " + s.getName() + " requested");
            return volumeChange(s, v, "attach", attachedAs, wait, timeout, context,
                    j -> "in-use".equals(Json.text(j, "status")) && attachedTo(j, s.getId()));
        });
    }

    public VolumeChange detachVolume(String server, String volume, boolean wait, Duration timeout,
                                     ToolContext context) {
        return cloud.call(os -> {
            Server s = servers.resolve(os, server);
            Volume v = ComputeLookups.volume(os, volume);
            // the volume carries its attachments: no second look through Nova (and Cinder per volume) needed
            VolumeAttachment attached = (v.getAttachments() == null ? List.<VolumeAttachment>of()
                    : v.getAttachments()).stream()
                    .filter(a -> s.getId().equals(a.getServerId())).findFirst()
                    .orElseThrow(() -> ToolException.conflict("Volume '" + v.getName() + "' (" + v.getId()
                            + ") is not attached to server '" + s.getName() + "'."));
            actions.send(HttpMethod.DELETE, "/servers/" + s.getId() + "/os-volume_attachments/" + v.getId(), null,
                    Map.of(), "detach volume '" + v.getName() + "' from server '" + s.getName() + "'");
            context.info("detach of volume " + v.getName() + " from server " + s.getName() + " requested");
            return volumeChange(s, v, "detach", attached.getDevice(), wait, timeout, context,
                    j -> !attachedTo(j, s.getId()) && Set.of("available", "in-use").contains(Json.text(j,
                            "status")));
        });
    }

    private VolumeChange volumeChange(Server s, Volume v, String action, @Nullable String device, boolean wait,
                                      Duration timeout, ToolContext context,
                                      java.util.function.Predicate<JsonNode> done) {
        if (!wait) {
            return new VolumeChange(s.getId(), s.getName(), action, v.getId(), v.getName(), device, null, false,
                    "The " + action + " of volume '" + v.getName() + "' was accepted; it runs in the background.");
        }
        Polling.Outcome<JsonNode> outcome = Polling.until(() -> volumeJson(v.getId()), done,
                j -> String.valueOf(Json.text(j, "status")).startsWith("error"),
                j -> "volume " + Json.text(j, "status"), timeout, actions.pollInterval(), context);
        String status = outcome.last() == null ? "deleted" : Json.text(outcome.last(), "status");
        String message = switch (outcome.end()) {
            case REACHED -> "Volume '" + v.getName() + "' is " + ("attach".equals(action) ? "attached to" : "detached"
                    + " from") + " server '" + s.getName() + "'" + ("attach".equals(action) && device != null
                    ? " as " + device : "") + " (" + status + ").";
            case FAILED -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, "The " + action + " of volume '"
                    + v.getName() + "' failed: Cinder reports it " + status + ".");
            case GONE -> throw new ToolException(ToolException.Kind.CLOUD_ERROR, "Volume '" + v.getName()
                    + "' disappeared during the " + action + ".");
            case TIMED_OUT -> "Volume '" + v.getName() + "' is still " + status + " after "
                    + outcome.waited().toSeconds() + " s; the " + action + " may still complete.";
        };
        return new VolumeChange(s.getId(), s.getName(), action, v.getId(), v.getName(), device, status,
                outcome.reached(), message);
    }

    @Nullable
    private JsonNode volumeJson(String volumeId) {
        JsonNode found = Json.orNull(() -> api.get(ServiceType.BLOCK_STORAGE, "/volumes/" + volumeId, Map.of(),
                Map.of()));
        return found == null ? null : found.get("volume");
    }

    private static boolean attachedTo(JsonNode volume, String serverId) {
        return Json.array(volume, "attachments").stream()
                .anyMatch(a -> serverId.equals(Json.text(a, "server_id")));
    }

    public ServerInterfaces interfaces(String server) {
        return cloud.call(os -> {
            Server s = servers.resolve(os, server);
            List<JsonNode> attachments = interfaceJson(s.getId());
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
            return new ServerInterfaces(s.getId(), s.getName(), out, out.size());
        });
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
        return cloud.call(os -> {
            Server s = servers.resolve(os, server);
            Map<String, Object> attachment = new LinkedHashMap<>();
            String what;
            if (ServerService.notBlank(network)) {
                var n = ComputeLookups.network(os, network);
                attachment.put("net_id", n.getId());
                what = "network '" + n.getName() + "'";
                if (ServerService.notBlank(fixedIp)) {
                    attachment.put("fixed_ips", List.of(Map.of("ip_address", fixedIp.trim())));
                }
            } else {
                attachment.put("port_id", port.trim());
                what = "port " + port.trim();
            }
            JsonNode answer = actions.send(HttpMethod.POST, "/servers/" + s.getId() + "/os-interface",
                    Map.of("interfaceAttachment", attachment), Map.of(),
                    "attach " + what + " to server '" + s.getName() + "'");
            JsonNode a = answer.get("interfaceAttachment");
            List<String> ips = fixedIps(a);
            context.info("interface " + Json.text(a, "port_id") + " attached to server " + s.getName());
            return new InterfaceChange(s.getId(), s.getName(), "attach", Json.text(a, "port_id"),
                    Json.text(a, "net_id"), ips, Json.text(a, "mac_addr"), true, "Server '" + s.getName()
                    + "' has a new interface on " + what + ": port " + Json.text(a, "port_id")
                    + (ips.isEmpty() ? "" : " with " + String.join(", ", ips)) + ".");
        });
    }

    /**
     * What detaching a port does. Nova deletes a port it created itself (attached by network, or booted on a network)
     * and keeps one created beforehand; its API does not say which a port is, so the preview says both.
     */
    public Preview detachInterfacePreview(String server, String port) {
        return cloud.call(os -> {
            Server s = servers.resolve(os, server);
            List<JsonNode> interfaces = interfaceJson(s.getId());
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
            resources.add(new Preview.Resource("server", s.getId(), s.getName(), "keeps running without the port"));
            List<String> warnings = new ArrayList<>();
            warnings.add("If Nova created this port (an interface attached by network, or a network the server was"
                    + " booted on), the port is deleted and its fixed IPs (" + ipText + ") are released; a port"
                    + " created beforehand is kept, unattached. Nova's API does not tell which applies.");
            if (interfaces.size() == 1) {
                warnings.add("This is the server's only interface: it loses its network connectivity.");
            }
            return new Preview("detach interface", "Detach port " + portId + " (" + ipText + ") from server '"
                    + s.getName() + "' (" + s.getId() + ").", resources, warnings);
        });
    }

    public InterfaceChange detachInterface(String server, String port, boolean wait, Duration timeout,
                                           ToolContext context) {
        return cloud.call(os -> {
            Server s = servers.resolve(os, server);
            String portId = port.trim();
            JsonNode attached = attachedInterface(s, interfaceJson(s.getId()), portId);
            actions.send(HttpMethod.DELETE, "/servers/" + s.getId() + "/os-interface/" + portId, null, Map.of(),
                    "detach port " + portId + " from server '" + s.getName() + "'");
            context.info("detach of port " + portId + " from server " + s.getName() + " requested");
            List<String> ips = fixedIps(attached);
            String net = Json.text(attached, "net_id");
            String mac = Json.text(attached, "mac_addr");
            if (!wait) {
                return new InterfaceChange(s.getId(), s.getName(), "detach", portId, net, ips, mac, false,
                        "The detach of port " + portId + " was accepted; it runs in the background.");
            }
            Polling.Outcome<List<JsonNode>> outcome = Polling.until(() -> interfaceJson(s.getId()),
                    list -> list.stream().noneMatch(a -> portId.equals(Json.text(a, "port_id"))), list -> false,
                    list -> "port still attached", timeout, actions.pollInterval(), context);
            if (!outcome.reached()) {
                return new InterfaceChange(s.getId(), s.getName(), "detach", portId, net, ips, mac, false,
                        "Port " + portId + " is still attached after " + outcome.waited().toSeconds()
                                + " s; the detach may still complete.");
            }
            boolean kept = neutron.find("/ports/" + Json.segment(portId), "port") != null;
            return new InterfaceChange(s.getId(), s.getName(), "detach", portId, net, ips, mac, true,
                    "Port " + portId + (ips.isEmpty() ? "" : " (" + String.join(", ", ips) + ")")
                            + " is detached from server '" + s.getName() + "'" + (kept
                            ? "; the port was created beforehand and is kept, unattached (port_delete removes it)."
                            : "; Nova had created it and deleted it, releasing its IPs."));
        });
    }

    private static JsonNode attachedInterface(Server s, List<JsonNode> interfaces, String portId) {
        return interfaces.stream().filter(a -> portId.equals(Json.text(a, "port_id"))).findFirst()
                .orElseThrow(() -> ToolException.conflict("Port " + portId + " is not an interface of server '"
                        + s.getName() + "'; server_interface_list shows its ports."));
    }

    private List<JsonNode> interfaceJson(String serverId) {
        return Json.array(api.get(ServiceType.COMPUTE, "/servers/" + serverId + "/os-interface", Map.of(),
                Map.of()), "interfaceAttachments");
    }

    private static List<String> fixedIps(@Nullable JsonNode attachment) {
        return Json.array(attachment, "fixed_ips").stream().map(ip -> Json.text(ip, "ip_address"))
                .filter(Objects::nonNull).toList();
    }

    public SecurityGroupChange securityGroup(String server, String group, boolean add) {
        return cloud.call(os -> {
            Server s = servers.resolve(os, server);
            SecurityGroup g = Lookup.byIdOrName("Security group", group,
                    id -> os.networking().securitygroup().get(id),
                    name -> os.networking().securitygroup().list(Map.of("name", name,
                            "project_id", s.getTenantId() == null ? cloud.token().getProject().getId()
                                    : s.getTenantId())),
                    SecurityGroup::getName, SecurityGroup::getId);
            String verb = add ? "add" : "remove";
            List<String> before = groupNames(s);
            if (before.contains(g.getName()) == add) {
                return new SecurityGroupChange(s.getId(), s.getName(), verb, g.getName(), before, false,
                        "Security group '" + g.getName() + "' is " + (add ? "already" : "not") + " on server '"
                                + s.getName() + "'; nothing to do.");
            }
            actions.action(s, add ? "add security group '" + g.getName() + "' to"
                            : "remove security group '" + g.getName() + "' from",
                    Map.of(add ? "addSecurityGroup" : "removeSecurityGroup", Map.of("name", g.getId())), Map.of());
            List<String> after = groupNames(os.compute().servers().get(s.getId()));
            return new SecurityGroupChange(s.getId(), s.getName(), verb, g.getName(), after,
                    after.contains(g.getName()) == add, "Security group '" + g.getName() + "' was " + (add ? "added to"
                    : "removed from") + " server '" + s.getName() + "' (all its ports); it now has "
                    + (after.isEmpty() ? "none" : String.join(", ", after)) + ".");
        });
    }

    private static List<String> groupNames(@Nullable Server s) {
        return s == null || s.getSecurityGroups() == null ? List.of()
                : s.getSecurityGroups().stream().map(g -> g.getName()).distinct().sorted().toList();
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
        return cloud.call(os -> {
            Server s = servers.resolve(os, server);
            Map<String, String> current = s.getMetadata() == null ? Map.of() : s.getMetadata();
            if (!toSet.isEmpty()) {
                actions.send(HttpMethod.POST, "/servers/" + s.getId() + "/metadata", Map.of("metadata", toSet),
                        Map.of(), "set metadata on server '" + s.getName() + "'");
            }
            List<String> deleted = new ArrayList<>();
            for (String key : toDelete) {
                if (current.containsKey(key)) {
                    actions.send(HttpMethod.DELETE, "/servers/" + s.getId() + "/metadata/"
                                    + Json.segment(key), null, Map.of(),
                            "delete metadata key '" + key + "' of server '" + s.getName() + "'");
                    deleted.add(key);
                }
            }
            Map<String, String> after = Json.stringMap(api.get(ServiceType.COMPUTE, "/servers/" + s.getId()
                    + "/metadata", Map.of(), Map.of()), "metadata");
            List<String> absent = toDelete.stream().filter(k -> !deleted.contains(k)).toList();
            return new MetadataChange(s.getId(), s.getName(), after, List.copyOf(toSet.keySet()), deleted,
                    "Server '" + s.getName() + "' metadata: " + (toSet.isEmpty() ? "" : "set " + toSet.keySet())
                            + (toSet.isEmpty() || deleted.isEmpty() ? "" : "; ")
                            + (deleted.isEmpty() ? "" : "deleted " + deleted)
                            + (absent.isEmpty() ? "" : (toSet.isEmpty() && deleted.isEmpty() ? "" : "; ")
                            + "no such key " + absent) + ".");
        });
    }
}
