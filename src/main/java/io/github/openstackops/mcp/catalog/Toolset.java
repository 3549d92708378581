package io.github.openstackops.mcp.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Groups of tools an operator can switch on or off with {@code MCP_TOOLSETS}. */
public enum Toolset {
    COMPUTE("Nova: servers, flavors, keypairs, hypervisors, quotas"),
    NETWORK("Neutron: networks, subnets, ports, routers, floating IPs, security groups"),
    STORAGE("Cinder: volumes, snapshots, backups"),
    IMAGE("Glance: images"),
    ORCHESTRATION("Heat: stacks"),
    LOADBALANCER("Octavia: load balancers, listeners, pools, members, health monitors, L7 policies"),
    IDENTITY("Keystone: projects, users, roles, catalog"),
    CLUSTER("Cross-service overviews: cluster health, service status, capacity");

    private final String description;

    Toolset(String description) {
        this.description = description;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    public static Optional<Toolset> parse(String id) {
        String wanted = id.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.name().equals(wanted)).findFirst();
    }
}
