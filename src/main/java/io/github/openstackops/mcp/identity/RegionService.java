package io.github.openstackops.mcp.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Secrets;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudProfile;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.services.KeystoneClient;
import io.github.openstackops.mcp.identity.AccessRecords.Cloud;
import io.github.openstackops.mcp.identity.AccessRecords.CloudPage;
import io.github.openstackops.mcp.identity.AccessRecords.Region;
import io.github.openstackops.mcp.identity.AccessRecords.RegionPage;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Keystone regions: where the catalog's endpoints live. Any authenticated user may read them. */
@Singleton
public class RegionService {

    private final KeystoneClient keystone;
    private final CloudSession session;
    private final OpenStackFaults faults;

    public RegionService(KeystoneClient keystone, CloudSession session, OpenStackFaults faults) {
        this.keystone = keystone;
        this.session = session;
        this.faults = faults;
    }

    /**
     * Every cloud this server offers (OS_CLOUDS, else the one), with the caller's identity in each: where it is and
     * its regions. A cloud that cannot be read says why; the others are still listed.
     */
    public CloudPage clouds() {
        List<String> names = session.clouds();
        List<Cloud> clouds = new ArrayList<>();
        for (String name : names) {
            clouds.add(session.in(name, () -> cloud(name, name.equals(names.get(0)))));
        }
        return new CloudPage(clouds, clouds.size());
    }

    private Cloud cloud(String name, boolean isDefault) {
        CloudProfile profile = null;
        try {
            profile = session.profile();
            List<String> regions = list(null).regions().stream().map(Region::id).toList();
            return new Cloud(name, profile.authUrl().toString(), profile.region(), project(profile), isDefault,
                    regions, null);
        } catch (RuntimeException e) {
            String why = e instanceof ToolException t ? t.getMessage()
                    : faults.translate(e).map(Throwable::getMessage).orElse("the cloud did not answer as expected");
            return new Cloud(name, profile == null ? null : profile.authUrl().toString(),
                    profile == null ? null : profile.region(), profile == null ? null : project(profile), isDefault,
                    null, Secrets.scrub(why));
        }
    }

    @Nullable
    private static String project(CloudProfile profile) {
        return profile.projectName() != null ? profile.projectName() : profile.projectId();
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
