package io.github.openstackops.mcp.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/** The compact shapes images and their members are returned in. */
public final class ImageRecords {

    private ImageRecords() {
    }

    @Doc("An image, summarised")
    public record ImageSummary(
            @Doc("Image id") String id,
            @Nullable @Doc("Image name") String name,
            @Doc("Glance status: queued, saving, uploading, importing, active, deactivated, killed, deleted") String status,
            @Doc("public, community, shared or private") String visibility,
            @Nullable @Doc("Size of the image data in bytes") Long sizeBytes,
            @Nullable @Doc("Disk format, e.g. qcow2, raw") String diskFormat,
            @Doc("Minimum disk (GiB) a server booted from it needs") long minDiskGb,
            @Doc("Minimum RAM (MiB) a server booted from it needs") long minRamMb,
            @JsonProperty("protected") @Doc("Whether it is protected against deletion") boolean isProtected,
            @Nullable @Doc("Owning project id") String owner,
            @Doc("Tags") List<String> tags,
            @Nullable @Doc("Creation time") String created) {
    }

    public static final Page.Kind<ImageSummary> IMAGES = Page.Kind.of(ImageSummary.class, "images", "images")
            .about("One page of images, newest first");

    @Doc("An image in detail")
    public record ImageDetail(
            @Doc("Image id") String id,
            @Nullable @Doc("Image name") String name,
            @Doc("Glance status") String status,
            @Doc("public, community, shared or private") String visibility,
            @JsonProperty("protected") @Doc("Whether it is protected against deletion") boolean isProtected,
            @Doc("Whether it is hidden from default image lists (os_hidden)") boolean hidden,
            @Nullable @Doc("Size of the image data in bytes") Long sizeBytes,
            @Nullable @Doc("Virtual disk size in bytes") Long virtualSizeBytes,
            @Nullable @Doc("Disk format") String diskFormat,
            @Nullable @Doc("Container format") String containerFormat,
            @Nullable @Doc("MD5 checksum of the data") String checksum,
            @Nullable @Doc("Secure hash algorithm, e.g. sha512") String hashAlgo,
            @Nullable @Doc("Secure hash of the data") String hashValue,
            @Doc("Minimum disk (GiB)") long minDiskGb,
            @Doc("Minimum RAM (MiB)") long minRamMb,
            @Nullable @Doc("Owning project id") String owner,
            @Doc("Tags") List<String> tags,
            @Doc("Custom properties, e.g. os_distro, hw_disk_bus") Map<String, String> properties,
            @Nullable @Doc("Why the last import failed, for images that were imported (e.g. web-download)") String importError,
            @Nullable @Doc("Creation time") String created,
            @Nullable @Doc("Last update time") String updated) {
    }

    @Doc("A project an image is shared with")
    public record Member(
            @Doc("Member project id") String memberId,
            @Doc("pending (not yet accepted), accepted, or rejected") String status,
            @Nullable @Doc("When it was shared") String created,
            @Nullable @Doc("Last status change") String updated) {
    }

    @Doc("The projects an image is shared with")
    public record MemberList(
            @Doc("Image id") String imageId,
            @Nullable @Doc("Image name") String imageName,
            @Doc("Members") List<Member> members,
            @Doc("Number of members") int count,
            @Nullable @Doc("Why there are no members, when the image is not shared") String note) {
    }

    @Doc("The result of a change to an image membership")
    public record MemberResult(
            @Doc("Image id") String imageId,
            @Nullable @Doc("Image name") String imageName,
            @Doc("Member project id") String memberId,
            @Doc("Membership status now") String status,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("The result of an image operation")
    public record ImageOperation(
            @Doc("Image id") String id,
            @Nullable @Doc("Image name") String name,
            @Doc("Status when the call returned") String status,
            @Doc("Visibility now") String visibility,
            @Nullable @Doc("Size of the image data in bytes") Long sizeBytes,
            @Nullable @Doc("MD5 checksum of the data") String checksum,
            @Doc("Whether the operation finished (false when still in progress or when the call did not wait)") boolean done,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("The result of deleting an image")
    public record ImageDeleted(
            @Doc("Image id") String id,
            @Nullable @Doc("Image name") String name,
            @Doc("What happened, in a sentence") String message) {
    }
}
