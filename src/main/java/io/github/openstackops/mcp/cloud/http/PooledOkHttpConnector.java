package io.github.openstackops.mcp.cloud.http;

import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudTelemetry;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;
import org.openstack4j.connectors.okhttp.HttpResponseImpl;
import org.openstack4j.core.transport.ClientConstants;
import org.openstack4j.core.transport.Config;
import org.openstack4j.core.transport.HttpExecutorService;
import org.openstack4j.core.transport.HttpMethod;
import org.openstack4j.core.transport.HttpRequest;
import org.openstack4j.core.transport.HttpResponse;
import org.openstack4j.core.transport.ObjectMapperSingleton;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * openstack4j's okhttp connector, with one shared, pooled {@link OkHttpClient} per connection configuration instead
 * of a new client and a new TCP/TLS connection for every request, with a trust manager that works on JDK 21+ for
 * OS_CACERT, and without openstack4j's silent re-authentication on 401 (the session layer owns authentication).
 * Registered through {@code META-INF/services} ahead of the stock connector.
 */
public final class PooledOkHttpConnector implements HttpExecutorService {

    private static final Map<Config, OkHttpClient> CLIENTS = new ConcurrentHashMap<>();
    private static final Map<SSLContext, X509TrustManager> TRUST = new ConcurrentHashMap<>();
    private static final ConnectionPool POOL = new ConnectionPool(32, 2, TimeUnit.MINUTES);
    /** Per thread: how many requests other than GET/HEAD it has sent (see {@link #writesSent()}). */
    private static final ThreadLocal<long[]> WRITES = ThreadLocal.withInitial(() -> new long[1]);
    private static final byte[] EMPTY = new byte[0];

    /** Makes {@code trustManager} the one used with {@code context} (okhttp needs both). */
    public static void registerTrust(SSLContext context, X509TrustManager trustManager) {
        TRUST.put(context, trustManager);
    }

    /**
     * How many requests other than GET and HEAD this thread has sent so far (counted before sending: a write may take
     * effect even when its answer is lost). The difference between two readings tells whether anything that may have
     * changed the cloud went out in between, e.g. before deciding whether a call may be repeated.
     */
    public static long writesSent() {
        return WRITES.get()[0];
    }

