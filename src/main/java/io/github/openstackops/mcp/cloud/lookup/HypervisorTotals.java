package io.github.openstackops.mcp.cloud.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import static io.github.openstackops.mcp.cloud.Json.longValue;
import static io.github.openstackops.mcp.cloud.Rounding.percent;

/**
 * The capacity of all hypervisors together (Nova's statistics at microversion 2.53, admin only; 2.88 removed the
 * call). Read by hypervisor_stats and by the cluster health report.
 */
@Singleton
public class HypervisorTotals {

    static final String MV = "2.53";

    private final NovaClient nova;

    public HypervisorTotals(NovaClient nova) {
        this.nova = nova;
    }

    @Doc("Capacity of all hypervisors together")
    public record HypervisorStats(
            @Doc("Number of hypervisors") int count,
            @Doc("Physical vCPUs") long vcpus,
            @Doc("vCPUs allocated to servers") long vcpusUsed,
            @Nullable @Doc("vCPUs used, in percent") Double vcpusUsedPercent,
            @Doc("RAM in MiB") long ramMb,
            @Doc("RAM allocated, in MiB") long ramUsedMb,
            @Nullable @Doc("RAM used, in percent") Double ramUsedPercent,
            @Doc("Free RAM in MiB") long freeRamMb,
            @Doc("Local disk in GiB") long diskGb,
            @Doc("Local disk allocated, in GiB") long diskUsedGb,
            @Nullable @Doc("Local disk used, in percent") Double diskUsedPercent,
            @Doc("Free local disk in GiB") long freeDiskGb,
            @Doc("Servers running on all hypervisors") long runningVms) {
    }

    public HypervisorStats stats() {
        JsonNode s = nova.at(MV).get("/os-hypervisors/statistics", null).get("hypervisor_statistics");
        long vcpus = orZero(longValue(s, "vcpus"));
        long vcpusUsed = orZero(longValue(s, "vcpus_used"));
        long ram = orZero(longValue(s, "memory_mb"));
        long ramUsed = orZero(longValue(s, "memory_mb_used"));
        long disk = orZero(longValue(s, "local_gb"));
        long diskUsed = orZero(longValue(s, "local_gb_used"));
        return new HypervisorStats((int) orZero(longValue(s, "count")), vcpus, vcpusUsed, percent(vcpusUsed, vcpus),
                ram, ramUsed, percent(ramUsed, ram), orZero(longValue(s, "free_ram_mb")), disk, diskUsed,
                percent(diskUsed, disk), orZero(longValue(s, "free_disk_gb")), orZero(longValue(s, "running_vms")));
    }

    private static long orZero(@Nullable Long v) {
        return v == null ? 0 : v;
    }
}
