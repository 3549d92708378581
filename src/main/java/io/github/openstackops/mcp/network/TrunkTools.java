package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.catalog.schema.Verbatim;
import io.github.openstackops.mcp.network.TrunkRecords.Trunk;
import jakarta.inject.Singleton;

import java.util.List;

/** VLAN trunks: list and get. */
@Singleton
public class TrunkTools implements ToolProvider {

    @Verbatim
    public enum TrunkStatus { ACTIVE, DOWN, BUILD, DEGRADED, ERROR }

    public record ListArgs(
            @Limit Integer limit,
            @Marker String marker,
            @Param(value = "Only the trunk with exactly this name", maxLength = 255) String name,
            @Param(value = "Only the trunk of this parent port (id or exact name)", maxLength = 255) String port,
            @Param("Only trunks with this status") TrunkStatus status,
            @Param(value = NetworkTools.PROJECT_FILTER, maxLength = 64) String projectId) {
    }

    public record TrunkArgs(@IdOrName("Trunk id, or its exact name when that name is unique") String trunk) {
    }

    private final TrunkService trunks;

    public TrunkTools(TrunkService trunks) {
        this.trunks = trunks;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("trunk_list", Toolset.NETWORK, ListArgs.class, TrunkRecords.TRUNKS)
                        .title("Trunks: List")
                        .description("List VLAN trunks. Each with its parent port and subport count; filter by name,"
                                + " parent port, status or project; Neutron filters and pages ('next_marker' as"
                                + " 'marker').")
                        .handler((ctx, a) -> trunks.list(a.limit(), a.marker(), a.name(), a.port(),
                                a.status() == null ? null : a.status().name(), a.projectId()))
                        .build(),
                ToolDefinition.read("trunk_get", Toolset.NETWORK, TrunkArgs.class, Trunk.class)
                        .title("Trunks: Get")
                        .description("One trunk with its subports. Each subport's port and VLAN id.")
                        .handler((ctx, a) -> trunks.get(a.trunk()))
                        .build());
    }
}
