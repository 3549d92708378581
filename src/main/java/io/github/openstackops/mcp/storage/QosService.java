package io.github.openstackops.mcp.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.services.CinderClient;
import io.github.openstackops.mcp.storage.QosRecords.QosChanged;
import io.github.openstackops.mcp.storage.QosRecords.QosSpec;
import io.github.openstackops.mcp.storage.QosRecords.QosSpecDetail;
import io.github.openstackops.mcp.storage.StorageRecords.Deleted;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.array;
import static io.github.openstackops.mcp.cloud.Json.text;

/**
 * QoS specs (admin under Cinder's default policy): list, get with the volume types that carry them, create, delete,
 * and (dis)association with a volume type. A volume type carries at most one QoS spec; volumes of the type get its
 * limits when they are attached next.
 */
@Singleton
public class QosService {

    private final CinderClient cinder;

    public QosService(CinderClient cinder) {
        this.cinder = cinder;
    }

    public Page<QosSpec> list(int limit, @Nullable String marker) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("limit", Paging.fetchSize(limit));
        Json.putIfSet(query, "marker", marker);
        Paging.Slice<JsonNode> page = Paging.slice(array(cinder.get("/qos-specs", query), "qos_specs"), limit,
                q -> text(q, "id"));
        return QosRecords.QOS_SPECS.page(page.items().stream().map(QosService::spec).toList(), page.nextMarker());
    }

    public QosSpecDetail get(String ref) {
        JsonNode q = resolve(ref);
        return new QosSpecDetail(spec(q), associations(text(q, "id")));
    }

    public QosChanged create(String name, String consumer, Map<String, String> specs) {
        if (specs.isEmpty()) {
            throw ToolException.invalid("Give at least one limit in 'specs', e.g. {\"total_iops_sec\": \"500\"}.");
        }
        Map<String, Object> body = new LinkedHashMap<>(specs);
        if (body.containsKey("name") || body.containsKey("consumer")) {
            throw ToolException.invalid("'name' and 'consumer' are arguments of their own, not keys of 'specs'.");
        }
        body.put("name", name.trim());
        body.put("consumer", consumer);
        JsonNode created = OpenStackFaults.attempt("create QoS spec '" + name.trim() + "'",
                () -> cinder.post("/qos-specs", Map.of("qos_specs", body))).path("qos_specs");
        QosSpec spec = spec(created);
        return new QosChanged(spec, null, "QoS spec '" + spec.name() + "' (" + spec.id() + ") created with "
                + spec.specs() + "; associate it with a volume type (volume_qos_associate) for it to take effect.");
    }

    /** Associates ({@code associate}) or disassociates the spec and a volume type. */
    public QosChanged association(String ref, String type, boolean associate) {
        JsonNode q = resolve(ref);
        JsonNode t = BlockStorageService.resolveType(cinder, type);
        String qosId = text(q, "id");
        String typeId = text(t, "id");
        boolean carried = associations(qosId).stream().anyMatch(r -> typeId.equals(r.id()));
        if (associate == carried) {
            throw ToolException.conflict("Volume type '" + text(t, "name") + "' is " + (associate ? "already" : "not")
                    + " associated with QoS spec '" + text(q, "name") + "'.");
        }
        if (associate && text(t, "qos_specs_id") != null) {
            throw ToolException.conflict("Volume type '" + text(t, "name") + "' already carries QoS spec "
                    + text(t, "qos_specs_id") + " (a type carries one); disassociate that first.");
        }
        String action = associate ? "associate" : "disassociate";
        OpenStackFaults.attempt(action + " QoS spec '" + text(q, "name") + "' and volume type '" + text(t, "name")
                + "'", () -> cinder.get("/qos-specs/" + qosId + "/" + action, Map.of("vol_type_id", typeId)));
        return new QosChanged(spec(q), new Ref(typeId, text(t, "name")), "Volume type '" + text(t, "name") + "' "
                + (associate ? "now carries" : "no longer carries") + " QoS spec '" + text(q, "name") + "'; volumes"
                + " of the type get the change when they are attached next.");
    }

    public Preview deletePreview(String ref) {
        JsonNode q = resolve(ref);
        List<Ref> types = associations(text(q, "id"));
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("qos_spec", text(q, "id"), text(q, "name"), "deleted"));
        types.forEach(t -> resources.add(new Preview.Resource("volume_type", t.id(), t.name(),
                "disassociated: its new attachments get no QoS limits")));
        List<String> warnings = types.isEmpty() ? List.of() : List.of("Volumes of " + types.size() + " volume"
                + " type(s) lose the limits " + Json.stringMap(q, "specs") + " when they are attached next.");
        return new Preview("delete QoS spec", "Delete QoS spec '" + text(q, "name") + "' (" + text(q, "id") + ")"
                + (types.isEmpty() ? ", associated with no volume type." : ", associated with " + types.size()
                + " volume type(s)."), resources, warnings);
    }

    /** Cinder refuses to delete a spec in use: its associations are removed first. */
    public Deleted delete(String ref) {
        JsonNode q = resolve(ref);
        String id = text(q, "id");
        List<Ref> types = associations(id);
        if (!types.isEmpty()) {
            OpenStackFaults.attempt("disassociate QoS spec '" + text(q, "name") + "' from its volume types",
                    () -> cinder.get("/qos-specs/" + id + "/disassociate_all", null));
        }
        OpenStackFaults.attempt("delete QoS spec '" + text(q, "name") + "'", () -> {
            cinder.delete("/qos-specs/" + id);
            return null;
        });
        return new Deleted(id, text(q, "name"), true, "QoS spec '" + text(q, "name") + "' is deleted"
                + (types.isEmpty() ? "." : "; it was disassociated from " + types.stream().map(Ref::name).toList()
                + " first."));
    }

    private List<Ref> associations(String qosId) {
        return array(cinder.get("/qos-specs/" + qosId + "/associations", null), "qos_associations").stream()
                .filter(a -> "volume_type".equals(text(a, "association_type")))
                .map(a -> new Ref(text(a, "id"), text(a, "name"))).toList();
    }

    private JsonNode resolve(String ref) {
        return Lookup.byIdOrName("QoS spec", ref, id -> cinder.find("/qos-specs/" + Json.segment(id), "qos_specs"),
                name -> array(cinder.get("/qos-specs", null), "qos_specs"), q -> text(q, "name"), q -> text(q, "id"));
    }

    static QosSpec spec(JsonNode q) {
        return new QosSpec(text(q, "id"), text(q, "name"), text(q, "consumer"), Json.stringMap(q, "specs"));
    }
}
