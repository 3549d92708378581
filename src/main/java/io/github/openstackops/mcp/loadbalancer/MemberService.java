package io.github.openstackops.mcp.loadbalancer;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.services.OctaviaClient;
import io.github.openstackops.mcp.loadbalancer.LbObjectRecords.Member;
import io.github.openstackops.mcp.loadbalancer.LbObjectRecords.MemberPage;
import io.github.openstackops.mcp.loadbalancer.LbObjectRecords.MembersReplaced;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerRecords.LbDeleted;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.openstackops.mcp.cloud.Json.flag;
import static io.github.openstackops.mcp.cloud.Json.integer;
import static io.github.openstackops.mcp.cloud.Json.putIfSet;
import static io.github.openstackops.mcp.cloud.Json.text;
import static io.github.openstackops.mcp.loadbalancer.LbTree.name;
import static io.github.openstackops.mcp.loadbalancer.LoadBalancerService.blank;

/**
 * Pool members (Octavia): list, get, add (by server or address), update, remove, batch replace. Removing the last
 * member that takes traffic from a pool a listener uses is refused unless asked for explicitly.
 */
@Singleton
public class MemberService {

    /** Operating states of a member that takes traffic (NO_MONITOR: nothing checks it, so it gets traffic). */
    static final Set<String> SERVING = Set.of("ONLINE", "NO_MONITOR");

    private final OctaviaClient octavia;
    private final LbProvisioning provisioning;
    private final PoolService pools;
    private final LoadBalancerService loadBalancers;
    private final LbNetworks networks;

    public MemberService(OctaviaClient octavia, LbProvisioning provisioning, PoolService pools,
                         LoadBalancerService loadBalancers, LbNetworks networks) {
        this.octavia = octavia;
        this.provisioning = provisioning;
        this.pools = pools;
        this.loadBalancers = loadBalancers;
        this.networks = networks;
    }

    /** One member of a batch replace. */
    public record MemberSpec(
            @Param(value = "Member address", required = true, minLength = 1, maxLength = 64) String address,
            @Param(value = "Member port", required = true, min = 1, max = 65535) Integer protocolPort,
            @Param(value = "Subnet of the address (id or exact name)", maxLength = 255) String subnet,
            @Param(value = "Relative share of new connections, 0-256", min = 0, max = 256) Integer weight,
            @Param("Backup member: traffic only when all others are down") Boolean backup,
            @Param(value = "Member name", maxLength = 255) String name) {
    }

    static String path(String poolId) {
        return PoolService.PATH + "/" + poolId + "/members";
    }

    static Member record(JsonNode m) {
        Integer port = integer(m, "protocol_port");
        return new Member(text(m, "id"), name(m), text(m, "address"), port == null ? 0 : port, text(m, "subnet_id"),
                integer(m, "weight"), flag(m, "backup"), flag(m, "admin_state_up"), text(m, "provisioning_status"),
                text(m, "operating_status"));
    }

    private JsonNode member(JsonNode pool, String ref) {
        return octavia.resolve("Member", path(text(pool, "id")), "members", "member", ref);
    }

    public MemberPage list(String pool, int limit, @Nullable String marker, @Nullable String address,
                           @Nullable String operatingStatus) {
        JsonNode p = pools.resolve(pool);
        Map<String, Object> query = new LinkedHashMap<>();
        putIfSet(query, "address", blank(address));
        putIfSet(query, "operating_status", operatingStatus);
        Paging.Slice<JsonNode> page = octavia.page(path(text(p, "id")), "members", query, limit, marker);
        List<Member> out = page.items().stream().map(MemberService::record).toList();
        return new MemberPage(text(p, "id"), out, out.size(), page.nextMarker());
    }

    public Member get(String pool, String member) {
        return record(member(pools.resolve(pool), member));
    }

    /** The subnet members of this pool live on: the given one, else the load balancer's VIP subnet. */
    private String subnetFor(JsonNode pool, @Nullable String subnet) {
        if (blank(subnet) != null) {
            return networks.subnetId(subnet);
        }
        return text(loadBalancers.resolve(PoolService.lbId(pool)), "vip_subnet_id");
    }

