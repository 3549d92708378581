package io.github.openstackops.mcp.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.openstackops.mcp.auth.CallerResolver;
import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolInvoker;
import io.github.openstackops.mcp.catalog.ToolListing;
import io.github.openstackops.mcp.catalog.ToolOutcome;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What the HTTP tool surfaces (OpenAPI tool server, REST contract) share: reading the JSON arguments of a call,
 * knowing the caller, handing the call to the one {@link ToolInvoker} (the same gate, validation, confirmation, audit
 * and rate limit as MCP), and the HTTP status of each outcome. Each surface only shapes the error body.
 */
@Singleton
public class HttpToolCalls {

    /** Writes every HTTP body of these surfaces. */
    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final ToolListing listing;
    private final CallerResolver callers;

    public HttpToolCalls(ToolListing listing, CallerResolver callers) {
        this.listing = listing;
        this.callers = callers;
    }

    /** A call's result: the outcome, or a request the surface refuses before calling (bad JSON, wrong media type). */
    public sealed interface Result {
        record Done(ToolOutcome outcome) implements Result {
        }

        record BadRequest(HttpStatus status, String message) implements Result {
        }
    }

    /** The caller of a request ({@link CallerResolver#resolve(HttpRequest)}). */
    public Caller caller(HttpRequest<?> request) {
        return callers.resolve(request);
    }

    /** Runs the named tool with the request's JSON body as arguments, off the event loop. */
    public Mono<Result> call(String tool, HttpRequest<?> request, @Nullable String body, Surface surface) {
        boolean empty = body == null || body.isBlank();
        if (!empty && !isJson(request)) {
            return Mono.just(new Result.BadRequest(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Send the arguments as a JSON object with Content-Type: application/json."));
        }
        Map<String, Object> arguments;
        if (empty) {
            arguments = Map.of();
        } else {
            JsonNode node;
            try {
                node = JSON.readTree(body);
            } catch (JsonProcessingException e) {
                // a limit (nesting depth, say) has no location
                String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
                return Mono.just(new Result.BadRequest(HttpStatus.BAD_REQUEST, "The request body is not valid JSON"
                        + where + ", or is nested too deeply. Send the arguments as one JSON object."));
            }
            if (node == null || node.isNull()) {
                arguments = Map.of();
            } else if (!node.isObject()) {
                return Mono.just(new Result.BadRequest(HttpStatus.UNPROCESSABLE_ENTITY,
                        "The request body must be a JSON object of arguments, e.g. {\"limit\": 10}."));
            } else {
                arguments = JSON.convertValue(node, MAP);
            }
        }
        ToolContext context = ToolContext.quiet(caller(request), surface);
        return Mono.fromFuture(() -> listing.submit(tool, arguments, context)).map(Result.Done::new);
    }

    /** The HTTP status of an outcome: 200, 404 unknown or unavailable, 422 invalid, 429 limited, 504, 500. */
    public static HttpStatus status(ToolOutcome outcome) {
        return switch (outcome) {
            case ToolOutcome.Success success -> HttpStatus.OK;
            case ToolOutcome.Error error -> switch (error.failure()) {
                case UNKNOWN_TOOL, NOT_PERMITTED -> HttpStatus.NOT_FOUND;
                case INVALID_ARGUMENTS -> HttpStatus.UNPROCESSABLE_ENTITY;
                case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
                case TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
                case TOOL_ERROR, INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
            };
        };
    }

    /**
     * The HTTP answer to an outcome on a tool surface: the outcome's status, the success's JSON or the surface's own
     * error body, and Retry-After when the outcome says when to retry.
     */
    static MutableHttpResponse<String> respond(ToolOutcome outcome,
                                               BiFunction<HttpStatus, ToolOutcome.Error, Object> errorBody) {
        HttpStatus status = status(outcome);
        MutableHttpResponse<String> response = json(status, switch (outcome) {
            case ToolOutcome.Success success -> success.structured();
            case ToolOutcome.Error error -> errorBody.apply(status, error);
        });
        String retry = retryAfter(outcome);
        return retry == null ? response : response.header(HttpHeaders.RETRY_AFTER, retry);
    }

    static MutableHttpResponse<String> json(HttpStatus status, Object body) {
        return HttpResponse.<String>status(status).body(write(body)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** Seconds for a Retry-After header, when the outcome says when to retry. */
    @Nullable
    private static String retryAfter(ToolOutcome outcome) {
        if (outcome instanceof ToolOutcome.Error error && error.retryAfter() != null) {
            Duration wait = error.retryAfter();
            return Long.toString(Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0)));
        }
        return null;
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isJson(HttpRequest<?> request) {
        String type = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        String base = type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return base.equals(MediaType.APPLICATION_JSON) || base.endsWith("+json");
    }
}
