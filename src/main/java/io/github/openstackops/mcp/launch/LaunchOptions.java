package io.github.openstackops.mcp.launch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line. Environment variables configure everything; these few flags override them for one run.
 *
 * @param listTools  --list-tools: print the effective catalog and exit
 * @param overrides  configuration properties set by the flags (--transport, --host, --port, --log-level,
 *                   --tool-mode)
 */
public record LaunchOptions(boolean listTools, boolean help, boolean version, Map<String, Object> overrides) {

    public static final String USAGE = """
            Usage: openstack-ops-mcp [options]

              --transport stdio|streamable-http   how clients connect (env MCP_TRANSPORT / FASTMCP_TYPE; default stdio)
              --host ADDRESS                      HTTP bind address (env MCP_HOST / FASTMCP_HOST; default 127.0.0.1)
              --port PORT                         HTTP port (env MCP_PORT / FASTMCP_PORT; default 8080)
              --log-level LEVEL                   DEBUG, INFO, WARNING, ERROR (env MCP_LOG_LEVEL; logs go to stderr)
              --tool-mode grouped|all|auto        one tool per toolset and safety class, or per operation (env
                                                  MCP_TOOL_MODE; default auto: all when it fits, else grouped)
              --list-tools                        print the effective tool catalog (name, toolset, safety) and exit
              --version                           print the version and exit
              --help                              print this help and exit

            Everything else is configured through the environment (OS_* like the openstack CLI, OS_CLOUD with a
            clouds.yaml, ALLOW_MODIFY_OPERATIONS, REMOTE_AUTH_ENABLE, ...): see README.md or .env.example.
            """;

    public static LaunchOptions parse(String[] args) {
        boolean list = false;
        boolean help = false;
        boolean version = false;
        Map<String, Object> overrides = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--list-tools" -> list = true;
                case "--help", "-h" -> help = true;
                case "--version" -> version = true;
                case "--transport", "--type" -> overrides.put("mcp.transport",
                        EnvironmentMapping.transport(value != null ? value : next(args, ++i, arg)));
                case "--host" -> overrides.put("micronaut.server.host", value != null ? value : next(args, ++i, arg));
                case "--port" -> overrides.put("micronaut.server.port",
                        EnvironmentMapping.port(value != null ? value : next(args, ++i, arg)));
                case "--tool-mode" -> overrides.put("mcp.catalog.tool-mode",
                        EnvironmentMapping.toolMode(value != null ? value : next(args, ++i, arg)));
                case "--log-level" -> overrides.put("mcp.log-level",
                        EnvironmentMapping.logLevel(value != null ? value : next(args, ++i, arg)));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (see --help)");
            }
        }
        return new LaunchOptions(list, help, version, overrides);
    }

    private static String next(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
