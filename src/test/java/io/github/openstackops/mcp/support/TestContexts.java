package io.github.openstackops.mcp.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.HashMap;
import java.util.Map;

/** Application contexts the way {@code Application} builds them: explicit properties only, no environment. */
public final class TestContexts {

    private TestContexts() {
    }

    /** A context without any transport: the catalog, the invoker and the services, nothing listening. */
    public static ApplicationContext plain(Map<String, Object> properties) {
        Map<String, Object> all = defaults(properties);
        all.putIfAbsent("mcp.transport", "none");
        return ApplicationContext.builder().deduceEnvironment(false).environmentPropertySource(false)
                .environments("test").propertySources(PropertySource.of("test", all, 1000)).start();
    }

    /**
     * Tests name operations as tools (mode all) and see every operation whatever the fake token's roles (admin tier
     * on), unless they set otherwise: the tests of grouped mode and of the admin tier do.
     */
    private static Map<String, Object> defaults(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.putIfAbsent("mcp.catalog.tool-mode", "all");
        all.putIfAbsent("mcp.catalog.admin-tools", "on");
        return all;
    }

    /** An HTTP server on a free loopback port, MCP at /mcp. */
    public static EmbeddedServer http(Map<String, Object> properties) {
        Map<String, Object> all = defaults(properties);
        all.put("mcp.transport", "streamable-http");
        all.putIfAbsent("micronaut.server.port", -1);
        all.putIfAbsent("micronaut.server.host", "127.0.0.1");
        all.putIfAbsent("micronaut.security.enabled", Boolean.TRUE.equals(all.get("mcp.auth.enabled")));
        ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .environmentPropertySource(false).environments("test")
                .propertySources(PropertySource.of("test", all, 1000)).start();
        return context.getBean(EmbeddedServer.class).start();
    }
}
