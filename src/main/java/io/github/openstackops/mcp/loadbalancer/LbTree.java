package io.github.openstackops.mcp.loadbalancer;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerRecords.ListenerNode;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerRecords.MemberNode;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerRecords.MonitorNode;
import io.github.openstackops.mcp.loadbalancer.LoadBalancerRecords.PoolNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.github.openstackops.mcp.cloud.Json.integer;
import static io.github.openstackops.mcp.cloud.Json.text;

/** Octavia's status tree (GET /loadbalancers/{id}/status) as records, and what in it is not well. */
final class LbTree {

    /** Operating states that mean "not serving as it should" (NO_MONITOR and DRAINING are fine). */
    static final Set<String> UNWELL = Set.of("ERROR", "DEGRADED", "OFFLINE");

    private LbTree() {
    }

    static String name(JsonNode n) {
        String name = text(n, "name");
        return name == null ? "" : name;
    }

    static List<ListenerNode> listeners(JsonNode statuses) {
        List<ListenerNode> out = new ArrayList<>();
        for (JsonNode l : statuses.path("loadbalancer").path("listeners")) {
            List<PoolNode> pools = new ArrayList<>();
            for (JsonNode p : l.path("pools")) {
                JsonNode hm = p.path("health_monitor");
                MonitorNode monitor = hm.isMissingNode() || hm.isNull() || text(hm, "id") == null ? null
                        : new MonitorNode(text(hm, "id"), name(hm), text(hm, "type"),
                        text(hm, "provisioning_status"), text(hm, "operating_status"));
                List<MemberNode> members = new ArrayList<>();
                for (JsonNode m : p.path("members")) {
                    members.add(new MemberNode(text(m, "id"), name(m), text(m, "address"), integer(m, "protocol_port"),
                            text(m, "provisioning_status"), text(m, "operating_status")));
                }
                pools.add(new PoolNode(text(p, "id"), name(p), text(p, "provisioning_status"),
                        text(p, "operating_status"), monitor, members));
            }
            out.add(new ListenerNode(text(l, "id"), name(l), text(l, "provisioning_status"),
                    text(l, "operating_status"), pools));
        }
        return out;
    }

    /** Every object of the tree that is in provisioning ERROR or an unwell operating state, in words. */
    static List<String> unwell(JsonNode statuses) {
        List<String> out = new ArrayList<>();
        JsonNode lb = statuses.path("loadbalancer");
        note(out, "load balancer", lb);
        for (JsonNode l : lb.path("listeners")) {
            note(out, "listener", l);
            for (JsonNode p : l.path("pools")) {
                note(out, "pool", p);
                if (text(p.path("health_monitor"), "id") != null) {
                    note(out, "health monitor", p.path("health_monitor"));
                }
                for (JsonNode m : p.path("members")) {
                    note(out, "member", m);
                }
            }
        }
        return out;
    }

    private static void note(List<String> out, String kind, JsonNode n) {
        String prov = text(n, "provisioning_status");
        String op = text(n, "operating_status");
        boolean bad = "ERROR".equals(prov) || (op != null && UNWELL.contains(op));
        if (bad) {
            String where = "member".equals(kind) && text(n, "address") != null
                    ? " " + text(n, "address") + ":" + integer(n, "protocol_port") : "";
            out.add(kind + " '" + name(n) + "' (" + text(n, "id") + ")" + where + " is " + op
                    + ("ACTIVE".equals(prov) ? "" : ", provisioning " + prov));
        }
    }
}
