package io.github.openstackops.mcp.transport.stateless;

import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Surface;

import java.util.Map;

/**
 * One request of protocol 2026-07-28 as a method handler sees it: everything needed to serve it arrives with it.
 *
 * @param id      the JSON-RPC id (a string or a number)
 * @param method  the JSON-RPC method
 * @param params  the params without {@code _meta} (never null)
 * @param meta    the request's {@code _meta}: the envelope and any other keys (e.g. progressToken)
 * @param caller  who is calling, resolved by the transport (authentication applied)
 * @param surface the transport it came through
 * @param stream  where notifications for this request go before the answer
 */
public record StatelessRequest(Object id, String method, Map<String, Object> params, Map<String, Object> meta,
                               Caller caller, Surface surface, StatelessStream stream) {

    public StatelessRequest {
        params = params == null ? Map.of() : params;
        meta = meta == null ? Map.of() : meta;
    }

    /** The client's capabilities declared with this request (empty when none). */
    public Map<?, ?> capabilities() {
        return meta.get(StatelessProtocol.META_CLIENT_CAPABILITIES) instanceof Map<?, ?> c ? c : Map.of();
    }

    /** Whether the client declared an extension (e.g. {@code io.modelcontextprotocol/tasks}) with this request. */
    public boolean declaresExtension(String extension) {
        return capabilities().get("extensions") instanceof Map<?, ?> extensions && extensions.containsKey(extension);
    }

    /** Whether the client declared it can answer form elicitations embedded in an input-required result. */
    public boolean elicitsForms() {
        if (!(capabilities().get("elicitation") instanceof Map<?, ?> elicitation)) {
            return false;
        }
        // an empty elicitation capability means form mode (the older spelling)
        return elicitation.isEmpty() || elicitation.get("form") instanceof Map<?, ?>;
    }

    /** The protocol version this request claims. */
    public String protocolVersion() {
        return String.valueOf(meta.get(StatelessProtocol.META_PROTOCOL_VERSION));
    }

    /** The progress token the client sent, or null. */
    public Object progressToken() {
        return meta.get("progressToken");
    }
}
