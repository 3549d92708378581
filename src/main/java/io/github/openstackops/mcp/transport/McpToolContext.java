package io.github.openstackops.mcp.transport;

import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Secrets;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.micronaut.core.annotation.Nullable;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tool call seen from MCP: progress and log notifications go to the client of this exchange, confirmations are
 * asked through elicitation when the client declared it. Runs on the call's virtual thread, so blocking on the
 * exchange's Monos is fine.
 */
final class McpToolContext implements ToolContext {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.openstackops.mcp.tools");
    private static final Duration NOTIFY_TIMEOUT = Duration.ofSeconds(5);

    private final McpAsyncServerExchange exchange;
    private final Object progressToken;
    private final Caller caller;
    private final Surface surface;
    private final Duration elicitationTimeout;
    private final String tool;

    McpToolContext(McpAsyncServerExchange exchange, @Nullable Object progressToken, Caller caller, Surface surface,
                   Duration elicitationTimeout, String tool) {
        this.exchange = exchange;
        this.progressToken = progressToken;
        this.caller = caller;
        this.surface = surface;
        this.elicitationTimeout = elicitationTimeout;
        this.tool = tool;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public Surface surface() {
        return surface;
    }

    @Override
    public void progress(double done, Double total, String message) {
        if (progressToken == null) {
            return;
        }
        try {
            exchange.progressNotification(McpSchema.ProgressNotification.builder(progressToken, done)
                    .total(total).message(Secrets.scrub(message)).build()).block(NOTIFY_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.debug("progress notification failed: {}", e.toString());
        }
    }

    @Override
    public void info(String message) {
        String clean = Secrets.scrub(message);
        LOG.info("{}: {}", tool, clean);
        try {
            exchange.loggingNotification(McpSchema.LoggingMessageNotification.builder()
                    .level(McpSchema.LoggingLevel.INFO).logger("openstack-ops-mcp").data(clean).build())
                    .block(NOTIFY_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.debug("log notification failed: {}", e.toString());
        }
    }

    @Override
    public Optional<Boolean> askToConfirm(String question) {
        McpSchema.ClientCapabilities capabilities = exchange.getClientCapabilities();
        if (capabilities == null || capabilities.elicitation() == null) {
            return Optional.empty();
        }
        Map<String, Object> schema = Map.of("type", "object",
                "properties", Map.of("confirm", Map.of("type", "boolean", "title", "Confirm",
                        "description", "Yes, do it", "default", false)),
                "required", List.of("confirm"));
        try {
            ElicitResult answer = exchange.createElicitation(
                    McpSchema.ElicitFormRequest.builder(Secrets.scrub(question), schema).build())
                    .block(elicitationTimeout);
            if (answer == null) {
                return Optional.empty();
            }
            boolean yes = answer.action() == ElicitResult.Action.ACCEPT && answer.content() != null
                    && Boolean.TRUE.equals(answer.content().get("confirm"));
            return Optional.of(yes);
        } catch (RuntimeException e) {
            LOG.info("{}: elicitation failed ({}); falling back to a confirmation token", tool, e.toString());
            return Optional.empty();
        }
    }
}
