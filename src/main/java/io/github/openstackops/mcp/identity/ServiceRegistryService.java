package io.github.openstackops.mcp.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.services.KeystoneClient;
import io.github.openstackops.mcp.identity.AccessRecords.RegisteredEndpoint;
import io.github.openstackops.mcp.identity.AccessRecords.RegisteredEndpointPage;
import io.github.openstackops.mcp.identity.AccessRecords.RegisteredService;
import io.github.openstackops.mcp.identity.AccessRecords.RegisteredServicePage;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keystone's service registry as an admin sees it: every service and endpoint, disabled ones included (catalog_list
 * shows what this server's token gets).
 */
@Singleton
public class ServiceRegistryService {

    private final KeystoneClient keystone;

    public ServiceRegistryService(KeystoneClient keystone) {
        this.keystone = keystone;
    }

    public RegisteredServicePage services(@Nullable String type) {
        List<RegisteredService> services = KeystoneClient.items(keystone.get("/services",
                        type == null ? null : Map.of("type", type)), "services", ServiceRegistryService::service).stream()
                .sorted(Comparator.comparing(RegisteredService::type).thenComparing(RegisteredService::id)).toList();
        return new RegisteredServicePage(services, services.size());
    }

    public RegisteredService service(String ref) {
        return service(resolveService(ref, registered()));
    }

    public RegisteredEndpointPage endpoints(@Nullable String serviceRef, @Nullable String iface, @Nullable String region) {
        List<JsonNode> services = registered();
        Map<String, Object> query = new LinkedHashMap<>();
        if (serviceRef != null) {
            query.put("service_id", Json.nonEmpty(resolveService(serviceRef, services), "id"));
        }
        Json.putIfSet(query, "interface", iface);
        Json.putIfSet(query, "region_id", region);
        Map<String, String> types = typesById(services);
        List<RegisteredEndpoint> endpoints = KeystoneClient.items(keystone.get("/endpoints", query), "endpoints",
                        n -> endpoint(n, types)).stream()
                .sorted(Comparator.comparing((RegisteredEndpoint e) -> String.valueOf(e.serviceType()))
                        .thenComparing(RegisteredEndpoint::iface).thenComparing(e -> String.valueOf(e.region())))
                .toList();
        return new RegisteredEndpointPage(endpoints, endpoints.size());
    }

    public RegisteredEndpoint endpoint(String id) {
        JsonNode found = keystone.find("/endpoints/" + Json.segment(id.trim()), "endpoint");
        if (found == null) {
            throw OpenStackFaults.notFound("Endpoint '" + id.trim() + "'");
        }
        return endpoint(found, typesById(registered()));
    }

    /** Every registered service: one call, for both resolving a reference and naming endpoints' services. */
    private List<JsonNode> registered() {
        return KeystoneClient.items(keystone.get("/services", null), "services", Function.identity());
    }

    /** A service by id, or by type or name when exactly one service has it. */
    private static JsonNode resolveService(String ref, List<JsonNode> services) {
        String value = ref.trim();
        List<JsonNode> matches = services.stream().filter(s -> value.equals(Json.nonEmpty(s, "id"))
                || value.equals(Json.nonEmpty(s, "type")) || value.equals(Json.nonEmpty(s, "name"))).toList();
        if (matches.isEmpty()) {
            throw OpenStackFaults.notFound("Service '" + value + "' (by id, type or name)");
        }
        if (matches.size() > 1) {
            throw ToolException.invalid("Several services match '" + value + "': "
                    + matches.stream().map(s -> Json.nonEmpty(s, "id")).toList() + "; name one by id.");
        }
        return matches.get(0);
    }

    private static Map<String, String> typesById(List<JsonNode> services) {
        return services.stream().collect(Collectors.toMap(s -> Json.nonEmpty(s, "id"),
                s -> Objects.toString(Json.nonEmpty(s, "type"), ""), (a, b) -> a));
    }

    static RegisteredService service(JsonNode n) {
        return new RegisteredService(Json.nonEmpty(n, "id"), Objects.toString(Json.nonEmpty(n, "type"), ""),
                Json.nonEmpty(n, "name"), Json.nonEmpty(n, "description"), n.path("enabled").asBoolean(true));
    }

    static RegisteredEndpoint endpoint(JsonNode n, Map<String, String> types) {
        String serviceId = Json.nonEmpty(n, "service_id");
        return new RegisteredEndpoint(Json.nonEmpty(n, "id"), serviceId, types.get(serviceId),
                Json.nonEmpty(n, "interface"), Json.nonEmpty(n, "region_id") != null ? Json.nonEmpty(n, "region_id")
                : Json.nonEmpty(n, "region"), Json.nonEmpty(n, "url"), n.path("enabled").asBoolean(true));
    }
}