    public Member add(String pool, @Nullable String server, @Nullable String address, int port,
                      @Nullable String subnet, @Nullable Integer weight, @Nullable Boolean backup,
                      @Nullable String name, @Nullable Boolean adminStateUp, boolean wait, ToolContext context) {
        if ((blank(server) == null) == (blank(address) == null)) {
            throw ToolException.invalid("Give exactly one of server (id or exact name; its address on the pool's"
                    + " subnet is used) or address.");
        }
        JsonNode p = pools.resolve(pool);
        String lbId = PoolService.lbId(p);
        provisioning.requireSettled(loadBalancers.resolve(lbId));
        Map<String, Object> body = new LinkedHashMap<>();
        if (blank(server) != null) {
            String subnetId = subnetFor(p, subnet);
            LbNetworks.ServerAddress found = networks.serverAddress(server, subnetId);
            body.put("address", found.address());
            body.put("subnet_id", subnetId);
            body.put("name", blank(name) != null ? name.trim() : found.serverName());
        } else {
            body.put("address", address.trim());
            putIfSet(body, "subnet_id", blank(subnet) == null ? null : networks.subnetId(subnet));
            putIfSet(body, "name", blank(name));
        }
        body.put("protocol_port", port);
        putIfSet(body, "weight", weight);
        putIfSet(body, "backup", backup);
        putIfSet(body, "admin_state_up", adminStateUp);
        JsonNode created = octavia.post(path(text(p, "id")), Map.of("member", body)).path("member");
        context.info("added member " + text(created, "id") + " (" + body.get("address") + ":" + port + ")");
        provisioning.settle(lbId, wait, context);
        return wait ? record(member(p, text(created, "id"))) : record(created);
    }

