package io.github.openstackops.mcp.cluster;

import io.github.openstackops.mcp.catalog.Secrets;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.lookup.ProjectScope;
import io.github.openstackops.mcp.cloud.lookup.Quotas;
import io.github.openstackops.mcp.cloud.lookup.Quotas.ProjectQuotas;
import io.github.openstackops.mcp.cloud.lookup.Quotas.QuotaItem;
import io.github.openstackops.mcp.cloud.lookup.Quotas.SectionFailure;
import io.github.openstackops.mcp.cluster.ClusterRecords.ProjectFailure;
import io.github.openstackops.mcp.cluster.ClusterRecords.QuotaPressure;
import io.github.openstackops.mcp.cluster.ClusterRecords.ResourceMonitorReport;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Quota against usage, per project, with the resources nearest their limits first: the current project (or one named
 * project), or every project of the cloud (admin), read a few projects at a time and capped at {@code maxProjects}.
 */
@Singleton
public class ResourceMonitorService {

    static final int CONCURRENCY = 8;

    private final Quotas quotas;
    private final ProjectScope projects;
    private final CloudSession cloud;
    private final OpenStackFaults faults;

    public ResourceMonitorService(Quotas quotas, ProjectScope projects, CloudSession cloud,
                                  OpenStackFaults faults) {
        this.quotas = quotas;
        this.projects = projects;
        this.cloud = cloud;
        this.faults = faults;
    }

    public ResourceMonitorReport monitor(@Nullable String project, boolean allProjects, int maxProjects,
                                         double threshold, int limit, Duration timeout) {
        List<ProjectScope.Project> targets;
        int total;
        if (allProjects) {
            if (project != null && !project.isBlank()) {
                throw ToolException.invalid("Pass either 'project' or all_projects=true, not both.");
            }
            List<ProjectScope.Project> all = projects.all(true).stream()
                    .sorted(Comparator.comparing(p -> p.name() == null ? p.id() : p.name()))
                    .toList();
            total = all.size();
            targets = all.stream().limit(maxProjects).toList();
        } else {
            targets = List.of(projects.resolve(project));
            total = 1;
        }

        Map<String, Supplier<Quotas.Reading>> tasks = new LinkedHashMap<>();
        targets.forEach(p -> tasks.put(p.id(), () -> quotas.read(p.id(), p.name(), false)));
        Map<String, Parallel.Outcome<Quotas.Reading>> out = Parallel.run(tasks, timeout, CONCURRENCY, faults);

        List<QuotaPressure> pressures = new ArrayList<>();
        List<ProjectFailure> failures = new ArrayList<>();
        int scanned = 0;
        for (ProjectScope.Project p : targets) {
            Parallel.Outcome<Quotas.Reading> o = out.get(p.id());
            if (!o.ok()) {
                failures.add(new ProjectFailure(p.id(), p.name(), "all", Secrets.scrub(o.failure().getMessage())));
                continue;
            }
            Quotas.Reading reading = o.value();
            if (!allProjects && reading.nothingRead() && !reading.errors().isEmpty()) {
                throw reading.errors().get(0); // one project, nothing readable: say why (e.g. admin only)
            }
            scanned++;
            ProjectQuotas q = reading.quotas();
            for (SectionFailure f : q.failures()) {
                failures.add(new ProjectFailure(p.id(), p.name(), f.service(), Secrets.scrub(f.reason())));
            }
            add(pressures, p, "compute", q.compute());
            add(pressures, p, "network", q.network());
            add(pressures, p, "volume", q.volume());
        }
        List<QuotaPressure> listed = pressures.stream().filter(x -> x.percentUsed() >= threshold)
                .sorted(Comparator.comparingDouble(QuotaPressure::percentUsed).reversed()
                        .thenComparing(Comparator.comparingLong(QuotaPressure::inUse).reversed()))
                .limit(limit).toList();
        int critical = (int) pressures.stream().filter(x -> x.percentUsed() >= 90).count();
        int warning = (int) pressures.stream().filter(x -> x.percentUsed() >= 75 && x.percentUsed() < 90).count();
        return new ResourceMonitorReport(scanned, total, targets.size() < total, threshold, listed, listed.size(),
                critical, warning, failures);
    }

    private static void add(List<QuotaPressure> out, ProjectScope.Project p, String service,
                            @Nullable List<QuotaItem> items) {
        if (items == null) {
            return;
        }
        for (QuotaItem i : items) {
            if (i.limit() < 0 || i.percentUsed() == null) {
                continue; // unlimited: no pressure
            }
            double pct = i.percentUsed();
            String level = pct > 100 ? "exceeded" : pct >= 90 ? "critical" : pct >= 75 ? "warning" : "ok";
            out.add(new QuotaPressure(p.id(), p.name(), service, i.resource(), i.inUse() + i.reserved(), i.limit(),
                    pct, level));
        }
    }
}
