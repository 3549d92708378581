package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.compute.UsageRecords.ComputeLimits;
import io.github.openstackops.mcp.compute.UsageRecords.UsageReport;
import jakarta.inject.Singleton;

import java.util.List;

/** Compute limits and usage tools. */
@Singleton
public class ComputeUsageTools implements ToolProvider {

    static final String PROJECT = "Project id or exact name; the current project when absent (other projects: admin only)";

    public record LimitsArgs(@Param(value = PROJECT, maxLength = 255) String project) {
    }

    public record UsageArgs(
            @Param(value = PROJECT, maxLength = 255) String project,
            @Param(value = "Usage of every project, most vCPU hours first (admin only)", defaultValue = "false") Boolean allProjects,
            @Param(value = "Start of the period: a date (2024-05-01) or date-time, UTC; default 4 weeks ago",
                    maxLength = 40, examples = {"2024-05-01"}) String start,
            @Param(value = "End of the period: a date or date-time, UTC; default now", maxLength = 40) String end,
            @Param(value = "How many servers (or projects) to list, most hours first", defaultValue = "20", min = 1,
                    max = 200) Integer limit) {
    }

    private final ComputeUsageService usage;

    public ComputeUsageTools(ComputeUsageService usage) {
        this.usage = usage;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("compute_limits", Toolset.COMPUTE, LimitsArgs.class, ComputeLimits.class)
                        .title("Compute: Limits")
                        .description("Nova's absolute limits of a project (instances, cores, RAM, key pairs, server"
                                + " groups, ...) with what is used now and the percentage used.")
                        .handler((ctx, a) -> usage.limits(a.project()))
                        .build(),
                ToolDefinition.read("compute_usage", Toolset.COMPUTE, UsageArgs.class, UsageReport.class)
                        .title("Compute: Usage")
                        .description("Compute usage over a period (default: the last 4 weeks): server hours, vCPU"
                                + " hours, RAM MiB-hours and disk GiB-hours of a project, with the servers that"
                                + " used the most; or, with all_projects=true (admin only), every project's totals"
                                + " ranked by vCPU hours.")
                        .handler((ctx, a) -> usage.usage(a.project(), Boolean.TRUE.equals(a.allProjects()), a.start(),
                                a.end(), a.limit()))
                        .build());
    }
}
