package io.github.openstackops.mcp.rest;

import io.github.openstackops.mcp.transport.McpServerFactory;
import io.github.openstackops.mcp.transport.SurfaceErrors;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * The last word on an HTTP request that failed in a way nothing else handled: a 500 whose body says what happened in
 * each surface's own error shape (JSON-RPC on /mcp, {@code {"error"}} on the REST contract, {@code {"detail"}} on the
 * OpenAPI tool server) with a reference into the server log, never the exception's message, which can name Java
 * classes or internal addresses. Failures Micronaut or the security layer know (401, 403, 413, ...) keep their own
 * handlers, which are more specific than this one.
 */
@Produces
@Singleton
@Requires(property = McpServerFactory.TRANSPORT, value = "streamable-http")
public class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof io.micronaut.http.exceptions.ContentLengthExceededException) {
                return TooLargeHandler.ANSWER.apply(request); // a body over the limit, wrapped on its way here
            }
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("{} {} failed unexpectedly (reference {})", request.getMethod(), request.getPath(), reference, exception);
        return SurfaceErrors.answer(request, HttpStatus.INTERNAL_SERVER_ERROR, -32603, "internal",
                "The server failed unexpectedly (reference " + reference + " in the server log).");
    }
}
