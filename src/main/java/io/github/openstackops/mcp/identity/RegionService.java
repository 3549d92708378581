package io.github.openstackops.mcp.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.services.KeystoneClient;
import io.github.openstackops.mcp.identity.AccessRecords.Region;
import io.github.openstackops.mcp.identity.AccessRecords.RegionPage;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Keystone regions: where the catalog's endpoints live. Any authenticated user may read them. */
@Singleton
public class RegionService {

    private final KeystoneClient keystone;

    public RegionService(KeystoneClient keystone) {
        this.keystone = keystone;
    }

    public RegionPage list(@Nullable String parent) {
        JsonNode body = keystone.get("/regions", parent == null ? null : Map.of("parent_region_id", parent));
        List<Region> regions = KeystoneClient.items(body, "regions", RegionService::region).stream()
                .sorted(Comparator.comparing(Region::id)).toList();
        return new RegionPage(regions, regions.size());
    }

    public Region get(String id) {
        JsonNode found = keystone.find("/regions/" + Json.segment(id.trim()), "region");
        if (found == null) {
            throw OpenStackFaults.notFound("Region '" + id.trim() + "'");
        }
        return region(found);
    }

    static Region region(JsonNode n) {
        return new Region(Json.nonEmpty(n, "id"), Json.nonEmpty(n, "description"), Json.nonEmpty(n, "parent_region_id"));
    }
}
