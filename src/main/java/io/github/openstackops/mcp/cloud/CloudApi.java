package io.github.openstackops.mcp.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.core.transport.ClientConstants;
import org.openstack4j.core.transport.HttpMethod;
import org.openstack4j.core.transport.HttpRequest;
import org.openstack4j.core.transport.HttpResponse;
import org.openstack4j.core.transport.internal.HttpExecutor;
import org.openstack4j.model.common.Payload;
import org.openstack4j.model.common.Payloads;
import org.openstack4j.openstack.internal.OSClientSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;


/**
 * The one way a request reaches an OpenStack service: a JSON call on the cached token, to the catalog endpoint (and
 * its OS_*_PORT override) for the configured region and interface, over the pooled connector, with one retry with a
 * fresh token on 401, and faults thrown as openstack4j {@link ResponseException}s that {@link OpenStackFaults} turns
 * into sentences. Feature code does not call it: it calls the client of its service in
 * {@link io.github.openstackops.mcp.cloud.services}, which adds the version path, microversion headers, paging and
 * what "not found" means for that service.
 */
@Singleton
public class CloudApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudSession session;

    public CloudApi(CloudSession session) {
        this.session = session;
    }

    /**
     * One call. {@code path} is relative to the service's API version: when {@code version} is given (e.g. "/v2.0")
     * and the catalog endpoint does not already end in it, it is put in front of the path (catalogs list Neutron,
     * Glance and Keystone with or without it). {@code body} is serialised as JSON.
     *
     * @return the parsed response, {@link MissingNode} when it has no body
     */
    public JsonNode send(HttpMethod method, ServiceType service, @Nullable String version, String path,
                         @Nullable Map<String, ?> query, @Nullable Object body, @Nullable Map<String, String> headers) {
        return session.call(os -> exchange(os, method, service, version, path, query, body, null, headers));
    }

    /**
     * A PUT of raw data ({@code application/octet-stream}), streamed as it is read: image data staged for an import.
     * The stream cannot be sent twice, so a call that fails is not repeated.
     */
    public JsonNode putStream(ServiceType service, @Nullable String version, String path, InputStream data) {
        return session.call(os -> exchange(os, HttpMethod.PUT, service, version, path, null, null,
                Payloads.create(data), null));
    }

    /** The endpoint the session resolves for a service: the catalog's, or its OS_*_PORT override. */
    @Nullable
    public String endpoint(ServiceType service) {
        return session.call(os -> endpoint(os, service));
    }

    /** The one place an endpoint is resolved: the session's catalog, region, interface and port overrides. */
    @Nullable
    private static String endpoint(OSClientV3 os, ServiceType service) {
        return ((OSClientSession.OSClientSessionV3) os).getEndpoint(service);
    }

    /** The path under {@code endpoint} for a path given without the version. */
    static String versioned(@Nullable String endpoint, @Nullable String version, String path) {
        if (version == null) {
            return path;
        }
        String base = endpoint == null ? "" : endpoint.replaceAll("/+$", "");
        return base.endsWith(version) ? path : version + path;
    }

    private static JsonNode exchange(OSClientV3 os, HttpMethod method, ServiceType service, @Nullable String version,
                                     String path, @Nullable Map<String, ?> query, @Nullable Object body,
                                     @Nullable Payload<?> data, @Nullable Map<String, String> headers) {
        OSClientSession<?, ?> current = (OSClientSession<?, ?>) os;
        String endpoint = endpoint(os, service);
        HttpRequest.RequestBuilder<Void> request = HttpRequest.builder().method(method).endpoint(endpoint)
                .path(versioned(endpoint, version, path))
                .config(current.getConfig()).header(ClientConstants.HEADER_X_AUTH_TOKEN, current.getTokenId())
                .header("Accept", "application/json");
        if (query != null) {
            query.forEach((k, v) -> {
                if (v instanceof Iterable<?> values) {
                    values.forEach(value -> request.queryParam(k, value));
                } else if (v != null) {
                    request.queryParam(k, v);
                }
            });
        }
        if (headers != null) {
            headers.forEach(request::header);
        }
        if (body != null) {
            try {
                request.json(JSON.writeValueAsString(body));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (data != null) {
            request.entity(data).contentType("application/octet-stream");
        }
        HttpResponse response = HttpExecutor.create().execute(request.build());
        try {
            String text = read(response);
            if (response.getStatus() >= 400) {
                ResponseException e = ResponseException.mapException(faultMessage(text), response.getStatus(), null);
                e.setRequestId(response.header("X-Openstack-Request-Id"));
                throw e;
            }
            return text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                response.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }

    private static String read(HttpResponse response) throws IOException {
        try (InputStream in = response.getInputStream()) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The human message of an OpenStack error body, whatever the service's shape: {"itemNotFound": {"message"}}
     * (Nova, Cinder), {"NeutronError": {"message"}}, {"error": {"message"}} (Keystone, Heat), {"faultstring"}
     * (Octavia), {"errors": [{"detail"}]} (Placement: the detail's last paragraph says what is wrong), or plain text.
     */
    static String faultMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root.has("message") && root.get("message").isTextual()) {
                return root.get("message").asText();
            }
            if (root.has("faultstring") && root.get("faultstring").isTextual()) {
                return root.get("faultstring").asText();
            }
            JsonNode detail = root.path("errors").path(0).path("detail");
            if (detail.isTextual()) {
                String text = detail.asText().trim();
                return text.substring(text.lastIndexOf("\n\n") + 1).trim();
            }
            for (Iterator<JsonNode> it = root.elements(); it.hasNext(); ) {
                JsonNode inner = it.next();
                if (inner.has("message")) {
                    return inner.get("message").asText();
                }
            }
            if (root.has("explanation")) {
                return root.get("explanation").asText();
            }
            return "";
        } catch (IOException notJson) {
            String text = body.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
            return text.length() > 300 ? text.substring(0, 300) + "…" : text;
        }
    }
}
