package io.github.openstackops.mcp.transport.stateless;

import io.github.openstackops.mcp.catalog.ToolListing;
import io.github.openstackops.mcp.catalog.ToolOutcome;
import io.github.openstackops.mcp.tasks.TaskWire;
import io.github.openstackops.mcp.tasks.Tasks;
import io.github.openstackops.mcp.transport.McpToolAdapter;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code tools/call} of 2026-07-28, through the one path every surface takes ({@link ToolListing}: gate, rate limit,
 * argument checks, confirmation, audit). A DESTRUCTIVE call from a client that declared form elicitation does not get
 * the preview and its token: it gets an input-required result asking the user to confirm (the preview is the
 * question), and its retry with the answer runs the call once ({@link ConfirmationRounds}). Other clients keep the
 * preview → token flow. A client that declared the Tasks extension gets a task handle for a long operation
 * ({@link Tasks}): the confirmation comes first, the task only once the operation runs.
 */
@Singleton
class ToolsCallMethod implements StatelessMethod.Named {

    private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() { };

    private final ToolListing listing;
    private final ConfirmationRounds rounds;
    private final McpJsonMapper json;
    private final Tasks tasks;

    ToolsCallMethod(ToolListing listing, ConfirmationRounds rounds, McpJsonMapper json, Tasks tasks) {
        this.listing = listing;
        this.rounds = rounds;
        this.json = json;
        this.tasks = tasks;
    }

    @Override
    public String method() {
        return "tools/call";
    }

    @Override
    public CompletableFuture<StatelessReply> handle(StatelessRequest request) {
        String name = (String) request.params().get("name");
        @SuppressWarnings("unchecked")
        Map<String, Object> arguments = request.params().get("arguments") instanceof Map<?, ?> m
                ? (Map<String, Object>) m : Map.of();
        Boolean answer = null;
        boolean retry = request.params().containsKey("requestState") || request.params().containsKey("inputResponses");
        if (retry) {
            ConfirmationRounds.Answer checked = rounds.answer(request.params().get("requestState"),
                    request.params().get("inputResponses"), request.caller(), name, arguments);
            if (checked instanceof ConfirmationRounds.Answer.Refused refused) {
                return CompletableFuture.completedFuture(StatelessReply.error(ErrorCodes.INVALID_PARAMS,
                        "Invalid params for tools/call: " + refused.message()));
            }
            answer = ((ConfirmationRounds.Answer.Decided) checked).yes();
        }
        StatelessToolContext context = new StatelessToolContext(request, name, answer);
        if (request.declaresExtension(TaskWire.EXTENSION)) {
            // the client takes a task for a long operation: the handle comes back as soon as it runs
            return tasks.call(context, c -> listing.submit(name, arguments, c)).thenApply(started -> switch (started) {
                case Tasks.Started.Created created -> StatelessReply.result(TaskWire.created(created.task()));
                case Tasks.Started.Immediate immediate -> reply(request, name, arguments, retry, context,
                        immediate.outcome());
            });
        }
        return listing.submit(name, arguments, context)
                .thenApply(outcome -> reply(request, name, arguments, retry, context, outcome));
    }

    private StatelessReply reply(StatelessRequest request, String name, Map<String, Object> arguments, boolean retry,
                                 StatelessToolContext context, ToolOutcome outcome) {
        Optional<String> question = context.question();
        if (!retry && question.isPresent() && request.elicitsForms() && isPreview(outcome)) {
            String state = rounds.ask(request.caller(), name, arguments);
            return new StatelessReply.InputRequired(
                    Map.of(ConfirmationRounds.KEY, ConfirmationRounds.request(question.get())), state);
        }
        if (outcome instanceof ToolOutcome.Error error && error.failure() == ToolOutcome.Failure.UNKNOWN_TOOL) {
            return StatelessReply.error(ErrorCodes.INVALID_PARAMS, error.message());
        }
        return StatelessReply.result(json.convertValue(McpToolAdapter.toResult(outcome), MAP));
    }

    private static boolean isPreview(ToolOutcome outcome) {
        return outcome instanceof ToolOutcome.Success success && "preview".equals(success.structured().get("status"));
    }
}