    @Override
    public <R> HttpResponse execute(HttpRequest<R> request) {
        Config config = request.getConfig() == null ? Config.DEFAULT : request.getConfig();
        OkHttpClient client = CLIENTS.computeIfAbsent(config, PooledOkHttpConnector::build);
        refuseDotSegments(request.getUrl());
        Request.Builder builder = new Request.Builder().url(request.getUrl());
        if (request.hasHeaders()) {
            request.getHeaders().forEach((name, value) -> {
                if (!ClientConstants.HEADER_OS4J_AUTH.equals(name)) {
                    builder.addHeader(name, String.valueOf(value));
                }
            });
        }
        try {
            builder.method(request.getMethod().name(), body(request));
            HttpMethod method = request.getMethod();
            if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
                WRITES.get()[0]++;
            }
            long start = System.nanoTime();
            Response response;
            try {
                response = client.newCall(builder.build()).execute();
            } catch (IOException e) {
                CloudTelemetry.request(request.getUrl(), method.name(), 0, start);
                throw e;
            }
            CloudTelemetry.request(request.getUrl(), method.name(), response.code(), start);
            OpenStackRequestIds.record(response.header("X-Openstack-Request-Id"));
            OpenStackRequestIds.record(response.header("X-Compute-Request-Id"));
            return HttpResponseImpl.wrap(response);
        } catch (IOException e) {
            throw new EndpointUnreachableException(e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage(), request.getUrl(), e);
        }
    }

    /**
     * The backstop behind {@code Json.segment}: whoever built the URL, a dot segment ({@code .}, {@code ..}, also
     * percent-encoded) never leaves this process. okhttp would resolve it, so {@code …/os-keypairs/.} would read the
     * collection instead of one key pair.
     */
    static void refuseDotSegments(String url) {
        int scheme = url.indexOf("://");
        int pathStart = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        if (pathStart < 0) {
            return;
        }
        int end = url.length();
        for (char c : new char[] {'?', '#'}) {
            int at = url.indexOf(c, pathStart);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        for (String segment : url.substring(pathStart, end).split("/", -1)) {
            String decoded = segment.replaceAll("(?i)%2e", ".");
            if (decoded.equals(".") || decoded.equals("..")) {
                throw ToolException.invalid("A name or id cannot be '.' or '..': it would address another resource"
                        + " than the one named. Give the resource's id or its real name.");
            }
        }
    }

    private static RequestBody body(HttpRequest<?> request) throws IOException {
        Object entity = request.getEntity();
        if (entity instanceof InputStream stream) {
            return streaming(contentType(request), stream);
        }
        if (entity != null) {
            String json = ObjectMapperSingleton.getContext(entity.getClass()).writer().writeValueAsString(entity);
            return RequestBody.create(contentType(request), json);
        }
        if (request.hasJson()) {
            return RequestBody.create(contentType(request), request.getJson());
        }
        HttpMethod method = request.getMethod();
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH
                ? RequestBody.create(null, EMPTY) : null;
    }

    /**
     * The body's media type: an explicit Content-Type header wins over the request's default (JSON). okhttp sends
     * the body's type and drops the header, so without this Glance's JSON-patch updates
     * ({@code application/openstack-images-v2.1-json-patch}) went out as {@code application/json} and got HTTP 415.
     */
    private static MediaType contentType(HttpRequest<?> request) {
        if (request.hasHeaders()) {
            for (Map.Entry<String, Object> header : request.getHeaders().entrySet()) {
                if ("Content-Type".equalsIgnoreCase(header.getKey()) && header.getValue() != null) {
                    return MediaType.parse(String.valueOf(header.getValue()));
                }
            }
        }
        return MediaType.parse(request.getContentType());
    }

    /**
     * A binary upload (e.g. image data) streamed from its source rather than read into memory first: images are
     * gigabytes. Sent once (no transparent retry can replay it), with its length when the source is a file.
     */
    private static RequestBody streaming(MediaType type, InputStream stream) {
        long length = -1;
        if (stream instanceof FileInputStream file) {
            try {
                length = file.getChannel().size() - file.getChannel().position();
            } catch (IOException e) {
                length = -1;
            }
        }
        long contentLength = length;
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return type;
            }

            @Override
            public long contentLength() {
                return contentLength;
            }

            @Override
            public boolean isOneShot() {
                return true;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                try (stream; Source source = Okio.source(stream)) {
                    sink.writeAll(source);
                }
            }
        };
    }

    private static OkHttpClient build(Config config) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder().connectionPool(POOL).retryOnConnectionFailure(true);
        if (config.getConnectTimeout() > 0) {
            builder.connectTimeout(Duration.ofMillis(config.getConnectTimeout()));
        }
        if (config.getReadTimeout() > 0) {
            builder.readTimeout(Duration.ofMillis(config.getReadTimeout()));
        }
        if (config.isIgnoreSSLVerification()) {
            TrustAll trustAll = TrustAll.INSTANCE;
            builder.sslSocketFactory(trustAll.context().getSocketFactory(), trustAll.manager());
            builder.hostnameVerifier((host, session) -> true);
        } else if (config.getSslContext() != null) {
            X509TrustManager manager = TRUST.get(config.getSslContext());
            if (manager == null) {
                throw new IllegalStateException("an SSLContext was configured without its trust manager");
            }
            builder.sslSocketFactory(config.getSslContext().getSocketFactory(), manager);
        }
        HostnameVerifier verifier = config.getHostNameVerifier();
        if (verifier != null && !config.isIgnoreSSLVerification()) {
            builder.hostnameVerifier(verifier);
        }
        return builder.build();
    }

    @Override
    public String getExecutorDisplayName() {
        return "openstack-ops-mcp pooled OkHttp connector";
    }
}
