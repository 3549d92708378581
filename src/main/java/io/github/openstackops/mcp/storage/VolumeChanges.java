package io.github.openstackops.mcp.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Polling;
import io.github.openstackops.mcp.cloud.services.CinderClient;
import io.github.openstackops.mcp.storage.StorageRecords.VolumeOperation;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.label;
import static io.github.openstackops.mcp.cloud.Json.putIfSet;
import static io.github.openstackops.mcp.cloud.Json.text;

/** Changes to an existing volume: extend, rename or describe, bootable and read-only flags, retype. */
@Singleton
public class VolumeChanges {

    private final CinderClient cinder;
    private final VolumeService volumes;

    public VolumeChanges(CinderClient cinder, VolumeService volumes) {
        this.cinder = cinder;
        this.volumes = volumes;
    }

    public VolumeOperation extend(String volume, int newSizeGb, boolean wait, Duration timeout, ToolContext context) {
        JsonNode v = volumes.resolve(volume);
        int size = VolumeService.size(v);
        if (newSizeGb <= size) {
            throw ToolException.invalid("Volume '" + label(v) + "' already has " + size + " GiB; new_size_gb must be"
                    + " larger (Cinder cannot shrink a volume).");
        }
        if (!VolumeService.SETTLED.contains(VolumeService.status(v))) {
            throw ToolException.conflict("Volume '" + label(v) + "' is " + VolumeService.status(v) + "; it can be extended only when"
                    + " available or in-use. Wait for it to settle and try again.");
        }
        cinder.action(text(v, "id"), "os-extend", Map.of("new_size", newSizeGb));
        context.info("extend of volume " + label(v) + " to " + newSizeGb + " GiB requested");
        if (!wait) {
            return VolumeService.operation(v, false, "Extending volume '" + label(v) + "' from " + size + " to " + newSizeGb
                    + " GiB was accepted and continues in the background.");
        }
        Polling.Outcome<JsonNode> outcome = volumes.poll(text(v, "id"),
                x -> VolumeService.SETTLED.contains(VolumeService.status(x)) && VolumeService.size(x) == newSizeGb, x -> VolumeService.status(x).startsWith("error"), timeout,
                context);
        return volumes.settle(outcome, text(v, "id"), "extending", "Volume '" + label(v) + "' now has " + newSizeGb
                + " GiB (was " + size + " GiB).");
    }

    public VolumeOperation update(String volume, @Nullable String name, @Nullable String description,
                                  @Nullable Boolean bootable, @Nullable Boolean readOnly) {
        if (name == null && description == null && bootable == null && readOnly == null) {
            throw ToolException.invalid("Nothing to change: give name, description, bootable or read_only.");
        }
        JsonNode v = volumes.resolve(volume);
        String id = text(v, "id");
        if (readOnly != null && readOnly != VolumeService.readOnly(v) && !"available".equals(VolumeService.status(v))) {
            throw ToolException.conflict("Volume '" + label(v) + "' is " + VolumeService.status(v) + "; Cinder changes the read-only"
                    + " flag only while a volume is available (detach it first). Nothing was changed.");
        }
        List<String> changes = new ArrayList<>();
        if (name != null || description != null) {
            Map<String, Object> body = new LinkedHashMap<>();
            putIfSet(body, "name", name);
            putIfSet(body, "description", description);
            cinder.put("/volumes/" + id, Map.of("volume", body));
            if (name != null) {
                changes.add("name '" + name + "'");
            }
            if (description != null) {
                changes.add("description");
            }
        }
        if (bootable != null) {
            cinder.action(id, "os-set_bootable", Map.of("bootable", bootable));
            changes.add(bootable ? "bootable" : "not bootable");
        }
        if (readOnly != null) {
            cinder.action(id, "os-update_readonly_flag", Map.of("readonly", readOnly));
            changes.add(readOnly ? "read-only" : "read-write");
        }
        JsonNode now = volumes.require(id);
        return VolumeService.operation(now, true, "Volume '" + label(now) + "' updated: " + String.join(", ", changes) + ".");
    }

    public VolumeOperation retype(String volume, String newType, boolean allowMigration, boolean wait,
                                  Duration timeout, ToolContext context) {
        JsonNode v = volumes.resolve(volume);
        JsonNode type = BlockStorageService.resolveType(cinder, newType);
        String typeName = type.path("name").asText();
        if (typeName.equals(text(v, "volume_type"))) {
            return VolumeService.operation(v, true, "Volume '" + label(v) + "' already has type '" + typeName + "'; nothing to do.");
        }
        if (!VolumeService.SETTLED.contains(VolumeService.status(v))) {
            throw ToolException.conflict("Volume '" + label(v) + "' is " + VolumeService.status(v) + "; it can be retyped only when"
                    + " available or in-use.");
        }
        Map<String, Object> retype = new LinkedHashMap<>();
        retype.put("new_type", typeName);
        retype.put("migration_policy", allowMigration ? "on-demand" : "never");
        cinder.action(text(v, "id"), "os-retype", retype);
        context.info("retype of volume " + label(v) + " to " + typeName + " requested");
        if (!wait) {
            return VolumeService.operation(v, false, "Retyping volume '" + label(v) + "' to '" + typeName + "' was accepted and"
                    + " continues in the background.");
        }
        String before = text(v, "volume_type");
        // the API puts the volume in 'retyping' before it answers; it leaves that state with the new type on
        // success, and with the old one (or in error) when the scheduler or the backend refused
        Polling.Outcome<JsonNode> outcome = volumes.poll(text(v, "id"),
                x -> VolumeService.SETTLED.contains(VolumeService.status(x)) && typeName.equals(text(x, "volume_type")),
                x -> VolumeService.status(x).startsWith("error") || VolumeService.SETTLED.contains(VolumeService.status(x))
                        && !typeName.equals(text(x, "volume_type")),
                timeout, context);
        return volumes.settle(outcome, text(v, "id"), "retyping to '" + typeName + "'", "Volume '" + label(v)
                + "' now has type '" + typeName + "' (was '" + before + "').");
    }
}
