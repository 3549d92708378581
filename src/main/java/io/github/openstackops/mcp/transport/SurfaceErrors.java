package io.github.openstackops.mcp.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP error in the shape of the surface the request went to: a JSON-RPC error on /mcp, {@code {"error"}} on the
 * REST contract, {@code {"detail"}} on the OpenAPI tool server. Used where a request is answered before it reaches
 * its surface (a filter, an exception handler).
 */
public final class SurfaceErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SurfaceErrors() {
    }

    /**
     * @param rpcCode the JSON-RPC error code for /mcp
     * @param code    the REST contract's error code (e.g. "unauthorized")
     * @param message the sentence the caller reads
     */
    public static MutableHttpResponse<String> answer(HttpRequest<?> request, HttpStatus status, int rpcCode,
                                                     String code, String message) {
        String path = request.getPath();
        Object body;
        if (path.startsWith("/mcp")) {
            Map<String, Object> rpc = new LinkedHashMap<>();
            rpc.put("jsonrpc", "2.0");
            rpc.put("id", null);
            rpc.put("error", Map.of("code", rpcCode, "message", message));
            body = rpc;
        } else if (path.startsWith("/tool")) {
            body = Map.of("error", Map.of("code", code, "message", message));
        } else {
            body = Map.of("detail", Map.of("message", message));
        }
        try {
            return HttpResponse.status(status).body(JSON.writeValueAsString(body))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
