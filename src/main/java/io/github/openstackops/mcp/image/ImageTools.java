package io.github.openstackops.mcp.image;

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
import io.github.openstackops.mcp.image.ImageRecords.ImageDeleted;
import io.github.openstackops.mcp.image.ImageRecords.ImageDetail;
import io.github.openstackops.mcp.image.ImageRecords.ImageOperation;
import io.github.openstackops.mcp.image.ImageRecords.MemberList;
import io.github.openstackops.mcp.image.ImageRecords.MemberResult;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Image tools (Glance v2): list, get, members, create, update, visibility, sharing, (de)activation, delete. */
@Singleton
public class ImageTools implements ToolProvider {

    static final String IMAGE = "Image id, or its exact name when that name is unique among the images this project sees";
    static final String PROJECT_ID = "^[0-9a-fA-F-]{1,64}$";

    public enum Visibility { PUBLIC, COMMUNITY, SHARED, PRIVATE }

    public enum ImageStatus { QUEUED, SAVING, UPLOADING, IMPORTING, ACTIVE, DEACTIVATED, KILLED, DELETED, PENDING_DELETE }

    public enum DiskFormat { RAW, QCOW2, VMDK, VDI, VHD, VHDX, ISO, PLOOP, AMI, ARI, AKI }

    public enum ContainerFormat { BARE, OVF, OVA, DOCKER, COMPRESSED, AMI, ARI, AKI }

    public enum MemberStatus { ACCEPTED, REJECTED, PENDING }

    public record ListArgs(
            @Limit("Images per page") Integer limit,
            @Marker("Id of the last image of the previous page (its 'next_marker')") String marker,
            @Param(value = "Only images with exactly this name", maxLength = 255) String name,
            @Param("Only images with this status") ImageStatus status,
            @Param("Only images with this visibility; without it Glance lists public, shared-and-accepted and the"
                    + " project's own images (community images only when asked for)") Visibility visibility,
            @Param(value = "Only images owned by this project id", pattern = PROJECT_ID) String owner,
            @Param(value = "Only images with this tag", maxLength = 255) String tag) {
    }

    public record GetArgs(@IdOrName(IMAGE) String image) {
    }

    public record CreateArgs(
            @Param(value = "Name of the image", required = true, minLength = 1, maxLength = 255) String name,
            @Param("Disk format of the data; required with file_path or source_url") DiskFormat diskFormat,
            @Param(value = "Container format", defaultValue = "\"bare\"") ContainerFormat containerFormat,
            @Param("Visibility; Glance's default when omitted (shared: seen only by the owner until members are"
                    + " added); public usually needs an admin") Visibility visibility,
            @Param(value = "Minimum disk in GiB a server booted from it needs", min = 0, max = 65536) Integer minDiskGb,
            @Param(value = "Minimum RAM in MiB a server booted from it needs", min = 0, max = 16777216) Integer minRamMb,
            @JsonProperty("protected") @Param(value = "Protect the image against deletion", defaultValue = "false") Boolean isProtected,
            @Param(value = "Tags", maxItems = 50) List<String> tags,
            @Param("Custom properties, e.g. {\"os_distro\": \"ubuntu\", \"hw_disk_bus\": \"scsi\"}") Map<String, String> properties,
            @Param(value = "Absolute path of the image file on the host this MCP server runs on (not the client's);"
                    + " it is uploaded to Glance", maxLength = 4096) String filePath,
            @Param(value = "http(s) URL Glance downloads the image from itself (web-download import, where the"
                    + " cloud offers it)", maxLength = 4096, pattern = "^https?://.+") String sourceUrl,
            @JsonProperty("wait") @Wait("Wait until the image is active, reporting progress") Boolean waitUntilDone,
            @Timeout(seconds = 600, max = 3600) Integer timeoutSeconds) {
    }

    public record UpdateArgs(
            @IdOrName(IMAGE) String image,
            @Param(value = "New name", minLength = 1, maxLength = 255) String name,
            @Param(value = "Minimum disk in GiB", min = 0, max = 65536) Integer minDiskGb,
            @Param(value = "Minimum RAM in MiB", min = 0, max = 16777216) Integer minRamMb,
            @JsonProperty("protected") @Param("Protect the image against deletion (true) or lift the protection (false)") Boolean isProtected,
            @Param(value = "Tags to add", maxItems = 50) List<String> addTags,
            @Param(value = "Tags to remove", maxItems = 50) List<String> removeTags,
            @Param("Custom properties to set (added or replaced)") Map<String, String> setProperties,
            @Param(value = "Custom properties to remove", maxItems = 50) List<String> removeProperties) {
    }

