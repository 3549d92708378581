package io.github.openstackops.mcp.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudApi;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.core.transport.HttpMethod;
import org.openstack4j.openstack.internal.OSClientSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Keystone v3 spoken as plain JSON through {@link CloudApi} (same token, endpoint, TLS, retry and fault mapping as
 * every other call). openstack4j's identity services cannot send Keystone's list filters ({@code enabled},
 * {@code domain_id}, {@code name__icontains}, {@code include_names}, {@code effective}) and its PATCH models send
 * fields nobody asked to change; the raw API says exactly what is sent. Paths are relative to {@code /v3}: the
 * catalog's identity endpoint is used as is when it ends in {@code /v3}, otherwise {@code /v3} is added (as
 * openstack4j does).
 */
@Singleton
public class Keystone {

    private final CloudApi api;
    private final CloudSession cloud;

    public Keystone(CloudApi api, CloudSession cloud) {
        this.api = api;
        this.cloud = cloud;
    }

    public JsonNode get(String path, @Nullable Map<String, ?> query) {
        return api.send(HttpMethod.GET, ServiceType.IDENTITY, versioned(path), query, null, null);
    }

    /**
     * One resource, unwrapped ({@code path} like "/projects/<id>", {@code key} like "project"); null on 404 (the
     * openstack4j convention {@link io.github.openstackops.mcp.cloud.Lookup} expects).
     */
    @Nullable
    public JsonNode find(String path, String key) {
        JsonNode response = Json.orNull(() -> get(path, null));
        return response == null ? null : response.get(key);
    }

    /** HEAD: true on 2xx, false on 404 (e.g. "is this user in that group", "does this grant exist"). */
    public boolean exists(String path) {
        try {
            api.send(HttpMethod.HEAD, ServiceType.IDENTITY, versioned(path), null, null, null);
            return true;
        } catch (ResponseException e) {
            if (e.getStatus() == 404) {
                return false;
            }
            throw e;
        }
    }

    public JsonNode post(String path, Object body) {
        return api.send(HttpMethod.POST, ServiceType.IDENTITY, versioned(path), null, body, null);
    }

    /**
     * POST of a new named resource ({@code key} wraps it in request and response, e.g. "project"); Keystone's 409
     * for a name already taken becomes a conflict error that says what to do instead.
     */
    public JsonNode create(String path, String key, Map<String, Object> body, String conflictMessage) {
        try {
            return post(path, Map.of(key, body)).path(key);
        } catch (ResponseException e) {
            if (e.getStatus() == 409) {
                throw ToolException.conflict(conflictMessage);
            }
            throw e;
        }
    }

    public JsonNode patch(String path, Object body) {
        return api.send(HttpMethod.PATCH, ServiceType.IDENTITY, versioned(path), null, body, null);
    }

    public void put(String path) {
        api.send(HttpMethod.PUT, ServiceType.IDENTITY, versioned(path), null, null, null);
    }

    public void delete(String path) {
        api.send(HttpMethod.DELETE, ServiceType.IDENTITY, versioned(path), null, null, null);
    }

    /** The items of a list response ({@code {"projects": [...]}}) mapped, in Keystone's order. */
    public static <T> List<T> items(JsonNode response, String key, Function<JsonNode, T> mapper) {
        List<T> out = new ArrayList<>();
        response.path(key).forEach(n -> out.add(mapper.apply(n)));
        return out;
    }

    /** True when Keystone cut the list itself ({@code [DEFAULT] list_limit} is set in keystone.conf). */
    public static boolean truncatedByKeystone(JsonNode response) {
        return response.path("truncated").asBoolean(false);
    }

    private String versioned(String path) {
        String endpoint = cloud.call(os -> ((OSClientSession.OSClientSessionV3) os).getEndpoint(ServiceType.IDENTITY));
        String trimmed = endpoint == null ? "" : endpoint.replaceAll("/+$", "");
        return (trimmed.endsWith("/v3") ? "" : "/v3") + path;
    }
}
