package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** The compact shapes of quotas and their usage. */
public final class QuotaRecords {

    private QuotaRecords() {
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
            @Doc("compute, network or volume") String service,
            @Doc("Why, in a sentence") String reason) {
    }

    @Doc("Quotas of a project with their usage, per service")
    public record ProjectQuotas(
            @Doc("Project id") String projectId,
            @Nullable @Doc("Project name") String projectName,
            @Nullable @Doc("Nova quotas (absent when they could not be read)") List<QuotaItem> compute,
            @Nullable @Doc("Neutron quotas (absent when they could not be read)") List<QuotaItem> network,
            @Nullable @Doc("Cinder quotas (absent when they could not be read)") List<QuotaItem> volume,
            @Doc("Services whose quotas could not be read, and why") List<SectionFailure> failures) {
    }

    @Doc("A quota that was changed")
    public record QuotaChange(
            @Doc("compute, network or volume") String service,
            @Doc("Resource") String resource,
            @Nullable @Doc("The quota before (-1: unlimited)") Long before,
            @Nullable @Doc("The quota now (-1: unlimited)") Long after) {
    }

    @Doc("The result of setting quotas")
    public record QuotaSetResult(
            @Doc("Project id") String projectId,
            @Nullable @Doc("Project name") String projectName,
            @Doc("What changed, per quota") List<QuotaChange> changes,
            @Doc("What happened, in a sentence") String message) {
    }
}
