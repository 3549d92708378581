package io.github.openstackops.mcp.auth;

import io.github.openstackops.mcp.ServerInfo;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728) for this server, when an issuer is configured: it names the
 * authorization server whose tokens are accepted, so an MCP client can find where to get one. The resource is the
 * server's base URL, which covers /mcp, the OpenAPI tool server and the REST contract.
 */
@Singleton
@Requires(condition = JwtConfigured.class)
@Requires(property = JwtSettings.PREFIX + ".issuer")
public class ProtectedResourceMetadata {

    public static final String PATH = "/.well-known/oauth-protected-resource";

    private final JwtSettings settings;
    private final PublicUrl publicUrl;

    public ProtectedResourceMetadata(JwtSettings settings, PublicUrl publicUrl) {
        this.settings = settings;
        this.publicUrl = publicUrl;
    }

    /** Where the metadata of the resource this request addressed is served. */
    public String url(HttpRequest<?> request) {
        return publicUrl.of(request) + PATH;
    }

    public Map<String, Object> document(HttpRequest<?> request) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("resource", publicUrl.of(request));
        doc.put("authorization_servers", List.of(settings.issuer()));
        doc.put("bearer_methods_supported", List.of("header"));
        doc.put("scopes_supported", settings.writeScopes());
        doc.put("resource_name", ServerInfo.NAME);
        return doc;
    }
}
