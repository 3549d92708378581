package io.github.openstackops.mcp.loadbalancer;

import io.github.openstackops.mcp.catalog.ToolException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * The world-open rule of security group rules, for listeners: a listener on a public VIP that admits every address
 * (no allowed_cidrs, or 0.0.0.0/0) must not expose SSH, RDP or a database/cache port unless the operator set
 * ALLOW_WORLD_OPEN_INGRESS=true. Web ports are what a public load balancer is for.
 */
@Singleton
public class ListenerExposure {

    /** The sensitive ports of the security-group rule, and what usually listens there. */
    static final Map<Integer, String> SENSITIVE = Map.of(22, "SSH", 3389, "RDP", 3306, "MySQL", 5432, "PostgreSQL",
            6379, "Redis", 27017, "MongoDB", 9200, "Elasticsearch", 11211, "memcached");

    private final boolean allowWorldOpenIngress;

    public ListenerExposure(@Value("${mcp.network.allow-world-open-ingress:false}") boolean allowWorldOpenIngress) {
        this.allowWorldOpenIngress = allowWorldOpenIngress;
    }

    /**
     * @param port   the listener's port
     * @param target what is exposed, e.g. "listener 'ssh' on the public VIP 203.0.113.10"
     */
    void refuseWorldOpen(int port, String target) {
        String service = SENSITIVE.get(port);
        if (service != null && !allowWorldOpenIngress) {
            throw ToolException.refused("Refused: " + target + " would open " + service + " (" + port + ") to the"
                    + " whole internet (allowed_cidrs absent or 0.0.0.0/0). Give allowed_cidrs with the addresses"
                    + " that need access (e.g. an office or VPN range). An operator can permit this by starting the"
                    + " server with ALLOW_WORLD_OPEN_INGRESS=true.");
        }
    }
}
