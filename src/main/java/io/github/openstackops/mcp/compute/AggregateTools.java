package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.compute.AggregateRecords.Aggregate;
import io.github.openstackops.mcp.compute.AggregateRecords.AggregateChanged;
import io.github.openstackops.mcp.compute.AggregateRecords.AggregateDeleted;
import io.github.openstackops.mcp.compute.AggregateRecords.AggregateList;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/** Host aggregates (admin): list, get, create, update, add/remove a host, set metadata, delete. */
@Singleton
public class AggregateTools implements ToolProvider {

    static final String AGGREGATE = "Host aggregate id (a number) or exact name";

    public record NoArgs() {
    }

    public record GetArgs(@Param(value = AGGREGATE, required = true, minLength = 1, maxLength = 255) String aggregate) {
    }

    public record CreateArgs(
            @Param(value = "Name of the new aggregate", required = true, minLength = 1, maxLength = 255) String name,
            @Param(value = "Availability zone the aggregate exposes (none when omitted)", maxLength = 255)
            String availabilityZone) {
    }

    public record UpdateArgs(
            @Param(value = AGGREGATE, required = true, minLength = 1, maxLength = 255) String aggregate,
            @Param(value = "New name", minLength = 1, maxLength = 255) String name,
            @Param(value = "New availability zone", minLength = 1, maxLength = 255) String availabilityZone) {
    }

    public record HostArgs(
            @Param(value = AGGREGATE, required = true, minLength = 1, maxLength = 255) String aggregate,
            @Param(value = "Compute host name, as compute_service_list shows it", required = true, minLength = 1,
                    maxLength = 255) String host) {
    }

    public record MetadataArgs(
            @Param(value = AGGREGATE, required = true, minLength = 1, maxLength = 255) String aggregate,
            @Param("Keys and values to set, e.g. {\"ssd\": \"true\"}") Map<String, String> metadata,
            @Param(value = "Keys to remove", maxItems = 64) List<String> unset) {
    }

    private final AggregateService aggregates;

    public AggregateTools(AggregateService aggregates) {
        this.aggregates = aggregates;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("aggregate_list", Toolset.COMPUTE, NoArgs.class, AggregateList.class)
                        .adminOnly()
                        .title("Host Aggregates: List")
                        .description("Admin only. Every host aggregate with its hosts, availability zone and"
                                + " metadata (what the scheduler matches flavor extra specs against).")
                        .handler((ctx, a) -> aggregates.list())
                        .build(),
                ToolDefinition.read("aggregate_get", Toolset.COMPUTE, GetArgs.class, Aggregate.class)
                        .adminOnly()
                        .title("Host Aggregates: Get")
                        .description("Admin only. One host aggregate: hosts, availability zone and metadata.")
                        .handler((ctx, a) -> aggregates.get(a.aggregate()))
                        .build(),
                ToolDefinition.write("aggregate_create", Toolset.COMPUTE, CreateArgs.class, AggregateChanged.class)
                        .adminOnly()
                        .title("Host Aggregates: Create")
                        .description("Admin only. Create an empty host aggregate, optionally exposing an"
                                + " availability zone. Then add hosts (aggregate_host_add) and metadata"
                                + " (aggregate_metadata_set).")
                        .handler((ctx, a) -> aggregates.create(a.name(), a.availabilityZone()))
                        .build(),
                ToolDefinition.write("aggregate_update", Toolset.COMPUTE, UpdateArgs.class, AggregateChanged.class)
                        .adminOnly()
                        .title("Host Aggregates: Update")
                        .description("Admin only. Rename a host aggregate or change the availability zone it"
                                + " exposes.")
                        .handler((ctx, a) -> aggregates.update(a.aggregate(), a.name(), a.availabilityZone()))
                        .build(),
                ToolDefinition.write("aggregate_host_add", Toolset.COMPUTE, HostArgs.class, AggregateChanged.class)
                        .adminOnly()
                        .title("Host Aggregates: Host Add")
                        .description("Admin only. Add a compute host to a host aggregate; its servers stay where"
                                + " they are.")
                        .handler((ctx, a) -> aggregates.host(a.aggregate(), a.host(), true))
                        .build(),
                ToolDefinition.write("aggregate_host_remove", Toolset.COMPUTE, HostArgs.class,
                                AggregateChanged.class)
                        .adminOnly()
                        .title("Host Aggregates: Host Remove")
                        .description("Admin only. Remove a compute host from a host aggregate; its servers keep"
                                + " running, new ones that need the aggregate's metadata no longer land on it.")
                        .handler((ctx, a) -> aggregates.host(a.aggregate(), a.host(), false))
                        .build(),
                ToolDefinition.write("aggregate_metadata_set", Toolset.COMPUTE, MetadataArgs.class,
                                AggregateChanged.class)
                        .adminOnly()
                        .title("Host Aggregates: Metadata Set")
                        .description("Admin only. Set metadata keys of a host aggregate and remove others ('unset'),"
                                + " in one call; keys not named stay as they are.")
                        .handler((ctx, a) -> aggregates.setMetadata(a.aggregate(), a.metadata(), a.unset()))
                        .build(),
                ToolDefinition.destructive("aggregate_delete", Toolset.COMPUTE, GetArgs.class, AggregateDeleted.class)
                        .adminOnly()
                        .title("Host Aggregates: Delete")
                        .description("Admin only. Delete a host aggregate; its hosts are removed from it first (they"
                                + " and their servers keep running). The preview names the hosts and the metadata and"
                                + " availability zone that go away.")
                        .preview((ctx, a) -> aggregates.deletePreview(a.aggregate()))
                        .handler((ctx, a) -> aggregates.delete(a.aggregate()))
                        .build());
    }
}
