package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.compute.ServerRecords.Address;
import io.github.openstackops.mcp.compute.ServerRecords.Fault;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Nova server as Nova sends it (any microversion), read in one place: every server tool maps servers through
 * these accessors, so a field means the same in a list, a detail and a wait.
 */
record NovaServer(JsonNode json) {

    @Nullable
    static NovaServer of(@Nullable JsonNode json) {
        return json == null ? null : new NovaServer(json);
    }

    String id() {
        return Json.text(json, "id");
    }

    @Nullable
    String name() {
        return Json.text(json, "name");
    }

    /** Nova's status, e.g. ACTIVE, SHUTOFF, VERIFY_RESIZE; UNKNOWN when absent. */
    String status() {
        return status(json);
    }

    static String status(JsonNode server) {
        String status = Json.text(server, "status");
        return status == null ? "UNKNOWN" : status;
    }

    @Nullable
    String taskState() {
        return taskState(json);
    }

    @Nullable
    static String taskState(JsonNode server) {
        return Json.text(server, "OS-EXT-STS:task_state");
    }

    /** No task running (Nova sends null; some versions an empty string). */
    boolean settled() {
        String task = taskState();
        return task == null || task.isBlank();
    }

    /** "ACTIVE" or "ACTIVE (rebooting)": what a wait reports. */
    String describe() {
        return status() + (taskState() == null ? "" : " (" + taskState() + ")");
    }

    @Nullable
    String host() {
        return Json.text(json, "OS-EXT-SRV-ATTR:host");
    }

    @Nullable
    String hypervisorHostname() {
        return Json.text(json, "OS-EXT-SRV-ATTR:hypervisor_hostname");
    }

    @Nullable
    String availabilityZone() {
        return Json.text(json, "OS-EXT-AZ:availability_zone");
    }

    @Nullable
    String tenantId() {
        return Json.text(json, "tenant_id");
    }

    @Nullable
    String userId() {
        return Json.text(json, "user_id");
    }

    @Nullable
    String keyName() {
        return Json.text(json, "key_name");
    }

    @Nullable
    String created() {
        return iso(Json.text(json, "created"));
    }

    @Nullable
    String updated() {
        return iso(Json.text(json, "updated"));
    }

    @Nullable
    String powerState() {
        return Json.text(json, "OS-EXT-STS:power_state");
    }

    /** The flavor id (microversions before 2.47); null when the flavor is embedded instead. */
    @Nullable
    String flavorId() {
        return flavorId(json);
    }

    @Nullable
    static String flavorId(JsonNode server) {
        return Json.text(server.get("flavor"), "id");
    }

    /** The flavor name embedded from microversion 2.47 on. */
    @Nullable
    static String flavorOriginalName(JsonNode server) {
        return Json.text(server.get("flavor"), "original_name");
    }

    /** The image id; null for a server booted from a volume (Nova sends an empty string). */
    @Nullable
    String imageId() {
        return imageId(json);
    }

    @Nullable
    static String imageId(JsonNode server) {
        JsonNode image = server.get("image");
        String id = image == null || !image.isObject() ? null : Json.text(image, "id");
        return id == null || id.isEmpty() ? null : id;
    }

    Map<String, String> metadata() {
        return Json.stringMap(json, "metadata");
    }

    /** Ids of the attached volumes. */
    List<String> volumeIds() {
        return Json.array(json, "os-extended-volumes:volumes_attached").stream().map(v -> Json.text(v, "id"))
                .filter(id -> id != null).toList();
    }

    /** Names of the security groups, once each, sorted. */
    List<String> securityGroupNames() {
        return Json.array(json, "security_groups").stream().map(g -> Json.text(g, "name"))
                .filter(n -> n != null).distinct().sorted().toList();
    }

    /** Names of the security groups, once each, in Nova's order. */
    List<String> securityGroupsInOrder() {
        return Json.array(json, "security_groups").stream().map(g -> Json.text(g, "name"))
                .filter(n -> n != null).distinct().toList();
    }

    @Nullable
    Fault fault() {
        JsonNode fault = json.get("fault");
        if (fault == null || !fault.isObject()) {
            return null;
        }
        Integer code = Json.integer(fault, "code");
        return new Fault(code == null ? 0 : code, Json.text(fault, "message"), iso(Json.text(fault, "created")));
    }

    /** ": why" when the server has a fault, "." otherwise: the end of a sentence about a failure. */
    static String faultText(@Nullable NovaServer s) {
        Fault fault = s == null ? null : s.fault();
        return fault == null ? "." : ": " + fault.message();
    }

    List<Address> addresses() {
        return addresses(json);
    }

    static List<Address> addresses(JsonNode server) {
        List<Address> out = new ArrayList<>();
        JsonNode addresses = server.get("addresses");
        if (addresses == null || !addresses.isObject()) {
            return out;
        }
        addresses.fields().forEachRemaining(network -> network.getValue().forEach(a -> {
            String type = Json.text(a, "OS-EXT-IPS:type");
            out.add(new Address(network.getKey(), Json.text(a, "addr"), type == null ? "fixed" : type));
        }));
        return out;
    }

    /** A Nova time as an ISO-8601 instant ("2026-11-22T04:54:52Z"). */
    @Nullable
    static String iso(@Nullable String time) {
        if (time == null || time.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(time).toString();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(time + "Z").toString(); // older Novas leave the zone out
            } catch (DateTimeParseException again) {
                return time;
            }
        }
    }
}
