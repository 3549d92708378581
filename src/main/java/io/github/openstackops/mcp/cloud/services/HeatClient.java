package io.github.openstackops.mcp.cloud.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.cloud.CloudApi;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.core.transport.HttpMethod;

import java.util.Map;

/**
 * Heat (orchestration v1; the catalog endpoint carries the project). A cloud without Heat gets a refusal saying so,
 * before any call.
 */
@Singleton
public class HeatClient extends ServiceClient {

    private final CloudSession session;

    @Inject
    public HeatClient(CloudApi api, CloudSession session) {
        super(api, ServiceType.ORCHESTRATION, null, Map.of());
        this.session = session;
    }

    /** Refuses clearly when the cloud's catalog has no orchestration service. */
    public void requireService() {
        if (!session.hasService(ServiceType.ORCHESTRATION)) {
            throw missing("orchestration (Heat)", "there are no stacks to work with here.");
        }
    }

    @Override
    public JsonNode send(HttpMethod method, String path, @Nullable Map<String, ?> query, @Nullable Object body) {
        requireService();
        return super.send(method, path, query, body);
    }
}
