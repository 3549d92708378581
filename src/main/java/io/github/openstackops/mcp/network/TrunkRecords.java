package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** VLAN trunks: a parent port carrying subports, compactly. */
public final class TrunkRecords {

    private TrunkRecords() {
    }

    @Doc("A trunk, summarised")
    public record TrunkSummary(
            @Doc("Trunk id") String id,
            @Doc("Trunk name") String name,
            @Doc("ACTIVE, DOWN, BUILD, DEGRADED or ERROR") String status,
            @Doc("Its parent port") Ref parentPort,
            @Doc("Number of subports") int subports,
            @Nullable @Doc("Owning project id") String projectId) {
    }

    public static final Page.Kind<TrunkSummary> TRUNKS = Page.Kind.of(TrunkSummary.class, "trunks", "trunks");

    @Doc("A subport of a trunk")
    public record Subport(
            @Doc("The port") Ref port,
            @Doc("Segmentation type, e.g. vlan") String segmentationType,
            @Doc("Segmentation id, e.g. the VLAN id") int segmentationId) {
    }

    @Doc("A trunk with its subports")
    public record Trunk(
            @Doc("Trunk id") String id,
            @Doc("Trunk name") String name,
            @Nullable @Doc("Description") String description,
            @Doc("ACTIVE, DOWN, BUILD, DEGRADED or ERROR") String status,
            @Doc("Administratively up") boolean adminStateUp,
            @Doc("Its parent port") Ref parentPort,
            @Doc("Its subports") List<Subport> subports,
            @Doc("Tags") List<String> tags,
            @Nullable @Doc("Owning project id") String projectId,
            @Nullable @Doc("Creation time") String created,
            @Nullable @Doc("Last update time") String updated) {
    }
}
