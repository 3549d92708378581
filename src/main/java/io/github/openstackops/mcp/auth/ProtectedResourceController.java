package io.github.openstackops.mcp.auth;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.modelcontextprotocol.json.McpJsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Serves {@link ProtectedResourceMetadata} without authentication (clients read it before they have a token), at the
 * well-known path and at its path-suffixed form for the MCP endpoint ({@code /.well-known/oauth-protected-resource/mcp}).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(bean = ProtectedResourceMetadata.class)
public class ProtectedResourceController {

    private final ProtectedResourceMetadata metadata;
    private final McpJsonMapper json;
    private final PublicUrl publicUrl;

    public ProtectedResourceController(ProtectedResourceMetadata metadata, McpJsonMapper json, PublicUrl publicUrl) {
        this.metadata = metadata;
        this.json = json;
        this.publicUrl = publicUrl;
    }

    @Get(uris = {ProtectedResourceMetadata.PATH, ProtectedResourceMetadata.PATH + "/mcp"},
            produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> metadata(HttpRequest<?> request) {
        try {
            return HttpResponse.ok(json.writeValueAsString(metadata.document(request)))
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    // the same for everyone only when the operator named the URL; else it depends on the address used
                    .header("Cache-Control", publicUrl.configured() ? "public, max-age=3600" : "no-store");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
