package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** The compact shapes server groups are returned in. */
public final class ServerGroupRecords {

    private ServerGroupRecords() {
    }

    @Doc("A server group: a scheduling policy for its member servers")
    public record ServerGroup(
            @Doc("Server group id") String id,
            @Doc("Server group name") String name,
            @Doc("affinity, anti-affinity, soft-affinity or soft-anti-affinity") String policy,
            @Nullable @Doc("anti-affinity only: most members per compute host") Integer maxServerPerHost,
            @Doc("Number of member servers") int memberCount,
            @Nullable @Doc("Owning project id") String projectId) {
    }

    public static final Page.Kind<ServerGroup> SERVER_GROUPS = Page.Kind.of(ServerGroup.class, "server_groups", "server groups");

    @Doc("A member server of a group")
    public record Member(
            @Doc("Server id") String id,
            @Nullable @Doc("Server name (absent when it could not be read)") String name,
            @Nullable @Doc("Server status") String status) {
    }

    @Doc("A server group in detail")
    public record ServerGroupDetail(
            @Doc("Server group id") String id,
            @Doc("Server group name") String name,
            @Doc("affinity, anti-affinity, soft-affinity or soft-anti-affinity") String policy,
            @Nullable @Doc("anti-affinity only: most members per compute host") Integer maxServerPerHost,
            @Nullable @Doc("Owning project id") String projectId,
            @Nullable @Doc("Creating user id") String userId,
            @Doc("Number of member servers") int memberCount,
            @Doc("Member servers (names and statuses of the first 25)") List<Member> members) {
    }

    @Doc("The server group that was created")
    public record ServerGroupCreated(
            @Doc("The new server group") ServerGroup serverGroup,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("The result of deleting a server group")
    public record ServerGroupDeleted(
            @Doc("Server group id") String id,
            @Doc("Server group name") String name,
            @Doc("Servers that were members (they keep running)") int memberCount,
            @Doc("What happened, in a sentence") String message) {
    }
}