    public Member update(String pool, String member, @Nullable Integer weight, @Nullable Boolean backup,
                         @Nullable Boolean adminStateUp, @Nullable String name, boolean wait, ToolContext context) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfSet(body, "weight", weight);
        putIfSet(body, "backup", backup);
        putIfSet(body, "admin_state_up", adminStateUp);
        putIfSet(body, "name", name);
        if (body.isEmpty()) {
            throw ToolException.invalid("Nothing to change: give at least one of weight, backup, admin_state_up,"
                    + " name.");
        }
        JsonNode p = pools.resolve(pool);
        JsonNode m = member(p, member);
        String lbId = PoolService.lbId(p);
        provisioning.requireSettled(loadBalancers.resolve(lbId));
        octavia.put(path(text(p, "id")) + "/" + text(m, "id"), Map.of("member", body));
        context.info("updated member " + text(m, "id") + ": " + body.keySet());
        provisioning.settle(lbId, wait, context);
        return record(member(p, text(m, "id")));
    }

    // ------------------------------------------------------------------ remove and replace

    private static boolean serving(JsonNode m) {
        return flag(m, "admin_state_up") && SERVING.contains(text(m, "operating_status"));
    }

    private static boolean inUse(JsonNode pool) {
        return pool.path("listeners").size() > 0;
    }

    private record Removal(JsonNode pool, JsonNode member) {
    }

    private Removal plan(String pool, String member, boolean allowLastServing) {
        JsonNode p = pools.resolve(pool);
        JsonNode m = member(p, member);
        if (inUse(p) && serving(m) && !allowLastServing) {
            long others = octavia.list(path(text(p, "id")), "members", Map.of()).stream()
                    .filter(o -> !text(o, "id").equals(text(m, "id"))).filter(MemberService::serving).count();
            if (others == 0) {
                throw ToolException.refused("Refused: member " + describe(m) + " is the last member of pool "
                        + Json.label(p) + " that takes traffic, and listener(s) send traffic to this pool: removing"
                        + " it leaves them with no backend (clients get errors). Add another member first, or call"
                        + " again with allow_last_serving=true if that is intended.");
            }
        }
        return new Removal(p, m);
    }

    static String describe(JsonNode m) {
        return "'" + name(m) + "' (" + text(m, "address") + ":" + integer(m, "protocol_port") + ", "
                + text(m, "operating_status") + ")";
    }

    public Preview removePreview(String pool, String member, boolean allowLastServing) {
        Removal r = plan(pool, member, allowLastServing);
        return new Preview("remove pool member", "Remove member " + describe(r.member()) + " from pool "
                + Json.label(r.pool()) + ".", List.of(new Preview.Resource("member", text(r.member(), "id"),
                name(r.member()), "removed; the server itself stays")), inUse(r.pool()) ? List.of("Its open"
                + " connections end; new connections go to the other members.") : List.of());
    }

    public LbDeleted remove(String pool, String member, boolean allowLastServing, boolean wait, ToolContext context) {
        Removal r = plan(pool, member, allowLastServing);
        String lbId = PoolService.lbId(r.pool());
        provisioning.requireSettled(loadBalancers.resolve(lbId));
        octavia.delete(path(text(r.pool(), "id")) + "/" + text(r.member(), "id"), null);
        context.info("removing member " + text(r.member(), "id"));
        provisioning.settle(lbId, wait, context);
        return new LbDeleted("member", text(r.member(), "id"), name(r.member()), List.of(), "Member "
                + describe(r.member()) + (wait ? " is removed" : " is being removed") + " from pool "
                + Json.label(r.pool()) + ".");
    }

    private record Replacement(JsonNode pool, List<JsonNode> current, List<String> added, List<String> removed) {
    }

    private Replacement planReplace(String pool, List<MemberSpec> wanted, boolean allowLastServing) {
        JsonNode p = pools.resolve(pool);
        List<JsonNode> current = octavia.list(path(text(p, "id")), "members", Map.of());
        List<String> now = current.stream().map(m -> text(m, "address") + ":" + integer(m, "protocol_port")).toList();
        List<String> next = wanted.stream().map(w -> w.address() + ":" + w.protocolPort()).toList();
        List<String> added = next.stream().filter(a -> !now.contains(a)).toList();
        List<String> removed = now.stream().filter(a -> !next.contains(a)).toList();
        if (wanted.isEmpty() && inUse(p) && current.stream().anyMatch(MemberService::serving) && !allowLastServing) {
            throw ToolException.refused("Refused: an empty member list removes every member of pool "
                    + Json.label(p) + ", which listener(s) send traffic to. Call again with allow_last_serving=true"
                    + " if that is intended.");
        }
        return new Replacement(p, current, added, removed);
    }

    public Preview replacePreview(String pool, List<MemberSpec> wanted, boolean allowLastServing) {
        Replacement r = planReplace(pool, wanted, allowLastServing);
        List<Preview.Resource> resources = new ArrayList<>();
        for (JsonNode m : r.current()) {
            String key = text(m, "address") + ":" + integer(m, "protocol_port");
            resources.add(new Preview.Resource("member", text(m, "id"), name(m), r.removed().contains(key)
                    ? "removed" : "kept, updated to the given weight/backup"));
        }
        r.added().forEach(a -> resources.add(new Preview.Resource("member", a, null, "added")));
        return new Preview("replace pool members", "Replace the members of pool " + Json.label(r.pool()) + ": "
                + r.added().size() + " added, " + r.removed().size() + " removed, "
                + (wanted.size() - r.added().size()) + " kept.", resources, List.of());
    }

    public MembersReplaced replace(String pool, List<MemberSpec> wanted, boolean allowLastServing, boolean wait,
                                   ToolContext context) {
        Replacement r = planReplace(pool, wanted, allowLastServing);
        String poolId = text(r.pool(), "id");
        String lbId = PoolService.lbId(r.pool());
        provisioning.requireSettled(loadBalancers.resolve(lbId));
        List<Map<String, Object>> body = new ArrayList<>();
        for (MemberSpec w : wanted) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("address", w.address());
            m.put("protocol_port", w.protocolPort());
            putIfSet(m, "subnet_id", blank(w.subnet()) == null ? null : networks.subnetId(w.subnet()));
            putIfSet(m, "weight", w.weight());
            putIfSet(m, "backup", w.backup());
            putIfSet(m, "name", blank(w.name()));
            body.add(m);
        }
        octavia.put(path(poolId), Map.of("members", body));
        context.info("replaced the members of pool " + poolId);
        provisioning.settle(lbId, wait, context);
        List<Member> members = octavia.list(path(poolId), "members", Map.of()).stream().map(MemberService::record)
                .toList();
        return new MembersReplaced(poolId, members, r.added(), r.removed(), "Pool " + Json.label(r.pool())
                + " now has " + (wait ? members.size() : wanted.size()) + " member(s): " + r.added().size()
                + " added, " + r.removed().size() + " removed.");
    }
}
