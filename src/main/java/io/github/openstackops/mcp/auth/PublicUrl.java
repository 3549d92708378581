package io.github.openstackops.mcp.auth;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * The URL clients reach this server at (MCP_PUBLIC_URL, e.g. https://mcp.example.com behind a TLS proxy), or else
 * what the request's Host header says. Used where the server names itself: OAuth metadata and its challenge.
 */
@Singleton
public class PublicUrl {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+](:[0-9]{1,5})?");

    @Nullable
    private final String configured;

    public PublicUrl(@Value("${mcp.public-url:}") String configured) {
        String value = configured == null ? "" : configured.trim().replaceAll("/+$", "");
        if (!value.isEmpty()) {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new io.micronaut.context.exceptions.ConfigurationException(
                        "MCP_PUBLIC_URL=" + configured + " must be an http(s) URL, e.g. https://mcp.example.com");
            }
        }
        this.configured = value.isEmpty() ? null : value;
    }

    /** The base URL (no trailing slash) this request reached the server at. */
    public String of(HttpRequest<?> request) {
        if (configured != null) {
            return configured;
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (host == null || !HOST.matcher(host).matches()) {
            host = "localhost";
        }
        return (request.isSecure() ? "https://" : "http://") + host;
    }
}
