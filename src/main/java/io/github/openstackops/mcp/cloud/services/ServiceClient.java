package io.github.openstackops.mcp.cloud.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudApi;
import io.github.openstackops.mcp.cloud.Json;
import io.micronaut.core.annotation.Nullable;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.core.transport.HttpMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every service client shares: requests through {@link CloudApi} (the one session, endpoint resolver,
 * connector and fault mapping), paths given without the API version (the client adds it when the catalog's endpoint
 * lacks it), the headers the client speaks at (a microversion), and one meaning of "not found": {@code find} returns
 * null on 404, every other call throws the fault.
 */
public class ServiceClient {

    private final CloudApi api;
    private final ServiceType type;
    @Nullable
    private final String version;
    private final Map<String, String> headers;

    protected ServiceClient(CloudApi api, ServiceType type, @Nullable String version, Map<String, String> headers) {
        this.api = api;
        this.type = type;
        this.version = version;
        this.headers = Map.copyOf(headers);
    }

    /** The same service spoken with other headers (e.g. another microversion). */
    protected ServiceClient with(Map<String, String> otherHeaders) {
        return new ServiceClient(api, type, version, otherHeaders);
    }

    public ServiceType type() {
        return type;
    }

    public JsonNode get(String path, @Nullable Map<String, ?> query) {
        return send(HttpMethod.GET, path, query, null);
    }

    /** The object under {@code key} of the resource at {@code path}; null when the service answers 404. */
    @Nullable
    public JsonNode find(String path, String key) {
        JsonNode found = Json.orNull(() -> get(path, null));
        JsonNode node = found == null ? null : found.get(key);
        return node != null && node.isObject() ? node : null;
    }

    /** HEAD: true on 2xx, false on 404. */
    public boolean exists(String path) {
        try {
            send(HttpMethod.HEAD, path, null, null);
            return true;
        } catch (ResponseException e) {
            if (e.getStatus() == 404) {
                return false;
            }
            throw e;
        }
    }

    public JsonNode post(String path, @Nullable Object body) {
        return send(HttpMethod.POST, path, null, body);
    }

    public JsonNode put(String path, @Nullable Object body) {
        return send(HttpMethod.PUT, path, null, body);
    }

    public JsonNode patch(String path, Object body) {
        return send(HttpMethod.PATCH, path, null, body);
    }

    public void delete(String path) {
        send(HttpMethod.DELETE, path, null, null);
    }

    /** Any call; {@code path} without the API version, {@code body} serialised as JSON. */
    public JsonNode send(HttpMethod method, String path, @Nullable Map<String, ?> query, @Nullable Object body) {
        return api.send(method, type, version, path, query, body, headers);
    }

    /** The items of a list response ({@code {"servers": [...]}}), in the service's order. */
    public static List<JsonNode> items(JsonNode response, String key) {
        List<JsonNode> items = new ArrayList<>();
        response.path(key).forEach(items::add);
        return items;
    }

    /** A refusal for a cloud whose catalog lacks the service, naming what cannot be done. */
    static ToolException missing(String service, String consequence) {
        return new ToolException(ToolException.Kind.UNAVAILABLE, "This cloud's service catalog has no " + service
                + " service, so " + consequence);
    }
}
