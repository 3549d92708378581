package io.github.openstackops.mcp.network;

import io.github.openstackops.mcp.catalog.ToolException;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Guard rails of the network tools, set by the operator (environment names in {@code launch.EnvironmentMapping}).
 *
 * @param allowWorldOpenIngress ALLOW_WORLD_OPEN_INGRESS: when false (the default), security_group_rule_create refuses
 *                              ingress rules that open SSH, RDP or database/cache ports (or every port) to the whole
 *                              internet, port/network create and update refuse to turn port security off, and
 *                              port_update refuses a 0.0.0.0/0 or ::/0 allowed address pair
 */
@ConfigurationProperties(NetworkGuardrails.PREFIX)
public record NetworkGuardrails(@Bindable(defaultValue = "false") boolean allowWorldOpenIngress) {

    public static final String PREFIX = "mcp.network";

    /**
     * Refuses port_security_enabled=false unless the operator allowed world-open ingress: without port security
     * Neutron applies no security group at all, so every port is open to every address that can reach it.
     *
     * @param portSecurityEnabled the value asked for (null: unchanged)
     * @param target              what it would apply to, e.g. "this port" or "new ports on this network"
     */
    void refusePortSecurityOff(@Nullable Boolean portSecurityEnabled, String target) {
        if (Boolean.FALSE.equals(portSecurityEnabled) && !allowWorldOpenIngress) {
            throw ToolException.refused("Refused: port_security_enabled=false turns off security groups and"
                    + " anti-spoofing for " + target + ", opening every protocol and port to any address that can"
                    + " reach it (the whole internet once a floating IP is attached). Keep port security on and open"
                    + " only what is needed with security_group_rule_create (from a narrow remote_ip_prefix or a"
                    + " remote_group). An operator can permit this by starting the server with"
                    + " ALLOW_WORLD_OPEN_INGRESS=true.");
        }
    }

    /**
     * Refuses an allowed address pair of a /0 prefix (0.0.0.0/0, ::/0) unless the operator allowed world-open ingress:
     * it lets the port send from any address, which switches anti-spoofing off as port_security_enabled=false would.
     */
    void refuseOpenAddressPairs(java.util.List<String> addresses) {
        for (String address : addresses) {
            if (address != null && address.trim().endsWith("/0") && !allowWorldOpenIngress) {
                throw ToolException.refused("Refused: the allowed address pair " + address.trim() + " lets the port"
                        + " send from any address, switching anti-spoofing off for it. Allow only the addresses it"
                        + " really uses (e.g. a virtual IP such as 10.0.0.250, or a narrow prefix). An operator can"
                        + " permit this by starting the server with ALLOW_WORLD_OPEN_INGRESS=true.");
            }
        }
    }
}
