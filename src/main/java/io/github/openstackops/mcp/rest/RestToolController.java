package io.github.openstackops.mcp.rest;

import io.github.openstackops.mcp.catalog.ListedTool;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.catalog.ToolListing;
import io.github.openstackops.mcp.transport.McpServerFactory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.modelcontextprotocol.json.McpJsonMapper;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The "external MCP server" REST contract some agent hosts call: {@code GET /tools}, the caller's tools as MCP
 * describes them ({@code name, title, description, inputSchema, outputSchema, annotations}); {@code POST
 * /tool/{name}/call}, the arguments object in, the tool's structured result out, or {@code {"error": {"code",
 * "message"}}} with the status of the failure (404 unknown or unavailable, 422 invalid arguments, 400 bad JSON, 429
 * too many calls with Retry-After, 500 the tool failed, 504 timed out). {@code GET /health} is {@link HealthController}.
 */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@Requires(property = McpServerFactory.TRANSPORT, value = "streamable-http")
public class RestToolController {

    private final ToolListing listing;
    private final HttpToolCalls calls;
    private final McpJsonMapper json;

    public RestToolController(ToolListing listing, HttpToolCalls calls, McpJsonMapper json) {
        this.listing = listing;
        this.calls = calls;
        this.json = json;
    }

    @Get(value = "/tools", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> tools(HttpRequest<?> request) {
        var descriptors = listing.visibleTo(calls.caller(request)).stream().map(ListedTool::mcpTool).toList();
        try {
            return HttpResponse.ok(json.writeValueAsString(descriptors)).contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Post(value = "/tool/{name}/call", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public Mono<MutableHttpResponse<String>> call(@PathVariable String name, HttpRequest<?> request,
                                                  @Nullable @Body String body) {
        return calls.call(name, request, body, Surface.REST).map(RestToolController::respond);
    }

    static MutableHttpResponse<String> respond(HttpToolCalls.Result result) {
        return switch (result) {
            case HttpToolCalls.Result.BadRequest bad -> HttpToolCalls.json(bad.status(), error(
                    bad.status() == HttpStatus.UNSUPPORTED_MEDIA_TYPE ? "unsupported_media_type"
                            : bad.status() == HttpStatus.BAD_REQUEST ? "invalid_json" : "invalid_arguments",
                    bad.message()));
            case HttpToolCalls.Result.Done done -> HttpToolCalls.respond(done.outcome(), (status, error) ->
                    error(error.failure().name().toLowerCase(Locale.ROOT), error.message()));
        };
    }

    private static Map<String, Object> error(String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return Map.of("error", error);
    }
}
