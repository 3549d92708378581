package io.github.openstackops.mcp.transport.stateless;

import io.github.openstackops.mcp.catalog.AdminTier;
import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.ListedTool;
import io.github.openstackops.mcp.catalog.ToolListing;
import io.github.openstackops.mcp.state.SharedState;
import io.micronaut.context.annotation.Value;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tools a caller sees, as a cacheable 2026-07-28 list: the same {@link ToolListing} as every surface (gate, write
 * scope, admin tier, tool mode), with how long a client may keep it ({@code ttlMs}) and a fingerprint of its content
 * (the cache key: it changes exactly when this caller's catalog changes). While the admin tier is still being
 * resolved ({@code MCP_ADMIN_TOOLS=auto} before Keystone answered) the list may change soon, so its lifetime is short.
 */
@Singleton
public class CacheableToolList {

    /** The fingerprint's key in the result's {@code _meta}. */
    public static final String META_FINGERPRINT = "io.github.openstackops/catalogFingerprint";
    private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() { };

    private final ToolListing listing;
    private final AdminTier adminTier;
    private final McpJsonMapper json;
    private final Duration ttl;
    private final Duration unsettledTtl;
    /** Lists already converted, by the identity of the listing's (cached) list: a handful of distinct values. */
    private final List<Converted> converted = new ArrayList<>();

    /** The tools as maps and their fingerprint. */
    public record Listed(List<Map<String, Object>> tools, String fingerprint, long ttlMs) {
    }

    private record Converted(List<ListedTool> source, List<Map<String, Object>> tools, String fingerprint) {
    }

    public CacheableToolList(ToolListing listing, AdminTier adminTier, McpJsonMapper json,
                             @Value("${mcp.stateless.list-ttl:5m}") Duration ttl,
                             @Value("${mcp.stateless.unsettled-list-ttl:10s}") Duration unsettledTtl) {
        this.listing = listing;
        this.adminTier = adminTier;
        this.json = json;
        this.ttl = ttl;
        this.unsettledTtl = unsettledTtl;
    }

    /** What this caller may see and call now. */
    public Listed visibleTo(Caller caller) {
        Converted c = convert(listing.visibleTo(caller));
        return new Listed(c.tools(), c.fingerprint(), ttlMs());
    }

    /** How long a client may keep the list: short while the admin tier may still change it. */
    public long ttlMs() {
        boolean unsettled = adminTier.setting() == AdminTier.Setting.AUTO && adminTier.knownAdmin().isEmpty();
        return (unsettled ? unsettledTtl : ttl).toMillis();
    }

    private synchronized Converted convert(List<ListedTool> tools) {
        for (Converted c : converted) {
            if (c.source() == tools) {
                return c;
            }
        }
        List<Map<String, Object>> maps = tools.stream().map(t -> {
            Map<String, Object> tool = new java.util.LinkedHashMap<>(json.convertValue(t.mcpTool(), MAP));
            tool.remove("execution"); // 2025-11-25 task vocabulary, gone from the 2026-07-28 tool
            return Map.copyOf(tool);
        }).toList();
        String fingerprint;
        try {
            fingerprint = SharedState.hash(json.writeValueAsString(maps));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (converted.size() >= 8) {
            converted.removeFirst();
        }
        Converted c = new Converted(tools, maps, fingerprint);
        converted.add(c);
        return c;
    }
}
