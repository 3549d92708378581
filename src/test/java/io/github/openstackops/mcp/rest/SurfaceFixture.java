package io.github.openstackops.mcp.rest;

import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.HttpSurfaces;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An in-process server in HTTP mode with the static secret, in front of a fake cloud serving web-1. */
final class SurfaceFixture implements AutoCloseable {

    static final String WEB_1 = "90cb27f0-bdba-446b-991e-46d1a4093507";
    static final String TOKEN = "surface-test-bearer-secret-31";

    final FakeOpenStack fake;
    final EmbeddedServer server;
    final String base;
    private final List<AutoCloseable> closing = new ArrayList<>();

    SurfaceFixture(Map<String, String> extraEnv) {
        fake = FakeOpenStack.start()
                .on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-limit3.json")
                .on("GET", "/compute/v2.1/servers/" + WEB_1, 200, "servers/server-web-1.json")
                .on("GET", "/compute/v2.1/servers/3f2a0000-0000-4000-8000-000000000000", 404, "servers/server-404.json")
                .on("GET", "/compute/v2.1/servers", r -> FakeOpenStack.Reply.json(200, "{\"servers\": []}"))
                .on("GET", "/compute/v2.1/flavors/.*", 200, "servers/flavor-web-1.json")
                .on("GET", "/image/v2/images/.*", 200, "servers/image-web-1.json")
                .on("GET", "/network/v2.0/ports", 200, "servers/ports-web-1.json")
                .on("GET", "/network/v2.0/floatingips", 200, "servers/floatingips-web-1.json")
                .on("GET", "/volume/v3/.*/volumes/.*", 200, "servers/volume-web-vol.json")
                .on("POST", "/compute/v2.1/servers/" + WEB_1 + "/action", r -> new FakeOpenStack.Reply(202, "",
                        Map.of("X-Openstack-Request-Id", "req-0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6")))
                .on("DELETE", "/compute/v2.1/servers/" + WEB_1, r -> new FakeOpenStack.Reply(204, "", Map.of()));
        closing.add(fake);
        Map<String, String> env = new HashMap<>(Map.of("MCP_TRANSPORT", "streamable-http",
                "ALLOW_MODIFY_OPERATIONS", "true", "REMOTE_AUTH_ENABLE", "true", "REMOTE_SECRET_KEY", TOKEN));
        env.putAll(extraEnv);
        env.values().removeIf(v -> v == null);
        server = HttpSurfaces.start(fake, env);
        closing.add(server.getApplicationContext());
        base = server.getURL().toString();
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }
}
