package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.lookup.ProjectScope;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.github.openstackops.mcp.compute.UsageRecords.ComputeLimits;
import io.github.openstackops.mcp.compute.UsageRecords.Limit;
import io.github.openstackops.mcp.compute.UsageRecords.ProjectUsage;
import io.github.openstackops.mcp.compute.UsageRecords.ServerUsage;
import io.github.openstackops.mcp.compute.UsageRecords.UsageReport;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.openstackops.mcp.cloud.Json.array;
import static io.github.openstackops.mcp.cloud.Json.decimal;
import static io.github.openstackops.mcp.cloud.Json.integer;
import static io.github.openstackops.mcp.cloud.Json.longValue;
import static io.github.openstackops.mcp.cloud.Json.segment;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.cloud.Rounding.percent;
import static io.github.openstackops.mcp.cloud.Rounding.round2;

/**
 * Nova's absolute limits of a project (microversion 2.57: without the network and file-injection limits that Nova no
 * longer enforces) and usage over a period (os-simple-tenant-usage at 2.1, where a project's totals cover all its
 * servers in one answer rather than one page).
 */
@Singleton
public class ComputeUsageService {

    static final String LIMITS_MV = "2.57";
    private static final DateTimeFormatter NOVA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** Nova's absolute limit names, the used counter that goes with each, and our name for them. */
    private static final List<String[]> LIMITS = List.of(
            new String[]{"instances", "maxTotalInstances", "totalInstancesUsed"},
            new String[]{"cores", "maxTotalCores", "totalCoresUsed"},
            new String[]{"ram_mb", "maxTotalRAMSize", "totalRAMUsed"},
            new String[]{"key_pairs", "maxTotalKeypairs", null},
            new String[]{"server_groups", "maxServerGroups", "totalServerGroupsUsed"},
            new String[]{"server_group_members", "maxServerGroupMembers", null},
            new String[]{"server_metadata_items", "maxServerMeta", null});

    private final NovaClient nova;
    private final CloudSession cloud;
    private final ProjectScope projects;
    private final Clock clock;

    public ComputeUsageService(NovaClient nova, CloudSession cloud, ProjectScope projects) {
        this(nova, cloud, projects, Clock.systemUTC());
    }

    ComputeUsageService(NovaClient nova, CloudSession cloud, ProjectScope projects, Clock clock) {
        this.nova = nova;
        this.cloud = cloud;
        this.projects = projects;
        this.clock = clock;
    }

    public ComputeLimits limits(@Nullable String project) {
        ProjectScope.Project p = projects.resolve(project);
        Map<String, Object> query = new HashMap<>();
        if (!p.current()) {
            query.put("tenant_id", p.id());
        }
        JsonNode absolute = nova.at(LIMITS_MV).get("/limits", query).path("limits").path("absolute");
        List<Limit> limits = new ArrayList<>();
        for (String[] l : LIMITS) {
            Long max = longValue(absolute, l[1]);
            if (max == null) {
                continue;
            }
            Long used = l[2] == null ? null : longValue(absolute, l[2]);
            limits.add(new Limit(l[0], used, max, max < 0 ? null : percent(used, max)));
        }
        return new ComputeLimits(p.id(), p.name(), limits);
    }

    public UsageReport usage(@Nullable String project, boolean allProjects, @Nullable String start,
                             @Nullable String end, int top) {
        Instant now = clock.instant();
        Instant from = start == null || start.isBlank()
                ? now.truncatedTo(ChronoUnit.DAYS).minus(28, ChronoUnit.DAYS) : parse("start", start);
        Instant to = end == null || end.isBlank() ? now : parse("end", end);
        if (!from.isBefore(to)) {
            throw ToolException.invalid("start (" + from + ") must be before end (" + to + ").");
        }
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("start", NOVA_TIME.format(from.atOffset(ZoneOffset.UTC)));
        period.put("end", NOVA_TIME.format(to.atOffset(ZoneOffset.UTC)));
        if (allProjects) {
            if (project != null && !project.isBlank()) {
                throw ToolException.invalid("Pass either 'project' or all_projects=true, not both.");
            }
            Map<String, Object> query = new LinkedHashMap<>(period);
            query.put("detailed", 0);
            List<JsonNode> usages = array(nova.get("/os-simple-tenant-usage", query),
                    "tenant_usages");
            Map<String, String> names = projectNames();
            List<ProjectUsage> rows = usages.stream().map(u -> totals(u, names.get(text(u, "tenant_id")), null))
                    .sorted(Comparator.comparingDouble(ProjectUsage::vcpuHours).reversed()).toList();
            return new UsageReport(from.toString(), to.toString(), null, rows.stream().limit(top).toList(), rows.size());
        }
        ProjectScope.Project p = projects.resolve(project);
        JsonNode usage = nova.get("/os-simple-tenant-usage/" + segment(p.id()), period)
                .path("tenant_usage");
        List<ServerUsage> servers = array(usage, "server_usages").stream()
                .map(s -> new ServerUsage(text(s, "instance_id"), text(s, "name"), text(s, "flavor"), text(s, "state"),
                        round2(orZero(decimal(s, "hours"))), integer(s, "vcpus"), integer(s, "memory_mb"),
                        text(s, "started_at"), text(s, "ended_at")))
                .sorted(Comparator.comparingDouble(ServerUsage::hours).reversed()).toList();
        ProjectUsage totals = totals(usage, p.name(), servers.stream().limit(top).toList());
        Set<String> distinct = new HashSet<>();
        servers.forEach(s -> distinct.add(s.id()));
        return new UsageReport(from.toString(), to.toString(), new ProjectUsage(p.id(), p.name(), distinct.size(),
                totals.serverHours(), totals.vcpuHours(), totals.ramMbHours(), totals.diskGbHours(),
                totals.topServers()), null, null);
    }

    private Map<String, String> projectNames() {
        Map<String, String> names = new HashMap<>();
        try {
            projects.all(false).forEach(p -> names.put(p.id(), p.name()));
        } catch (RuntimeException e) {
            // names are a convenience: the ids still identify the projects
        }
        return names;
    }

    private static ProjectUsage totals(JsonNode u, @Nullable String name, @Nullable List<ServerUsage> top) {
        return new ProjectUsage(text(u, "tenant_id"), name, null,
                round2(orZero(decimal(u, "total_hours"))), round2(orZero(decimal(u, "total_vcpus_usage"))),
                round2(orZero(decimal(u, "total_memory_mb_usage"))), round2(orZero(decimal(u, "total_local_gb_usage"))),
                top);
    }

    static Instant parse(String what, String value) {
        String v = value.trim();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(v).toInstant();
            }
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ToolException.invalid(what + " must be a date (2024-05-01) or a date and time (2024-05-01T12:00:00,"
                    + " UTC unless an offset is given).");
        }
    }

    private static double orZero(@Nullable Double v) {
        return v == null ? 0 : v;
    }
}
