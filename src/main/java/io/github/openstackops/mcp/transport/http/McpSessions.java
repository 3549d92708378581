package io.github.openstackops.mcp.transport.http;

import io.github.openstackops.mcp.catalog.Caller;
import io.micronaut.core.annotation.Nullable;
import io.modelcontextprotocol.spec.McpStreamableServerSession;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The open MCP sessions of the HTTP transport, each bound to the caller who opened it, with two caps: all sessions
 * (MCP_MAX_SESSIONS) and the sessions of one caller (MCP_MAX_SESSIONS_PER_CALLER), so one caller cannot take every
 * session there is.
 */
final class McpSessions {

    /** An open session and who opened it. */
    static final class Entry {
        final McpStreamableServerSession session;
        final String principal;
        volatile long lastSeen = System.nanoTime();

        Entry(McpStreamableServerSession session, String principal) {
            this.session = session;
            this.principal = principal;
        }
    }

    /** Why a new session was not opened. */
    enum Refusal { NONE, CALLER_FULL, SERVER_FULL }

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final int maxSessions;
    private final int maxPerCaller;

    McpSessions(int maxSessions, int maxPerCaller) {
        this.maxSessions = maxSessions;
        this.maxPerCaller = maxPerCaller;
    }

    /** Whether the caller may open one more session now (checked again, exactly, by {@link #add}). */
    Refusal admits(String principal) {
        if (sessions.size() >= maxSessions) {
            return Refusal.SERVER_FULL;
        }
        return count(principal) >= maxPerCaller ? Refusal.CALLER_FULL : Refusal.NONE;
    }

    /** Adds the session unless a cap is reached meanwhile. */
    synchronized Refusal add(String id, Entry entry) {
        Refusal refusal = admits(entry.principal);
        if (refusal == Refusal.NONE) {
            sessions.put(id, entry);
        }
        return refusal;
    }

    private long count(String principal) {
        return sessions.values().stream().filter(e -> e.principal.equals(principal)).count();
    }

    /** The session, when it exists and belongs to this caller; marks it as used. */
    @Nullable
    Entry touch(String id, Caller caller) {
        Entry e = sessions.get(id);
        if (e == null || !e.principal.equals(caller.principal())) {
            return null;
        }
        e.lastSeen = System.nanoTime();
        return e;
    }

    @Nullable
    Entry get(String id) {
        return sessions.get(id);
    }

    boolean remove(String id, Entry entry) {
        return sessions.remove(id, entry);
    }

    void remove(String id) {
        sessions.remove(id);
    }

    Collection<Entry> all() {
        return sessions.values();
    }

    List<Entry> snapshot() {
        return List.copyOf(sessions.values());
    }

    /** Removes sessions idle longer than this that hold no open stream, handing each to {@code dropped}. */
    void sweep(Duration idle, BiConsumer<String, Entry> dropped) {
        long now = System.nanoTime();
        sessions.forEach((id, e) -> {
            if (!e.session.hasOpenStream() && now - e.lastSeen > idle.toNanos() && sessions.remove(id, e)) {
                dropped.accept(id, e);
            }
        });
    }

    void clear() {
        sessions.clear();
    }

    int size() {
        return sessions.size();
    }
}
