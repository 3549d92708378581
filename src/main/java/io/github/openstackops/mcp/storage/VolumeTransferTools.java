package io.github.openstackops.mcp.storage;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.catalog.schema.Timeout;
import io.github.openstackops.mcp.catalog.schema.Wait;
import io.github.openstackops.mcp.storage.StorageRecords.Deleted;
import io.github.openstackops.mcp.storage.TransferRecords.TransferAccepted;
import io.github.openstackops.mcp.storage.TransferRecords.TransferCreated;
import io.github.openstackops.mcp.storage.TransferRecords.VolumeImage;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Volumes leaving their project: transfers (list, create, accept, delete) and upload into a Glance image. */
@Singleton
public class VolumeTransferTools implements ToolProvider {

    static final String TRANSFER = "Transfer id";

    public enum DiskFormat { RAW, QCOW2, VMDK, VDI, VHD, VHDX }

    public enum Visibility { PRIVATE, SHARED, COMMUNITY, PUBLIC }

    public record ListArgs(
            @Limit("Transfers per page") Integer limit,
            @Marker("Id of the last transfer of the previous page (its 'next_marker')") String marker,
            @Param(value = "Only transfers of this volume (id or exact name)", maxLength = 255) String volume) {
    }

    public record CreateArgs(
            @IdOrName(VolumeTools.VOLUME) String volume,
            @Param(value = "Name of the transfer", maxLength = 255) String name,
            @Param(value = "Move the volume's snapshots with it (false leaves them behind)", defaultValue = "true")
            Boolean withSnapshots) {
    }

    public record AcceptArgs(
            @Param(value = TRANSFER, required = true, pattern = "^[0-9a-fA-F-]{32,36}$") String transfer,
            @Param(value = "The auth key volume_transfer_create returned", required = true, minLength = 1,
                    maxLength = 255) String authKey) {
    }

    public record DeleteArgs(
            @Param(value = TRANSFER, required = true, pattern = "^[0-9a-fA-F-]{32,36}$") String transfer) {
    }

    public record ImageArgs(
            @IdOrName(VolumeTools.VOLUME) String volume,
            @Param(value = "Name of the new image", required = true, minLength = 1, maxLength = 255) String imageName,
            @Param(value = "Disk format of the image", defaultValue = "\"raw\"") DiskFormat diskFormat,
            @Param("Visibility of the image; Glance's default (private) when omitted") Visibility visibility,
            @JsonProperty("protected") @Param(value = "Protect the image against deletion", defaultValue = "false")
            Boolean isProtected,
            @Param(value = "Upload a volume attached to a server (its data may be inconsistent)",
                    defaultValue = "false") Boolean force,
            @JsonProperty("wait") @Wait("Wait until the image is active, reporting progress") Boolean waitUntilDone,
            @Timeout(seconds = 600, max = 3600) Integer timeoutSeconds) {
    }

    private final TransferService transfers;
    private final VolumeImageService images;

    public VolumeTransferTools(TransferService transfers, VolumeImageService images) {
        this.transfers = transfers;
        this.images = images;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("volume_transfer_list", Toolset.STORAGE, ListArgs.class, TransferRecords.TRANSFERS)
                        .title("Volume transfers: List")
                        .description("Volume transfers. Pending offers, newest first, paged by Cinder (microversion 3.57);"
                                + " auth keys are never shown.")
                        .handler((ctx, a) -> transfers.list(a.limit(), a.marker(), a.volume()))
                        .build(),
                ToolDefinition.write("volume_transfer_create", Toolset.STORAGE, CreateArgs.class,
                                TransferCreated.class)
                        .title("Volume transfers: Create")
                        .description("Offer a volume to a project. Returns the transfer id and an auth key,"
                                + " shown this once; the other project accepts with both (volume_transfer_accept)."
                                + " The volume must be available; it waits as awaiting-transfer meanwhile.")
                        .handler((ctx, a) -> transfers.create(a.volume(), a.name(), !Boolean.FALSE.equals(a.withSnapshots())))
                        .build(),
                ToolDefinition.write("volume_transfer_accept", Toolset.STORAGE, AcceptArgs.class,
                                TransferAccepted.class)
                        .title("Volume transfers: Accept")
                        .description("Accept a volume transfer. Takes a volume another project offered; needs the"
                                + " transfer id and its auth key; the volume then belongs to this server's project.")
                        .handler((ctx, a) -> transfers.accept(a.transfer().trim(), a.authKey().trim()))
                        .build(),
                ToolDefinition.destructive("volume_transfer_delete", Toolset.STORAGE, DeleteArgs.class, Deleted.class)
                        .title("Volume transfers: Delete")
                        .description("Withdraw a volume transfer. The volume stays in this project; the auth key"
                                + " given out stops working.")
                        .preview((ctx, a) -> transfers.deletePreview(a.transfer().trim()))
                        .handler((ctx, a) -> transfers.delete(a.transfer().trim()))
                        .build(),
                ToolDefinition.write("volume_image_create", Toolset.STORAGE, ImageArgs.class, VolumeImage.class)
                        .title("Volumes: Upload to Image")
                        .description("Upload a volume to an image. Cinder creates the Glance image and copies"
                                + " the volume's data into it (os-volume_upload_image); the volume is back to"
                                + " available when done.")
                        .handler((ctx, a) -> images.upload(a.volume(), new VolumeImageService.NewImage(a.imageName(),
                                        lower(a.diskFormat()), "bare", lower(a.visibility()),
                                        Boolean.TRUE.equals(a.isProtected())), Boolean.TRUE.equals(a.force()),
                                a.waitUntilDone(), Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build());
    }

    static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
