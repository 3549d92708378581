package io.github.openstackops.mcp.cloud;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.Map;

/**
 * How to reach the cloud, as configured: the {@code OS_*} variables the openstack CLI reads (mapped by
 * {@code launch.EnvironmentMapping}), the reference server's {@code OS_AUTH_HOST}/{@code OS_*_PORT} names, or a
 * {@code clouds.yaml} entry named by {@code OS_CLOUD}. {@link CloudProfile#resolve} turns it into one profile.
 */
@ConfigurationProperties(CloudSettings.PREFIX)
public record CloudSettings(
        @Nullable String cloud,
        @Nullable String cloudsFile,
        @Nullable String authUrl,
        @Nullable String authHost,
        @Nullable Integer authPort,
        @Nullable String authProtocol,
        @Nullable String authType,
        @Nullable String username,
        @Nullable String userId,
        @Nullable String password,
        @Nullable String projectName,
        @Nullable String projectId,
        @Nullable String userDomainName,
        @Nullable String userDomainId,
        @Nullable String projectDomainName,
        @Nullable String projectDomainId,
        @Nullable String regionName,
        @Nullable String endpointInterface,
        @Nullable String cacert,
        @Nullable Boolean insecure,
        @Nullable String applicationCredentialId,
        @Nullable String applicationCredentialSecret,
        @Nullable Map<String, Integer> endpointPorts,
        @Bindable(defaultValue = "10s") Duration connectTimeout,
        @Bindable(defaultValue = "60s") Duration readTimeout,
        @Bindable(defaultValue = "30m") Duration tokenRefreshMargin) {

    public static final String PREFIX = "openstack";

    public CloudSettings {
        endpointPorts = endpointPorts == null ? Map.of() : Map.copyOf(endpointPorts);
    }

    @Override
    public String toString() {
        return "CloudSettings[cloud=" + cloud + ", authUrl=" + authUrl + ", authHost=" + authHost
                + ", username=" + username + ", projectName=" + projectName + ", regionName=" + regionName + "]";
    }
}
