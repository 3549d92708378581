package io.github.openstackops.mcp.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.services.OctaviaClient;
import io.github.openstackops.mcp.cluster.ClusterRecords.LoadBalancerCounts;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.github.openstackops.mcp.cloud.Json.text;

/**
 * Load balancers for cluster_status: counted by provisioning and operating status, page by page up to the scan limit,
 * with the degraded ones named. A cloud without Octavia is not an error: its catalog simply has no load-balancer
 * service, which the answer says.
 */
@Singleton
public class LoadBalancerCensus {

    /** Operating states worth naming (OFFLINE is also what an administratively down load balancer shows). */
    static final Set<String> DEGRADED = Set.of("DEGRADED", "ERROR");
    /** Most degraded load balancers named. */
    static final int NAMED = 20;

    private final OctaviaClient octavia;

    public LoadBalancerCensus(OctaviaClient octavia) {
        this.octavia = octavia;
    }

    public boolean available() {
        return octavia.available();
    }

    LoadBalancerCounts count(int scanLimit) {
        Map<String, Integer> byProvisioning = new TreeMap<>();
        Map<String, Integer> byOperating = new TreeMap<>();
        List<String> degraded = new ArrayList<>();
        int counted = 0;
        String marker = null;
        boolean partial = false;
        do {
            int limit = Math.min(Paging.MAX_LIMIT, scanLimit - counted);
            Paging.Slice<JsonNode> page = octavia.page("/lbaas/loadbalancers", "loadbalancers", Map.of(), limit,
                    marker);
            for (JsonNode lb : page.items()) {
                String prov = text(lb, "provisioning_status");
                String op = text(lb, "operating_status");
                byProvisioning.merge(prov, 1, Integer::sum);
                byOperating.merge(op, 1, Integer::sum);
                if (("ERROR".equals(prov) || DEGRADED.contains(op)) && degraded.size() < NAMED) {
                    String name = text(lb, "name");
                    degraded.add((name == null || name.isEmpty() ? text(lb, "id") : name + " (" + text(lb, "id")
                            + ")") + ": " + op + ("ERROR".equals(prov) ? ", provisioning ERROR" : ""));
                }
            }
            counted += page.items().size();
            marker = page.nextMarker();
            partial = marker != null && counted >= scanLimit;
        } while (marker != null && counted < scanLimit);
        return new LoadBalancerCounts(counted, byProvisioning, byOperating, degraded, partial);
    }
}
