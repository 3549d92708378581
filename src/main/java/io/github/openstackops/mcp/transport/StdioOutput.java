package io.github.openstackops.mcp.transport;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * stdout as the MCP stdio transport writes it: line by line (the SDK writes each message and its newline under this
 * object's lock), with JSON-RPC errors {@linkplain JsonRpcChecks#clean cleaned} of Java internals before they leave,
 * and a way for {@link StdioInput} to answer lines the SDK never saw, under the same lock so lines never interleave.
 */
public final class StdioOutput extends OutputStream {

    private static final Logger LOG = LoggerFactory.getLogger(StdioOutput.class);

    private final OutputStream out;
    private final McpJsonMapper json;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    private volatile java.util.function.BooleanSupplier sessionOpened = () -> true;

    public StdioOutput(OutputStream out, McpJsonMapper json) {
        this.out = out;
        this.json = json;
    }

    /** Writes one message (a JSON-RPC message or a plain JSON answer) as one line, between the SDK's messages. */
    public void send(Object message) {
        try {
            String text = json.writeValueAsString(message instanceof McpSchema.JSONRPCMessage m
                    ? JsonRpcChecks.clean(m) : message);
            synchronized (this) {
                out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Drops the SDK's notifications while {@code sessionOpened} says no client opened a session (initialize): a
     * stateless (2026-07-28) client hears of changes on its own subscription, never unsolicited.
     */
    public void notifyOnlyWhen(java.util.function.BooleanSupplier sessionOpened) {
        this.sessionOpened = sessionOpened;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            line.write(b[i]);
            if (b[i] == '\n') {
                emit();
            }
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (line.size() > 0) {
            out.write(line.toByteArray());
            line.reset();
        }
        out.close();
    }

    /** One complete line: an error response is cleaned, anything else passes byte for byte. */
    private void emit() throws IOException {
        byte[] bytes = line.toByteArray();
        line.reset();
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!sessionOpened.getAsBoolean() && text.startsWith("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/")) {
            LOG.debug("no session open: an SDK notification is not sent");
            return;
        }
        if (text.contains("\"error\"")) {
            try {
                McpSchema.JSONRPCMessage message = McpSchema.deserializeJsonRpcMessage(json, text.strip());
                McpSchema.JSONRPCMessage cleaned = JsonRpcChecks.clean(message);
                if (cleaned != message) {
                    bytes = (json.writeValueAsString(cleaned) + "\n").getBytes(StandardCharsets.UTF_8);
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("stdout line left as it is: {}", e.toString());
            }
        }
        out.write(bytes);
    }
}
