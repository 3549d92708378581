package io.github.openstackops.mcp.auth;

import io.github.openstackops.mcp.catalog.OpenStackCredential;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.TokenScope;
import io.github.openstackops.mcp.transport.McpServerFactory;
import io.github.openstackops.mcp.transport.SurfaceErrors;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Optional;

/**
 * Per-caller OpenStack identity on every HTTP tool surface ({@code OS_IDENTITY_MODE}): a caller may present a
 * Keystone application credential in {@value #ID_HEADER} and {@value #SECRET_HEADER}; it is checked with Keystone
 * (once, then its token is cached by a hash of the credential) after authentication and before the request reaches
 * MCP, the OpenAPI tool server or the REST contract, and {@link CallerResolver} attaches it to the caller, so the
 * call runs with its token. A rejected credential gets 401 with a sentence; a missing one in mode caller 401; one
 * sent to a server in mode service 400 (it would otherwise act, unknown to the caller, as the server). The secret is
 * never logged, audited or echoed. /health, the OAuth metadata and the docs page need no credential.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
@Requires(property = McpServerFactory.TRANSPORT, value = "streamable-http")
public class CallerIdentityFilter implements HttpServerFilter {

    public static final String ID_HEADER = "X-OpenStack-Application-Credential-Id";
    public static final String SECRET_HEADER = "X-OpenStack-Application-Credential-Secret";
    /** The request attribute holding the verified {@link OpenStackCredential}. */
    static final String ATTRIBUTE = "openstack-ops.credential";

    private static final Logger LOG = LoggerFactory.getLogger(CallerIdentityFilter.class);

    private final IdentityMode mode;
    private final CloudSession session;

    public CallerIdentityFilter(@Value("${" + IdentityMode.PROPERTY + ":service}") String mode, CloudSession session) {
        this.mode = IdentityMode.parse(mode);
        this.session = session;
        if (this.mode != IdentityMode.SERVICE) {
            LOG.info("OS_IDENTITY_MODE={}: HTTP callers {} their own Keystone application credential ({}, {})",
                    this.mode.id(), this.mode == IdentityMode.CALLER ? "must present" : "may present", ID_HEADER,
                    SECRET_HEADER);
        }
    }

    /** The verified credential the filter attached to this request, if any. */
    static Optional<OpenStackCredential> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, OpenStackCredential.class);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after(); // only authenticated callers get Keystone to check a credential
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (exempt(request)) {
            return chain.proceed(request);
        }
        String id = request.getHeaders().get(ID_HEADER);
        String secret = request.getHeaders().get(SECRET_HEADER);
        boolean presented = id != null || secret != null;
        if (!presented) {
            return mode == IdentityMode.CALLER
                    ? Mono.just(refuse(request, HttpStatus.UNAUTHORIZED, "This server acts in OpenStack with each"
                    + " caller's own identity (OS_IDENTITY_MODE=caller): send your Keystone application credential"
                    + " in the " + ID_HEADER + " and " + SECRET_HEADER + " headers."))
                    : chain.proceed(request);
        }
        if (mode == IdentityMode.SERVICE) {
            return Mono.just(refuse(request, HttpStatus.BAD_REQUEST, "This server acts in OpenStack with its own"
                    + " identity (OS_IDENTITY_MODE=service) and does not take application credentials: remove the "
                    + ID_HEADER + " and " + SECRET_HEADER + " headers, or ask the operator for OS_IDENTITY_MODE=caller"
                    + " or both."));
        }
        if (id == null || id.isBlank() || secret == null || secret.isEmpty()) {
            return Mono.just(refuse(request, HttpStatus.UNAUTHORIZED, "An application credential needs both headers: "
                    + ID_HEADER + " (its id) and " + SECRET_HEADER + " (its secret)."));
        }
        OpenStackCredential credential = OpenStackCredential.presented(id.trim(), secret);
        return Mono.fromCallable(() -> session.verify(credential))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(scope -> {
                    request.setAttribute(ATTRIBUTE, credential.verified(holdsAdmin(scope)));
                    return Mono.from(chain.proceed(request));
                })
                .onErrorResume(ToolException.class, e -> Mono.just(e instanceof CloudSession.CredentialRejected
                        ? refuse(request, HttpStatus.UNAUTHORIZED, e.getMessage())
                        : refuse(request, HttpStatus.SERVICE_UNAVAILABLE, "The " + credential + " could not be checked"
                        + " with Keystone: " + e.getMessage())));
    }

    private static boolean holdsAdmin(TokenScope scope) {
        return scope.roles().stream().anyMatch("admin"::equalsIgnoreCase);
    }

    /** Endpoints that never reach the cloud: health, OAuth metadata, the docs page, CORS preflights. */
    private static boolean exempt(HttpRequest<?> request) {
        String path = request.getPath();
        return request.getMethod() == HttpMethod.OPTIONS || path.equals("/health") || path.startsWith("/health/")
                || path.startsWith("/.well-known/") || path.endsWith("/docs");
    }

    /** The refusal in the error shape of the surface the request was for. */
    private static MutableHttpResponse<?> refuse(HttpRequest<?> request, HttpStatus status, String message) {
        String code = status == HttpStatus.UNAUTHORIZED ? "unauthorized"
                : status == HttpStatus.BAD_REQUEST ? "bad_request" : "unavailable";
        return SurfaceErrors.answer(request, status, -32600, code, message);
    }

    @Override
    public String toString() {
        return "CallerIdentityFilter[" + mode.id() + "]";
    }
}
