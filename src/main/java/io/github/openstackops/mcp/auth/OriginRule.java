package io.github.openstackops.mcp.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * The one Origin rule of every HTTP surface (/mcp with MCP_ALLOWED_ORIGINS, the OpenAPI and REST surfaces with
 * CORS_ALLOWED_ORIGINS). An Origin is allowed when its scheme, host and port equal those of an allowed entry; an entry
 * ending in {@code :*} allows any port of its scheme and host, {@code *} allows every Origin. Matching is exact, never
 * by prefix: {@code http://localhost:3000.evil.com} is not {@code http://localhost:3000}. An Origin that is not a plain
 * {@code scheme://host[:port]} (a path, user info, {@code null}) is not allowed.
 */
public final class OriginRule {

    private record Entry(String scheme, String host, int port, boolean anyPort) {
    }

    private final boolean any;
    private final List<Entry> entries;

    public OriginRule(List<String> allowed) {
        this.any = allowed.stream().anyMatch(a -> a.trim().equals("*"));
        this.entries = allowed.stream().map(String::trim).filter(a -> !a.equals("*")).map(OriginRule::entry)
                .filter(e -> e != null).toList();
    }

    public boolean allows(String origin) {
        if (any) {
            return true;
        }
        Entry o = origin == null ? null : parse(origin.trim().replaceAll("/+$", ""), false);
        if (o == null) {
            return false;
        }
        for (Entry e : entries) {
            if (e.scheme.equals(o.scheme) && e.host.equals(o.host) && (e.anyPort || e.port == o.port)) {
                return true;
            }
        }
        return false;
    }

    private static Entry entry(String allowed) {
        String a = allowed.replaceAll("/+$", "");
        return a.endsWith(":*") ? parse(a.substring(0, a.length() - 2), true) : parse(a, false);
    }

    /** scheme://host[:port] and nothing else, or null. */
    private static Entry parse(String text, boolean anyPort) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
            return new Entry(scheme, host.toLowerCase(Locale.ROOT), port, anyPort);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
