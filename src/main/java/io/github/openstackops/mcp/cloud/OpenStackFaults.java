package io.github.openstackops.mcp.cloud;

import io.github.openstackops.mcp.catalog.FaultTranslator;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.catalog.ToolException.Kind;
import io.github.openstackops.mcp.cloud.http.EndpointUnreachableException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.openstack4j.api.exceptions.AuthenticationException;
import org.openstack4j.api.exceptions.ConnectionException;
import org.openstack4j.api.exceptions.RegionEndpointNotFoundException;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.model.common.ActionResponse;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * What OpenStack faults mean for the caller. openstack4j reports them three ways: {@code null} from a get on 404
 * (services turn that into {@link #notFound}), a failed {@link ActionResponse} (see {@link #check}), and exceptions
 * for other 4xx/5xx and network failures (translated here, for every tool).
 */
@Singleton
public class OpenStackFaults implements FaultTranslator {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OpenStackFaults.class);
    private static final Pattern REQUEST_ID = Pattern.compile("X-Openstack-Request-Id=(req-[0-9a-f-]+)");
    private static final Map<String, String> SERVICE_NAMES = Map.of("compute", "Nova (compute)",
            "network", "Neutron (network)", "image", "Glance (image)", "orchestration", "Heat (orchestration)",
            "identity", "Keystone (identity)", "placement", "Placement", "load-balancer", "Octavia (load balancer)");

    private final CloudSession session;

    /** Names unreachable services from the catalog of the session's tokens. */
    @Inject
    public OpenStackFaults(CloudSession session) {
        this.session = session;
    }

    /** Without a session: an unreachable service is not named. */
    public OpenStackFaults() {
        this(null);
    }

    @Override
    public Optional<ToolException> translate(Throwable failure) {
        if (failure instanceof ToolException tool) {
            return Optional.of(tool);
        }
        if (failure instanceof CloudConfigurationException config) {
            return Optional.of(new ToolException(Kind.UNAVAILABLE, config.getMessage()));
        }
        if (failure instanceof RegionEndpointNotFoundException region) {
            return Optional.of(new ToolException(Kind.UNAVAILABLE, "The cloud's catalog has no such endpoint: "
                    + region.getMessage() + ". Check OS_REGION_NAME and OS_INTERFACE."));
        }
        if (failure instanceof ConnectionException connection) {
            return Optional.of(unreachable(connection));
        }
        if (failure instanceof AuthenticationException) {
            return Optional.of(new ToolException(Kind.UNAVAILABLE, "The cloud rejected this server's token (HTTP 401)"
                    + " even after a fresh authentication. Check that the user still has a role on the project."));
        }
        if (failure instanceof ResponseException response) {
            return Optional.of(fromStatus(response.getStatus(), response.getMessage(), requestId(response)));
        }
        return Optional.empty();
    }

    /** Throws the meaning of a failed action, e.g. "Cannot 'stop' instance while it is in vm_state stopped". */
    public static void check(ActionResponse response, String what) {
        if (response == null || response.isSuccess()) {
            return;
        }
        if (response.getCode() == 401) {
            throw new AuthenticationException(response.getFault(), 401);
        }
        ToolException e = fromStatus(response.getCode(), response.getFault(), null);
        throw new ToolException(e.kind(), "Could not " + what + ": " + e.getMessage());
    }

    /**
     * Runs one change; a fault becomes "Could not {what}: {meaning}" (the same sentence as {@link #check}). A 401 is
     * left to the session, which knows whether the change may be sent again.
     */
    public static <T> T attempt(String what, Supplier<T> change) {
        try {
            return change.get();
        } catch (ResponseException e) {
            if (e.getStatus() == 401 || e instanceof AuthenticationException) {
                throw e;
            }
            ToolException meaning = fromStatus(e.getStatus(), e.getMessage(), null);
            throw new ToolException(meaning.kind(), "Could not " + what + ": " + meaning.getMessage());
        }
    }

    public static ToolException notFound(String what) {
        return ToolException.notFound(what + " was not found (or is not visible to this project).");
    }

    static ToolException fromStatus(int status, String fault, String requestId) {
        String said = fault == null || fault.isBlank() ? "" : " " + fault.trim() + (fault.trim().endsWith(".") ? "" : ".");
        String ref = requestId == null ? "" : " (request " + requestId + ")";
        return switch (status) {
            case 400 -> new ToolException(Kind.CLOUD_ERROR, "OpenStack rejected the request as invalid (HTTP 400)."
                    + said + ref + " Adjust the arguments and try again.");
            case 403 -> new ToolException(Kind.FORBIDDEN, "OpenStack refused the request (HTTP 403)." + said + ref
                    + " The configured user lacks the role this needs (admin-only operations need an admin token).");
            case 404 -> new ToolException(Kind.NOT_FOUND, "OpenStack did not find it (HTTP 404)." + said + ref);
            case 409 -> new ToolException(Kind.CONFLICT, "The resource's current state does not allow this (HTTP 409)."
                    + said + ref + " Check its status, wait for pending tasks, and try again.");
            case 413 -> new ToolException(Kind.CONFLICT, "Over quota or too large (HTTP 413)." + said + ref
                    + " Free resources or ask for a higher quota.");
            case 429 -> new ToolException(Kind.CLOUD_ERROR, "The cloud is rate-limiting requests (HTTP 429)." + ref
                    + " Wait a moment and try again.");
            case 501 -> new ToolException(Kind.CLOUD_ERROR, "This cloud does not implement that operation (HTTP 501)."
                    + said + ref);
            case 503 -> new ToolException(Kind.UNAVAILABLE, "The service is unavailable (HTTP 503)." + said + ref
                    + " Try again later.");
            default -> status >= 500
                    ? new ToolException(Kind.CLOUD_ERROR, "The OpenStack API failed (HTTP " + status + ")." + said + ref
                    + " Try again later; if it persists, the cloud's service logs will say why.")
                    : new ToolException(Kind.CLOUD_ERROR, "OpenStack answered HTTP " + status + "." + said + ref);
        };
    }

    private ToolException unreachable(ConnectionException e) {
        String why = networkCause(e);
        if (e.getCause() instanceof UnknownHostException) {
            why += " (the OS_*_PORT overrides with OS_AUTH_HOST can redirect catalog endpoints)";
        }
        // the address is logged for the operator; callers are not told where the cloud's endpoints live
        LOG.warn("{} could not be reached: {}", serviceName(e), e.getMessage());
        return new ToolException(Kind.UNAVAILABLE, serviceName(e) + " could not be reached: " + why
                + ". Try again once it is back.");
    }

    /** "Nova (compute)" for the service behind the endpoint that failed, from the endpoints the session resolved. */
    private String serviceName(ConnectionException e) {
        if (session == null || !(e instanceof EndpointUnreachableException unreachable)) {
            return "An OpenStack service";
        }
        return session.serviceTypeOf(unreachable.url()).map(OpenStackFaults::serviceName)
                .orElse("An OpenStack service");
    }

    static String serviceName(String type) {
        if (type.startsWith("volume") || type.equals("block-storage")) {
            return "Cinder (block storage)";
        }
        return SERVICE_NAMES.getOrDefault(type, "The " + type + " service");
    }

    /**
     * Why a connection failed, as a clause to follow "unreachable: " or "could not be reached: ": TLS, DNS, refused,
     * timeout, or the name of another network error. Takes the {@link ConnectionException} itself or its cause.
     */
    public static String networkCause(Throwable failure) {
        Throwable cause = failure instanceof ConnectionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof SSLException) {
            return "the TLS certificate could not be verified; set OS_CACERT to the CA bundle that signed it";
        }
        if (cause instanceof UnknownHostException) {
            return "the host name does not resolve";
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return "the connection was refused (is the service up?)";
        }
        if (cause instanceof SocketTimeoutException) {
            return "it did not answer in time";
        }
        return "of a network error";
    }

    private static String requestId(ResponseException e) {
        Matcher m = REQUEST_ID.matcher(String.valueOf(e));
        return m.find() ? m.group(1) : null;
    }
}
