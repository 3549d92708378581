package io.github.openstackops.mcp.cloud;

import io.github.openstackops.mcp.catalog.Secrets;
import io.micronaut.core.annotation.Nullable;
import org.openstack4j.api.types.Facing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One resolved way into one cloud: where Keystone is, who we are, which project and region, how to trust TLS, which
 * catalog endpoints to override. Built from {@link CloudSettings} (environment first, then the clouds.yaml entry);
 * every gap is a {@link CloudConfigurationException} naming the variable to set.
 */
public record CloudProfile(
        String cloudName,
        URI authUrl,
        AuthMethod method,
        @Nullable String username,
        @Nullable String userId,
        @Nullable String password,
        @Nullable String userDomainName,
        @Nullable String userDomainId,
        @Nullable String projectName,
        @Nullable String projectId,
        @Nullable String projectDomainName,
        @Nullable String projectDomainId,
        @Nullable String applicationCredentialId,
        @Nullable String applicationCredentialSecret,
        @Nullable String region,
        Facing facing,
        @Nullable Path cacert,
        boolean insecure,
        Map<String, Integer> endpointPorts,
        String endpointHost,
        Duration connectTimeout,
        Duration readTimeout,
        Duration refreshMargin) {

    public enum AuthMethod { PASSWORD, APPLICATION_CREDENTIAL }

    /** Service types whose catalog endpoint can be overridden by port (the reference's OS_*_PORT variables). */
    public static final java.util.List<String> OVERRIDABLE = java.util.List.of(
            "compute", "network", "volume", "image", "placement", "orchestration", "identity");

    /** The scope a token is cached under. */
    public String scopeKey() {
        return String.join("|", cloudName, authUrl.toString(), String.valueOf(userId != null ? userId : username),
                String.valueOf(applicationCredentialId), String.valueOf(projectId != null ? projectId : projectName),
                String.valueOf(region));
    }

    /**
     * The same cloud (Keystone, region, interface, TLS, endpoint overrides) reached with a caller's application
     * credential instead of this server's own identity: the credential carries its user and project.
     */
    public CloudProfile withApplicationCredential(String id, String secret) {
        return new CloudProfile(cloudName, authUrl, AuthMethod.APPLICATION_CREDENTIAL, null, null, null, null, null,
                null, null, null, null, id, secret, region, facing, cacert, insecure, endpointPorts, endpointHost,
                connectTimeout, readTimeout, refreshMargin);
    }

    /** A short description for messages: never includes a secret. */
    public String describe() {
        String who = method == AuthMethod.APPLICATION_CREDENTIAL ? "application credential " + applicationCredentialId
                : "user '" + (username != null ? username : userId) + "'";
        String project = projectName != null ? "project '" + projectName + "'" : projectId != null ? "project " + projectId : "";
        return who + (project.isEmpty() ? "" : " in " + project) + " at " + authUrl;
    }

    @Override
    public String toString() {
        return "CloudProfile[" + describe() + ", region=" + region + ", interface=" + facing.value() + "]";
    }

    public static CloudProfile resolve(CloudSettings s) {
        Map<String, Object> yaml = s.cloud() == null || s.cloud().isBlank() ? Map.of()
                : CloudsYaml.load(s.cloud().trim(), s.cloudsFile());
        Lookup v = new Lookup(yaml);

        URI authUrl = authUrl(s, v);
        String type = first(s.authType(), v.str("auth_type"));
        String appId = first(s.applicationCredentialId(), v.str("application_credential_id"));
        String appSecret = s.applicationCredentialSecret() != null && !s.applicationCredentialSecret().isEmpty()
                ? s.applicationCredentialSecret() : v.str("application_credential_secret");
        AuthMethod method = type == null ? (appId != null ? AuthMethod.APPLICATION_CREDENTIAL : AuthMethod.PASSWORD)
                : switch (type.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
                    case "password", "v3password" -> AuthMethod.PASSWORD;
                    case "v3applicationcredential", "applicationcredential" -> AuthMethod.APPLICATION_CREDENTIAL;
                    default -> throw new CloudConfigurationException("OS_AUTH_TYPE=" + type + " is not supported; use"
                            + " 'password' or 'v3applicationcredential'.");
                };

        String username = first(s.username(), v.str("username"));
        String userId = first(s.userId(), v.str("user_id"));
        // passwords are taken verbatim (never trimmed)
        String password = s.password() != null && !s.password().isEmpty() ? s.password() : v.str("password");
        String projectName = first(s.projectName(), v.str("project_name"), v.str("tenant_name"));
        String projectId = first(s.projectId(), v.str("project_id"), v.str("tenant_id"));
        String userDomainName = first(s.userDomainName(), v.str("user_domain_name"));
        String userDomainId = first(s.userDomainId(), v.str("user_domain_id"));
        String projectDomainName = first(s.projectDomainName(), v.str("project_domain_name"));
        String projectDomainId = first(s.projectDomainId(), v.str("project_domain_id"));

        if (method == AuthMethod.PASSWORD) {
            if (username == null && userId == null) {
                throw new CloudConfigurationException("No OpenStack user configured: set OS_USERNAME (or OS_USER_ID),"
                        + " or use an application credential (OS_AUTH_TYPE=v3applicationcredential).");
            }
            if (password == null) {
                throw new CloudConfigurationException("No password configured for OpenStack user '"
                        + (username != null ? username : userId) + "': set OS_PASSWORD.");
            }
            if (projectName == null && projectId == null) {
                throw new CloudConfigurationException("No project configured: set OS_PROJECT_NAME or OS_PROJECT_ID.");
            }
            if (username != null && userDomainName == null && userDomainId == null) {
                userDomainName = "Default";
            }
            if (projectId == null && projectDomainName == null && projectDomainId == null) {
                projectDomainName = "Default";
            }
        } else if (appId == null || appSecret == null) {
            throw new CloudConfigurationException("Application-credential authentication needs"
                    + " OS_APPLICATION_CREDENTIAL_ID and OS_APPLICATION_CREDENTIAL_SECRET.");
        }

        Object verify = yaml.get("verify");
        String verifyBundle = verifyBundle(verify);
        String cacertValue = first(s.cacert(), v.str("cacert"));
        Path cacert = null;
        if (cacertValue != null) {
            cacert = Path.of(cacertValue);
            if (!Files.isReadable(cacert)) {
                throw new CloudConfigurationException("OS_CACERT=" + cacertValue + " is not a readable file.");
            }
        } else if (verifyBundle != null) {
            cacert = Path.of(verifyBundle);
            if (!Files.isReadable(cacert)) {
                throw new CloudConfigurationException("clouds.yaml has 'verify: " + verifyBundle + "', which is"
                        + " neither true, false nor a readable CA bundle file. Use true (verify), false (do not"
                        + " verify) or the path of the CA bundle.");
            }
        }
        boolean insecure = s.insecure() != null ? s.insecure()
                : verify != null ? isFalse(verify)
                : Boolean.parseBoolean(String.valueOf(yaml.getOrDefault("insecure", "false")));

        String facingValue = first(s.endpointInterface(), v.str("interface"), v.str("endpoint_type"));
        Facing facing = facing(facingValue);

        Map<String, Integer> ports = new LinkedHashMap<>();
        s.endpointPorts().forEach((service, port) -> {
            String type2 = service.toLowerCase(Locale.ROOT);
            if (!OVERRIDABLE.contains(type2)) {
                throw new CloudConfigurationException("Unknown endpoint port override '" + service + "'; known: "
                        + OVERRIDABLE + ".");
            }
            if (port != null && port > 0) {
                ports.put(type2, port);
            }
        });
        String endpointHost = s.authHost() != null && !s.authHost().isBlank() ? s.authHost().trim() : authUrl.getHost();

        Secrets.register(password);
        Secrets.register(appSecret);
        return new CloudProfile(s.cloud() == null ? "env" : s.cloud().trim(), authUrl, method,
                username, userId, method == AuthMethod.PASSWORD ? password : null, userDomainName, userDomainId,
                projectName, projectId, projectDomainName, projectDomainId,
                appId, appSecret, first(s.regionName(), v.str("region_name")), facing, cacert, insecure,
                Map.copyOf(ports), endpointHost, s.connectTimeout(), s.readTimeout(), s.tokenRefreshMargin());
    }

    private static URI authUrl(CloudSettings s, Lookup v) {
        String url = first(s.authUrl(), v.str("auth_url"));
        if (url == null && s.authHost() != null && !s.authHost().isBlank()) {
            String protocol = s.authProtocol() == null || s.authProtocol().isBlank() ? "http" : s.authProtocol().trim();
            int port = s.authPort() == null ? 5000 : s.authPort();
            url = protocol + "://" + s.authHost().trim() + ":" + port;
        }
        if (url == null) {
            throw new CloudConfigurationException("OpenStack is not configured: set OS_AUTH_URL (e.g."
                    + " https://keystone.example.com:5000/v3), OS_AUTH_HOST and OS_AUTH_PORT, or OS_CLOUD with a"
                    + " clouds.yaml.");
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new CloudConfigurationException("OS_AUTH_URL=" + url + " is not a valid URL.");
        }
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new CloudConfigurationException("OS_AUTH_URL=" + url + " must be an http(s) URL with a host.");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        if (path.endsWith("/v2.0") || path.endsWith("/v2")) {
            throw new CloudConfigurationException("OS_AUTH_URL=" + url + " points at Keystone v2, which is gone;"
                    + " use the /v3 endpoint.");
        }
        if (!path.endsWith("/v3")) {
            path = path + "/v3";
        }
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path);
    }

    private static Facing facing(@Nullable String value) {
        if (value == null) {
            return Facing.PUBLIC;
        }
        return switch (value.toLowerCase(Locale.ROOT).replace("url", "")) {
            case "public" -> Facing.PUBLIC;
            case "internal" -> Facing.INTERNAL;
            case "admin" -> Facing.ADMIN;
            default -> throw new CloudConfigurationException("OS_INTERFACE=" + value + " must be public, internal or admin.");
        };
    }

    /**
     * The CA bundle a clouds.yaml {@code verify} names (openstacksdk accepts a path there), or null for true, false or
     * no value. Only an explicit false turns verification off; anything that is neither a boolean nor a path is an
     * error rather than a silent downgrade.
     */
    @Nullable
    private static String verifyBundle(@Nullable Object verify) {
        if (verify == null || verify instanceof Boolean) {
            return null;
        }
        if (verify instanceof String text) {
            String value = text.trim();
            return value.isEmpty() || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? null : value;
        }
        throw new CloudConfigurationException("clouds.yaml has 'verify: " + verify + "'; use true (verify TLS"
                + " certificates), false (do not verify) or the path of a CA bundle.");
    }

    private static boolean isFalse(Object verify) {
        return Boolean.FALSE.equals(verify) || verify instanceof String text && text.trim().equalsIgnoreCase("false");
    }

    @Nullable
    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    private record Lookup(Map<String, Object> yaml) {
        @Nullable
        String str(String key) {
            Object value = yaml.get(key);
            return value == null ? null : String.valueOf(value);
        }
    }
}
