package io.github.openstackops.mcp.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.cloud.CloudApi;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Paging;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.core.transport.HttpMethod;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cinder v3 spoken at one microversion, as plain JSON through {@link CloudApi} (the session's token, endpoint,
 * TLS and fault mapping). openstack4j's block-storage models lose what operators need here: its volume status enum
 * has no {@code extending}, {@code retyping}, {@code error_extending}, {@code reserved} or {@code maintenance}
 * (they all read as UNRECOGNIZED), it pages neither snapshots nor backups, and it sends no microversion, so the
 * {@code name~} (contains) filter of 3.34 and in-use extend of 3.42 are out of reach.
 */
@Singleton
public class Cinder {

    /** Rocky and newer: resource filters with {@code name~} (3.34), extend of in-use volumes (3.42). */
    static final String MICROVERSION = "3.50";
    private static final Map<String, String> HEADERS = CloudApi.volume(MICROVERSION);

    private final CloudApi api;

    public Cinder(CloudApi api) {
        this.api = api;
    }

    JsonNode get(String path, @Nullable Map<String, ?> query) {
        return api.get(ServiceType.BLOCK_STORAGE, path, query, HEADERS);
    }

    /** The object at {@code path}, or null when Cinder answers 404. */
    @Nullable
    JsonNode find(String path, String key) {
        JsonNode found = Json.orNull(() -> get(path, null));
        JsonNode node = found == null ? null : found.path(key);
        return node != null && node.isObject() ? node : null;
    }

    JsonNode post(String path, Object body) {
        return api.send(HttpMethod.POST, ServiceType.BLOCK_STORAGE, path, null, body, HEADERS);
    }

    JsonNode put(String path, Object body) {
        return api.send(HttpMethod.PUT, ServiceType.BLOCK_STORAGE, path, null, body, HEADERS);
    }

    void delete(String path) {
        api.send(HttpMethod.DELETE, ServiceType.BLOCK_STORAGE, path, null, null, HEADERS);
    }

    /**
     * One page of a detail listing ({@code collection} "volumes", "snapshots" or "backups"), newest first, filtered
     * and paged by Cinder: {@code limit + 1} items from {@code marker}, the extra one only telling that there is a
     * next page. Filters whose value is null are left out.
     */
    Paging.Slice<JsonNode> page(String collection, Map<String, ?> filters, int limit, @Nullable String marker) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("limit", Paging.fetchSize(limit));
        query.put("sort", "created_at:desc,id:desc");
        if (marker != null) {
            query.put("marker", marker);
        }
        filters.forEach((key, value) -> {
            if (value != null) {
                query.put(key, value);
            }
        });
        return Paging.slice(Json.array(get("/" + collection + "/detail", query), collection), limit, n -> Json.text(n, "id"));
    }

    /** A {@code POST .../action} with one action, e.g. {@code action(id, "os-extend", Map.of("new_size", 2))}. */
    void action(String volumeId, String action, @Nullable Object arguments) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(action, arguments);
        post("/volumes/" + volumeId + "/action", body);
    }

    // ---- JSON helpers shared by the storage services

    /** Cinder times carry no zone ("2026-11-22T04:54:52.000000") and are UTC: as ISO-8601 with a Z. */
    @Nullable
    static String time(JsonNode node, String field) {
        String value = Json.text(node, field);
        if (value == null || value.isEmpty()) {
            return null;
        }
        String trimmed = value.replaceFirst("\\.\\d+$", "").replaceFirst("\\.\\d+(?=[+Z])", "");
        return trimmed.endsWith("Z") || trimmed.matches(".*[+-]\\d\\d:\\d\\d$") ? trimmed : trimmed + "Z";
    }
}
