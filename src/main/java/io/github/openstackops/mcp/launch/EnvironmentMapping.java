package io.github.openstackops.mcp.launch;

import io.github.openstackops.mcp.auth.JwtSettings;
import io.github.openstackops.mcp.rest.OpenApiSettings;
import io.micronaut.context.exceptions.ConfigurationException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The environment variables this server understands, turned into configuration properties. The openstack CLI's
 * {@code OS_*} names, the reference Python server's names (OS_AUTH_HOST, OS_*_PORT, FASTMCP_*, REMOTE_AUTH_*,
 * ALLOW_MODIFY_OPERATIONS) and this server's own all live here, in one table; nothing else reads the environment.
 * Invalid values (a port that is not a number, a boolean that is neither true nor false) fail the start with a
 * sentence naming the variable.
 */
public final class EnvironmentMapping {

    /** One documented variable: its names (first wins), the property it sets, and how the value is converted. */
    public record Variable(List<String> names, String property, Function<String, Object> convert, String description,
                           String defaultValue) {
    }

    private static final Function<String, Object> TEXT = v -> v;
    private static final Function<String, Object> VERBATIM = v -> v;
    /** A store address, which may carry a password: never echoed in an error either. */
    private static final Function<String, Object> STATE_STORE = EnvironmentMapping::stateStore;

