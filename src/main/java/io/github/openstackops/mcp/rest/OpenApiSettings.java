package io.github.openstackops.mcp.rest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The OpenAPI tool server (what mcpo makes of an MCP server, served natively). Environment: OPENAPI_BASE_PATH,
 * OPENAPI_OPERATION_IDS.
 *
 * @param basePath     where it lives: {@code {base}/openapi.json}, {@code {base}/docs}, {@code POST {base}/<tool>};
 *                     "/openapi" by default, "" for the root; never under /mcp, /health, /tools, /tool or /.well-known
 * @param operationIds "mcpo" ({@code tool_<name>_post}, what mcpo's FastAPI generates, so clients configured for mcpo
 *                     keep their tool names) or "plain" (the tool name itself)
 */
@ConfigurationProperties(OpenApiSettings.PREFIX)
public record OpenApiSettings(@Nullable String basePath, @Nullable String operationIds) {

    public static final String PREFIX = "mcp.openapi";
    public static final String DEFAULT_BASE_PATH = "/openapi";
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)*");
    private static final Set<String> RESERVED = Set.of("mcp", "health", "tools", "tool", ".well-known");

    public OpenApiSettings {
        basePath = normalise(basePath);
        operationIds = operationIdStyle(operationIds);
    }

    /** "mcpo" (also when unset) or "plain", in any case; anything else is refused with what to set instead. */
    public static String operationIdStyle(@Nullable String value) {
        String style = value == null || value.isBlank() ? "mcpo" : value.trim().toLowerCase(Locale.ROOT);
        if (!style.equals("mcpo") && !style.equals("plain")) {
            throw new ConfigurationException("OPENAPI_OPERATION_IDS=" + value + ": expected mcpo or plain");
        }
        return style;
    }

    public static OpenApiSettings defaults() {
        return new OpenApiSettings(null, null);
    }

    /** The operationId of a tool's POST operation. */
    public String operationId(String tool) {
        return operationIds.equals("plain") ? tool : "tool_" + tool + "_post";
    }

    /** "/openapi" stays, "openapi/" becomes "/openapi", "/" and "" become "" (the root). */
    public static String normalise(@Nullable String basePath) {
        if (basePath == null) {
            return DEFAULT_BASE_PATH;
        }
        String path = basePath.trim();
        if (!path.isEmpty() && !path.startsWith("/")) {
            path = "/" + path;
        }
        path = path.replaceAll("/+$", "");
        if (!PATH.matcher(path).matches()) {
            throw new ConfigurationException("OPENAPI_BASE_PATH=" + basePath + ": expected a path such as /openapi"
                    + " (letters, digits, '.', '_', '-', '~' between slashes), or empty for the root");
        }
        if (path.contains("/./") || path.contains("/../") || path.endsWith("/.") || path.endsWith("/..")) {
            throw new ConfigurationException("OPENAPI_BASE_PATH=" + basePath + ": '.' and '..' are not path segments"
                    + " here");
        }
        String first = path.isEmpty() ? "" : path.substring(1).split("/")[0];
        if (RESERVED.contains(first.toLowerCase(Locale.ROOT))) {
            throw new ConfigurationException("OPENAPI_BASE_PATH=" + basePath + ": collides with /" + first
                    + "; choose another path, e.g. /openapi");
        }
        return path;
    }
}
