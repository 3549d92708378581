package io.github.openstackops.mcp.cloud;

import io.github.openstackops.mcp.catalog.ToolException;
import io.micronaut.core.annotation.Nullable;
import org.openstack4j.api.exceptions.ResponseException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An http(s) URL that a cloud service downloads itself (Glance's web-download, Heat's template_url), checked once for
 * every tool that takes one. The URL goes to the cloud as given, but its secret parts never leave this process:
 * credentials before the host are refused (the cloud would store and show them in clear), and wherever the URL is
 * echoed (progress, results, errors, logs) only {@link #shown()} appears: scheme://host[:port]/path, without the
 * query, where pre-signed URLs carry their signature or token.
 *
 * @param value the URL to hand to the cloud
 * @param shown the URL as it may be echoed
 */
public record RemoteUrl(String value, String shown) {

    /**
     * Checks {@code value}, the argument {@code argument}; errors name the argument but never echo the URL.
     *
     * @param instead what to do when the URL is not http(s), appended to that error
     */
    public static RemoteUrl check(String argument, String value, String instead) {
        String trimmed = value.trim();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw ToolException.invalid(argument + " is not a valid URL: " + e.getReason() + " (at character "
                    + (e.getIndex() + 1) + ").");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ToolException.invalid(argument + " must be an http:// or https:// URL; "
                    // an opaque "scheme" may be a user name ("alice:pw@host"): only a hierarchical one is named
                    + (scheme.isEmpty() || uri.isOpaque() ? "this one is not." : "'" + scheme + ":' URLs are refused.")
                    + " " + instead);
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            throw ToolException.invalid(argument + " must not carry credentials (user:password@ before the host):"
                    + " the cloud would store and show them in clear. Serve the file without credentials, or give a"
                    + " pre-signed URL whose signature is in its query.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ToolException.invalid(argument + " has no host (" + shown(uri) + ").");
        }
        return new RemoteUrl(trimmed, shown(uri));
    }

    /**
     * Any URL as it may be echoed or recorded: scheme://host[:port]/path, without credentials or query; null when the
     * text is not a URL with a scheme and a host.
     */
    @Nullable
    public static String shownOrNull(String value) {
        try {
            URI uri = new URI(value.trim());
            return uri.getScheme() == null || uri.getHost() == null ? null : shown(uri);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String shown(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + path;
    }

    /**
     * The text with this URL, and its query on its own, replaced by {@link #shown()}: for the cloud's own messages,
     * which quote the URL they failed to fetch.
     */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text.replace(value, shown);
        String query = URI.create(value).getRawQuery();
        if (query != null && !query.isEmpty()) {
            out = out.replace(query, "…");
            String decoded = URLDecoder.decode(query, StandardCharsets.UTF_8);
            out = decoded.isEmpty() ? out : out.replace(decoded, "…");
        }
        return out;
    }

    /**
     * The cloud's failure with {@link #redact} applied to its message; the same failure when the message does not
     * quote the URL.
     */
    public RuntimeException redact(RuntimeException failure) {
        if (failure instanceof ResponseException response && failure.getMessage() != null) {
            String message = redact(failure.getMessage());
            if (!message.equals(failure.getMessage())) {
                return ResponseException.mapException(message, response.getStatus());
            }
        }
        return failure;
    }

    @Override
    public String toString() {
        return shown;
    }
}
