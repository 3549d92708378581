package io.github.openstackops.mcp.transport.stateless;

import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Secrets;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.micronaut.core.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A tool call of protocol 2026-07-28 seen from the tool: progress goes to the request's own stream (when the client
 * sent a progress token); a confirmation is never awaited mid-call. On the first round the question is only noted (the
 * invoker then makes its preview, which {@link ToolsCallMethod} turns into an input-required result); on the retry the
 * client's verified answer is given.
 */
final class StatelessToolContext implements ToolContext {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.openstackops.mcp.tools");

    private final StatelessRequest request;
    private final String tool;
    @Nullable
    private final Boolean answer;
    private volatile String question;

    /**
     * @param answer the user's verified answer to the confirmation (a retry), or null on a first round
     */
    StatelessToolContext(StatelessRequest request, String tool, @Nullable Boolean answer) {
        this.request = request;
        this.tool = tool;
        this.answer = answer;
    }

    @Override
    public Caller caller() {
        return request.caller();
    }

    @Override
    public Surface surface() {
        return request.surface();
    }

    @Override
    public void progress(double done, Double total, String message) {
        Object token = request.progressToken();
        if (token == null) {
            return;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("progressToken", token);
        params.put("progress", done);
        if (total != null) {
            params.put("total", total);
        }
        if (message != null) {
            params.put("message", Secrets.scrub(message));
        }
        try {
            request.stream().notify("notifications/progress", params);
        } catch (RuntimeException e) {
            LOG.debug("progress notification failed: {}", e.toString());
        }
    }

    @Override
    public void info(String message) {
        // 2026-07-28 sends log messages only to a client that asked for a level; the server log has them
        LOG.info("{}: {}", tool, Secrets.scrub(message));
    }

    @Override
    public Optional<Boolean> askToConfirm(String question) {
        this.question = question;
        return Optional.ofNullable(answer);
    }

    /** The confirmation question the invoker wanted to ask, if it wanted to. */
    Optional<String> question() {
        return Optional.ofNullable(question);
    }
}
