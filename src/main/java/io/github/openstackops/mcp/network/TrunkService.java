package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.services.NeutronClient;
import io.github.openstackops.mcp.network.TrunkRecords.Subport;
import io.github.openstackops.mcp.network.TrunkRecords.Trunk;
import io.github.openstackops.mcp.network.TrunkRecords.TrunkSummary;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.flag;
import static io.github.openstackops.mcp.cloud.Json.integer;
import static io.github.openstackops.mcp.cloud.Json.nonEmpty;
import static io.github.openstackops.mcp.cloud.Json.stringList;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.network.NetworkService.blankToNull;
import static io.github.openstackops.mcp.network.NetworkService.put;
import static io.github.openstackops.mcp.network.NeutronJson.str;

/** VLAN trunks (Neutron's trunk extension): list and get, with their ports named. */
@Singleton
public class TrunkService {

    private final NeutronClient neutron;
    private final PortService ports;

    public TrunkService(NeutronClient neutron, PortService ports) {
        this.neutron = neutron;
        this.ports = ports;
    }

    private <T> T trunk(java.util.function.Supplier<T> call) {
        return neutron.requiring("trunk", "trunks", call);
    }

    public Page<TrunkSummary> list(int limit, @Nullable String marker, @Nullable String name, @Nullable String port,
                                   @Nullable String status, @Nullable String projectId) {
        Map<String, Object> query = new LinkedHashMap<>();
        put(query, "name", blankToNull(name));
        if (blankToNull(port) != null) {
            query.put("port_id", text(ports.resolve(port), "id"));
        }
        put(query, "status", status);
        put(query, "project_id", blankToNull(projectId));
        Paging.Slice<JsonNode> page = trunk(() -> neutron.page("trunks", query, limit, marker));
        Map<String, String> names = neutron.names("ports", page.items().stream().map(t -> text(t, "port_id"))
                .toList());
        return TrunkRecords.TRUNKS.page(page.items().stream().map(t -> new TrunkSummary(text(t, "id"),
                str(t, "name"), text(t, "status"), new Ref(text(t, "port_id"), names.get(text(t, "port_id"))),
                t.path("sub_ports").size(), text(t, "project_id"))).toList(), page.nextMarker());
    }

    public Trunk get(String ref) {
        JsonNode t = trunk(() -> neutron.resolve("Trunk", "trunks", "trunk", ref));
        List<String> portIds = new ArrayList<>();
        portIds.add(text(t, "port_id"));
        t.path("sub_ports").forEach(s -> portIds.add(text(s, "port_id")));
        Map<String, String> names = neutron.names("ports", portIds);
        List<Subport> subports = new ArrayList<>();
        t.path("sub_ports").forEach(s -> subports.add(new Subport(new Ref(text(s, "port_id"),
                names.get(text(s, "port_id"))), text(s, "segmentation_type"), integer(s, "segmentation_id"))));
        return new Trunk(text(t, "id"), str(t, "name"), nonEmpty(t, "description"), text(t, "status"),
                flag(t, "admin_state_up"), new Ref(text(t, "port_id"), names.get(text(t, "port_id"))), subports,
                stringList(t, "tags"), text(t, "project_id"), text(t, "created_at"), text(t, "updated_at"));
    }
}
