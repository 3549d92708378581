package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Polling;
import io.github.openstackops.mcp.cloud.lookup.ResourceLookup;
import io.github.openstackops.mcp.compute.ServerRecords.ServerActionResult;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Server state changes that keep the server where it is: pause/unpause, suspend/resume, shelve/shelve-offload/
 * unshelve, rescue/unrescue, lock/unlock. Each one is skipped when the server already is where it would go.
 */
@Singleton
public class ServerStateService {

    /** The actions and the statuses each one ends in. */
    public enum StateAction {
        PAUSE("pause", Set.of("PAUSED")),
        UNPAUSE("unpause", Set.of("ACTIVE")),
        SUSPEND("suspend", Set.of("SUSPENDED")),
        RESUME("resume", Set.of("ACTIVE")),
        SHELVE("shelve", Set.of("SHELVED", "SHELVED_OFFLOADED")),
        OFFLOAD("shelve offload", "shelveOffload", Set.of("SHELVED_OFFLOADED")),
        UNSHELVE("unshelve", Set.of("ACTIVE")),
        RESCUE("rescue", Set.of("RESCUE")),
        UNRESCUE("unrescue", Set.of("ACTIVE"));

        /** The words for it. */
        final String verb;
        /** The name of Nova's server action. */
        final String novaAction;
        final Set<String> targets;

        StateAction(String verb, Set<String> targets) {
            this(verb, verb, targets);
        }

        StateAction(String verb, String novaAction, Set<String> targets) {
            this.verb = verb;
            this.novaAction = novaAction;
            this.targets = targets;
        }
    }

    private final CloudSession cloud;
    private final ServerService servers;
    private final ServerActions actions;
    private final ResourceLookup lookup;

    public ServerStateService(CloudSession cloud, ServerService servers, ServerActions actions, ResourceLookup lookup) {
        this.lookup = lookup;
        this.cloud = cloud;
        this.servers = servers;
        this.actions = actions;
    }

    /**
     * Runs the action and waits for its target status.
     *
     * @param rescueImage for RESCUE only: the image to boot the rescue system from (id or name); null = the server's
     */
    public ServerActionResult change(String server, StateAction action, @Nullable String rescueImage, boolean wait,
                                     Duration timeout, ToolContext context) {
        NovaServer s = servers.resolve(server);
        String before = s.status();
        if (action.targets.contains(before)) {
            return new ServerActionResult(s.id(), s.name(), action.verb, before, before, true, false,
                    "Server '" + s.name() + "' is already " + before + "; nothing to do.");
        }
        if (action == StateAction.OFFLOAD && !"SHELVED".equals(before)) {
            throw ToolException.conflict("Server '" + s.name() + "' is " + before + ", not SHELVED: only a shelved"
                    + " server can be offloaded. Shelve it first with server_shelve.");
        }
        Map<String, ?> body = ServerActions.bare(action.novaAction);
        if (action == StateAction.RESCUE && ServerService.notBlank(rescueImage)) {
            body = Map.of("rescue", Map.of("rescue_image_ref", Json.text(lookup.image(rescueImage), "id")));
        }
        // rescue answers with the rescue system's admin password: never read, never returned
        actions.action(s, action.verb, body, null);
        context.info(action.verb + " requested for server " + s.name() + " (" + s.id() + ")");
        if (!wait) {
            return new ServerActionResult(s.id(), s.name(), action.verb, before, before, false, true,
                    "The " + action.verb + " of '" + s.name() + "' was accepted; it runs in the background.");
        }
        Polling.Outcome<NovaServer> outcome = actions.await(s.id(),
                x -> action.targets.contains(x.status()) && x.settled(),
                x -> false, timeout, context);
        ServerActions.failOn(outcome, s.name(), action.verb);
        String now = outcome.last() == null ? "DELETED" : outcome.last().status();
        String message = outcome.reached() ? "Server '" + s.name() + "' is " + now + " (was " + before + ")."
                : ServerActions.notReached(s.name(), action.verb, outcome);
        return new ServerActionResult(s.id(), s.name(), action.verb, before, now, outcome.reached(), true,
                message);
    }

    /** Locks (optionally with a reason) or unlocks; Nova does it at once, and the result is read back. */
    public ServerActionResult lock(String server, boolean lock, @Nullable String reason) {
        NovaServer s = servers.resolve(server);
        String verb = lock ? "lock" : "unlock";
        JsonNode view = servers.lockView(s.id());
        Boolean was = view == null ? null : Json.bool(view, "locked");
        if (was != null && was == lock) {
            return new ServerActionResult(s.id(), s.name(), verb, s.status(),
                    s.status(), true, false, "Server '" + s.name() + "' is already "
                    + (lock ? "locked" : "unlocked") + "; nothing to do.");
        }
        if (lock && ServerService.notBlank(reason)) {
            actions.action(s, verb, Map.of("lock", Map.of("locked_reason", reason.trim())),
                    ServerService.LOCK_MICROVERSION);
        } else {
            actions.action(s, verb, ServerActions.bare(verb), null);
        }
        JsonNode after = servers.lockView(s.id());
        Boolean now = after == null ? null : Json.bool(after, "locked");
        boolean reached = now != null && now == lock;
        String status = after == null ? s.status() : NovaServer.status(after);
        return new ServerActionResult(s.id(), s.name(), verb, s.status(), status, reached, true,
                reached ? "Server '" + s.name() + "' is " + (lock ? "locked" : "unlocked")
                        + (lock ? ": only admins can change it until it is unlocked." : ".")
                        : "The " + verb + " of '" + s.name() + "' was accepted"
                        + (now == null ? " (this cloud does not report the lock state)." : ", but Nova still"
                        + " reports it " + (now ? "locked." : "unlocked.")));
    }
}
