package io.github.openstackops.mcp.transport;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * stdin as the MCP stdio transport should see it: one JSON-RPC message per line. The SDK's reader stops for good on
 * the first line it cannot parse (a blank line, a stray log line from a wrapper script), after which the server
 * would hang; here such lines, and lines over the size cap, never reach it: one bad line never takes the server down.
 * A line whose request id can be read (before the point where it breaks) is answered with a JSON-RPC parse or
 * invalid-request error carrying that id, so the client does not wait for an answer that never comes; one without a
 * readable id is skipped with a warning on stderr (nobody waits for it, and SDK clients fail on null-id responses). A request whose params do not fit its method is
 * answered with invalid params ({@link JsonRpcChecks}) instead of being handed to the SDK. End of input is signalled
 * so the process can exit when the client goes away.
 */
public final class StdioInput extends InputStream {

    private static final Logger LOG = LoggerFactory.getLogger(StdioInput.class);

    private final InputStream in;
    private final McpJsonMapper json;
    private final int maxLineBytes;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile java.util.function.Consumer<McpSchema.JSONRPCMessage> listener = message -> { };
    private volatile java.util.function.Consumer<Object> replies = reply -> { };
    private volatile java.util.function.Predicate<McpSchema.JSONRPCMessage> taker = message -> false;
    private volatile boolean sessionOpened;
    private byte[] current = new byte[0];
    private int position;
    private boolean eof;

    public StdioInput(InputStream in, McpJsonMapper json, int maxLineBytes) {
        this.in = in;
        this.json = json;
        this.maxLineBytes = maxLineBytes;
    }

    /** Sees every message before the SDK does, on the reading thread (blocking is fine there). */
    public void onMessage(java.util.function.Consumer<McpSchema.JSONRPCMessage> listener) {
        this.listener = listener;
    }

    /**
     * Sees every valid message before the listener and the SDK; a message it takes (returns true for) goes no further:
     * how protocol 2026-07-28 requests, which the SDK does not speak, are served beside its sessions.
     */
    public void takeWith(java.util.function.Predicate<McpSchema.JSONRPCMessage> taker) {
        this.taker = taker;
    }

    /** Whether a client opened an SDK session (sent initialize): only then may the SDK notify unsolicited. */
    public boolean sessionOpened() {
        return sessionOpened;
    }

    /** Where the answers to lines the SDK never sees go (stdout, through the SDK's own writer lock). */
    public void replyWith(java.util.function.Consumer<Object> replies) {
        this.replies = replies;
    }

    /** Counts down when stdin reaches its end. */
    public CountDownLatch closed() {
        return closed;
    }

    @Override
    public synchronized int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return current[position++] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    /** Makes the next valid line available; false at end of input. */
    private boolean fill() throws IOException {
        while (position >= current.length) {
            if (eof) {
                return false;
            }
            String line = nextLine();
            if (line == null) {
                eof = true;
                closed.countDown();
                return false;
            }
            if (line.isBlank()) {
                continue;
            }
            McpSchema.JSONRPCMessage message;
            try {
                message = McpSchema.deserializeJsonRpcMessage(json, line);
            } catch (IOException | RuntimeException e) {
                Map<String, Object> answer = JsonRpcChecks.unparsable(json, line);
                // without an id nobody waits for the answer, and SDK clients fail on a response whose id is null
                LOG.warn("{} a stdin line that is not a JSON-RPC message ({} characters)",
                        answer.get("id") == null ? "ignoring" : "answering", line.length());
                if (answer.get("id") != null) {
                    reply(answer);
                }
                continue;
            }
            if (message instanceof McpSchema.JSONRPCRequest request) {
                var invalid = JsonRpcChecks.invalidParams(request);
                if (invalid.isPresent()) {
                    reply(McpSchema.JSONRPCResponse.error(request.id(), invalid.get()));
                    continue;
                }
            }
            try {
                if (taker.test(message)) {
                    continue;
                }
            } catch (RuntimeException e) {
                LOG.warn("stdin message taker failed: {}", e.toString());
            }
            if (message instanceof McpSchema.JSONRPCRequest r && McpSchema.METHOD_INITIALIZE.equals(r.method())) {
                sessionOpened = true;
            }
            try {
                listener.accept(message);
            } catch (RuntimeException e) {
                LOG.warn("stdin message listener failed: {}", e.toString());
            }
            current = (line + "\n").getBytes(StandardCharsets.UTF_8);
            position = 0;
        }
        return true;
    }

    private void reply(Object response) {
        try {
            replies.accept(response);
        } catch (RuntimeException e) {
            LOG.warn("cannot answer on stdout: {}", e.toString());
        }
    }

    /** The next line (without its terminator), or null at end of input; over-long lines are skipped whole. */
    private String nextLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        boolean overflow = false;
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                if (overflow) {
                    LOG.warn("refusing a stdin line longer than {} bytes", maxLineBytes);
                    // its start is kept: when the request id can be read there, the client hears why
                    Object id = JsonRpcChecks.readableId(line.toString(StandardCharsets.UTF_8));
                    if (id != null) {
                        reply(JsonRpcChecks.error(id, McpSchema.ErrorCodes.INVALID_REQUEST,
                                "Invalid request: the message is longer than " + maxLineBytes + " bytes."));
                    }
                    overflow = false;
                    line.reset();
                    continue;
                }
                return line.toString(StandardCharsets.UTF_8).stripTrailing();
            }
            if (line.size() < maxLineBytes) {
                line.write(c);
            } else {
                overflow = true;
            }
        }
        return line.size() == 0 || overflow ? null : line.toString(StandardCharsets.UTF_8);
    }
}
