package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudApi;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.compute.QuotaRecords.ProjectQuotas;
import io.github.openstackops.mcp.compute.QuotaRecords.QuotaChange;
import io.github.openstackops.mcp.compute.QuotaRecords.QuotaItem;
import io.github.openstackops.mcp.compute.QuotaRecords.QuotaSetResult;
import io.github.openstackops.mcp.compute.QuotaRecords.SectionFailure;
import io.github.openstackops.mcp.network.NeutronApi;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.core.transport.HttpMethod;

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
import static io.github.openstackops.mcp.compute.Rounding.percent;

/**
 * Quotas of a project with their usage, from each service's quota detail API: Nova os-quota-sets/{p}/detail
 * (microversion 2.57: only the quotas Nova still enforces), Neutron quotas/{p}/details, Cinder
 * os-quota-sets/{p}?usage=true. One service failing does not hide the others: its section is absent and the failure
 * is named. Resource names are the same in what is read and in what {@code quota_set} takes.
 */
@Singleton
public class QuotaService {

    static final Map<String, String> NOVA_MV = CloudApi.nova("2.57");

    /** Which service's quotas. */
    public enum Service {
        COMPUTE, NETWORK, VOLUME;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Our name of a quota → the service's own name. */
    static final Map<String, String> COMPUTE_NAMES = ordered("instances", "instances", "cores", "cores", "ram_mb", "ram",
            "key_pairs", "key_pairs", "server_groups", "server_groups", "server_group_members", "server_group_members",
            "metadata_items", "metadata_items");
    static final Map<String, String> NETWORK_NAMES = ordered("networks", "network", "subnets", "subnet",
            "subnet_pools", "subnetpool", "ports", "port", "routers", "router", "floating_ips", "floatingip",
            "security_groups", "security_group", "security_group_rules", "security_group_rule",
            "rbac_policies", "rbac_policy");
    static final Map<String, String> VOLUME_NAMES = ordered("volumes", "volumes", "gigabytes", "gigabytes",
            "snapshots", "snapshots", "backups", "backups", "backup_gigabytes", "backup_gigabytes",
            "per_volume_gigabytes", "per_volume_gigabytes", "groups", "groups");

    private final CloudApi api;
    private final NeutronApi neutron;
    private final ProjectScope projects;
    private final OpenStackFaults faults;

    public QuotaService(CloudApi api, NeutronApi neutron, ProjectScope projects, OpenStackFaults faults) {
        this.api = api;
        this.neutron = neutron;
        this.projects = projects;
        this.faults = faults;
    }

    /** What reading the quotas gave, with the failures as exceptions (for callers that must rethrow one). */
    public record Reading(ProjectQuotas quotas, List<ToolException> errors) {
        public boolean nothingRead() {
            return quotas.compute() == null && quotas.network() == null && quotas.volume() == null;
        }
    }

    public ProjectQuotas get(@Nullable String project) {
        ProjectScope.Project p = projects.resolve(project);
        Reading reading = read(p.id(), p.name());
        if (reading.nothingRead() && !reading.errors().isEmpty()) {
            throw reading.errors().get(0); // e.g. FORBIDDEN for another project: one clear error, not three
        }
        return reading.quotas();
    }

    /** The three services' quotas of a project known to exist; failures are collected, not thrown. */
    public Reading read(String projectId, @Nullable String projectName) {
        List<SectionFailure> failures = new ArrayList<>();
        List<ToolException> errors = new ArrayList<>();
        List<QuotaItem> compute = section(Service.COMPUTE, () -> items(computeDetail(projectId), COMPUTE_NAMES),
                failures, errors);
        List<QuotaItem> network = section(Service.NETWORK, () -> items(networkDetail(projectId), NETWORK_NAMES),
                failures, errors);
        List<QuotaItem> volume = section(Service.VOLUME, () -> items(volumeDetail(projectId), VOLUME_NAMES),
                failures, errors);
        return new Reading(new ProjectQuotas(projectId, projectName, compute, network, volume, failures), errors);
    }

