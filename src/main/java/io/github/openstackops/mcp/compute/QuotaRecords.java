package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** The compact shapes of quotas and their usage. */
public final class QuotaRecords {

    private QuotaRecords() {
    }

    @Doc("A quota that was changed")
    public record QuotaChange(
            @Doc("compute, network, volume or load_balancer") String service,
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
