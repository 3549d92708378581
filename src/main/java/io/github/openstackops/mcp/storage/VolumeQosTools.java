package io.github.openstackops.mcp.storage;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.storage.QosRecords.QosChanged;
import io.github.openstackops.mcp.storage.QosRecords.QosSpecDetail;
import io.github.openstackops.mcp.storage.StorageRecords.Deleted;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** QoS specs (admin): list, get, create, delete, associate with and disassociate from a volume type. */
@Singleton
public class VolumeQosTools implements ToolProvider {

    static final String QOS = "QoS spec id or exact name";

    public enum Consumer { FRONT_END, BACK_END, BOTH }

    public record ListArgs(
            @Limit("QoS specs per page") Integer limit,
            @Marker("Id of the last QoS spec of the previous page (its 'next_marker')") String marker) {
    }

    public record GetArgs(@IdOrName(QOS) String qos) {
    }

    public record CreateArgs(
            @Param(value = "Name of the new QoS spec", required = true, minLength = 1, maxLength = 255) String name,
            @Param(value = "Where the limits are enforced: front_end (hypervisor), back_end (storage) or both",
                    defaultValue = "\"back_end\"") Consumer consumer,
            @Param(value = "The limits, e.g. {\"total_iops_sec\": \"500\", \"total_bytes_sec\": \"104857600\"}",
                    required = true) Map<String, String> specs) {
    }

    public record TypeArgs(
            @IdOrName(QOS) String qos,
            @IdOrName("Volume type id or exact name") String volumeType) {
    }

    private final QosService qos;

    public VolumeQosTools(QosService qos) {
        this.qos = qos;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("volume_qos_list", Toolset.STORAGE, ListArgs.class, QosRecords.QOS_SPECS)
                        .adminOnly()
                        .title("Volume QoS specs: List")
                        .description("QoS specs. Their limits and where they are enforced, paged by Cinder.")
                        .handler((ctx, a) -> qos.list(a.limit(), a.marker()))
                        .build(),
                ToolDefinition.read("volume_qos_get", Toolset.STORAGE, GetArgs.class, QosSpecDetail.class)
                        .adminOnly()
                        .title("Volume QoS specs: Get")
                        .description("One QoS spec. Its limits and the volume types that carry it.")
                        .handler((ctx, a) -> qos.get(a.qos()))
                        .build(),
                ToolDefinition.write("volume_qos_create", Toolset.STORAGE, CreateArgs.class, QosChanged.class)
                        .adminOnly()
                        .title("Volume QoS specs: Create")
                        .description("Create a QoS spec. It takes effect once associated with a volume type"
                                + " (volume_qos_associate).")
                        .handler((ctx, a) -> qos.create(a.name(), consumer(a.consumer()), a.specs() == null
                                ? Map.of() : a.specs()))
                        .build(),
                ToolDefinition.write("volume_qos_associate", Toolset.STORAGE, TypeArgs.class, QosChanged.class)
                        .adminOnly()
                        .title("Volume QoS specs: Associate")
                        .description("Set a type's QoS spec. Gives a volume type the spec (a type carries one); its volumes get the limits"
                                + " when they are attached next.")
                        .handler((ctx, a) -> qos.association(a.qos(), a.volumeType(), true))
                        .build(),
                ToolDefinition.write("volume_qos_disassociate", Toolset.STORAGE, TypeArgs.class, QosChanged.class)
                        .adminOnly()
                        .title("Volume QoS specs: Disassociate")
                        .description("Unset a type's QoS spec. Takes it off the volume type; its volumes lose the limits when they are"
                                + " attached next.")
                        .handler((ctx, a) -> qos.association(a.qos(), a.volumeType(), false))
                        .build(),
                ToolDefinition.destructive("volume_qos_delete", Toolset.STORAGE, GetArgs.class, Deleted.class)
                        .adminOnly()
                        .title("Volume QoS specs: Delete")
                        .description("Delete a QoS spec. It is first taken off the volume types that carry it; the"
                                + " preview names them.")
                        .preview((ctx, a) -> qos.deletePreview(a.qos()))
                        .handler((ctx, a) -> qos.delete(a.qos()))
                        .build());
    }

    private static String consumer(Consumer consumer) {
        return (consumer == null ? Consumer.BACK_END : consumer).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
