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
import org.openstack4j.openstack.internal.OSClientSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Plain JSON calls for what openstack4j does not model (newer microversions, APIs it lacks), with everything else
 * the same as every other call: the cached token, the catalog endpoint (and its OS_*_PORT override), region,
 * interface, TLS, the pooled connector, one retry with a fresh token on 401, and faults thrown as openstack4j
 * {@link ResponseException}s that {@link OpenStackFaults} turns into sentences.
 */
@Singleton
public class CloudApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudSession session;

    public CloudApi(CloudSession session) {
        this.session = session;
    }

    /** The header selecting a Nova microversion, e.g. {@code nova("2.79")}. */
    public static Map<String, String> nova(String microversion) {
        return Map.of("X-OpenStack-Nova-API-Version", microversion);
    }

    /** The header selecting a Cinder microversion, e.g. {@code volume("3.60")}. */
    public static Map<String, String> volume(String microversion) {
        return Map.of("OpenStack-API-Version", "volume " + microversion);
    }

    public JsonNode get(ServiceType service, String path, Map<String, ?> query, Map<String, String> headers) {
        return send(HttpMethod.GET, service, path, query, null, headers);
    }

    /**
     * One call. {@code path} is relative to the service's catalog endpoint (e.g. "/os-hypervisors/detail" for
     * compute, "/v2.0/network-ip-availabilities" for network); {@code body} is serialised as JSON.
     *
     * @return the parsed response, {@link MissingNode} when it has no body
     */
    public JsonNode send(HttpMethod method, ServiceType service, String path, @Nullable Map<String, ?> query,
                         @Nullable Object body, @Nullable Map<String, String> headers) {
        return session.call(os -> exchange(os, method, service, path, query, body, headers));
    }

    private static JsonNode exchange(OSClientV3 os, HttpMethod method, ServiceType service, String path,
                                     @Nullable Map<String, ?> query, @Nullable Object body,
                                     @Nullable Map<String, String> headers) {
        OSClientSession<?, ?> current = (OSClientSession<?, ?>) os;
        String endpoint = ((OSClientSession.OSClientSessionV3) current).getEndpoint(service);
        HttpRequest.RequestBuilder<Void> request = HttpRequest.builder().method(method).endpoint(endpoint).path(path)
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
     * (Nova, Cinder), {"NeutronError": {"message"}}, {"error": {"message"}} (Keystone, Heat), or plain text.
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
