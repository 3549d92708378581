package io.github.openstackops.mcp.cloud.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.cloud.CloudApi;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Paging;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.openstack4j.api.types.ServiceType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cinder v3, spoken at one microversion ({@value #MICROVERSION}: Rocky and newer; resource filters with
 * {@code name~} from 3.34, extend of in-use volumes from 3.42) for every call, unless one names another with
 * {@link #at} (the volume summary of 3.12).
 */
@Singleton
public class CinderClient extends ServiceClient {

    public static final String MICROVERSION = "3.50";

    @Inject
    public CinderClient(CloudApi api) {
        super(api, ServiceType.BLOCK_STORAGE, null, header(MICROVERSION));
    }

    private static Map<String, String> header(String microversion) {
        return Map.of("OpenStack-API-Version", "volume " + microversion);
    }

    /** Cinder at another microversion. */
    public ServiceClient at(String microversion) {
        return with(header(microversion));
    }

    /** A volume by id; null when Cinder does not know it. */
    @Nullable
    public JsonNode volume(String id) {
        return find("/volumes/" + id, "volume");
    }

    /**
     * One page of a detail listing ({@code collection} "volumes", "snapshots" or "backups"), newest first, filtered
     * and paged by Cinder: {@code limit + 1} items from {@code marker}, the extra one only telling that there is a
     * next page. Filters whose value is null are left out.
     */
    public Paging.Slice<JsonNode> page(String collection, Map<String, ?> filters, int limit, @Nullable String marker) {
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
        return Paging.slice(Json.array(get("/" + collection + "/detail", query), collection), limit,
                n -> Json.text(n, "id"));
    }

    /** A {@code POST /volumes/{id}/action} with one action, e.g. {@code action(id, "os-extend", Map.of(...))}. */
    public void action(String volumeId, String action, @Nullable Object arguments) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(action, arguments);
        post("/volumes/" + volumeId + "/action", body);
    }

    /** Cinder times carry no zone ("2026-11-22T04:54:52.000000") and are UTC: as ISO-8601 with a Z. */
    @Nullable
    public static String time(JsonNode node, String field) {
        String value = Json.text(node, field);
        if (value == null || value.isEmpty()) {
            return null;
        }
        String trimmed = value.replaceFirst("\\.\\d+$", "").replaceFirst("\\.\\d+(?=[+Z])", "");
        return trimmed.endsWith("Z") || trimmed.matches(".*[+-]\\d\\d:\\d\\d$") ? trimmed : trimmed + "Z";
    }
}
