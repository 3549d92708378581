package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/** Host aggregates: groups of compute hosts with metadata the scheduler matches flavors and images against. */
public final class AggregateRecords {

    private AggregateRecords() {
    }

    @Doc("A host aggregate")
    public record Aggregate(
            @Doc("Aggregate id (a number)") long id,
            @Nullable @Doc("Aggregate uuid") String uuid,
            @Doc("Name") String name,
            @Nullable @Doc("Availability zone it exposes, if any") String availabilityZone,
            @Doc("Compute hosts in it") List<String> hosts,
            @Doc("Metadata (e.g. ssd=true) the scheduler matches against flavor extra specs") Map<String, String> metadata,
            @Nullable @Doc("Creation time, ISO-8601") String created) {
    }

    @Doc("Host aggregates")
    public record AggregateList(
            @Doc("The aggregates") List<Aggregate> aggregates,
            @Doc("Number of aggregates") int count) {
    }

    @Doc("A host aggregate after a change")
    public record AggregateChanged(
            @Doc("The aggregate now") Aggregate aggregate,
            @Doc("What changed, in a sentence") String message) {
    }

    @Doc("The result of deleting a host aggregate")
    public record AggregateDeleted(
            @Doc("Aggregate id") long id,
            @Doc("Aggregate name") String name,
            @Doc("Hosts taken out of it first (they keep running)") List<String> hostsRemoved,
            @Doc("What happened, in a sentence") String message) {
    }
}
