package io.github.openstackops.mcp.cloud.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.services.CinderClient;
import io.github.openstackops.mcp.cloud.services.NeutronClient;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.github.openstackops.mcp.cloud.services.OctaviaClient;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import static io.github.openstackops.mcp.cloud.Json.longValue;
import static io.github.openstackops.mcp.cloud.Json.segment;
import static io.github.openstackops.mcp.cloud.Rounding.percent;

/**
 * Quotas of a project with their usage, from each service's quota detail API: Nova os-quota-sets/{p}/detail
 * (microversion 2.57: only the quotas Nova still enforces), Neutron quotas/{p}/details, Cinder
 * os-quota-sets/{p}?usage=true, Octavia lbaas/quotas/{p} (only where the catalog has it; Octavia reports no usage, so
 * it is counted from the project's objects). One service failing does not hide the others: its section is absent and the failure
 * is named. Resource names are the same in what is read and in what {@code quota_set} takes. Read by the quota tools
 * and by the resource monitor.
 */
@Singleton
public class Quotas {

    public static final String NOVA_MV = "2.57";
    public static final String LB_QUOTAS = "/lbaas/quotas/";

    /** Which service's quotas. */
    public enum Service {
        COMPUTE, NETWORK, VOLUME, LOAD_BALANCER;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Our name of a quota → the service's own name. */
    public static final Map<String, String> COMPUTE_NAMES = ordered("instances", "instances", "cores", "cores", "ram_mb", "ram",
            "key_pairs", "key_pairs", "server_groups", "server_groups", "server_group_members", "server_group_members",
            "metadata_items", "metadata_items");
    public static final Map<String, String> NETWORK_NAMES = ordered("networks", "network", "subnets", "subnet",
            "subnet_pools", "subnetpool", "ports", "port", "routers", "router", "floating_ips", "floatingip",
            "security_groups", "security_group", "security_group_rules", "security_group_rule",
            "rbac_policies", "rbac_policy");
    public static final Map<String, String> VOLUME_NAMES = ordered("volumes", "volumes", "gigabytes", "gigabytes",
            "snapshots", "snapshots", "backups", "backups", "backup_gigabytes", "backup_gigabytes",
            "per_volume_gigabytes", "per_volume_gigabytes", "groups", "groups");
    public static final Map<String, String> LOAD_BALANCER_NAMES = ordered("load_balancers", "load_balancer",
            "listeners", "listener", "pools", "pool", "members", "member", "health_monitors", "health_monitor",
            "l7_policies", "l7policy", "l7_rules", "l7rule");

    private final NovaClient nova;
    private final CinderClient cinder;
    private final NeutronClient neutron;
    private final OctaviaClient octavia;
    private final OpenStackFaults faults;

    public Quotas(NovaClient nova, CinderClient cinder, NeutronClient neutron, OctaviaClient octavia,
                  OpenStackFaults faults) {
        this.nova = nova;
        this.cinder = cinder;
        this.neutron = neutron;
        this.octavia = octavia;
        this.faults = faults;
    }

    @Doc("One quota of a project and its use")
    public record QuotaItem(

    @Doc("Resource, e.g. instances, cores, ram_mb, volumes, gigabytes, networks, floating_ips") String resource,

    @Doc("The quota; -1 means unlimited") long limit,

    @Doc("In use now") long inUse,

    @Doc("Reserved by operations in progress") long reserved,
            @Nullable @Doc("In use (plus reserved), in percent of the quota; absent when unlimited") Double percentUsed) {
    }

    @Doc("A part of the answer that could not be read")
    public record SectionFailure(

    @Doc("compute, network, volume or load_balancer") String service,

    @Doc("Why, in a sentence") String reason) {
    }

    @Doc("Quotas of a project with their usage, per service")
    public record ProjectQuotas(

    @Doc("Project id") String projectId,
            @Nullable @Doc("Project name") String projectName,
            @Nullable @Doc("Nova quotas (absent when they could not be read)") List<QuotaItem> compute,
            @Nullable @Doc("Neutron quotas (absent when they could not be read)") List<QuotaItem> network,
            @Nullable @Doc("Cinder quotas (absent when they could not be read)") List<QuotaItem> volume,
            @Nullable @Doc("Octavia quotas (absent when the cloud has no load-balancer service or they could not be"
                    + " read)") List<QuotaItem> loadBalancer,

    @Doc("Services whose quotas could not be read, and why") List<SectionFailure> failures) {
    }

    /** What reading the quotas gave, with the failures as exceptions (for callers that must rethrow one). */
    public record Reading(ProjectQuotas quotas, List<ToolException> errors) {
        public boolean nothingRead() {
            return quotas.compute() == null && quotas.network() == null && quotas.volume() == null
                    && quotas.loadBalancer() == null;
        }
    }

    /** The services' quotas of a project known to exist; failures are collected, not thrown. */
    public Reading read(String projectId, @Nullable String projectName) {
        return read(projectId, projectName, true);
    }

