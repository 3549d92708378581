package io.github.openstackops.mcp.transport.stateless;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * The vocabulary of MCP protocol 2026-07-28 (stateless): no initialize and no session; every request names its
 * protocol version, client and capabilities in {@code params._meta}. Older versions go through the SDK's sessions.
 */
public final class StatelessProtocol {

    /** The stateless protocol version this server speaks. */
    public static final String VERSION = "2026-07-28";
    /** Every version a client may use with this server, newest first (the older ones open sessions). */
    public static final List<String> SUPPORTED = List.of(VERSION, "2025-11-25", "2025-06-18", "2025-03-26");

    public static final String META_PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
    public static final String META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
    public static final String META_CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    public static final String META_SERVER_INFO = "io.modelcontextprotocol/serverInfo";
    public static final String META_SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";

    /** The notification that cancels a request (on HTTP, closing the response does). */
    public static final String CANCELLED = "notifications/cancelled";

    /** HTTP headers that mirror the body so gateways can route without reading it. */
    public static final String HEADER_METHOD = "Mcp-Method";
    public static final String HEADER_NAME = "Mcp-Name";

    /** The HTTP headers and the body disagree, or a required header is missing or malformed (HTTP 400). */
    public static final int HEADER_MISMATCH = -32020;
    /** The request needs a client capability it did not declare. */
    public static final int MISSING_CLIENT_CAPABILITY = -32021;
    /** The request's protocol version is not one this server speaks (data: supported, requested). */
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

    /** The body field a method's {@code Mcp-Name} header mirrors. */
    public static final Map<String, String> NAME_FIELDS = Map.of("tools/call", "name", "prompts/get", "name",
            "resources/read", "uri", "tasks/get", "taskId", "tasks/update", "taskId", "tasks/cancel", "taskId");

    private StatelessProtocol() {
    }

    /** Whether a version belongs to the stateless era (versions are ISO dates: they sort chronologically). */
    public static boolean isStateless(@Nullable String version) {
        return version != null && version.compareTo(VERSION) >= 0;
    }

    /** The protocol version a message's params claim in {@code _meta}, or null. */
    @Nullable
    public static String claimedVersion(@Nullable Object params) {
        if (params instanceof Map<?, ?> p && p.get("_meta") instanceof Map<?, ?> meta
                && meta.get(META_PROTOCOL_VERSION) instanceof String version) {
            return version;
        }
        return null;
    }
}
