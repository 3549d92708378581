package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** The compact shapes of Nova's absolute limits and of usage over a period. */
public final class UsageRecords {

    private UsageRecords() {
    }

    @Doc("One absolute limit of a project and how much of it is used")
    public record Limit(
            @Doc("Resource, e.g. instances, cores, ram_mb") String resource,
            @Nullable @Doc("Used now (absent when Nova does not report it)") Long used,
            @Doc("The limit; -1 means unlimited") long max,
            @Nullable @Doc("Used, in percent of the limit (absent when unlimited or unknown)") Double percentUsed) {
    }

    @Doc("Nova's absolute limits of a project")
    public record ComputeLimits(
            @Doc("Project id") String projectId,
            @Nullable @Doc("Project name") String projectName,
            @Doc("Limits and their use") List<Limit> limits) {
    }

    @Doc("A server's usage in the period")
    public record ServerUsage(
            @Doc("Server id") String id,
            @Nullable @Doc("Server name") String name,
            @Nullable @Doc("Flavor name") String flavor,
            @Nullable @Doc("State: active, terminated, ...") String state,
            @Doc("Hours it existed in the period") double hours,
            @Nullable @Doc("vCPUs") Integer vcpus,
            @Nullable @Doc("RAM in MiB") Integer ramMb,
            @Nullable @Doc("Started at") String startedAt,
            @Nullable @Doc("Ended at (absent while it exists)") String endedAt) {
    }

    @Doc("A project's usage over a period")
    public record ProjectUsage(
            @Doc("Project id") String projectId,
            @Nullable @Doc("Project name") String projectName,
            @Nullable @Doc("Servers that existed during the period (single-project reports only)") Integer servers,
            @Doc("Server hours") double serverHours,
            @Doc("vCPU hours") double vcpuHours,
            @Doc("RAM MiB-hours") double ramMbHours,
            @Doc("Root disk GiB-hours") double diskGbHours,
            @Nullable @Doc("The servers with the most hours (single-project reports only)") List<ServerUsage> topServers) {
    }

    @Doc("Compute usage (Nova simple tenant usage) over a period")
    public record UsageReport(
            @Doc("Start of the period (UTC)") String start,
            @Doc("End of the period (UTC)") String end,
            @Nullable @Doc("The project's usage (single-project report)") ProjectUsage project,
            @Nullable @Doc("Every project's usage, most vCPU hours first (all_projects report)") List<ProjectUsage> projects,
            @Nullable @Doc("Projects with usage in the period (all_projects report)") Integer projectCount) {
    }
}
