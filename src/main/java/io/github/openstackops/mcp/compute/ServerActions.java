package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudApi;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.Polling;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.core.transport.HttpMethod;
import org.openstack4j.model.compute.Server;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How server tools talk to Nova when they change something: one call through {@link CloudApi} (every 4xx/5xx is an
 * error, unlike openstack4j's action responses, and newer microversions are at hand), an error that names the
 * operation and the server, and a wait for the state the operation aims at, with progress.
 */
@Singleton
public class ServerActions {

    private final CloudApi api;
    private final OpenStackFaults faults;
    private final Duration pollInterval;

    public ServerActions(CloudApi api, OpenStackFaults faults,
                         @Value("${openstack.poll-interval:1s}") Duration pollInterval) {
        this.api = api;
        this.faults = faults;
        this.pollInterval = pollInterval;
    }

    /** {@code {"name": null}}: the body of Nova's argument-less actions. */
    static Map<String, Object> bare(String action) {
        return Collections.singletonMap(action, null);
    }

    /** POST /servers/{id}/action. */
    JsonNode action(Server s, String what, Map<String, ?> body, Map<String, String> headers) {
        return send(HttpMethod.POST, "/servers/" + s.getId() + "/action", body, headers,
                what + " server '" + s.getName() + "'");
    }

    /** Any Nova call; an OpenStack fault becomes "Could not {what}: {meaning}". */
    JsonNode send(HttpMethod method, String path, @Nullable Object body, Map<String, String> headers, String what) {
        try {
            return api.send(method, ServiceType.COMPUTE, path, null, body, headers);
        } catch (ResponseException e) {
            if (e.getStatus() == 401) {
                throw e;
            }
            ToolException meaning = faults.translate(e).orElseThrow(() -> e);
            throw new ToolException(meaning.kind(), "Could not " + what + ": " + meaning.getMessage());
        }
    }

    /** Waits until {@code done}; {@code failed} (or ERROR) ends the wait early. */
    Polling.Outcome<Server> await(OSClientV3 os, String serverId, Predicate<Server> done, Predicate<Server> failed,
                                  Duration timeout, ToolContext context) {
        return Polling.until(() -> os.compute().servers().get(serverId), done,
                x -> "ERROR".equals(ServerService.status(x)) || failed.test(x), ServerActions::describe, timeout,
                pollInterval, context);
    }

    Duration pollInterval() {
        return pollInterval;
    }

    static String describe(Server x) {
        return ServerService.status(x) + (x.getTaskState() == null ? "" : " (" + x.getTaskState() + ")");
    }

    static boolean settled(Server x) {
        return x.getTaskState() == null || x.getTaskState().isBlank();
    }

    static boolean sameHost(Server x, @Nullable String host) {
        return Objects.equals(x.getHost(), host);
    }

    /** "still BUILD after 120 s" style ending for a wait that did not reach its target. */
    static String notReached(String serverName, String verb, Polling.Outcome<Server> outcome) {
        return switch (outcome.end()) {
            case REACHED -> "";
            case GONE -> "Server '" + serverName + "' disappeared during " + verb + ".";
            case FAILED -> outcome.last() != null && "ERROR".equals(ServerService.status(outcome.last()))
                    ? "Server '" + serverName + "' went to ERROR during " + verb + ServerService.fault(outcome.last())
                    : "The " + verb + " of '" + serverName + "' did not take effect: the server is "
                    + describe(outcome.last()) + " again. server_action_list shows why.";
            case TIMED_OUT -> "Server '" + serverName + "' is still " + describe(outcome.last()) + " after "
                    + outcome.waited().toSeconds() + " s; the " + verb + " may still complete.";
        };
    }

    /** An outcome that ended in failure becomes a tool error naming what went wrong. */
    static void failOn(Polling.Outcome<Server> outcome, String serverName, String verb) {
        if (outcome.end() == Polling.End.FAILED) {
            throw new ToolException(ToolException.Kind.CLOUD_ERROR, notReached(serverName, verb, outcome));
        }
    }
}