    /**
     * Sets quotas (admin only). {@code values} maps a service to our quota names and new limits. Each service is read
     * before and written once; when a later service fails, the error says what was already changed.
     */
    public QuotaSetResult set(String project, Map<Service, Map<String, Long>> values) {
        if (values.values().stream().allMatch(Map::isEmpty)) {
            throw ToolException.invalid("Name at least one quota to set (e.g. instances, cores, volumes, ports).");
        }
        ProjectScope.Project p = projects.resolve(project);
        List<QuotaChange> changes = new ArrayList<>();
        for (Service service : Service.values()) {
            Map<String, Long> wanted = values.getOrDefault(service, Map.of());
            if (wanted.isEmpty()) {
                continue;
            }
            try {
                changes.addAll(apply(service, p.id(), wanted));
            } catch (RuntimeException e) {
                ToolException fault = faults.translate(e).orElseThrow(() -> e);
                if (changes.isEmpty()) {
                    throw fault;
                }
                throw new ToolException(fault.kind(), "Some quotas of project " + p.label() + " were changed ("
                        + describe(changes) + "), but the " + service.id() + " quotas were not: " + fault.getMessage());
            }
        }
        return new QuotaSetResult(p.id(), p.name(), changes, "Quotas of project " + p.label() + " set: "
                + describe(changes) + ".");
    }

    private List<QuotaChange> apply(Service service, String projectId, Map<String, Long> wanted) {
        Map<String, String> names = names(service);
        JsonNode beforeDetail = switch (service) {
            case COMPUTE -> computeDetail(projectId);
            case NETWORK -> networkDetail(projectId);
            case VOLUME -> volumeDetail(projectId);
        };
        Map<String, Object> body = new LinkedHashMap<>();
        wanted.forEach((ours, limit) -> body.put(names.get(ours), limit));
        JsonNode after = switch (service) {
            case COMPUTE -> api.send(HttpMethod.PUT, ServiceType.COMPUTE, "/os-quota-sets/" + segment(projectId),
                    null, Map.of("quota_set", body), NOVA_MV).path("quota_set");
            case NETWORK -> neutron.put("/quotas/" + segment(projectId), Map.of("quota", body)).path("quota");
            case VOLUME -> api.send(HttpMethod.PUT, ServiceType.BLOCK_STORAGE, "/os-quota-sets/" + segment(projectId),
                    null, Map.of("quota_set", body), null).path("quota_set");
        };
        List<QuotaChange> changes = new ArrayList<>();
        wanted.forEach((ours, limit) -> {
            String theirs = names.get(ours);
            JsonNode before = beforeDetail.get(theirs);
            JsonNode now = after.get(theirs);
            changes.add(new QuotaChange(service.id(), ours,
                    before == null ? null : before.isObject() ? longValue(before, "limit") : before.asLong(),
                    now == null ? null : now.isObject() ? longValue(now, "limit") : now.asLong()));
        });
        return changes;
    }

    private JsonNode computeDetail(String projectId) {
        return api.get(ServiceType.COMPUTE, "/os-quota-sets/" + segment(projectId) + "/detail", null, NOVA_MV)
                .path("quota_set");
    }

    private JsonNode networkDetail(String projectId) {
        return neutron.get("/quotas/" + segment(projectId) + "/details.json", null).path("quota");
    }

    private JsonNode volumeDetail(String projectId) {
        return api.get(ServiceType.BLOCK_STORAGE, "/os-quota-sets/" + segment(projectId), Map.of("usage", "true"), null)
                .path("quota_set");
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
    static List<QuotaItem> items(JsonNode detail, Map<String, String> names) {
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

    static Map<String, String> names(Service service) {
        return switch (service) {
            case COMPUTE -> COMPUTE_NAMES;
            case NETWORK -> NETWORK_NAMES;
            case VOLUME -> VOLUME_NAMES;
        };
    }

    private static String describe(List<QuotaChange> changes) {
        return String.join(", ", changes.stream().map(c -> c.service() + " " + c.resource() + " "
                + label(c.before()) + " → " + label(c.after())).toList());
    }

    private static String label(@Nullable Long v) {
        return v == null ? "?" : v < 0 ? "unlimited" : String.valueOf(v);
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
