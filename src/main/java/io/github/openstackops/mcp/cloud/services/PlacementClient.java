package io.github.openstackops.mcp.cloud.services;

import io.github.openstackops.mcp.cloud.CloudApi;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.openstack4j.api.types.ServiceType;

import java.util.Map;

/**
 * Placement (resource providers, inventories, usages). Its microversions travel in the same header as Cinder's, for
 * the service type "placement"; calls name the one they need with {@link #at}.
 */
@Singleton
public class PlacementClient extends ServiceClient {

    @Inject
    public PlacementClient(CloudApi api) {
        super(api, ServiceType.PLACEMENT, null, Map.of());
    }

    public ServiceClient at(String microversion) {
        return with(Map.of("OpenStack-API-Version", "placement " + microversion));
    }
}
