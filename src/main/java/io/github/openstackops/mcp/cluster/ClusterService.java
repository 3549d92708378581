package io.github.openstackops.mcp.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Secrets;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.lookup.HypervisorTotals;
import io.github.openstackops.mcp.cloud.lookup.HypervisorTotals.HypervisorStats;
import io.github.openstackops.mcp.cloud.lookup.ProjectScope;
import io.github.openstackops.mcp.cloud.services.CinderClient;
import io.github.openstackops.mcp.cloud.services.NeutronClient;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.github.openstackops.mcp.cloud.services.ServiceClient;
import io.github.openstackops.mcp.cluster.ClusterRecords.AgentCounts;
import io.github.openstackops.mcp.cluster.ClusterRecords.ClusterStatus;
import io.github.openstackops.mcp.cluster.ClusterRecords.ComputeStatus;
import io.github.openstackops.mcp.cluster.ClusterRecords.ExternalNetwork;
import io.github.openstackops.mcp.cluster.ClusterRecords.FloatingIpCounts;
import io.github.openstackops.mcp.cluster.ClusterRecords.HypervisorSummary;
import io.github.openstackops.mcp.cluster.ClusterRecords.LoadBalancingStatus;
import io.github.openstackops.mcp.cluster.ClusterRecords.NetworkStatus;
import io.github.openstackops.mcp.cluster.ClusterRecords.PartFailure;
import io.github.openstackops.mcp.cluster.ClusterRecords.RouterCounts;
import io.github.openstackops.mcp.cluster.ClusterRecords.ServerCounts;
import io.github.openstackops.mcp.cluster.ClusterRecords.ServiceState;
import io.github.openstackops.mcp.cluster.ClusterRecords.StorageStatus;
import io.github.openstackops.mcp.cluster.ClusterRecords.VolumeCounts;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import static io.github.openstackops.mcp.cloud.Json.array;
import static io.github.openstackops.mcp.cloud.Json.bool;
import static io.github.openstackops.mcp.cloud.Json.longValue;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.cloud.Rounding.percent;

/**
 * The state of the whole cloud in one call. Nova, Neutron and Cinder are read at the same time, one virtual thread
 * per part (each builds its own client through the session), so the answer takes as long as the slowest part and a
 * service that is down only blanks its own section, which is marked failed with the reason. Servers, floating IPs,
 * routers and volumes are counted page by page up to a scan limit (the answer says when it is partial); capacity
 * comes from the hypervisor statistics and total volume counts from Cinder's summary, which cost one call each
 * however big the cloud is. A token without the admin role gets the project's view, with the admin-only parts named
 * as skipped.
 */
@Singleton
public class ClusterService {

    static final String NOVA_MV = "2.53";
    static final String CINDER_SUMMARY_MV = "3.12";
    static final String COMPUTE = "compute";
    static final String NETWORK = "network";
    static final String VOLUME = "volume";
    static final String LOADBALANCER = "loadbalancer";
    /** Page size of the scans: below every service's own maximum (Nova and Cinder cap pages at 1000). */
    private static final int PAGE = 500;
    /** Most servers in ERROR counted when the server scan was partial (one call). */
    static final int ERROR_SCAN = 1000;

    private final NovaClient nova;
    private final CinderClient cinder;
    private final NeutronClient neutron;
    private final HypervisorTotals hypervisorTotals;
    private final ProjectScope projects;
    private final OpenStackFaults faults;
    private final LoadBalancerCensus loadBalancers;
    private final Clock clock;

    public ClusterService(NovaClient nova, CinderClient cinder, NeutronClient neutron, HypervisorTotals hypervisorTotals,
                          ProjectScope projects, OpenStackFaults faults, LoadBalancerCensus loadBalancers) {
        this.nova = nova;
        this.cinder = cinder;
        this.loadBalancers = loadBalancers;
        this.neutron = neutron;
        this.hypervisorTotals = hypervisorTotals;
        this.projects = projects;
        this.faults = faults;
        this.clock = Clock.systemUTC();
    }

    /** What the hypervisor part found: the summary, and the hosts that are down. */
    record HypervisorScan(HypervisorSummary summary, List<String> downHosts) {
    }

