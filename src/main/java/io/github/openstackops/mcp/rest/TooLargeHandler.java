package io.github.openstackops.mcp.rest;

import io.github.openstackops.mcp.transport.McpServerFactory;
import io.github.openstackops.mcp.transport.SurfaceErrors;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * A request body over MCP_MAX_REQUEST_SIZE: 413 in each surface's own error shape (a JSON-RPC error on /mcp), saying
 * what the limit is.
 */
@Produces
@Singleton
@Replaces(ContentLengthExceededHandler.class)
@Requires(property = McpServerFactory.TRANSPORT, value = "streamable-http")
public class TooLargeHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {

    static final java.util.function.Function<HttpRequest<?>, HttpResponse<?>> ANSWER = request ->
            SurfaceErrors.answer(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, -32600, "too_large",
                    "The request body is larger than this server accepts (MCP_MAX_REQUEST_SIZE); send less.");

    @Override
    public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException exception) {
        return ANSWER.apply(request);
    }
}