    public record VisibilityArgs(
            @IdOrName(IMAGE) String image,
            @Param(value = "public: every project; community: every project, outside default lists; shared: the"
                    + " projects added as members; private: the owner only", required = true) Visibility visibility) {
    }

    public record MemberListArgs(@IdOrName(IMAGE) String image) {
    }

    public record MemberAddArgs(
            @IdOrName(IMAGE) String image,
            @Param(value = "Id of the project to share the image with", required = true, pattern = PROJECT_ID) String project) {
    }

    public record MemberUpdateArgs(
            @Param(value = "Image id (a project that has not accepted a shared image yet sees it by id only)",
                    required = true, minLength = 1, maxLength = 255) String image,
            @Param(value = "accepted: the image appears in this project's image list; rejected: it does not;"
                    + " pending: undecided", required = true) MemberStatus status,
            @Param(value = "Member project id; the current project when omitted (admins may answer for another)",
                    pattern = PROJECT_ID) String project) {
    }

    public record MemberRemoveArgs(
            @IdOrName(IMAGE) String image,
            @Param(value = "Id of the member project to remove", required = true, pattern = PROJECT_ID) String project) {
    }

    public record DeleteArgs(@IdOrName(IMAGE) String image) {
    }

    private final ImageService images;
    private final ImageSharing sharing;
    private final ImageLifecycle lifecycle;

