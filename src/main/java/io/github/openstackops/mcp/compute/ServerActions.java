package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.Polling;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.core.transport.HttpMethod;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How server tools talk to Nova when they change something: one call through {@link NovaClient} (every 4xx/5xx is
 * an error, at the microversion the operation needs), an error that names the operation and the server, and a wait
 * for the state the operation aims at, with progress.
 */
@Singleton
public class ServerActions {

    private final NovaClient nova;
    private final OpenStackFaults faults;
    private final Duration pollInterval;

    public ServerActions(NovaClient nova, OpenStackFaults faults,
                         @Value("${openstack.poll-interval:1s}") Duration pollInterval) {
        this.nova = nova;
        this.faults = faults;
        this.pollInterval = pollInterval;
    }

    /** {@code {"name": null}}: the body of Nova's argument-less actions. */
    static Map<String, Object> bare(String action) {
        return Collections.singletonMap(action, null);
    }

    /** POST /servers/{id}/action. */
    JsonNode action(NovaServer s, String what, Map<String, ?> body, @Nullable String microversion) {
        return send(HttpMethod.POST, "/servers/" + s.id() + "/action", body, microversion,
                what + " server '" + s.name() + "'");
    }

    /** Any Nova call; an OpenStack fault becomes "Could not {what}: {meaning}". */
    JsonNode send(HttpMethod method, String path, @Nullable Object body, @Nullable String microversion, String what) {
        try {
            return nova.at(microversion).send(method, path, null, body);
        } catch (ResponseException e) {
            if (e.getStatus() == 401) {
                throw e;
            }
            ToolException meaning = faults.translate(e).orElseThrow(() -> e);
            throw new ToolException(meaning.kind(), "Could not " + what + ": " + meaning.getMessage());
        }
    }

    /** Waits until {@code done}; {@code failed} (or ERROR) ends the wait early. */
    Polling.Outcome<NovaServer> await(String serverId, Predicate<NovaServer> done, Predicate<NovaServer> failed,
                                  Duration timeout, ToolContext context) {
        return Polling.until(() -> NovaServer.of(nova.server(serverId)), done,
                x -> "ERROR".equals(x.status()) || failed.test(x), NovaServer::describe, timeout,
                pollInterval, context);
    }

    Duration pollInterval() {
        return pollInterval;
    }

    /** "still BUILD after 120 s" style ending for a wait that did not reach its target. */
    static String notReached(String serverName, String verb, Polling.Outcome<NovaServer> outcome) {
        return switch (outcome.end()) {
            case REACHED -> "";
            case GONE -> "Server '" + serverName + "' disappeared during " + verb + ".";
            case FAILED -> outcome.last() != null && "ERROR".equals(outcome.last().status())
                    ? "Server '" + serverName + "' went to ERROR during " + verb + NovaServer.faultText(outcome.last())
                    : "The " + verb + " of '" + serverName + "' did not take effect: the server is "
                    + outcome.last().describe() + " again. server_action_list shows why.";
            case TIMED_OUT -> "Server '" + serverName + "' is still " + outcome.last().describe() + " after "
                    + outcome.waited().toSeconds() + " s; the " + verb + " may still complete.";
        };
    }

    /** An outcome that ended in failure becomes a tool error naming what went wrong. */
    static void failOn(Polling.Outcome<NovaServer> outcome, String serverName, String verb) {
        if (outcome.end() == Polling.End.FAILED) {
            throw new ToolException(ToolException.Kind.CLOUD_ERROR, notReached(serverName, verb, outcome));
        }
    }
}
