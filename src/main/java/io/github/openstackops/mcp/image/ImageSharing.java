package io.github.openstackops.mcp.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.services.GlanceClient;
import io.github.openstackops.mcp.image.ImageRecords.ImageOperation;
import io.github.openstackops.mcp.image.ImageRecords.Member;
import io.github.openstackops.mcp.image.ImageRecords.MemberList;
import io.github.openstackops.mcp.image.ImageRecords.MemberResult;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.array;
import static io.github.openstackops.mcp.cloud.Json.label;
import static io.github.openstackops.mcp.cloud.Json.text;

/** Who may use an image: its visibility, and the projects a shared image is offered to (Glance members). */
@Singleton
public class ImageSharing {

    private final GlanceClient glance;
    private final CloudSession cloud;
    private final ImageService images;

    public ImageSharing(GlanceClient glance, CloudSession cloud, ImageService images) {
        this.glance = glance;
        this.cloud = cloud;
        this.images = images;
    }

    public MemberList members(String image) {
        JsonNode i = images.resolve(image);
        String id = text(i, "id");
        if (!"shared".equals(text(i, "visibility"))) {
            return new MemberList(id, text(i, "name"), List.of(), 0, "Image '" + label(i) + "' is "
                    + text(i, "visibility") + "; only shared images have members.");
        }
        List<Member> members = array(glance.get("/images/" + id + "/members", null), "members").stream()
                .map(m -> new Member(text(m, "member_id"), status(m), iso(m, "created_at"), iso(m, "updated_at")))
                .toList();
        return new MemberList(id, text(i, "name"), members, members.size(), null);
    }

    public ImageOperation setVisibility(String image, String visibility) {
        JsonNode i = images.resolve(image);
        String id = text(i, "id");
        String before = text(i, "visibility");
        if (visibility.equals(before)) {
            return ImageService.operation(i, true, "Image '" + label(i) + "' already is " + visibility + "; nothing to do.");
        }
        images.patch(id, List.of(ImageService.op("replace", "/visibility", visibility)));
        JsonNode now = images.require(id);
        String hint = switch (visibility) {
            case "shared" -> " Add the projects that may use it with image_member_add.";
            case "private" -> " Only its owner project sees it now.";
            case "community" -> " Every project can boot it, but it is not in their default image lists.";
            default -> " Every project sees and can boot it.";
        };
        return ImageService.operation(now, true, "Image '" + label(now) + "' is now " + text(now, "visibility") + " (was " + before
                + ")." + hint);
    }

    public MemberResult addMember(String image, String project) {
        JsonNode i = images.resolve(image);
        if (!"shared".equals(text(i, "visibility"))) {
            throw ToolException.conflict("Image '" + label(i) + "' is " + text(i, "visibility") + "; only shared images"
                    + " have members. Make it shared first with image_visibility_set (visibility=shared).");
        }
        String id = text(i, "id");
        JsonNode member = Json.orNull(() -> glance.post("/images/" + id + "/members", Map.of("member", project)));
        if (member == null) {
            throw OpenStackFaults.notFound("Image '" + id + "'");
        }
        return new MemberResult(id, text(i, "name"), text(member, "member_id"), status(member), "Image '"
                + label(i) + "' is shared with project " + text(member, "member_id") + "; that project sees it once it"
                + " accepts the membership (image_member_update status=accepted, called as that project).");
    }

    public MemberResult updateMember(String image, @Nullable String project, String status) {
        String memberId = project == null || project.isBlank() ? cloud.projectId() : project.trim();
        // the member project may not see the image by name before it accepted it: look it up by id when given one
        JsonNode i = images.resolve(image);
        String id = text(i, "id");
        JsonNode member = Json.orNull(() -> glance.put("/images/" + id + "/members/" + memberId,
                Map.of("status", status)));
        if (member == null) {
            throw OpenStackFaults.notFound("Membership of project " + memberId + " in image '" + id + "'");
        }
        return new MemberResult(id, text(i, "name"), text(member, "member_id"), status(member), "Membership of"
                + " project " + text(member, "member_id") + " in image '" + label(i) + "' is now "
                + status(member) + ".");
    }

    public Preview removeMemberPreview(String image, String project) {
        JsonNode i = images.resolve(image);
        JsonNode member = member(i, project);
        String status = status(member);
        List<String> warnings = new ArrayList<>();
        if ("accepted".equals(status)) {
            warnings.add("Project " + project + " accepted the image: it disappears from that project's image list"
                    + " and its new servers cannot boot from it; servers already booted from it keep running but"
                    + " cannot be rebuilt from it.");
        }
        warnings.add("Adding the project again (image_member_add) starts a new, pending membership that project"
                + " must accept again.");
        return new Preview("remove image member", "Stop sharing image '" + label(i) + "' (" + text(i, "id")
                + ") with project " + project + " (membership " + status + ").",
                List.of(new Preview.Resource("image_member", project, null, "removed; the project loses access"),
                        new Preview.Resource("image", text(i, "id"), text(i, "name"), "kept, unchanged")), warnings);
    }

    public MemberResult removeMember(String image, String project) {
        JsonNode i = images.resolve(image);
        JsonNode member = member(i, project);
        String id = text(i, "id");
        OpenStackFaults.attempt("remove project " + project + " from image '" + label(i) + "'", () -> {
            glance.delete("/images/" + id + "/members/" + Json.segment(project));
            return null;
        });
        return new MemberResult(id, text(i, "name"), project, "removed", "Image '" + label(i) + "' is no longer"
                + " shared with project " + project + " (its membership was " + status(member) + ").");
    }

    private JsonNode member(JsonNode i, String project) {
        JsonNode member = Json.orNull(() -> glance.get("/images/" + text(i, "id") + "/members/"
                + Json.segment(project), null));
        if (member == null || !member.has("member_id")) {
            throw OpenStackFaults.notFound("Project " + project + " as a member of image '" + label(i) + "'");
        }
        return member;
    }

    private static String status(JsonNode member) {
        String status = text(member, "status");
        return status == null ? "unknown" : status;
    }

    /** A Glance time as an ISO-8601 instant. */
    @Nullable
    private static String iso(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return value == null ? null : Instant.parse(value).toString();
        } catch (DateTimeParseException e) {
            return value;
        }
    }
}
