package io.github.openstackops.mcp.cloud.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.cloud.CloudApi;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.openstack4j.api.types.ServiceType;

import java.util.Map;

/**
 * Nova (compute v2.1). Spoken at the base microversion unless a call names a newer one with {@link #at}: each tool
 * asks for the microversion whose fields or filters it needs, so one call never changes what another one reads.
 */
@Singleton
public class NovaClient extends ServiceClient {

    /** The header selecting a Nova microversion. */
    public static final String MICROVERSION_HEADER = "X-OpenStack-Nova-API-Version";

    @Inject
    public NovaClient(CloudApi api) {
        super(api, ServiceType.COMPUTE, null, Map.of());
    }

    /**
     * Nova at {@code microversion}, e.g. {@code nova.at("2.53").get("/os-hypervisors/detail", query)}; at the base
     * microversion when it is null.
     */
    public ServiceClient at(@Nullable String microversion) {
        return microversion == null ? this : with(Map.of(MICROVERSION_HEADER, microversion));
    }

    /** A server by id (base microversion); null when Nova does not know it. */
    @Nullable
    public JsonNode server(String id) {
        return find("/servers/" + id, "server");
    }
}
