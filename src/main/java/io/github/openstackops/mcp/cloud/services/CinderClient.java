package io.github.openstackops.mcp.cloud.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudApi;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Paging;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.api.types.ServiceType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

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
        return page(this, "/" + collection + "/detail", collection, filters, limit, marker);
    }

    /**
     * The same for any listing: {@code path} read by {@code client} (e.g. Cinder at another microversion), its items
     * under {@code itemsKey}.
     */
    public static Paging.Slice<JsonNode> page(ServiceClient client, String path, String itemsKey,
                                              Map<String, ?> filters, int limit, @Nullable String marker) {
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
        return Paging.slice(Json.array(client.get(path, query), itemsKey), limit, n -> Json.text(n, "id"));
    }

    /**
     * A call at the microversion a feature needs. A Cinder older than that answers 406 (version not supported),
     * which becomes an error that names the feature and the microversion.
     */
    public <T> T since(String microversion, String feature, Function<ServiceClient, T> call) {
        try {
            return call.apply(at(microversion));
        } catch (ResponseException e) {
            if (e.getStatus() == 406) {
                throw new ToolException(ToolException.Kind.UNAVAILABLE, "This cloud's Cinder does not offer " + feature
                        + ": it needs block-storage API microversion " + microversion + " or newer.");
            }
            throw e;
        }
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
