package io.github.openstackops.mcp.support;

import io.github.openstackops.mcp.transport.StdioInput;
import io.github.openstackops.mcp.transport.StdioStreams;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.modelcontextprotocol.json.McpJsonDefaults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The stdio MCP server in this JVM, wired as {@code Application} wires it (the same {@link StdioInput} in front of the
 * SDK's stdio transport), over pipes: raw lines in, the lines the server writes to its stdout out. For messages no
 * well-behaved client sends; a real child process is {@code StdioTransportTest}'s business.
 */
public final class StdioPipe implements AutoCloseable {

    private final ApplicationContext context;
    private final OutputStream toServer;
    private final BlockingQueue<String> fromServer = new ArrayBlockingQueue<>(10_000);
    private final Thread reader;

    public StdioPipe(Map<String, Object> properties) {
        try {
            PipedInputStream serverIn = new PipedInputStream(1 << 20);
            toServer = new PipedOutputStream(serverIn);
            PipedInputStream clientIn = new PipedInputStream(1 << 20);
            PipedOutputStream serverOut = new PipedOutputStream(clientIn);
            StdioInput input = new StdioInput(serverIn, McpJsonDefaults.getMapper(), 8 << 20);
            Map<String, Object> all = new HashMap<>(properties);
            all.put("mcp.transport", "stdio");
            context = ApplicationContext.builder().deduceEnvironment(false).environmentPropertySource(false)
                    .environments("test").propertySources(PropertySource.of("test", all, 1000))
                    .singletons(new StdioStreams(input, serverOut)).start();
            reader = Thread.ofVirtual().start(() -> {
                BufferedReader lines = new BufferedReader(new InputStreamReader(clientIn, StandardCharsets.UTF_8));
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        String line = lines.readLine();
                        if (line == null) {
                            return;
                        }
                        fromServer.offer(line);
                    } catch (IOException e) {
                        // a piped stream calls itself broken once the thread that last wrote has ended (answers are
                        // written from call threads that end): real stdout is not like that, so read on
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException stop) {
                            return;
                        }
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one line (a newline is added). */
    public StdioPipe send(String line) {
        try {
            toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            toServer.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The next answer the server wrote (notifications such as tools/list_changed or progress are skipped), or null
     * when none came within the wait.
     */
    public String next(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            String line;
            do {
                line = fromServer.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } while (line != null && line.contains("\"method\":\"notifications/"));
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The next line the server wrote, notifications included, or null when none came within the wait. */
    public String nextLine(Duration wait) {
        try {
            return fromServer.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Opens the MCP session: initialize, its answer, the initialized notification. */
    public StdioPipe initialize() {
        send(RawMcp.INITIALIZE);
        String answer = next(Duration.ofSeconds(20));
        if (answer == null || !answer.contains("\"result\"")) {
            throw new IllegalStateException("initialize answered " + answer);
        }
        return send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    public ApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        try {
            toServer.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        context.close();
        reader.interrupt();
    }
}
