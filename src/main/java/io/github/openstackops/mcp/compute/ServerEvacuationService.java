package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.Polling;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.github.openstackops.mcp.compute.ServerLifecycleRecords.ServerMoved;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Evacuation (admin): a server of a compute host that is down is rebuilt on another host. Only when Nova says that
 * host's nova-compute is down or forced down: for a host that is up, migration moves servers without rebuilding them.
 */
@Singleton
public class ServerEvacuationService {

    /** Evacuate without 'force' and 'onSharedStorage' (Nova finds out whether the storage is shared). */
    static final String MV = "2.68";
    /** Services with 'forced_down' and uuids. */
    static final String SERVICES_MV = "2.53";

    /** A compute host's nova-compute as Nova reports it. */
    record ComputeService(String host, String state, boolean forcedDown, String status) {
        boolean down() {
            return forcedDown || "down".equals(state);
        }
    }

    private final NovaClient nova;
    private final ServerService servers;
    private final ServerActions actions;
    private final ComputeNames names;

    public ServerEvacuationService(NovaClient nova, ServerService servers, ServerActions actions, ComputeNames names) {
        this.nova = nova;
        this.servers = servers;
        this.actions = actions;
        this.names = names;
    }

    public Preview preview(String server, @Nullable String host) {
        NovaServer s = servers.resolve(server);
        ComputeService source = downSource(s);
        List<Preview.Resource> resources = new ArrayList<>();
        boolean fromImage = s.imageId() != null && !s.imageId().isEmpty();
        resources.add(new Preview.Resource("server", s.id(), s.name(), "rebuilt on "
                + (ServerService.notBlank(host) ? "host " + host.trim() : "a host the scheduler picks")
                + (fromImage ? " from image '" + names.imageName(s.imageId()) + "': its local root and ephemeral"
                + " disks start anew unless the hosts share instance storage" : ", booting from its volume")
                + "; id, name, flavor, IP addresses, metadata and volumes are kept"));
        resources.add(new Preview.Resource("compute_host", source.host(), source.host(), "nova-compute is "
                + (source.forcedDown() ? "forced down" : "down") + "; the server's copy there is deleted by Nova"
                + " when that nova-compute starts again"));
        for (String volumeId : s.volumeIds()) {
            resources.add(new Preview.Resource("volume", volumeId, null, "re-attached on the new host, data kept"));
        }
        List<String> warnings = new ArrayList<>();
        if (fromImage) {
            warnings.add("Without shared instance storage, whatever was written to the server's local disks since"
                    + " it was built is lost.");
        }
        warnings.add("Evacuate only servers of a host that is really down (powered off or fenced): if it is still"
                + " running there, two copies may run at once.");
        return new Preview("evacuate server", "Evacuate server '" + s.name() + "' (" + s.id() + ") from host '"
                + source.host() + "', whose nova-compute is " + (source.forcedDown() ? "forced down" : "down")
                + ", to " + (ServerService.notBlank(host) ? "host '" + host.trim() + "'" : "another host") + ".",
                resources, warnings);
    }

    public ServerMoved evacuate(String server, @Nullable String host, boolean wait, Duration timeout,
                                ToolContext context) {
        NovaServer s = servers.resolve(server);
        downSource(s);
        Map<String, Object> body = new LinkedHashMap<>();
        if (ServerService.notBlank(host)) {
            body.put("host", host.trim());
        }
        // before 2.14 the answer held a new admin password; at 2.68 it is empty
        actions.action(s, "evacuate", Map.of("evacuate", body), MV);
        context.info("evacuate requested for server " + s.name() + " (" + s.id() + ") from host " + s.host());
        String flavor = names.flavorName(s.flavorId());
        if (!wait) {
            return new ServerMoved(s.id(), s.name(), "evacuate", s.status(), s.status(), false, flavor, null,
                    s.host(), null, "The evacuation of '" + s.name() + "' was accepted; it runs in the background.");
        }
        Set<String> steady = Set.of("ACTIVE", "SHUTOFF");
        Polling.Outcome<NovaServer> outcome = actions.await(s.id(),
                x -> steady.contains(x.status()) && x.settled() && !Objects.equals(x.host(), s.host()),
                x -> false, timeout, context);
        ServerActions.failOn(outcome, s.name(), "evacuation");
        NovaServer last = outcome.last();
        String now = last == null ? "DELETED" : last.status();
        return new ServerMoved(s.id(), s.name(), "evacuate", s.status(), now, outcome.reached(), flavor,
                last == null ? null : names.flavorName(last.flavorId()), s.host(), last == null ? null : last.host(),
                outcome.reached() ? "Server '" + s.name() + "' was rebuilt on host " + last.host() + " and is "
                        + now + "; its copy on " + s.host() + " is deleted when that nova-compute starts again"
                        + " (Nova refuses to force the host up before that)."
                        : ServerActions.notReached(s.name(), "evacuation", outcome));
    }

    /** The server's host, which must be down: evacuating a server of a host that is up is refused. */
    private ComputeService downSource(NovaServer s) {
        if (!ServerService.notBlank(s.host())) {
            throw ToolException.conflict("Server '" + s.name() + "' has no compute host (it is " + s.status()
                    + "): there is nothing to evacuate. Only admins see the host; is this an admin token?");
        }
        ComputeService service = service(s.host());
        if (!service.down()) {
            throw ToolException.conflict("The nova-compute of host '" + s.host() + "' (where server '" + s.name()
                    + "' runs) is up: evacuation is only for a host that is down. Move the server with"
                    + " server_live_migrate or server_migrate, or, if the host is really dead, mark it down first"
                    + " (openstack compute service set --down " + s.host() + " nova-compute).");
        }
        return service;
    }

    ComputeService service(String host) {
        JsonNode answer = OpenStackFaults.attempt("read the compute service of host '" + host + "'",
                () -> nova.at(SERVICES_MV).get("/os-services", Map.of("binary", "nova-compute", "host", host)));
        JsonNode service = Json.array(answer, "services").stream().findFirst()
                .orElseThrow(() -> ToolException.notFound("Host '" + host + "' has no nova-compute service."));
        return new ComputeService(host, Json.text(service, "state"), Json.flag(service, "forced_down"),
                Json.text(service, "status"));
    }
}
