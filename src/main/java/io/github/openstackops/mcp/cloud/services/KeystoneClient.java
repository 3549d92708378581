package io.github.openstackops.mcp.cloud.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudApi;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.api.types.ServiceType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Keystone v3. openstack4j's identity services cannot send Keystone's list filters ({@code enabled},
 * {@code domain_id}, {@code name__icontains}, {@code include_names}, {@code effective}) and its PATCH models send
 * fields nobody asked to change; the JSON API says exactly what is sent. Paths are relative to {@code /v3}, which is
 * added when the catalog's identity endpoint lacks it.
 */
@Singleton
public class KeystoneClient extends ServiceClient {

    @Inject
    public KeystoneClient(CloudApi api) {
        super(api, ServiceType.IDENTITY, "/v3", Map.of());
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

    /** PUT without a body (grants, memberships). */
    public void put(String path) {
        put(path, null);
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
}
