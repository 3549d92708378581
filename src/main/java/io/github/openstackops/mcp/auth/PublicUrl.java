package io.github.openstackops.mcp.auth;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * The URL clients reach this server at (MCP_PUBLIC_URL, e.g. https://mcp.example.com behind a TLS proxy), or else the
 * address the request arrived at on this server. Never the request's Host header: a forged Host must not make the
 * server name someone else (and a cache keep that answer). Used where the server names itself: OAuth metadata and its
 * challenge.
 */
@Singleton
public class PublicUrl {

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

    /** Whether the operator named the URL (then it may be cached by anyone: it is the same for every request). */
    public boolean configured() {
        return configured != null;
    }

    /** The base URL (no trailing slash) this request reached the server at. */
    public String of(HttpRequest<?> request) {
        if (configured != null) {
            return configured;
        }
        InetSocketAddress local = request.getServerAddress();
        InetAddress address = local.getAddress();
        String host = address == null ? "localhost"
                : address instanceof Inet6Address ? "[" + address.getHostAddress().replaceAll("%.*$", "") + "]"
                : address.getHostAddress();
        return (request.isSecure() ? "https://" : "http://") + host + ":" + local.getPort();
    }
}
