package io.github.openstackops.mcp.rest;

import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.ListedTool;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.catalog.ToolListing;
import io.github.openstackops.mcp.transport.McpServerFactory;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAPI tool server, natively (what mcpo produces from an MCP server): {@code GET {base}/openapi.json}, the
 * document of the caller's effective catalog, and {@code POST {base}/<tool>}, JSON arguments in, the tool's structured
 * result out. Errors as mcpo maps them: tool error 500 {@code {"detail": {"message": ...}}}, invalid arguments 422,
 * unknown or unavailable tool 404, bad JSON 400, too many calls 429 with Retry-After. DESTRUCTIVE tools keep their two
 * steps: the preview envelope is the 200 body, and the caller repeats the call with {@code confirm}.
 */
@Context
@Controller("${" + OpenApiSettings.PREFIX + ".base-path:" + OpenApiSettings.DEFAULT_BASE_PATH + "}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Requires(property = McpServerFactory.TRANSPORT, value = "streamable-http")
public class OpenApiController {

    private static final Logger LOG = LoggerFactory.getLogger(OpenApiController.class);

    private final ToolListing listing;
    private final HttpToolCalls calls;
    private final OpenApiSettings settings;
    private final boolean authRequired;
    /** The document depends on the caller only through what they may see: one per visible tool set. */
    private final Map<List<String>, String> documents = new ConcurrentHashMap<>();

    public OpenApiController(ToolListing listing, HttpToolCalls calls, OpenApiSettings settings,
                             @Value("${micronaut.security.enabled:false}") boolean authRequired) {
        this.listing = listing;
        this.calls = calls;
        this.settings = settings;
        this.authRequired = authRequired;
        LOG.info("OpenAPI tool server at {}/openapi.json (docs at {}/docs)", settings.basePath(), settings.basePath());
    }

    @Get(value = "/openapi.json", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> document(HttpRequest<?> request) {
        Caller caller = calls.caller(request);
        List<ListedTool> tools = listing.visibleTo(caller);
        String body = documents.computeIfAbsent(tools.stream().map(t -> t.name() + ":" + t.description().hashCode()).toList(),
                names -> HttpToolCalls.write(OpenApiDocument.build(tools, settings, authRequired)));
        return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store");
    }

    @Post(value = "/{tool}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public Mono<MutableHttpResponse<String>> call(@PathVariable String tool, HttpRequest<?> request,
                                                  @Nullable @Body String body) {
        return calls.call(tool, request, body, Surface.OPENAPI).map(OpenApiController::respond);
    }

    static MutableHttpResponse<String> respond(HttpToolCalls.Result result) {
        return switch (result) {
            case HttpToolCalls.Result.BadRequest bad -> HttpToolCalls.json(bad.status(),
                    bad.status() == HttpStatus.UNPROCESSABLE_ENTITY ? validation(bad.message()) : detail(bad.message()));
            case HttpToolCalls.Result.Done done -> HttpToolCalls.respond(done.outcome(), (status, error) ->
                    status == HttpStatus.UNPROCESSABLE_ENTITY ? validation(error.message()) : detail(error.message()));
        };
    }

    /** mcpo's error body: {@code {"detail": {"message": "..."}}}. */
    private static Map<String, Object> detail(String message) {
        return Map.of("detail", Map.of("message", message));
    }

    /** FastAPI's validation error body, with the tool's own sentence as the message. */
    private static Map<String, Object> validation(String message) {
        return Map.of("detail", List.of(Map.of("loc", List.of("body"), "msg", message, "type", "value_error")));
    }
}
