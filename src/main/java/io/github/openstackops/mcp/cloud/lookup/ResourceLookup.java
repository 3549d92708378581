package io.github.openstackops.mcp.cloud.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.services.CinderClient;
import io.github.openstackops.mcp.cloud.services.GlanceClient;
import io.github.openstackops.mcp.cloud.services.NeutronClient;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Images, networks and volumes the way tools of other families are given them (a server's image, a volume's source
 * image, the network of a new port): by id, or by exact name when that name is unique, with the messages of
 * {@link Lookup}. Each answer is the service's own JSON object.
 */
@Singleton
public class ResourceLookup {

    private final GlanceClient glance;
    private final NeutronClient neutron;
    private final CinderClient cinder;

    public ResourceLookup(GlanceClient glance, NeutronClient neutron, CinderClient cinder) {
        this.glance = glance;
        this.neutron = neutron;
        this.cinder = cinder;
    }

    public JsonNode image(String ref) {
        return Lookup.byIdOrName("Image", ref, glance::image,
                name -> Json.array(glance.get("/images", Map.of("name", name)), "images"),
                i -> Json.text(i, "name"), i -> Json.text(i, "id"));
    }

    public JsonNode network(String ref) {
        return neutron.resolve("Network", "networks", "network", ref);
    }

    public JsonNode volume(String ref) {
        return Lookup.byIdOrName("Volume", ref, cinder::volume,
                name -> Json.array(cinder.get("/volumes/detail", Map.of("name", name)), "volumes"),
                v -> Json.text(v, "name"), v -> Json.text(v, "id"));
    }
}