    /** A counted list: how many, whether the scan stopped at the limit. */
    record Scan(int counted, boolean partial) {
    }

    public ClusterStatus status(int scanLimit, Duration timeout) {
        long started = System.nanoTime();
        boolean admin = projects.isAdmin();
        Map<String, Supplier<Object>> tasks = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        Map<String, String> adminOnly = new LinkedHashMap<>();
        adminOnly.put("compute/hypervisors", "hypervisors and utilisation");
        adminOnly.put("compute/services", "Nova services");
        adminOnly.put("network/agents", "Neutron agents");
        adminOnly.put("volume/services", "Cinder services");
        add(tasks, admin, "compute/hypervisors", () -> hypervisors(scanLimit));
        add(tasks, admin, "compute/services", () -> services(nova.at(NOVA_MV)));
        add(tasks, true, "compute/servers", () -> servers(admin, scanLimit));
        add(tasks, true, "network/external_networks", () -> externalNetworks(admin));
        add(tasks, true, "network/floating_ips", () -> floatingIps(scanLimit));
        add(tasks, true, "network/routers", () -> routers(scanLimit));
        add(tasks, admin, "network/agents", this::agents);
        add(tasks, true, "volume/volumes", () -> volumes(admin, scanLimit));
        add(tasks, admin, "volume/services", () -> services(cinder));
        boolean octavia = loadBalancers.available();
        add(tasks, octavia, "loadbalancer/load_balancers", () -> loadBalancers.count(scanLimit));
        if (!admin) {
            adminOnly.forEach((part, what) -> skipped.add(part + ": " + what + " need the admin role"));
        }

        Map<String, Parallel.Outcome<Object>> out = Parallel.run(tasks, timeout, tasks.size(), faults);

        List<PartFailure> failures = new ArrayList<>();
        out.forEach((part, outcome) -> {
            if (!outcome.ok()) {
                String[] p = part.split("/", 2);
                failures.add(new PartFailure(p[0], p[1], Secrets.scrub(outcome.failure().getMessage())));
            }
        });
        HypervisorScan hypervisors = value(out, "compute/hypervisors");
        @SuppressWarnings("unchecked") List<ServiceState> novaServices = value(out, "compute/services");
        ServerCounts servers = value(out, "compute/servers");
        @SuppressWarnings("unchecked") List<ExternalNetwork> externals = value(out, "network/external_networks");
        FloatingIpCounts fips = value(out, "network/floating_ips");
        RouterCounts routers = value(out, "network/routers");
        AgentCounts agents = value(out, "network/agents");
        VolumeCounts volumes = value(out, "volume/volumes");
        @SuppressWarnings("unchecked") List<ServiceState> cinderServices = value(out, "volume/services");

        ComputeStatus compute = new ComputeStatus(state(out, COMPUTE), reason(failures, COMPUTE),
                hypervisors == null ? null : hypervisors.summary(), servers, novaServices);
        NetworkStatus network = new NetworkStatus(state(out, NETWORK), reason(failures, NETWORK), externals, fips,
                routers, agents);
        StorageStatus storage = new StorageStatus(state(out, VOLUME), reason(failures, VOLUME), volumes,
                cinderServices);
        LoadBalancingStatus loadBalancing = octavia ? new LoadBalancingStatus(state(out, LOADBALANCER),
                reason(failures, LOADBALANCER), value(out, "loadbalancer/load_balancers"))
                : new LoadBalancingStatus("absent", "The catalog has no load-balancer (Octavia) service.", null);

        ClusterHealth health = ClusterHealth.assess(compute, hypervisors == null ? List.of() : hypervisors.downHosts(),
                network, storage, loadBalancing, failures, out);
        return new ClusterStatus(clock.instant().toString(), admin ? "cloud" : "project", health.score(),
                health.label(), health.issues(), compute, network, storage, loadBalancing, failures, skipped,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private static void add(Map<String, Supplier<Object>> tasks, boolean run, String part, Supplier<Object> task) {
        if (run) {
            tasks.put(part, task);
        }
    }

    @SuppressWarnings("unchecked")
    @Nullable
    private static <T> T value(Map<String, Parallel.Outcome<Object>> out, String part) {
        Parallel.Outcome<Object> o = out.get(part);
        return o == null ? null : (T) o.value();
    }

    @Nullable
    private static String reason(List<PartFailure> failures, String service) {
        return failures.stream().filter(f -> f.service().equals(service)).findFirst()
                .map(f -> f.part().replace('_', ' ') + ": " + f.reason()).orElse(null);
    }

    /** ok, partial or failed, from the parts of a service that were attempted. */
    static String state(Map<String, Parallel.Outcome<Object>> out, String service) {
        long attempted = out.keySet().stream().filter(k -> k.startsWith(service + "/")).count();
        long failed = out.entrySet().stream().filter(e -> e.getKey().startsWith(service + "/") && !e.getValue().ok())
                .count();
        return failed == 0 ? "ok" : failed == attempted ? "failed" : "partial";
    }

    // ---- compute ----

    private HypervisorScan hypervisors(int scanLimit) {
        HypervisorStats s = hypervisorTotals.stats();
        int[] up = {0};
        int[] down = {0};
        int[] disabled = {0};
        List<String> downHosts = new ArrayList<>();
        Function<Map<String, Object>, JsonNode> page = q -> nova.at(NOVA_MV).get("/os-hypervisors", q);
        scan(page, Map.of(), "hypervisors", "id", scanLimit, h -> {
            boolean isUp = "up".equals(text(h, "state"));
            boolean isEnabled = !"disabled".equals(text(h, "status"));
            if (isUp) {
                up[0]++;
            } else {
                down[0]++;
                if (isEnabled) {
                    downHosts.add(text(h, "hypervisor_hostname"));
                }
            }
            if (!isEnabled) {
                disabled[0]++;
            }
        });
        return new HypervisorScan(new HypervisorSummary(s.count(), up[0], down[0], disabled[0], s.vcpus(),
                s.vcpusUsed(), s.vcpusUsedPercent(), s.ramMb(), s.ramUsedMb(), s.ramUsedPercent(), s.diskGb(),
                s.diskUsedGb(), s.diskUsedPercent(), s.runningVms()), downHosts);
    }

    private List<ServiceState> services(ServiceClient service) {
        return array(service.get("/os-services", null), "services").stream()
                .map(s -> new ServiceState(text(s, "binary"), text(s, "host"), text(s, "zone"), text(s, "status"),
                        Boolean.TRUE.equals(bool(s, "forced_down")) ? "down" : text(s, "state"),
                        text(s, "disabled_reason")))
                .toList();
    }

    private ServerCounts servers(boolean admin, int scanLimit) {
        Map<String, Object> filter = admin ? Map.of("all_tenants", 1) : Map.of();
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byZone = new TreeMap<>();
        Function<Map<String, Object>, JsonNode> page = q -> nova.get("/servers/detail", q);
        Scan scan = scan(page, filter, "servers", "id", scanLimit, s -> {
            byStatus.merge(String.valueOf(text(s, "status")), 1, Integer::sum);
            String zone = text(s, "OS-EXT-AZ:availability_zone");
            byZone.merge(zone == null || zone.isEmpty() ? "(none)" : zone, 1, Integer::sum);
        });
        int error = byStatus.getOrDefault("ERROR", 0);
        if (scan.partial()) {
            Map<String, Object> query = new HashMap<>(filter);
            query.put("status", "ERROR");
            query.put("limit", ERROR_SCAN);
            error = array(nova.get("/servers", query), "servers").size();
        }
        return new ServerCounts(scan.counted(), scan.partial(), byStatus, byZone, error);
    }

    // ---- network ----

    private List<ExternalNetwork> externalNetworks(boolean admin) {
        List<JsonNode> nets = array(neutron.get("/networks",
                Map.of("router:external", "true", "fields", List.of("id", "name", "status"))), "networks");
        Map<String, JsonNode> availability = new HashMap<>();
        if (admin && !nets.isEmpty()) {
            Map<String, Object> query = new HashMap<>();
            query.put("network_id", nets.stream().map(n -> text(n, "id")).toList());
            for (JsonNode a : array(neutron.get("/network-ip-availabilities", query), "network_ip_availabilities")) {
                availability.put(text(a, "network_id"), a);
            }
        }
        return nets.stream().map(n -> {
            JsonNode a = availability.get(text(n, "id"));
            Long total = a == null ? null : longValue(a, "total_ips");
            Long used = a == null ? null : longValue(a, "used_ips");
            return new ExternalNetwork(text(n, "id"), text(n, "name"), text(n, "status"), total, used,
                    percent(used, total));
        }).toList();
    }

    private FloatingIpCounts floatingIps(int scanLimit) {
        int[] associated = {0};
        Scan scan = scan(q -> neutron.get("/floatingips", q), Map.of("fields", List.of("id", "port_id")),
                "floatingips", "id", scanLimit, f -> {
                    if (text(f, "port_id") != null) {
                        associated[0]++;
                    }
                });
        return new FloatingIpCounts(scan.counted(), scan.partial(), associated[0], scan.counted() - associated[0]);
    }

    private RouterCounts routers(int scanLimit) {
        Map<String, Integer> byStatus = new TreeMap<>();
        int[] gateway = {0};
        int[] adminDown = {0};
        Scan scan = scan(q -> neutron.get("/routers", q),
                Map.of("fields", List.of("id", "status", "admin_state_up", "external_gateway_info")), "routers",
                "id", scanLimit, r -> {
                    byStatus.merge(String.valueOf(text(r, "status")), 1, Integer::sum);
                    JsonNode gw = r.get("external_gateway_info");
                    if (gw != null && !gw.isNull() && gw.has("network_id")) {
                        gateway[0]++;
                    }
                    if (Boolean.FALSE.equals(bool(r, "admin_state_up"))) {
                        adminDown[0]++;
                    }
                });
        return new RouterCounts(scan.counted(), scan.partial(), byStatus, gateway[0], adminDown[0]);
    }

    private AgentCounts agents() {
        List<JsonNode> agents = array(neutron.get("/agents", Map.of("fields", List.of("id", "alive", "admin_state_up"))),
                "agents");
        int alive = (int) agents.stream().filter(a -> Boolean.TRUE.equals(bool(a, "alive"))).count();
        return new AgentCounts(agents.size(), alive, agents.size() - alive);
    }

    // ---- volume ----

    private VolumeCounts volumes(boolean admin, int scanLimit) {
        Map<String, Object> filter = admin ? Map.of("all_tenants", 1) : Map.of();
        JsonNode summary = Json.orNull(() -> cinder.at(CINDER_SUMMARY_MV).get("/volumes/summary", filter));
        JsonNode s = summary == null ? null : summary.path("volume-summary");
        Map<String, Integer> byStatus = new TreeMap<>();
        Scan scan = scan(q -> cinder.get("/volumes/detail", q), filter, "volumes", "id",
                scanLimit, v -> byStatus.merge(String.valueOf(text(v, "status")), 1, Integer::sum));
        return new VolumeCounts(s == null ? null : Json.integer(s, "total_count"),
                s == null ? null : longValue(s, "total_size"), scan.counted(), scan.partial(), byStatus);
    }

    // ---- paging ----

    /**
     * Reads a list page by page (limit + marker, {@code call} sends one page's query) and hands each item to
     * {@code each}, up to {@code scanLimit} items; partial when more are left.
     */
    private Scan scan(Function<Map<String, Object>, JsonNode> call, Map<String, Object> filter, String field,
                      String idField, int scanLimit, Consumer<JsonNode> each) {
        int counted = 0;
        String marker = null;
        while (true) {
            int want = Math.min(PAGE, scanLimit - counted);
            Map<String, Object> query = new HashMap<>(filter);
            query.put("limit", want + 1);
            if (marker != null) {
                query.put("marker", marker);
            }
            List<JsonNode> page = array(call.apply(query), field);
            int take = Math.min(want, page.size());
            for (int i = 0; i < take; i++) {
                each.accept(page.get(i));
            }
            counted += take;
            boolean more = page.size() > want;
            if (!more) {
                return new Scan(counted, false);
            }
            if (counted >= scanLimit) {
                return new Scan(counted, true);
            }
            marker = text(page.get(take - 1), idField);
        }
    }
}
