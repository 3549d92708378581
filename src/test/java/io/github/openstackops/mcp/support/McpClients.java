package io.github.openstackops.mcp.support;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Real MCP clients (the SDK's own) for tests: no hand-written JSON-RPC anywhere. */
public final class McpClients {

    private McpClients() {
    }

    /** A client over streamable HTTP, optionally with a bearer token. */
    public static McpSyncClient http(String baseUrl, String bearer) {
        return http(baseUrl, bearer, spec -> { });
    }

    /** Same, with extra client features (progress consumer, elicitation handler, ...). */
    public static McpSyncClient http(String baseUrl, String bearer, java.util.function.Consumer<McpClient.SyncSpec> features) {
        HttpRequest.Builder headers = HttpRequest.newBuilder();
        if (bearer != null) {
            headers.header("Authorization", "Bearer " + bearer);
        }
        return httpWith(baseUrl, headers, features);
    }

    /** A client over streamable HTTP sending these headers on every request. */
    public static McpSyncClient httpWith(String baseUrl, HttpRequest.Builder headers,
                                         java.util.function.Consumer<McpClient.SyncSpec> features) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(baseUrl)
                .endpoint("/mcp").requestBuilder(headers).build();
        McpClient.SyncSpec spec = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .clientInfo(new McpSchema.Implementation("test-client", "1.0"));
        features.accept(spec);
        McpSyncClient client = spec.build();
        client.initialize();
        return client;
    }

    /** A client that starts the server as a child process speaking stdio (as Claude Desktop does). */
    public static McpSyncClient stdio(List<String> command, Map<String, String> env) {
        ServerParameters parameters = ServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size())).env(env).build();
        StdioClientTransport transport = new StdioClientTransport(parameters, McpJsonDefaults.getMapper());
        // start-up is ~2 s on an idle machine, but over 20 s (the SDK's default) on a loaded one
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(90))
                .clientInfo(new McpSchema.Implementation("test-client", "1.0")).build();
        client.initialize();
        return client;
    }

    /** The command that runs the server from the test classpath (before the jar exists). */
    public static List<String> classpathCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + "/bin/java", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "io.github.openstackops.mcp.Application"));
        command.addAll(List.of(args));
        return command;
    }

    /** The text of a tool result's first content block. */
    public static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> structured(McpSchema.CallToolResult result) {
        return (Map<String, Object>) result.structuredContent();
    }
}
