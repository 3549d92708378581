package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/** The compact shapes servers are returned in. Never raw API objects: a model's context is precious. */
public final class ServerRecords {

    private ServerRecords() {
    }

    @Doc("An IP address of a server")
    public record Address(
            @Doc("Network name") String network,
            @Doc("IP address") String ip,
            @Doc("fixed or floating") String type) {
    }

    @Doc("A server, summarised (only id, name and status when listed with detail=false)")
    public record ServerSummary(
            @Doc("Server id") String id,
            @Doc("Server name") String name,
            @Doc("Nova status, e.g. ACTIVE, SHUTOFF, PAUSED, ERROR") String status,
            @Nullable @Doc("Task in progress, e.g. powering-off") String taskState,
            @Nullable @Doc("Flavor name (id when the name is unknown)") String flavor,
            @Nullable @Doc("Image name (id when the name is unknown); absent for servers booted from a volume") String image,
            @Nullable @Doc("IP addresses") List<Address> addresses,
            @Nullable @Doc("Availability zone") String availabilityZone,
            @Nullable @Doc("Compute host (admin only)") String host,
            @Nullable @Doc("Owning project id") String projectId,
            @Nullable @Doc("Creation time, ISO-8601") String created) {
    }

    public static final Page.Kind<ServerSummary> SERVERS = Page.Kind.of(ServerSummary.class, "servers", "servers")
            .about("One page of servers, newest first");

    @Doc("A fault recorded on a server")
    public record Fault(@Doc("HTTP-like fault code") int code, @Doc("Fault message") String message,
                        @Nullable @Doc("When it happened") String created) {
    }

    @Doc("A server in detail")
    public record ServerDetail(
            @Doc("Server id") String id,
            @Doc("Server name") String name,
            @Doc("Nova status") String status,
            @Nullable @Doc("Task in progress") String taskState,
            @Nullable @Doc("Power state: running, shutdown, paused, ...") String powerState,
            @Nullable @Doc("Flavor") Flavor flavor,
            @Nullable @Doc("Image the server was booted from; absent when booted from a volume") Ref image,
            @Doc("IP addresses") List<Address> addresses,
            @Doc("Ids of attached volumes") List<String> volumeIds,
            @Doc("Attached volumes with their device and name") List<AttachedVolume> volumes,
            @Doc("Security group names") List<String> securityGroups,
            @Nullable @Doc("SSH key pair name") String keyName,
            @Doc("Metadata key/values") Map<String, String> metadata,
            @Nullable @Doc("Availability zone") String availabilityZone,
            @Nullable @Doc("Compute host (admin only)") String host,
            @Nullable @Doc("Hypervisor host name (admin only)") String hypervisorHostname,
            @Nullable @Doc("Owning project id") String projectId,
            @Nullable @Doc("Creating user id") String userId,
            @Nullable @Doc("Creation time") String created,
            @Nullable @Doc("Last update time") String updated,
            @Nullable @Doc("Fault, when the server is in ERROR") Fault fault,
            @Nullable @Doc("Whether the server is locked against changes by non-admin users (absent when the cloud"
                    + " does not say)") Boolean locked,
            @Nullable @Doc("Why it was locked, when a reason was given") String lockedReason) {
    }

    @Doc("A volume attached to a server")
    public record AttachedVolume(
            @Doc("Volume id") String id,
            @Nullable @Doc("Volume name") String name,
            @Nullable @Doc("Device inside the server, e.g. /dev/vdb") String device,
            @Nullable @Doc("Size in GiB") Integer sizeGb,
            @Nullable @Doc("Cinder status, e.g. in-use, detaching") String status) {
    }

    @Doc("Servers matching a search, newest first")
    public record SearchResult(
            @Doc("Matching servers") List<ServerSummary> servers,
            @Doc("Number of servers returned") int count,
            @Doc("True when the search stopped at the limit or a work cap, so more servers may match") boolean truncated,
            @Doc("How the search ran: each Nova query made and anything skipped") List<String> how) {
    }

    @Doc("A flavor as seen on a server")
    public record Flavor(@Doc("Flavor id") String id, @Nullable @Doc("Flavor name") String name,
                         @Nullable @Doc("vCPUs") Integer vcpus, @Nullable @Doc("RAM in MiB") Integer ramMb,
                         @Nullable @Doc("Root disk in GiB") Integer diskGb) {
    }

    @Doc("The result of a server action")
    public record ServerActionResult(
            @Doc("Server id") String id,
            @Doc("Server name") String name,
            @Doc("The action, e.g. stop") String action,
            @Doc("Status before the action") String previousStatus,
            @Doc("Status when the call returned") String status,
            @Doc("Whether the server reached the action's target state (false when still in progress or when the"
                    + " call did not wait)") boolean reachedTarget,
            @Doc("Whether anything changed (false when the server already was in the target state)") boolean changed,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("The result of deleting a server")
    public record ServerDeleted(
            @Doc("Server id") String id,
            @Doc("Server name") String name,
            @Doc("True when the server is gone; false when deletion was accepted and still in progress") boolean gone,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("A server that was renamed or given a new description")
    public record ServerUpdated(
            @Doc("Server id") String id,
            @Nullable @Doc("Name before") String previousName,
            @Nullable @Doc("Name now") String name,
            @Nullable @Doc("Description now; absent when it has none") String description,
            @Doc("What changed, in a sentence") String message) {
    }
}
