package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.github.openstackops.mcp.compute.AggregateRecords.Aggregate;
import io.github.openstackops.mcp.compute.AggregateRecords.AggregateChanged;
import io.github.openstackops.mcp.compute.AggregateRecords.AggregateDeleted;
import io.github.openstackops.mcp.compute.AggregateRecords.AggregateList;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Host aggregates (admin, Nova microversion 2.41 for uuids). Nova lists them all at once (no paging, no filters):
 * clouds have few. A name resolves among them; numeric ids are Nova's own.
 */
@Singleton
public class AggregateService {

    static final String MV = "2.41";

    private final NovaClient nova;

    public AggregateService(NovaClient nova) {
        this.nova = nova;
    }

    public AggregateList list() {
        List<Aggregate> aggregates = all().stream().map(AggregateService::aggregate).toList();
        return new AggregateList(aggregates, aggregates.size());
    }

    public Aggregate get(String ref) {
        return aggregate(resolve(ref));
    }

    public AggregateChanged create(String name, @Nullable String availabilityZone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name.trim());
        body.put("availability_zone", ServerService.notBlank(availabilityZone) ? availabilityZone.trim() : null);
        JsonNode created = OpenStackFaults.attempt("create host aggregate '" + name.trim() + "'",
                () -> nova.at(MV).post("/os-aggregates", Map.of("aggregate", body)));
        Aggregate a = aggregate(created.get("aggregate"));
        return new AggregateChanged(a, "Host aggregate '" + a.name() + "' (" + a.id() + ") created"
                + (a.availabilityZone() == null ? "" : " exposing availability zone '" + a.availabilityZone() + "'")
                + "; add hosts with aggregate_host_add.");
    }

    public AggregateChanged update(String ref, @Nullable String name, @Nullable String availabilityZone) {
        if (!ServerService.notBlank(name) && !ServerService.notBlank(availabilityZone)) {
            throw ToolException.invalid("Give 'name' or 'availability_zone': there is nothing to change.");
        }
        JsonNode a = resolve(ref);
        Map<String, Object> body = new LinkedHashMap<>();
        if (ServerService.notBlank(name)) {
            body.put("name", name.trim());
        }
        if (ServerService.notBlank(availabilityZone)) {
            body.put("availability_zone", availabilityZone.trim());
        }
        JsonNode updated = OpenStackFaults.attempt("update host aggregate '" + Json.text(a, "name") + "'",
                () -> nova.at(MV).put("/os-aggregates/" + Json.text(a, "id"), Map.of("aggregate", body)));
        return changed(updated, "Host aggregate " + Json.text(a, "id") + " updated.");
    }

    /** Adds ({@code add}) or removes a compute host. */
    public AggregateChanged host(String ref, String host, boolean add) {
        JsonNode a = resolve(ref);
        String name = Json.text(a, "name");
        String h = host.trim();
        List<String> hosts = hosts(a);
        if (add == hosts.contains(h)) {
            throw ToolException.conflict("Host '" + h + "' is " + (add ? "already" : "not") + " in aggregate '"
                    + name + "' (hosts: " + hosts + ").");
        }
        JsonNode answer = OpenStackFaults.attempt((add ? "add host '" + h + "' to" : "remove host '" + h + "' from")
                        + " host aggregate '" + name + "'",
                () -> nova.at(MV).post("/os-aggregates/" + Json.text(a, "id") + "/action",
                        Map.of(add ? "add_host" : "remove_host", Map.of("host", h))));
        return changed(answer, "Host '" + h + "' " + (add ? "added to" : "removed from") + " aggregate '" + name
                + "'.");
    }

    /** Sets metadata keys and removes {@code unset} keys, in one call. */
    public AggregateChanged setMetadata(String ref, @Nullable Map<String, String> set, @Nullable List<String> unset) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (set != null) {
            metadata.putAll(set);
        }
        if (unset != null) {
            for (String key : unset) {
                if (metadata.containsKey(key.trim())) {
                    throw ToolException.invalid("Key '" + key.trim() + "' is both in 'metadata' and in 'unset'.");
                }
                metadata.put(key.trim(), null);
            }
        }
        if (metadata.isEmpty()) {
            throw ToolException.invalid("Give 'metadata' (keys to set) or 'unset' (keys to remove).");
        }
        JsonNode a = resolve(ref);
        JsonNode answer = OpenStackFaults.attempt("set metadata of host aggregate '" + Json.text(a, "name") + "'",
                () -> nova.at(MV).post("/os-aggregates/" + Json.text(a, "id") + "/action",
                        Map.of("set_metadata", Map.of("metadata", metadata))));
        return changed(answer, "Metadata of aggregate '" + Json.text(a, "name") + "' updated: "
                + (set == null ? 0 : set.size()) + " set, " + (unset == null ? 0 : unset.size()) + " removed.");
    }

    public Preview deletePreview(String ref) {
        JsonNode a = resolve(ref);
        String name = Json.text(a, "name");
        List<Preview.Resource> resources = new ArrayList<>();
        resources.add(new Preview.Resource("aggregate", Json.text(a, "id"), name, "deleted"));
        for (String host : hosts(a)) {
            resources.add(new Preview.Resource("compute_host", host, host,
                    "removed from the aggregate; keeps running its servers"));
        }
        List<String> warnings = new ArrayList<>();
        Map<String, String> metadata = Json.stringMap(a, "metadata");
        metadata.remove("availability_zone");
        if (!metadata.isEmpty()) {
            warnings.add("Flavors or images that ask for its metadata " + metadata.keySet() + " may no longer find a"
                    + " host.");
        }
        if (Json.text(a, "availability_zone") != null) {
            warnings.add("Its availability zone '" + Json.text(a, "availability_zone") + "' disappears; its hosts"
                    + " fall back to the default zone.");
        }
        return new Preview("delete host aggregate", "Delete host aggregate '" + name + "' (" + Json.text(a, "id")
                + ") with " + hosts(a).size() + " host" + (hosts(a).size() == 1 ? "" : "s") + ".", resources,
                warnings);
    }

    /** Nova refuses to delete an aggregate with hosts: they are removed first. */
    public AggregateDeleted delete(String ref) {
        JsonNode a = resolve(ref);
        String id = Json.text(a, "id");
        String name = Json.text(a, "name");
        List<String> removed = new ArrayList<>();
        for (String host : hosts(a)) {
            OpenStackFaults.attempt("remove host '" + host + "' from host aggregate '" + name + "'",
                    () -> nova.at(MV).post("/os-aggregates/" + id + "/action",
                            Map.of("remove_host", Map.of("host", host))));
            removed.add(host);
        }
        OpenStackFaults.attempt("delete host aggregate '" + name + "'", () -> {
            nova.at(MV).delete("/os-aggregates/" + id);
            return null;
        });
        return new AggregateDeleted(Long.parseLong(id), name, removed, "Host aggregate '" + name + "' is deleted"
                + (removed.isEmpty() ? "." : "; its hosts " + removed + " were removed from it first."));
    }

    private AggregateChanged changed(JsonNode answer, String message) {
        return new AggregateChanged(aggregate(answer.get("aggregate")), message);
    }

    private JsonNode resolve(String ref) {
        return Lookup.byIdOrName("Host aggregate", ref, id -> nova.at(MV).find("/os-aggregates/" + id, "aggregate"),
                name -> all(), a -> Json.text(a, "name"), a -> Json.text(a, "id"));
    }

    private List<JsonNode> all() {
        return Json.array(nova.at(MV).get("/os-aggregates", null), "aggregates");
    }

    private static List<String> hosts(JsonNode a) {
        return Json.array(a, "hosts").stream().map(JsonNode::asText).toList();
    }

    static Aggregate aggregate(JsonNode a) {
        Long id = Json.longValue(a, "id");
        Map<String, String> metadata = Json.stringMap(a, "metadata");
        return new Aggregate(id == null ? 0 : id, Json.text(a, "uuid"), Json.text(a, "name"),
                Json.text(a, "availability_zone"), hosts(a), metadata, NovaServer.iso(Json.text(a, "created_at")));
    }
}
