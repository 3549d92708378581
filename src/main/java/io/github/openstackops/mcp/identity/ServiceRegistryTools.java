package io.github.openstackops.mcp.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.identity.AccessRecords.RegisteredEndpoint;
import io.github.openstackops.mcp.identity.AccessRecords.RegisteredEndpointPage;
import io.github.openstackops.mcp.identity.AccessRecords.RegisteredService;
import io.github.openstackops.mcp.identity.AccessRecords.RegisteredServicePage;
import io.github.openstackops.mcp.identity.IdentityTools.Interface;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/** Keystone's service registry: services and endpoints as registered, disabled ones included. Admin only. */
@Singleton
public class ServiceRegistryTools implements ToolProvider {

    static final String SERVICE = "Service id, or its type or name when one service has it (e.g. compute, nova)";

    public record ServiceListArgs(
            @Param(value = "Only services of this type, e.g. compute, network, volumev3", maxLength = 255) String type) {
    }

    public record ServiceArgs(@IdOrName(SERVICE) String service) {
    }

    public record EndpointListArgs(
            @Param(value = "Only endpoints of this service: " + SERVICE, maxLength = 255) String service,
            @JsonProperty("interface") @Param("Only endpoints of this interface") Interface iface,
            @Param(value = "Only endpoints in this region, e.g. RegionOne", maxLength = 255) String region) {
    }

    public record EndpointArgs(@Param(value = "Endpoint id", required = true, minLength = 1, maxLength = 64) String endpoint) {
    }

    private final ServiceRegistryService registry;

    public ServiceRegistryTools(ServiceRegistryService registry) {
        this.registry = registry;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("service_list", Toolset.IDENTITY, ServiceListArgs.class, RegisteredServicePage.class)
                        .adminOnly()
                        .title("Services: List")
                        .description("The services registered in Keystone (type, name, enabled), disabled ones"
                                + " included; catalog_list shows what this server's token gets. Admin only.")
                        .handler((ctx, a) -> registry.services(a.type()))
                        .build(),
                ToolDefinition.read("service_get", Toolset.IDENTITY, ServiceArgs.class, RegisteredService.class)
                        .adminOnly()
                        .title("Services: Get")
                        .description("One registered service by id, type or name. Admin only.")
                        .handler((ctx, a) -> registry.service(a.service()))
                        .build(),
                ToolDefinition.read("endpoint_list", Toolset.IDENTITY, EndpointListArgs.class, RegisteredEndpointPage.class)
                        .adminOnly()
                        .title("Endpoints: List")
                        .description("The endpoints registered in Keystone with their service, interface, region, URL"
                                + " and enabled state, optionally for one service, interface or region. Admin only.")
                        .handler((ctx, a) -> registry.endpoints(a.service(),
                                a.iface() == null ? null : a.iface().name().toLowerCase(Locale.ROOT), a.region()))
                        .build(),
                ToolDefinition.read("endpoint_get", Toolset.IDENTITY, EndpointArgs.class, RegisteredEndpoint.class)
                        .adminOnly()
                        .title("Endpoints: Get")
                        .description("One registered endpoint by id. Admin only.")
                        .handler((ctx, a) -> registry.endpoint(a.endpoint()))
                        .build());
    }
}