    public static final List<Variable> VARIABLES = List.of(
            // ---- OpenStack connection (the openstack CLI's names)
            v("OS_CLOUD", "openstack.cloud", TEXT, "Cloud entry of clouds.yaml to use", ""),
            v("OS_CLOUDS", "openstack.clouds", EnvironmentMapping::clouds, "Several clouds.yaml entries offered at once,"
                    + " e.g. prod,staging: every tool then takes a required 'cloud' and every result names it", ""),
            v("OS_CLIENT_CONFIG_FILE", "openstack.clouds-file", TEXT, "Path of clouds.yaml (else the standard search path)", ""),
            v("OS_AUTH_URL", "openstack.auth-url", TEXT, "Keystone v3 URL, e.g. https://keystone:5000/v3", ""),
            v("OS_AUTH_TYPE", "openstack.auth-type", TEXT, "password or v3applicationcredential", "password"),
            v("OS_USERNAME", "openstack.username", TEXT, "User name", ""),
            v("OS_USER_ID", "openstack.user-id", TEXT, "User id (instead of OS_USERNAME)", ""),
            v("OS_PASSWORD", "openstack.password", VERBATIM, "Password (never logged or returned)", ""),
            names(List.of("OS_PROJECT_NAME", "OS_TENANT_NAME"), "openstack.project-name", TEXT, "Project to work in", ""),
            names(List.of("OS_PROJECT_ID", "OS_TENANT_ID"), "openstack.project-id", TEXT, "Project id (instead of the name)", ""),
            v("OS_USER_DOMAIN_NAME", "openstack.user-domain-name", TEXT, "Domain of the user", "Default"),
            v("OS_USER_DOMAIN_ID", "openstack.user-domain-id", TEXT, "Domain id of the user", ""),
            v("OS_PROJECT_DOMAIN_NAME", "openstack.project-domain-name", TEXT, "Domain of the project", "Default"),
            v("OS_PROJECT_DOMAIN_ID", "openstack.project-domain-id", TEXT, "Domain id of the project", ""),
            v("OS_REGION_NAME", "openstack.region-name", TEXT, "Region (else the first endpoint of each service)", ""),
            names(List.of("OS_INTERFACE", "OS_ENDPOINT_TYPE"), "openstack.endpoint-interface", TEXT,
                    "Endpoint interface: public, internal or admin", "public"),
            v("OS_CACERT", "openstack.cacert", TEXT, "PEM CA bundle to verify the cloud's TLS certificates with", ""),
            v("OS_INSECURE", "openstack.insecure", EnvironmentMapping::bool,
                    "true switches TLS verification OFF (never in production)", "false"),
            v("OS_APPLICATION_CREDENTIAL_ID", "openstack.application-credential-id", TEXT, "Application credential id", ""),
            v("OS_APPLICATION_CREDENTIAL_SECRET", "openstack.application-credential-secret", VERBATIM,
                    "Application credential secret (never logged or returned)", ""),
            // ---- the reference server's names
            v("OS_AUTH_HOST", "openstack.auth-host", TEXT, "Keystone host; with OS_AUTH_PORT builds the auth URL when"
                    + " OS_AUTH_URL is unset, and is the host the OS_*_PORT overrides point at", ""),
            v("OS_AUTH_PORT", "openstack.auth-port", EnvironmentMapping::port, "Keystone port (with OS_AUTH_HOST)", "5000"),
            v("OS_AUTH_PROTOCOL", "openstack.auth-protocol", TEXT, "http or https (with OS_AUTH_HOST)", "http"),
            v("OS_COMPUTE_PORT", "openstack.endpoint-ports.compute", EnvironmentMapping::port,
                    "Send Nova calls to OS_AUTH_HOST (or the auth URL's host) on this port", ""),
            v("OS_NETWORK_PORT", "openstack.endpoint-ports.network", EnvironmentMapping::port, "Same, for Neutron", ""),
            v("OS_VOLUME_PORT", "openstack.endpoint-ports.volume", EnvironmentMapping::port, "Same, for Cinder", ""),
            v("OS_IMAGE_PORT", "openstack.endpoint-ports.image", EnvironmentMapping::port, "Same, for Glance", ""),
            v("OS_PLACEMENT_PORT", "openstack.endpoint-ports.placement", EnvironmentMapping::port, "Same, for Placement", ""),
            v("OS_HEAT_STACK_PORT", "openstack.endpoint-ports.orchestration", EnvironmentMapping::port, "Same, for Heat", ""),
            v("OS_CONNECT_TIMEOUT", "openstack.connect-timeout", TEXT, "Connect timeout for cloud calls", "10s"),
            v("OS_READ_TIMEOUT", "openstack.read-timeout", TEXT, "Read timeout for cloud calls", "60s"),
            // ---- safety
            v("ALLOW_MODIFY_OPERATIONS", "mcp.safety.allow-modify", EnvironmentMapping::bool,
                    "Register WRITE and DESTRUCTIVE tools; false = read-only", "false"),
            v("ALLOW_SENSITIVE_DATA", "mcp.safety.allow-sensitive", EnvironmentMapping::bool,
                    "Register tools whose output can hold secrets (console log, console URL)", "false"),
            v("REQUIRE_CONFIRMATION", "mcp.safety.require-confirmation", EnvironmentMapping::bool,
                    "DESTRUCTIVE tools need preview + token; false for unattended automation", "true"),
            v("CONFIRMATION_TTL", "mcp.safety.confirmation-ttl", TEXT, "How long a confirmation token is valid", "5m"),
            v("CONFIRMATION_SECRET", "mcp.safety.confirmation-secret", VERBATIM,
                    "HMAC key for confirmation tokens; set the same on every replica", "random per process"),
            v("CONFIRMATION_ELICITATION", "mcp.safety.elicitation", EnvironmentMapping::bool,
                    "Ask the user through MCP elicitation when the client supports it", "true"),
            v("MCP_TOOLSETS", "mcp.safety.toolsets", EnvironmentMapping::list,
                    "Comma-separated toolsets to expose (compute, network, storage, image, orchestration,"
                            + " loadbalancer, identity, cluster) or all", "all"),
            v("MCP_EXCLUDE_TOOLS", "mcp.safety.exclude-tools", EnvironmentMapping::list,
                    "Comma-separated tool names never to expose", ""),
            // ---- catalog shape
            v("MCP_TOOL_MODE", "mcp.catalog.tool-mode", EnvironmentMapping::toolMode,
                    "grouped: one tool per toolset and safety class (compute_read, ...), the operation an argument;"
                            + " all: one tool per operation; auto: all when it fits the budget (40 tools, 24 KB"
                            + " read-only, 48 KB with modifications), else grouped (--tool-mode overrides)", "auto"),
            v("MCP_ADMIN_TOOLS", "mcp.catalog.admin-tools", EnvironmentMapping::adminTools,
                    "Admin-only operations (hypervisors, services, identity admin, ...): auto = offered until Keystone"
                            + " shows the user has no admin role, then hidden; on; off", "auto"),
            v("MCP_OUTPUT_SCHEMAS", "mcp.catalog.output-schemas", EnvironmentMapping::bool,
                    "List each tool's output schema in mode all (results are structured JSON either way)", "true"),
            // ---- transport
            names(List.of("MCP_TRANSPORT", "FASTMCP_TYPE"), "mcp.transport", EnvironmentMapping::transport,
                    "stdio or streamable-http (--transport overrides)", "stdio"),
            names(List.of("MCP_HOST", "FASTMCP_HOST"), "micronaut.server.host", TEXT, "HTTP bind address", "127.0.0.1"),
            names(List.of("MCP_PORT", "FASTMCP_PORT"), "micronaut.server.port", EnvironmentMapping::port, "HTTP port", "8080"),
            v("MCP_ALLOWED_ORIGINS", "mcp.http.allowed-origins", EnvironmentMapping::list,
                    "Browser Origins allowed on /mcp (\":*\" = any port)", "loopback origins"),
            v("MCP_TOOL_TIMEOUT", "mcp.tool-timeout", TEXT, "Longest a tool call may run", "10m"),
            v("MCP_MAX_CONCURRENT_CALLS", "mcp.max-concurrent-calls", EnvironmentMapping::positive,
                    "Tool calls running at once (the rest wait)", "32"),
            v("MCP_MAX_PENDING_ELICITATIONS", "mcp.max-pending-elicitations", EnvironmentMapping::positive,
                    "Confirmation questions (elicitations) one caller may have open at once; a call waiting for an"
                            + " answer holds no call slot. Beyond it: a confirmation token", "4"),
            v("MCP_TASKS_MAX_PER_CALLER", "mcp.tasks.max-per-caller", EnvironmentMapping::positive,
                    "Long operations one caller may run as tasks at once (MCP Tasks extension; beyond it the call is"
                            + " refused)", "8"),
            v("MCP_TASKS_MAX", "mcp.tasks.max", EnvironmentMapping::positive,
                    "Long operations running as tasks at once on this server, all callers together", "64"),
            v("MCP_TASKS_RETENTION", "mcp.tasks.retention", TEXT,
                    "How long a task's status and result are kept after it ended, e.g. 30m or 2h (then tasks/get no"
                            + " longer knows it)", "1h"),
            v("MCP_MAX_SESSIONS_PER_CALLER", "mcp.http.max-sessions-per-caller", EnvironmentMapping::positive,
                    "Open MCP sessions per HTTP caller (initialize beyond it: 429)", "50"),
            v("MCP_LOG_LEVEL", "mcp.log-level", EnvironmentMapping::logLevel,
                    "DEBUG, INFO, WARNING, ERROR or CRITICAL (logs go to stderr)", "INFO"),
            // ---- HTTP authentication
            v("REMOTE_AUTH_ENABLE", "mcp.auth.enabled", EnvironmentMapping::bool,
                    "Require a bearer token on every HTTP endpoint but /health", "false"),
            v("REMOTE_SECRET_KEY", "mcp.auth.static-token", VERBATIM, "The shared bearer secret", ""),
            // ---- network guard rails
            v("ALLOW_WORLD_OPEN_INGRESS", "mcp.network.allow-world-open-ingress", EnvironmentMapping::bool,
                    "Let security_group_rule_create open SSH, RDP or database/cache ports to 0.0.0.0/0 or ::/0 (and load-balancer listeners on a public VIP expose them), and let ports and networks turn port security off or a port send from any address (a 0.0.0.0/0 or ::/0 allowed address pair)", "false"),
            // ---- team surfaces: JWT, limits, audit, OpenAPI tool server, CORS
            v("MCP_JWT_SECRET", "mcp.auth.jwt.secret", VERBATIM,
                    "HS256 key (32+ bytes) to verify JWT bearer tokens with; setting it turns authentication on", ""),
            v("MCP_JWT_JWKS_URL", "mcp.auth.jwt.jwks-url", TEXT,
                    "JWKS URL of the identity provider, to verify RS256/ES256 JWTs; turns authentication on", ""),
            v("MCP_JWT_ISSUER", "mcp.auth.jwt.issuer", TEXT,
                    "Required iss of JWTs; also served as the authorization server in"
                            + " /.well-known/oauth-protected-resource", ""),
            v("MCP_JWT_AUDIENCE", "mcp.auth.jwt.audience", EnvironmentMapping::list,
                    "Comma-separated accepted aud values of JWTs (one must match); required with MCP_JWT_JWKS_URL", ""),
            v("MCP_WRITE_SCOPES", "mcp.auth.jwt.write-scopes", EnvironmentMapping::list,
                    "JWT scopes (claim scope or scp) that unlock WRITE and DESTRUCTIVE tools", "openstack:write"),
            v("OS_IDENTITY_MODE", io.github.openstackops.mcp.auth.IdentityMode.PROPERTY, EnvironmentMapping::identityMode,
                    "Whose OpenStack identity HTTP calls act with: service (the server's own; credential headers get"
                            + " 400), caller (each call must send a Keystone application credential in"
                            + " X-OpenStack-Application-Credential-Id/-Secret, else 401) or both (the caller's when"
                            + " sent, else the server's); stdio always acts as the server", "service"),
            v("OS_IDENTITY_CACHE_SIZE", "mcp.identity.cache-size", EnvironmentMapping::positive,
                    "Callers' Keystone tokens kept (keyed by a hash of the credential, never the secret)", "1000"),
            v("MCP_PUBLIC_URL", "mcp.public-url", TEXT,
                    "URL clients reach the server at, e.g. https://mcp.example.com (OAuth metadata); else the address"
                            + " the request arrived at (never the Host header)",
                    ""),
            v("MCP_RATE_LIMIT_PER_MINUTE", "mcp.rate-limit.per-minute", EnvironmentMapping::nonNegative,
                    "Tool calls per minute per HTTP caller, on every surface (0 = unlimited)", "0"),
            v("MCP_STATE_STORE", "mcp.state-store", STATE_STORE,
                    "Where replicas share used confirmation tokens and rate-limit counters: memory (this process)"
                            + " or redis://[:password@]host:port[/db] (rediss:// for TLS)", "memory"),
            v("MCP_MAX_REQUEST_SIZE", "micronaut.server.max-request-size", EnvironmentMapping::size,
                    "Largest HTTP request body accepted, e.g. 512KB or 1MB (larger: 413)", "1MB"),
            v("IMAGE_UPLOAD_DIR", "mcp.image.upload-dir", TEXT,
                    "Directory image_create's file_path may read from (relative paths resolve in it); unset = no"
                            + " local files over HTTP, the user's own files on stdio", ""),
            v("AUDIT_LOG_PATH", "mcp.audit.path", TEXT, "Append-only JSON-lines audit log of every WRITE and DESTRUCTIVE"
                    + " call (also logged to the 'audit' logger)", ""),
            v("OPENAPI_BASE_PATH", "mcp.openapi.base-path", EnvironmentMapping::basePath,
                    "Path of the OpenAPI tool server ({base}/openapi.json, {base}/docs, POST {base}/<tool>); / = the root",
                    "/openapi"),
            v("OPENAPI_OPERATION_IDS", "mcp.openapi.operation-ids", EnvironmentMapping::operationIds,
                    "OpenAPI operationIds: mcpo (tool_<name>_post, as mcpo names them) or plain (<name>)", "mcpo"),
            v("CORS_ALLOWED_ORIGINS", "mcp.cors.allowed-origins", EnvironmentMapping::list,
                    "Browser Origins allowed on the OpenAPI and REST surfaces, e.g. https://webui.example.com"
                            + " (\":*\" = any port)", "loopback origins"));

