package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.lookup.ProjectScope;
import io.github.openstackops.mcp.cloud.lookup.Quotas;
import io.github.openstackops.mcp.cloud.lookup.Quotas.ProjectQuotas;
import io.github.openstackops.mcp.cloud.lookup.Quotas.Service;
import io.github.openstackops.mcp.cloud.services.CinderClient;
import io.github.openstackops.mcp.cloud.services.NeutronClient;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.github.openstackops.mcp.cloud.services.OctaviaClient;
import io.github.openstackops.mcp.compute.QuotaRecords.QuotaChange;
import io.github.openstackops.mcp.compute.QuotaRecords.QuotaSetResult;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.longValue;
import static io.github.openstackops.mcp.cloud.Json.segment;

/**
 * Quotas of a project: read through {@link Quotas} (shared with the resource monitor), set per service (admin only).
 */
@Singleton
public class QuotaService {

    private final NovaClient nova;
    private final CinderClient cinder;
    private final NeutronClient neutron;
    private final OctaviaClient octavia;
    private final Quotas quotas;
    private final ProjectScope projects;
    private final OpenStackFaults faults;

    public QuotaService(NovaClient nova, CinderClient cinder, NeutronClient neutron, OctaviaClient octavia,
                        Quotas quotas, ProjectScope projects, OpenStackFaults faults) {
        this.nova = nova;
        this.octavia = octavia;
        this.quotas = quotas;
        this.cinder = cinder;
        this.neutron = neutron;
        this.projects = projects;
        this.faults = faults;
    }

    public ProjectQuotas get(@Nullable String project) {
        ProjectScope.Project p = projects.resolve(project);
        Quotas.Reading reading = quotas.read(p.id(), p.name());
        if (reading.nothingRead() && !reading.errors().isEmpty()) {
            throw reading.errors().get(0); // e.g. FORBIDDEN for another project: one clear error, not three
        }
        return reading.quotas();
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
        Map<String, String> names = Quotas.names(service);
        JsonNode beforeDetail = switch (service) {
            case COMPUTE -> quotas.computeDetail(projectId);
            case NETWORK -> quotas.networkDetail(projectId);
            case VOLUME -> quotas.volumeDetail(projectId);
            case LOAD_BALANCER -> quotas.loadBalancerLimits(projectId);
        };
        Map<String, Object> body = new LinkedHashMap<>();
        wanted.forEach((ours, limit) -> body.put(names.get(ours), limit));
        JsonNode after = switch (service) {
            case COMPUTE -> nova.at(Quotas.NOVA_MV).put("/os-quota-sets/" + segment(projectId), Map.of("quota_set", body)).path("quota_set");
            case NETWORK -> neutron.put("/quotas/" + segment(projectId), Map.of("quota", body)).path("quota");
            case VOLUME -> cinder.put("/os-quota-sets/" + segment(projectId), Map.of("quota_set", body)).path("quota_set");
            case LOAD_BALANCER -> octavia.put(Quotas.LB_QUOTAS + segment(projectId), Map.of("quota", body)).path("quota");
        };
        List<QuotaChange> changes = new ArrayList<>();
        wanted.forEach((ours, limit) -> {
            String theirs = names.get(ours);
            JsonNode before = beforeDetail.get(theirs);
            JsonNode now = after.get(theirs);
            changes.add(new QuotaChange(service.id(), ours,
                    before == null || before.isNull() ? null : before.isObject() ? longValue(before, "limit") : before.asLong(),
                    now == null || now.isNull() ? null : now.isObject() ? longValue(now, "limit") : now.asLong()));
        });
        return changes;
    }

    private static String describe(List<QuotaChange> changes) {
        return String.join(", ", changes.stream().map(c -> c.service() + " " + c.resource() + " "
                + label(c.before()) + " → " + label(c.after())).toList());
    }

    private static String label(@Nullable Long v) {
        return v == null ? "?" : v < 0 ? "unlimited" : String.valueOf(v);
    }
}
