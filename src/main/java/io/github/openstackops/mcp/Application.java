package io.github.openstackops.mcp;

import io.github.openstackops.mcp.catalog.ToolListing;
import io.github.openstackops.mcp.launch.EnvironmentMapping;
import io.github.openstackops.mcp.launch.LaunchOptions;
import io.github.openstackops.mcp.launch.ToolTable;
import io.github.openstackops.mcp.transport.StdioInput;
import io.github.openstackops.mcp.transport.StdioStreams;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.runtime.Micronaut;
import io.modelcontextprotocol.json.McpJsonDefaults;

import java.io.BufferedInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One jar, the transport chosen at launch.
 * <ul>
 *   <li>stdio: a plain ApplicationContext (no HTTP server, no port). The real stdout is handed to the MCP transport and
 *       System.out is pointed at stderr, so nothing but JSON-RPC ever reaches stdout. Exits when stdin closes.</li>
 *   <li>streamable-http: Micronaut on Netty, MCP at /mcp.</li>
 *   <li>--list-tools: prints the effective catalog and exits.</li>
 * </ul>
 * The environment is read once, by {@link EnvironmentMapping}; Micronaut's own environment property source is off.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        LaunchOptions options;
        Map<String, Object> properties;
        try {
            options = LaunchOptions.parse(args);
            properties = new LinkedHashMap<>(EnvironmentMapping.map(System.getenv()));
            properties.putAll(options.overrides());
        } catch (IllegalArgumentException e) {
            System.err.println("openstack-ops-mcp: " + e.getMessage());
            System.exit(2);
            return;
        }
        // logback reads this (logs go to stderr only)
        System.setProperty("MCP_LOG_LEVEL_RESOLVED", String.valueOf(properties.getOrDefault("mcp.log-level", "INFO")));
        if (options.help()) {
            stdout.print(LaunchOptions.USAGE);
            return;
        }
        if (options.version()) {
            stdout.println(ServerInfo.NAME + " " + ServerInfo.VERSION);
            return;
        }
        String transport = String.valueOf(properties.getOrDefault("mcp.transport", "stdio"));
        if (options.listTools()) {
            properties.put("mcp.transport", "none");
            try (ApplicationContext context = context(properties, "cli").start()) {
                stdout.print(ToolTable.plain(context.getBean(ToolListing.class)));
            }
            return;
        }
        if (transport.equals("stdio")) {
            runStdio(properties, stdout);
        } else {
            Micronaut.build(args)
                    .banner(false)
                    .deduceEnvironment(false)
                    .environmentPropertySource(false)
                    .environments("http")
                    .propertySources(PropertySource.of("launch", properties, 1000))
                    .start();
        }
    }

    private static void runStdio(Map<String, Object> properties, PrintStream stdout) {
        System.setOut(System.err);
        StdioInput in = new StdioInput(new BufferedInputStream(System.in, 65536), McpJsonDefaults.getMapper(), 8 << 20);
        ApplicationContext context = context(properties, "stdio").singletons(new StdioStreams(in, stdout)).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (context.isRunning()) {
                context.close();
            }
        }, "shutdown"));
        try {
            in.closed().await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (context.isRunning()) {
            context.close();
        }
        System.exit(0);
    }

    private static io.micronaut.context.ApplicationContextBuilder context(Map<String, Object> properties, String environment) {
        return ApplicationContext.builder()
                .banner(false)
                .deduceEnvironment(false)
                .environmentPropertySource(false)
                .environments(environment)
                .propertySources(PropertySource.of("launch", properties, 1000));
    }
}
