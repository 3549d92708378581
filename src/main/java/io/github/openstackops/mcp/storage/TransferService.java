package io.github.openstackops.mcp.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.Secrets;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.services.CinderClient;
import io.github.openstackops.mcp.storage.StorageRecords.Deleted;
import io.github.openstackops.mcp.storage.TransferRecords.Transfer;
import io.github.openstackops.mcp.storage.TransferRecords.TransferAccepted;
import io.github.openstackops.mcp.storage.TransferRecords.TransferCreated;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.label;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.cloud.services.CinderClient.time;
import static io.github.openstackops.mcp.storage.VolumeService.status;

/**
 * Volume transfers (Cinder microversion {@value #MV}: the transfer API with snapshots optional, paging and who
 * accepted): a project offers a volume, another accepts it with the auth key. The key is returned once, at creation,
 * and registered so no log or error can show it.
 */
@Singleton
public class TransferService {

    static final String MV = "3.57";
    private static final String FEATURE = "the volume transfer API";
    private static final String PATH = "/volume-transfers";

    private final CinderClient cinder;
    private final VolumeService volumes;

    public TransferService(CinderClient cinder, VolumeService volumes) {
        this.cinder = cinder;
        this.volumes = volumes;
    }

    /**
     * Cinder (2025.1 on the testbed) answers a transfer listing that carries limit, marker or sort with no transfers
     * at all, so the project's pending transfers (offers are few and short-lived) are read whole, newest first, and
     * paged here.
     */
    public Page<Transfer> list(int limit, @Nullable String marker, @Nullable String volume) {
        Map<String, Object> filters = new LinkedHashMap<>();
        Json.putIfSet(filters, "volume_id", volume == null ? null : text(volumes.resolve(volume), "id"));
        List<JsonNode> all = new ArrayList<>(Json.array(cinder.since(MV, FEATURE, c -> c.get(PATH + "/detail",
                filters)), "transfers"));
        all.sort(Comparator.comparing((JsonNode t) -> String.valueOf(text(t, "created_at"))).reversed()
                .thenComparing(t -> String.valueOf(text(t, "id"))));
        int from = 0;
        if (marker != null) {
            from = -1;
            for (int i = 0; i < all.size(); i++) {
                if (marker.equals(text(all.get(i), "id"))) {
                    from = i + 1;
                }
            }
            if (from < 0) {
                throw ToolException.invalid("Marker '" + marker + "' is no pending transfer; start again without it.");
            }
        }
        Paging.Slice<JsonNode> page = Paging.slice(all.subList(from, all.size()), limit, t -> text(t, "id"));
        return TransferRecords.TRANSFERS.page(page.items().stream().map(TransferService::transfer).toList(),
                page.nextMarker());
    }

    public TransferCreated create(String volume, @Nullable String name, boolean withSnapshots) {
        JsonNode v = volumes.resolve(volume);
        if (!"available".equals(status(v))) {
            throw ToolException.conflict("Volume '" + label(v) + "' is " + status(v) + "; only an available volume"
                    + " (detached, not already offered) can be transferred.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("volume_id", text(v, "id"));
        Json.putIfSet(body, "name", name);
        body.put("no_snapshots", !withSnapshots);
        JsonNode created = OpenStackFaults.attempt("offer volume '" + label(v) + "' for transfer",
                () -> cinder.since(MV, FEATURE, c -> c.post(PATH, Map.of("transfer", body)))).path("transfer");
        String key = text(created, "auth_key");
        Secrets.register(key);
        Transfer t = transfer(created);
        return new TransferCreated(t, key, "Volume '" + label(v) + "' is offered for transfer (" + t.id() + ") and"
                + " waits, awaiting-transfer, until a project accepts it with volume_transfer_accept, giving this"
                + " transfer id and auth key. Pass both to that project privately: anyone with them can take the"
                + " volume. The key is not shown again; volume_transfer_delete withdraws the offer.");
    }

    public TransferAccepted accept(String transfer, String authKey) {
        Secrets.register(authKey);
        try {
            JsonNode accepted = OpenStackFaults.attempt("accept volume transfer " + transfer,
                    () -> cinder.since(MV, FEATURE, c -> c.post(PATH + "/" + Json.segment(transfer) + "/accept",
                            Map.of("accept", Map.of("auth_key", authKey))))).path("transfer");
            String volumeId = text(accepted, "volume_id");
            JsonNode v = cinder.volume(volumeId);
            return new TransferAccepted(text(accepted, "id"), new Ref(volumeId, v == null ? null : text(v, "name")),
                    "Volume '" + (v == null ? volumeId : label(v)) + "' (" + volumeId + ") now belongs to this project.");
        } finally {
            Secrets.forget(authKey);
        }
    }

    public Preview deletePreview(String transfer) {
        Transfer t = transfer(require(transfer));
        JsonNode v = cinder.volume(t.volumeId());
        return new Preview("delete volume transfer", "Withdraw transfer '" + (t.name() == null ? t.id() : t.name())
                + "' (" + t.id() + ") of volume '" + (v == null ? t.volumeId() : label(v)) + "'.",
                List.of(new Preview.Resource("volume_transfer", t.id(), t.name(), "deleted; its auth key stops working"),
                        new Preview.Resource("volume", t.volumeId(), v == null ? null : text(v, "name"),
                                "kept in this project, available again")),
                List.of("Whoever was given the transfer id and auth key can no longer accept the volume."));
    }

    public Deleted delete(String transfer) {
        Transfer t = transfer(require(transfer));
        OpenStackFaults.attempt("delete volume transfer " + t.id(),
                () -> cinder.since(MV, FEATURE, c -> {
                    c.delete(PATH + "/" + t.id());
                    return null;
                }));
        return new Deleted(t.id(), t.name(), true, "Transfer " + t.id() + " is withdrawn; volume " + t.volumeId()
                + " stays in this project.");
    }

    private JsonNode require(String transfer) {
        JsonNode found = cinder.since(MV, FEATURE, c -> c.find(PATH + "/" + Json.segment(transfer), "transfer"));
        if (found == null) {
            throw OpenStackFaults.notFound("Volume transfer '" + transfer + "'");
        }
        return found;
    }

    static Transfer transfer(JsonNode t) {
        return new Transfer(text(t, "id"), Json.nonEmpty(t, "name"), text(t, "volume_id"), text(t, "source_project_id"),
                text(t, "destination_project_id"), Json.flag(t, "accepted"), Json.flag(t, "no_snapshots"),
                time(t, "created_at"));
    }
}
