package io.github.openstackops.mcp.storage;

import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

/** Volumes leaving their project: transfers to another project, and uploads into Glance images. */
public final class TransferRecords {

    private TransferRecords() {
    }

    @Doc("A volume transfer: an offer of a volume to whichever project accepts it with the auth key")
    public record Transfer(
            @Doc("Transfer id") String id,
            @Nullable @Doc("Transfer name") String name,
            @Doc("Id of the volume offered") String volumeId,
            @Nullable @Doc("Project offering the volume") String sourceProjectId,
            @Nullable @Doc("Project that accepted it, once accepted") String destinationProjectId,
            @Doc("Whether it was accepted") boolean accepted,
            @Doc("Whether the volume's snapshots stay behind (they move with it otherwise)") boolean noSnapshots,
            @Nullable @Doc("Creation time") String created) {
    }

    public static final Page.Kind<Transfer> TRANSFERS = Page.Kind.of(Transfer.class, "transfers", "volume transfers")
            .about("One page of volume transfers, newest first");

    @Doc("A new volume transfer with its auth key, shown this once")
    public record TransferCreated(
            @Doc("The transfer") Transfer transfer,
            @Doc("The auth key the accepting project must give; Cinder never shows it again") String authKey,
            @Doc("What happens next, in a sentence") String message) {
    }

    @Doc("An accepted volume transfer")
    public record TransferAccepted(
            @Doc("Transfer id") String transferId,
            @Doc("The volume, now in this project") Ref volume,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("A volume being uploaded into a new Glance image")
    public record VolumeImage(
            @Doc("The volume") Ref volume,
            @Doc("The new image") Ref image,
            @Doc("Image status when the call returned, e.g. queued, saving, active") String imageStatus,
            @Nullable @Doc("Disk format, e.g. raw, qcow2") String diskFormat,
            @Doc("Whether the upload finished (image active)") boolean done,
            @Doc("What happened, in a sentence") String message) {
    }
}