    private EnvironmentMapping() {
    }

    private static Variable v(String name, String property, Function<String, Object> convert, String description,
                              String defaultValue) {
        return new Variable(List.of(name), property, convert, description, defaultValue);
    }

    private static Variable names(List<String> names, String property, Function<String, Object> convert,
                                  String description, String defaultValue) {
        return new Variable(names, property, convert, description, defaultValue);
    }

    /** The configuration properties the environment asks for. */
    public static Map<String, Object> map(Map<String, String> env) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Variable variable : VARIABLES) {
            for (String name : variable.names()) {
                String value = env.get(name);
                if (value != null && !value.isEmpty()) {
                    try {
                        properties.put(variable.property(), variable.convert().apply(
                                variable.convert() == VERBATIM ? value : value.trim()));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(name + "=" + (variable.convert() == VERBATIM
                                || variable.convert() == STATE_STORE ? "***" : value)
                                + ": " + e.getMessage());
                    }
                    break;
                }
            }
        }
        // the reference's OS_AUTH_HOST + OS_AUTH_PORT also redirect the identity endpoints of the catalog
        if (env.containsKey("OS_AUTH_HOST") && properties.containsKey("openstack.auth-port")
                && !properties.containsKey("openstack.auth-url")) {
            properties.put("openstack.endpoint-ports.identity", properties.get("openstack.auth-port"));
        }
        String identityVersion = env.get("OS_IDENTITY_API_VERSION");
        if (identityVersion != null && !identityVersion.isBlank() && !identityVersion.trim().startsWith("3")) {
            throw new IllegalArgumentException("OS_IDENTITY_API_VERSION=" + identityVersion
                    + ": only Keystone v3 is supported.");
        }
        // REMOTE_AUTH_ENABLE=true, or a JWT signature source, requires a bearer token on every endpoint but /health
        Object auth = properties.get("mcp.auth.enabled");
        properties.put("micronaut.security.enabled", Boolean.TRUE.equals(auth) || JwtSettings.configuredIn(properties));
        return properties;
    }

    public static final String README_BEGIN = "<!-- env-table:begin (generated by ReadmeTest; do not edit) -->";
    public static final String README_END = "<!-- env-table:end -->";

    /** The README's table of every variable. */
    public static String markdown() {
        StringBuilder out = new StringBuilder(README_BEGIN).append('\n');
        out.append("| Variable | Default | Meaning |\n|---|---|---|\n");
        for (Variable v : VARIABLES) {
            out.append("| ").append(String.join(" / ", v.names().stream().map(n -> "`" + n + "`").toList()))
                    .append(" | ").append(v.defaultValue().isEmpty() ? "" : "`" + v.defaultValue() + "`")
                    .append(" | ").append(v.description().replace("|", "\\|")).append(" |\n");
        }
        return out.append(README_END).append('\n').toString();
    }

    static Object bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    static Object port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("expected a port number (0-65535)");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a port number (0-65535)");
        }
    }

    static Object positive(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw new IllegalArgumentException("expected a positive number");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a positive number");
        }
    }

    static Object nonNegative(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new IllegalArgumentException("expected 0 or a positive number");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected 0 or a positive number");
        }
    }

    static Object stateStore(String value) {
        if (value.equals("memory") || value.startsWith("redis://") || value.startsWith("rediss://")) {
            return value;
        }
        throw new IllegalArgumentException("expected memory, redis://host:6379 or rediss://:password@host:6380/0");
    }

    /** A byte size: a number with an optional unit KB, MB or GB. */
    static Object size(String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)([0-9]{1,10})\\s*(B|KB|MB|GB)?").matcher(value);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("expected a size such as 512KB, 1MB or 1048576");
        }
        return m.group(1) + (m.group(2) == null || m.group(2).equalsIgnoreCase("B") ? "" : m.group(2).toUpperCase(Locale.ROOT));
    }

    /** A URL path prefix: "/openapi", or "/" for the root. */
    static Object basePath(String value) {
        String path = checkedBy("OPENAPI_BASE_PATH", value, OpenApiSettings::normalise);
        return path.isEmpty() ? "/" : path;
    }

    static Object operationIds(String value) {
        return checkedBy("OPENAPI_OPERATION_IDS", value, OpenApiSettings::operationIdStyle);
    }

    /**
     * A value checked by the settings class that owns it. Its message names the variable and value, which
     * {@link #map} adds itself, so that part is dropped here.
     */
    private static String checkedBy(String variable, String value, UnaryOperator<String> check) {
        try {
            return check.apply(value);
        } catch (ConfigurationException e) {
            String prefix = variable + "=" + value + ": ";
            String message = e.getMessage();
            throw new IllegalArgumentException(message.startsWith(prefix) ? message.substring(prefix.length()) : message);
        }
    }

    /** grouped, all or auto. */
    public static String toolMode(String value) {
        return checkedBy("MCP_TOOL_MODE", value, v -> io.github.openstackops.mcp.catalog.ToolMode.parse(v).id());
    }

    static Object adminTools(String value) {
        return checkedBy("MCP_ADMIN_TOOLS", value, v -> io.github.openstackops.mcp.catalog.AdminTier.Setting.parse(v).id());
    }

    static Object identityMode(String value) {
        return io.github.openstackops.mcp.auth.IdentityMode.parse(value).id();
    }

    /** Comma-separated clouds.yaml names, each once (kept as text: the catalog and the cloud layer both read it). */
    static Object clouds(String value) {
        List<String> names = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("expected each clouds.yaml entry name once, e.g. prod,staging");
        }
        return String.join(",", names);
    }

    static Object list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** stdio, or streamable-http (the reference's spelling; "http" accepted). */
    public static String transport(String value) {
        return switch (value.toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "stdio" -> "stdio";
            case "streamable-http", "http", "streamablehttp" -> "streamable-http";
            default -> throw new IllegalArgumentException("expected stdio or streamable-http");
        };
    }

    /** A logback level; Python's WARNING and CRITICAL are accepted. */
    public static String logLevel(String value) {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "TRACE", "DEBUG", "INFO", "ERROR", "OFF" -> value.toUpperCase(Locale.ROOT);
            case "WARN", "WARNING" -> "WARN";
            case "CRITICAL", "FATAL" -> "ERROR";
            default -> throw new IllegalArgumentException("expected DEBUG, INFO, WARNING, ERROR or CRITICAL");
        };
    }
}