    public ImageTools(ImageService images, ImageSharing sharing, ImageLifecycle lifecycle) {
        this.images = images;
        this.sharing = sharing;
        this.lifecycle = lifecycle;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("image_list", Toolset.IMAGE, ListArgs.class, ImageRecords.IMAGES)
                        .title("Images: List")
                        .description("List Glance images, newest first, one page at a time, optionally filtered by"
                                + " exact name, status, visibility, owner project or tag (filtering happens in"
                                + " Glance). Pass 'next_marker' as 'marker' for the next page.")
                        .handler((ctx, a) -> images.list(a.limit(), a.marker(), new ImageService.Filters(a.name(),
                                lower(a.status()), lower(a.visibility()), a.owner(), a.tag())))
                        .build(),
                ToolDefinition.read("image_get", Toolset.IMAGE, GetArgs.class, ImageDetail.class)
                        .title("Images: Get")
                        .description("One image in detail: status, visibility, protection, size and virtual size,"
                                + " formats, checksum and secure hash, minimum disk and RAM, tags and custom"
                                + " properties (e.g. os_distro, hw_* hints), and why an import failed.")
                        .handler((ctx, a) -> images.get(a.image()))
                        .build(),
                ToolDefinition.read("image_member_list", Toolset.IMAGE, MemberListArgs.class, MemberList.class)
                        .title("Image members: List")
                        .description("The projects a shared image is shared with, and whether each accepted it. Only"
                                + " shared images have members.")
                        .handler((ctx, a) -> sharing.members(a.image()))
                        .build(),
                ToolDefinition.write("image_create", Toolset.IMAGE, CreateArgs.class, ImageOperation.class)
                        .title("Images: Create")
                        .description("Create an image: register its metadata, then give it data either from a file"
                                + " on the host this MCP server runs on (file_path, uploaded with progress) or from"
                                + " an http(s) URL Glance downloads itself (source_url; only where the cloud offers"
                                + " the web-download import, which is checked first), and wait until it is active."
                                + " Files in system or hidden directories are refused. A failed upload or import"
                                + " removes the half-made image again.")
                        .cancellation(ImageService.CANCELLATION)
                        .handler((ctx, a) -> images.create(new ImageService.NewImage(a.name(), lower(a.diskFormat()),
                                        lower(a.containerFormat()), lower(a.visibility()), a.minDiskGb(), a.minRamMb(),
                                        a.isProtected(), a.tags() == null ? List.of() : a.tags(),
                                        a.properties() == null ? Map.of() : a.properties()),
                                a.filePath(), a.sourceUrl(), a.waitUntilDone(), Duration.ofSeconds(a.timeoutSeconds()),
                                ctx))
                        .build(),
                ToolDefinition.write("image_update", Toolset.IMAGE, UpdateArgs.class, ImageDetail.class)
                        .title("Images: Update")
                        .description("Change an image's name, minimum disk or RAM, protection, tags, or custom"
                                + " properties (set or remove). Give only what should change. Visibility has its own"
                                + " tool (image_visibility_set).")
                        .handler((ctx, a) -> images.update(a.image(), a.name(), a.minDiskGb(), a.minRamMb(),
                                a.isProtected(), orEmpty(a.addTags()), orEmpty(a.removeTags()),
                                a.setProperties() == null ? Map.of() : a.setProperties(),
                                orEmpty(a.removeProperties())))
                        .build(),
                ToolDefinition.write("image_visibility_set", Toolset.IMAGE, VisibilityArgs.class, ImageOperation.class)
                        .title("Images: Set Visibility")
                        .description("Make an image public, community, shared or private. Making an image public"
                                + " needs an admin under the default policy; 'shared' is needed before"
                                + " image_member_add.")
                        .handler((ctx, a) -> sharing.setVisibility(a.image(), lower(a.visibility())))
                        .build(),
                ToolDefinition.write("image_member_add", Toolset.IMAGE, MemberAddArgs.class, MemberResult.class)
                        .title("Image members: Add")
                        .description("Share an image (visibility shared) with another project. The membership starts"
                                + " pending; the other project sees the image in its list once it accepts it"
                                + " (image_member_update, called as that project).")
                        .handler((ctx, a) -> sharing.addMember(a.image(), a.project()))
                        .build(),
                ToolDefinition.write("image_member_update", Toolset.IMAGE, MemberUpdateArgs.class, MemberResult.class)
                        .title("Image members: Update")
                        .description("Accept, reject or reset a shared image's membership. Called by the member"
                                + " project (the consumer), not by the image owner.")
                        .handler((ctx, a) -> sharing.updateMember(a.image(), a.project(), lower(a.status())))
                        .build(),
                ToolDefinition.destructive("image_member_remove", Toolset.IMAGE, MemberRemoveArgs.class,
                                MemberResult.class)
                        .title("Image members: Remove")
                        .description("Stop sharing an image. The member project loses access at once; the"
                                + " preview says whether it had accepted the image.")
                        .preview((ctx, a) -> sharing.removeMemberPreview(a.image(), a.project().trim()))
                        .handler((ctx, a) -> sharing.removeMember(a.image(), a.project().trim()))
                        .build(),
                ToolDefinition.write("image_deactivate", Toolset.IMAGE, GetArgs.class, ImageOperation.class)
                        .title("Images: Deactivate")
                        .description("Deactivate an active image: its data can no longer be downloaded and new"
                                + " servers cannot boot from it (admins excepted), e.g. while it is investigated."
                                + " Reversible with image_reactivate; existing servers are unaffected. Allowed to"
                                + " admins and, under Glance's default policy since Wallaby, to the owning project;"
                                + " older or stricter clouds allow admins only.")
                        .handler((ctx, a) -> lifecycle.deactivate(a.image(), true))
                        .build(),
                ToolDefinition.write("image_reactivate", Toolset.IMAGE, GetArgs.class, ImageOperation.class)
                        .title("Images: Reactivate")
                        .description("Reactivate a deactivated image so servers can boot from it again. Allowed to"
                                + " admins and, under Glance's default policy since Wallaby, to the owning project;"
                                + " older or stricter clouds allow admins only.")
                        .handler((ctx, a) -> lifecycle.deactivate(a.image(), false))
                        .build(),
                ToolDefinition.destructive("image_delete", Toolset.IMAGE, DeleteArgs.class, ImageDeleted.class)
                        .title("Images: Delete")
                        .description("Delete an image and its data. Refused for protected images (unprotect with"
                                + " image_update first). The preview warns when servers of this project were booted"
                                + " from it and when other projects may use it.")
                        .preview((ctx, a) -> lifecycle.deletePreview(a.image()))
                        .handler((ctx, a) -> lifecycle.delete(a.image()))
                        .build());
    }

    static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
