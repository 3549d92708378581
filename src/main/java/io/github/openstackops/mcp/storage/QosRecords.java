package io.github.openstackops.mcp.storage;

import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/** Cinder QoS specs: limits (IOPS, throughput) that volume types carry to their volumes. */
public final class QosRecords {

    private QosRecords() {
    }

    @Doc("A QoS spec")
    public record QosSpec(
            @Doc("QoS spec id") String id,
            @Doc("Name") String name,
            @Doc("Where the limits are enforced: front-end (hypervisor), back-end (storage) or both") String consumer,
            @Doc("The limits, e.g. total_iops_sec=500, read_bytes_sec=10485760") Map<String, String> specs) {
    }

    public static final Page.Kind<QosSpec> QOS_SPECS = Page.Kind.of(QosSpec.class, "qos_specs", "QoS specs");

    @Doc("A QoS spec with the volume types that carry it")
    public record QosSpecDetail(
            @Doc("The QoS spec") QosSpec qosSpec,
            @Doc("Volume types associated with it: their new volumes get its limits") List<Ref> volumeTypes) {
    }

    @Doc("The result of a change to a QoS spec or its associations")
    public record QosChanged(
            @Doc("The QoS spec") QosSpec qosSpec,
            @Nullable @Doc("The volume type associated or disassociated, if any") Ref volumeType,
            @Doc("What happened, in a sentence") String message) {
    }
}
