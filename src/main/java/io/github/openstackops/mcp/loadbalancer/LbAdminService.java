package io.github.openstackops.mcp.loadbalancer;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.services.OctaviaClient;
import io.github.openstackops.mcp.loadbalancer.LbAdminRecords.Amphora;
import io.github.openstackops.mcp.loadbalancer.LbAdminRecords.AmphoraSummary;
import io.github.openstackops.mcp.loadbalancer.LbAdminRecords.Capability;
import io.github.openstackops.mcp.loadbalancer.LbAdminRecords.LbAvailabilityZone;
import io.github.openstackops.mcp.loadbalancer.LbAdminRecords.LbAvailabilityZoneList;
import io.github.openstackops.mcp.loadbalancer.LbAdminRecords.LbFlavor;
import io.github.openstackops.mcp.loadbalancer.LbAdminRecords.Provider;
import io.github.openstackops.mcp.loadbalancer.LbAdminRecords.ProviderDetail;
import io.github.openstackops.mcp.loadbalancer.LbAdminRecords.ProviderList;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.flag;
import static io.github.openstackops.mcp.cloud.Json.nonEmpty;
import static io.github.openstackops.mcp.cloud.Json.putIfSet;
import static io.github.openstackops.mcp.cloud.Json.segment;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.loadbalancer.LbProvisioning.LBS;
import static io.github.openstackops.mcp.loadbalancer.LbTree.name;
import static io.github.openstackops.mcp.loadbalancer.LoadBalancerService.blank;

/**
 * What the load-balancer service offers and runs on: amphorae (admin), provider drivers and their capabilities,
 * load-balancer flavors and availability zones.
 */
@Singleton
public class LbAdminService {

    static final String AMPHORAE = "/octavia/amphorae";
    static final String PROVIDERS = "/lbaas/providers";
    static final String FLAVORS = "/lbaas/flavors";
    static final String ZONES = "/lbaas/availabilityzones";

    private final OctaviaClient octavia;

    public LbAdminService(OctaviaClient octavia) {
        this.octavia = octavia;
    }

    public Page<AmphoraSummary> amphorae(int limit, @Nullable String marker, @Nullable String loadBalancer,
                                @Nullable String status, @Nullable String role) {
        Map<String, Object> query = new LinkedHashMap<>();
        if (blank(loadBalancer) != null) {
            query.put("loadbalancer_id", text(octavia.resolve("Load balancer", LBS, "loadbalancers", "loadbalancer",
                    loadBalancer), "id"));
        }
        putIfSet(query, "status", status);
        putIfSet(query, "role", role);
        Paging.Slice<JsonNode> page = octavia.page(AMPHORAE, "amphorae", query, limit, marker);
        List<AmphoraSummary> out = page.items().stream().map(a -> new AmphoraSummary(text(a, "id"),
                text(a, "loadbalancer_id"), text(a, "status"), text(a, "role"), text(a, "lb_network_ip"),
                text(a, "ha_ip"))).toList();
        return LbAdminRecords.AMPHORAE.page(out, page.nextMarker());
    }

    public Amphora amphora(String id) {
        JsonNode a = octavia.require("Amphora", AMPHORAE, "amphora", id);
        return new Amphora(text(a, "id"), text(a, "loadbalancer_id"), text(a, "status"), text(a, "role"),
                text(a, "compute_id"), text(a, "lb_network_ip"), text(a, "vrrp_ip"), text(a, "ha_ip"),
                text(a, "vrrp_port_id"), text(a, "ha_port_id"), text(a, "image_id"), text(a, "compute_flavor"),
                text(a, "cert_expiration"), text(a, "created_at"), text(a, "updated_at"));
    }

    public ProviderList providers() {
        List<Provider> out = Json.elements(octavia.get(PROVIDERS, null).path("providers")).stream()
                .map(p -> new Provider(text(p, "name"), nonEmpty(p, "description"))).toList();
        return new ProviderList(out, out.size());
    }

    /** A provider by name, with its capabilities (admin only in Octavia's default policy). */
    public ProviderDetail provider(String name) {
        String wanted = name.trim();
        ProviderList all = providers();
        Provider p = all.providers().stream().filter(x -> x.name().equals(wanted)).findFirst()
                .orElseThrow(() -> OpenStackFaults.notFound("Provider '" + wanted + "' (enabled: "
                        + String.join(", ", all.providers().stream().map(Provider::name).toList()) + ")"));
        String at = PROVIDERS + "/" + segment(p.name());
        return new ProviderDetail(p.name(), p.description(),
                capabilities(octavia.get(at + "/flavor_capabilities", null), "flavor_capabilities"),
                capabilities(octavia.get(at + "/availability_zone_capabilities", null),
                        "availability_zone_capabilities"));
    }

    private static List<Capability> capabilities(JsonNode response, String key) {
        return Json.elements(response.path(key)).stream()
                .map(c -> new Capability(text(c, "name"), nonEmpty(c, "description"))).toList();
    }

    public Page<LbFlavor> flavors(int limit, @Nullable String marker, @Nullable String name, @Nullable Boolean enabled) {
        Map<String, Object> query = new LinkedHashMap<>();
        putIfSet(query, "name", blank(name));
        putIfSet(query, "enabled", enabled);
        Paging.Slice<JsonNode> page = octavia.page(FLAVORS, "flavors", query, limit, marker);
        List<LbFlavor> out = page.items().stream().map(LbAdminService::flavor).toList();
        return LbAdminRecords.FLAVORS.page(out, page.nextMarker());
    }

    public LbFlavor flavor(String ref) {
        return flavor(octavia.resolve("Load-balancer flavor", FLAVORS, "flavors", "flavor", ref));
    }

    private static LbFlavor flavor(JsonNode f) {
        return new LbFlavor(text(f, "id"), name(f), nonEmpty(f, "description"), flag(f, "enabled"),
                text(f, "flavor_profile_id"));
    }

    /**
     * Every availability zone (there are few; Octavia cannot page them: its marker needs an id they do not have),
     * filtered by Octavia.
     */
    public LbAvailabilityZoneList zones(@Nullable String name, @Nullable Boolean enabled) {
        Map<String, Object> query = new LinkedHashMap<>();
        putIfSet(query, "name", blank(name));
        putIfSet(query, "enabled", enabled);
        List<LbAvailabilityZone> out = octavia.list(ZONES, "availability_zones", query).stream()
                .map(LbAdminService::zone).toList();
        return new LbAvailabilityZoneList(out, out.size());
    }

    public LbAvailabilityZone zone(String name) {
        String wanted = name.trim();
        JsonNode z = octavia.find(ZONES + "/" + segment(wanted), "availability_zone");
        if (z == null) {
            throw OpenStackFaults.notFound("Load-balancer availability zone '" + wanted + "'");
        }
        return zone(z);
    }

    private static LbAvailabilityZone zone(JsonNode z) {
        return new LbAvailabilityZone(text(z, "name"), nonEmpty(z, "description"), flag(z, "enabled"),
                text(z, "availability_zone_profile_id"));
    }
}
