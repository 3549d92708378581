package io.github.openstackops.mcp.loadbalancer;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.catalog.schema.Wait;
import io.github.openstackops.mcp.loadbalancer.LbObjectRecords.Member;
import io.github.openstackops.mcp.loadbalancer.LbObjectRecords.MemberPage;
import io.github.openstackops.mcp.loadbalancer.LbObjectRecords.MembersReplaced;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerRecords.LbDeleted;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerTools.OperatingStatus;
import io.github.openstackops.mcp.loadbalancer.MemberService.MemberSpec;
import jakarta.inject.Singleton;

import java.util.List;

import static io.github.openstackops.mcp.loadbalancer.LoadBalancerTools.WAIT;
import static io.github.openstackops.mcp.loadbalancer.PoolTools.POOL;

/** Pool member tools: list, get, add, update, remove, batch replace. */
@Singleton
public class MemberTools implements ToolProvider {

    static final String MEMBER = "Member id, or its exact name when that name is unique in the pool";
    static final String LAST = "Also remove the last member that takes traffic from a pool a listener uses (clients"
            + " then get errors); default false: refused";

    public record ListArgs(
            @IdOrName(POOL) String pool,
            @Limit Integer limit,
            @Marker String marker,
            @Param(value = "Only the member with this address", maxLength = 64) String address,
            @Param("Only members in this operating status (e.g. ERROR: failing health checks)") OperatingStatus operatingStatus) {
    }

    public record MemberArgs(
            @IdOrName(POOL) String pool,
            @IdOrName(MEMBER) String member) {
    }

    public record AddArgs(
            @IdOrName(POOL) String pool,
            @Param(value = "Server (id or exact name) to add: its address on the member subnet is used; give this or"
                    + " address", maxLength = 255) String server,
            @Param(value = "Backend address, instead of a server", maxLength = 64) String address,
            @Param(value = "Backend port", required = true, min = 1, max = 65535) Integer protocolPort,
            @Param(value = "Subnet of the member (id or exact name); default: the load balancer's VIP subnet",
                    maxLength = 255) String subnet,
            @Param(value = "Relative share of new connections, 0-256 (default 1; 0: none)", min = 0, max = 256) Integer weight,
            @Param("Backup member: traffic only when all others are down") Boolean backup,
            @Param(value = "Member name; default: the server's name", maxLength = 255) String name,
            @Param("Administratively up; default true") Boolean adminStateUp,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone) {
    }

    public record UpdateArgs(
            @IdOrName(POOL) String pool,
            @IdOrName(MEMBER) String member,
            @Param(value = "New weight, 0-256 (0 drains it: no new connections)", min = 0, max = 256) Integer weight,
            @Param("Backup member or not") Boolean backup,
            @Param("false takes the member out of service") Boolean adminStateUp,
            @Param(value = "New name", maxLength = 255) String name,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone) {
    }

    public record RemoveArgs(
            @IdOrName(POOL) String pool,
            @IdOrName(MEMBER) String member,
            @Param(value = LAST, defaultValue = "false") Boolean allowLastServing,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone) {
    }

    public record ReplaceArgs(
            @IdOrName(POOL) String pool,
            @Param(value = "The complete new member list: members not in it are removed, new ones added, the others"
                    + " updated", required = true, maxItems = 200) List<MemberSpec> members,
            @Param(value = "Allow an empty list for a pool a listener uses (removes every backend); default false",
                    defaultValue = "false") Boolean allowLastServing,
            @JsonProperty("wait") @Wait(WAIT) Boolean waitUntilDone) {
    }

    private final MemberService members;

    public MemberTools(MemberService members) {
        this.members = members;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("lb_member_list", Toolset.LOADBALANCER, ListArgs.class, MemberPage.class)
                        .title("Pool Members: List")
                        .description("List the members of a pool with address, port, weight and operating status"
                                + " (ERROR/OFFLINE: failing health checks); filter by address or status. Answers"
                                + " 'which members are down?'.")
                        .handler((ctx, a) -> members.list(a.pool(), a.limit(), a.marker(), a.address(),
                                a.operatingStatus() == null ? null : a.operatingStatus().name()))
                        .build(),
                ToolDefinition.read("lb_member_get", Toolset.LOADBALANCER, MemberArgs.class, Member.class)
                        .title("Pool Members: Get")
                        .description("One pool member: address, port, subnet, weight, backup flag and status.")
                        .handler((ctx, a) -> members.get(a.pool(), a.member()))
                        .build(),
                ToolDefinition.write("lb_member_add", Toolset.LOADBALANCER, AddArgs.class, Member.class)
                        .title("Pool Members: Add")
                        .description("Add a backend to a pool: a server by id or name (its address on the member"
                                + " subnet, by default the VIP subnet, is looked up) or an address, with a port and"
                                + " optional weight. 'Add this server to the web pool'.")
                        .handler((ctx, a) -> members.add(a.pool(), a.server(), a.address(), a.protocolPort(),
                                a.subnet(), a.weight(), a.backup(), a.name(), a.adminStateUp(),
                                !Boolean.FALSE.equals(a.waitUntilDone()), ctx))
                        .build(),
                ToolDefinition.write("lb_member_update", Toolset.LOADBALANCER, UpdateArgs.class, Member.class)
                        .title("Pool Members: Update")
                        .description("Change a member's weight (0 drains it), backup flag, admin state or name;"
                                + " only the given fields change.")
                        .handler((ctx, a) -> members.update(a.pool(), a.member(), a.weight(), a.backup(),
                                a.adminStateUp(), a.name(), !Boolean.FALSE.equals(a.waitUntilDone()), ctx))
                        .build(),
                ToolDefinition.destructive("lb_member_remove", Toolset.LOADBALANCER, RemoveArgs.class, LbDeleted.class)
                        .title("Pool Members: Remove")
                        .description("Remove a member from its pool (the server itself stays). Refused for the last"
                                + " member taking traffic in a pool a listener uses, unless allow_last_serving=true.")
                        .preview((ctx, a) -> members.removePreview(a.pool(), a.member(),
                                Boolean.TRUE.equals(a.allowLastServing())))
                        .handler((ctx, a) -> members.remove(a.pool(), a.member(),
                                Boolean.TRUE.equals(a.allowLastServing()), !Boolean.FALSE.equals(a.waitUntilDone()),
                                ctx))
                        .build(),
                ToolDefinition.destructive("lb_member_replace", Toolset.LOADBALANCER, ReplaceArgs.class, MembersReplaced.class)
                        .title("Pool Members: Replace")
                        .description("Set the complete member list of a pool in one change: members not listed are"
                                + " removed, new ones added, existing ones (same address and port) updated. The"
                                + " preview shows each.")
                        .preview((ctx, a) -> members.replacePreview(a.pool(), a.members(),
                                Boolean.TRUE.equals(a.allowLastServing())))
                        .handler((ctx, a) -> members.replace(a.pool(), a.members(),
                                Boolean.TRUE.equals(a.allowLastServing()), !Boolean.FALSE.equals(a.waitUntilDone()),
                                ctx))
                        .build());
    }
}
