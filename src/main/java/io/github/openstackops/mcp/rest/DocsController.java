package io.github.openstackops.mcp.rest;

import io.github.openstackops.mcp.ServerInfo;
import io.github.openstackops.mcp.transport.McpServerFactory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * {@code GET {base}/docs}: a browsable page of the OpenAPI tool server, Swagger UI served from its webjar (no CDN).
 * The page and its assets are static and hold nothing about the cloud or the tools, so they need no token; the page
 * asks for the bearer token and sends it with every request it makes (the document and the calls), which do.
 */
@Controller("${" + OpenApiSettings.PREFIX + ".base-path:" + OpenApiSettings.DEFAULT_BASE_PATH + "}")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = McpServerFactory.TRANSPORT, value = "streamable-http")
public class DocsController {

    /** Assets served, by name: where they come from and their media type. Nothing else is served. */
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css",
            "swagger-ui-bundle.js", "text/javascript",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");
    private static final String OWN_SCRIPT = "openstack-ops-docs.js";
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private record Asset(byte[] content, String type) {
    }

    private final String page;
    /** Every asset served, read once here: requests run on the event loop and must not read the classpath. */
    private final Map<String, Asset> assets;

    public DocsController(OpenApiSettings settings) {
        this.page = page(settings.basePath());
        String webjar = "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
        Map<String, Asset> loaded = new HashMap<>();
        ASSETS.forEach((name, type) -> loaded.put(name, new Asset(read(webjar + name), type)));
        loaded.put(OWN_SCRIPT, new Asset(read("docs/" + OWN_SCRIPT), "text/javascript;charset=utf-8"));
        this.assets = Map.copyOf(loaded);
    }

    static String swaggerUiVersion() {
        try (InputStream in = DocsController.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(value = "/docs", produces = MediaType.TEXT_HTML)
    public MutableHttpResponse<String> page() {
        return secured(HttpResponse.ok(page).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8"));
    }

    private static String page(String basePath) {
        String docs = basePath + "/docs/";
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%1$s: tools</title>
                  <link rel="icon" type="image/png" href="%2$sfavicon-32x32.png">
                  <link rel="stylesheet" href="%2$sswagger-ui.css">
                </head>
                <body data-spec-url="%3$s/openapi.json">
                  <form id="token-form" style="font-family: sans-serif; padding: 8px 20px; background: #f6f6f6">
                    <label for="token">Bearer token</label>
                    <input id="token" type="password" autocomplete="off" size="48"
                           placeholder="REMOTE_SECRET_KEY or a JWT (kept in this tab only)">
                    <button type="submit">Use token</button>
                    <span id="token-state"></span>
                  </form>
                  <div id="swagger-ui"></div>
                  <script src="%2$sswagger-ui-bundle.js"></script>
                  <script src="%2$s%4$s"></script>
                </body>
                </html>
                """.formatted(ServerInfo.NAME, docs, basePath, OWN_SCRIPT);
    }

    @Get(value = "/docs/{asset}")
    public MutableHttpResponse<?> asset(@PathVariable String asset) {
        Asset found = assets.get(asset);
        if (found == null) {
            return HttpResponse.notFound();
        }
        MutableHttpResponse<byte[]> response = secured(HttpResponse.ok(found.content()).contentType(found.type()));
        // the Swagger UI files may be cached for a day; the own script is not, it changes with the server
        return asset.equals(OWN_SCRIPT) ? response : response.header("Cache-Control", "public, max-age=86400");
    }

    private static byte[] read(String resource) {
        try (InputStream in = DocsController.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> MutableHttpResponse<T> secured(MutableHttpResponse<T> response) {
        return response.header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }
}
