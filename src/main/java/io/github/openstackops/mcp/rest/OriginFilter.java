package io.github.openstackops.mcp.rest;

import io.github.openstackops.mcp.transport.McpServerFactory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Browser access to the OpenAPI tool server and the REST contract (the MCP endpoint has its own Origin check). A
 * request from a browser Origin that is not allowed (CORS_ALLOWED_ORIGINS, loopback by default) is refused with 403
 * before anything runs, which also defeats DNS rebinding against an unauthenticated server; an allowed Origin gets
 * CORS headers, and its preflight is answered here, before authentication (a preflight carries no token). With
 * authentication on, the server's own origin (the docs page) is allowed too. Requests without an Origin (servers,
 * command-line clients) pass untouched.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
@Requires(property = McpServerFactory.TRANSPORT, value = "streamable-http")
public class OriginFilter implements HttpServerFilter {

    private static final Set<String> OTHER_ROOTS = Set.of("mcp", "health", ".well-known");

    private final CorsSettings cors;
    private final boolean authRequired;

    public OriginFilter(CorsSettings cors, @Value("${micronaut.security.enabled:false}") boolean authRequired) {
        this.cors = cors;
        this.authRequired = authRequired;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before(); // before authentication: preflights carry no token
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null || !covers(request.getPath())) {
            return chain.proceed(request);
        }
        if (!allowed(origin, request)) {
            return Mono.just(HttpResponse.status(HttpStatus.FORBIDDEN)
                    .body("{\"detail\":{\"message\":\"Origin not allowed: add it to CORS_ALLOWED_ORIGINS\"}}")
                    .contentType(MediaType.APPLICATION_JSON_TYPE));
        }
        boolean preflight = request.getMethod() == HttpMethod.OPTIONS
                && request.getHeaders().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        if (preflight) {
            return Mono.just(corsHeaders(HttpResponse.noContent(), origin)
                    .header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS")
                    .header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Authorization, Content-Type")
                    .header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600"));
        }
        return Mono.from(chain.proceed(request)).map(response -> corsHeaders(response, origin));
    }

    private static <T> MutableHttpResponse<T> corsHeaders(MutableHttpResponse<T> response, String origin) {
        return response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                .header(HttpHeaders.VARY, HttpHeaders.ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "Retry-After");
    }

    /**
     * Every path but /mcp (which checks MCP_ALLOWED_ORIGINS itself), /health and the OAuth metadata: the OpenAPI tool
     * server and the REST contract however the path is spelt (the router forgives a trailing slash or a doubled one,
     * so this must too), and any path that leads nowhere.
     */
    boolean covers(String path) {
        String first = "";
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                first = segment.toLowerCase(Locale.ROOT);
                break;
            }
        }
        return !OTHER_ROOTS.contains(first);
    }

    private boolean allowed(String origin, HttpRequest<?> request) {
        if (cors.allows(origin)) {
            return true;
        }
        // the docs page calls its own server; safe only when a token is required (else DNS rebinding could pose as it)
        return authRequired && sameOrigin(origin, request.getHeaders().get(HttpHeaders.HOST));
    }

    private static boolean sameOrigin(String origin, @Nullable String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            return uri.getRawAuthority() != null && uri.getRawAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