    /**
     * Same; without {@code loadBalancer} Octavia is not asked (the resource monitor, which reads every project, spares
     * the six calls its section costs).
     */
    public Reading read(String projectId, @Nullable String projectName, boolean loadBalancer) {
        List<SectionFailure> failures = new ArrayList<>();
        List<ToolException> errors = new ArrayList<>();
        List<QuotaItem> compute = section(Service.COMPUTE, () -> items(computeDetail(projectId), COMPUTE_NAMES),
                failures, errors);
        List<QuotaItem> network = section(Service.NETWORK, () -> items(networkDetail(projectId), NETWORK_NAMES),
                failures, errors);
        List<QuotaItem> volume = section(Service.VOLUME, () -> items(volumeDetail(projectId), VOLUME_NAMES),
                failures, errors);
        List<QuotaItem> lb = !loadBalancer || !octavia.available() ? null : section(Service.LOAD_BALANCER,
                () -> items(loadBalancerDetail(projectId), LOAD_BALANCER_NAMES), failures, errors);
        return new Reading(new ProjectQuotas(projectId, projectName, compute, network, volume, lb, failures),
                errors);
    }

    public JsonNode computeDetail(String projectId) {
        return nova.at(NOVA_MV).get("/os-quota-sets/" + segment(projectId) + "/detail", null)
                .path("quota_set");
    }

    public JsonNode networkDetail(String projectId) {
        return neutron.get("/quotas/" + segment(projectId) + "/details.json", null).path("quota");
    }

    public JsonNode volumeDetail(String projectId) {
        return cinder.get("/os-quota-sets/" + segment(projectId), Map.of("usage", "true"))
                .path("quota_set");
    }

    /** Octavia's limits of a project (plain numbers, as it takes them back). */
    public JsonNode loadBalancerLimits(String projectId) {
        return octavia.get(LB_QUOTAS + segment(projectId), null).path("quota");
    }

    /**
     * Octavia's limits in the shape of the other services' detail answers, with the use counted from the project's
     * load balancers, listeners, pools (and their members), health monitors and L7 policies (and their rules).
     */
    public JsonNode loadBalancerDetail(String projectId) {
        JsonNode limits = loadBalancerLimits(projectId);
        Map<String, ?> mine = Map.of("project_id", projectId);
        List<JsonNode> pools = octavia.list("/lbaas/pools", "pools", mine);
        List<JsonNode> policies = octavia.list("/lbaas/l7policies", "l7policies", mine);
        Map<String, Integer> used = Map.of(
                "load_balancer", octavia.list("/lbaas/loadbalancers", "loadbalancers", mine).size(),
                "listener", octavia.list("/lbaas/listeners", "listeners", mine).size(),
                "pool", pools.size(),
                "member", pools.stream().mapToInt(p -> p.path("members").size()).sum(),
                "health_monitor", octavia.list("/lbaas/healthmonitors", "healthmonitors", mine).size(),
                "l7policy", policies.size(),
                "l7rule", policies.stream().mapToInt(p -> p.path("rules").size()).sum());
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        LOAD_BALANCER_NAMES.values().forEach(theirs -> {
            JsonNode limit = limits.get(theirs);
            if (limit != null && limit.isNumber()) {
                detail.putObject(theirs).put("limit", limit.asLong()).put("in_use", used.get(theirs));
            }
        });
        return detail;
    }

    private List<QuotaItem> section(Service service, Supplier<List<QuotaItem>> read, List<SectionFailure> failures,
                                    List<ToolException> errors) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            ToolException fault = faults.translate(e).orElseThrow(() -> e);
            failures.add(new SectionFailure(service.id(), fault.getMessage()));
            errors.add(fault);
            return null;
        }
    }

    /**
     * The quotas of a detail answer, in our names and order; quotas we do not know are kept under their own names.
     * Cinder's per-volume-type quotas ("volumes_&lt;type&gt;", ...) are shown only when they are limited.
     */
    public static List<QuotaItem> items(JsonNode detail, Map<String, String> names) {
        Map<String, String> ours = new LinkedHashMap<>();
        names.forEach((our, theirs) -> ours.put(theirs, our));
        Map<String, QuotaItem> known = new LinkedHashMap<>();
        List<QuotaItem> others = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = detail.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isObject() || !e.getValue().has("limit")) {
                continue; // "id"
            }
            long limit = orZero(longValue(e.getValue(), "limit"));
            long inUse = orZero(longValue(e.getValue(), "in_use") != null ? longValue(e.getValue(), "in_use")
                    : longValue(e.getValue(), "used"));
            long reserved = orZero(longValue(e.getValue(), "reserved"));
            Double pct = limit < 0 ? null : limit == 0 ? (inUse + reserved > 0 ? 100.0 : null)
                    : percent(inUse + reserved, limit);
            String name = ours.get(e.getKey());
            if (name != null) {
                known.put(name, new QuotaItem(name, limit, inUse, reserved, pct));
            } else if (e.getKey().contains("___")) {
                if (limit >= 0) {
                    String[] parts = e.getKey().split("___", 2);
                    others.add(new QuotaItem(parts[0] + " (volume type " + parts[1] + ")", limit, inUse, reserved, pct));
                }
            } else {
                others.add(new QuotaItem(e.getKey(), limit, inUse, reserved, pct));
            }
        }
        List<QuotaItem> out = new ArrayList<>();
        names.keySet().forEach(n -> {
            if (known.containsKey(n)) {
                out.add(known.get(n));
            }
        });
        out.addAll(others);
        return out;
    }

    public static Map<String, String> names(Service service) {
        return switch (service) {
            case COMPUTE -> COMPUTE_NAMES;
            case NETWORK -> NETWORK_NAMES;
            case VOLUME -> VOLUME_NAMES;
            case LOAD_BALANCER -> LOAD_BALANCER_NAMES;
        };
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    private static long orZero(@Nullable Long v) {
        return v == null ? 0 : v;
    }
}
