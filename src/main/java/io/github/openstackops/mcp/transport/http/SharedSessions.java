package io.github.openstackops.mcp.transport.http;

import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.state.SharedState;
import io.micronaut.core.annotation.Nullable;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * What another replica needs to serve an MCP session it did not open: who opened it (a hash) and the client's
 * initialize request, kept in the {@link SharedState} for as long as the session may idle. With a shared store
 * (MCP_STATE_STORE) a session opened on one replica continues on any other, so no sticky routing is needed; in memory it
 * only outlives nothing. If the store does not answer, a session stays on the replica that has it, and another replica
 * answers 404 (the client initializes again, as the specification has it).
 */
final class SharedSessions {

    private static final Logger LOG = LoggerFactory.getLogger(SharedSessions.class);

    private final SharedState state;
    private final McpJsonMapper json;
    private final Duration idle;

    SharedSessions(SharedState state, McpJsonMapper json, Duration idle) {
        this.state = state;
        this.json = json;
        this.idle = idle;
    }

    /**
     * The caller's session: the one this replica holds (unless another replica has ended it meanwhile), or one the
     * caller opened on another replica, continued here from its initialize request; else null (404).
     */
    @Nullable
    McpSessions.Entry resolve(McpSessions sessions, String id, Caller caller, McpStreamableServerSession.Factory factory) {
        McpSessions.Entry entry = sessions.touch(id, caller);
        if (entry != null) {
            if (stillOpen(id)) {
                return entry;
            }
            sessions.remove(id, entry);
            entry.session.closeGracefully().onErrorComplete().subscribe();
            return null;
        }
        Optional<McpSchema.InitializeRequest> init = recall(id, caller);
        if (init.isEmpty()) {
            return null;
        }
        McpStreamableServerSession.McpStreamableServerSessionInit started = factory.startSession(init.get());
        started.initResult().onErrorComplete().subscribe();
        McpSessions.Entry continued = new McpSessions.Entry(started.session(), caller.principal());
        if (sessions.add(id, continued) != McpSessions.Refusal.NONE) {
            started.session().closeGracefully().onErrorComplete().subscribe();
            return null;
        }
        LOG.debug("continuing MCP session {} opened on another replica", id);
        return continued;
    }

    void remember(String id, Caller caller, McpSchema.InitializeRequest init) {
        try {
            state.put(key(id), SharedState.hash(caller.principal()) + "\n" + json.writeValueAsString(init), idle);
        } catch (IOException | SharedState.StateUnavailable e) {
            LOG.warn("MCP session {} is served by this replica only: {}", id, e.getMessage());
        }
    }

    /** The initialize request of a session this caller opened on some replica, its lifetime renewed; else empty. */
    private Optional<McpSchema.InitializeRequest> recall(String id, Caller caller) {
        try {
            Optional<String> record = state.get(key(id), idle);
            if (record.isEmpty()) {
                return Optional.empty();
            }
            String[] parts = record.get().split("\n", 2);
            if (parts.length != 2 || !parts[0].equals(SharedState.hash(caller.principal()))) {
                return Optional.empty();
            }
            return Optional.of(json.readValue(parts[1], McpSchema.InitializeRequest.class));
        } catch (IOException | SharedState.StateUnavailable e) {
            LOG.warn("MCP session {} could not be recalled: {}", id, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Whether a session this replica serves is still open everywhere, its record renewed: false once a DELETE on
     * another replica ended it or its record expired. When the store does not answer, it is open.
     */
    private boolean stillOpen(String id) {
        try {
            return state.get(key(id), idle).isPresent();
        } catch (SharedState.StateUnavailable e) {
            LOG.debug("MCP session {} not renewed: {}", id, e.getMessage());
            return true;
        }
    }

    void forget(String id) {
        try {
            state.remove(key(id));
        } catch (SharedState.StateUnavailable e) {
            LOG.warn("MCP session {} closed here, but its record stays until it expires: {}", id, e.getMessage());
        }
    }

    private static String key(String id) {
        return "mcp-session:" + id;
    }
}
