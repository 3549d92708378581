package io.github.openstackops.mcp.network;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Guard rails of the network tools, set by the operator (environment names in {@code launch.EnvironmentMapping}).
 *
 * @param allowWorldOpenIngress ALLOW_WORLD_OPEN_INGRESS: when false (the default), security_group_rule_create refuses
 *                              ingress rules that open SSH, RDP or database/cache ports (or every port) to the whole
 *                              internet
 */
@ConfigurationProperties(NetworkGuardrails.PREFIX)
public record NetworkGuardrails(@Bindable(defaultValue = "false") boolean allowWorldOpenIngress) {

    public static final String PREFIX = "mcp.network";
}
