package io.github.openstackops.mcp.transport.stateless;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.state.SharedState;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The confirmation of a DESTRUCTIVE call over multi-round-trip requests. The first round stores what was asked —
 * bound to the caller, the tool and the exact arguments — under a random id that goes to the client as the opaque
 * {@code requestState}; nothing the client could turn into a yes (no token) leaves the server. The retry's answer
 * counts only with that id, from the same caller, for the same tool and arguments, once: a forged, replayed, expired or
 * mismatched answer is refused. The record lives in the {@link SharedState}, so with {@code MCP_STATE_STORE} the retry
 * may land on any replica; when that store does not answer, the answer is refused (fail closed).
 */
@Singleton
public class ConfirmationRounds {

    /** The key of the confirmation in {@code inputRequests} and {@code inputResponses}. */
    public static final String KEY = "confirm";
    private static final String PREFIX = "mrtr:";
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final SharedState state;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    public ConfirmationRounds(SharedState state, @Value("${mcp.stateless.confirmation-ttl:5m}") Duration ttl) {
        this.state = state;
        this.ttl = ttl;
    }

    /** The answer of a retry: the user's decision, or why it does not count. */
    public sealed interface Answer {
        /** The user's decision (true: do it). */
        record Decided(boolean yes) implements Answer {
        }

        /** The answer is not accepted; the message says what to do. */
        record Refused(String message) implements Answer {
        }
    }

    /** Records a question for this caller, tool and arguments; returns the opaque requestState. */
    public String ask(Caller caller, String tool, Map<String, Object> arguments) {
        byte[] id = new byte[24];
        random.nextBytes(id);
        String requestState = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        state.put(PREFIX + SharedState.hash(requestState), binding(caller, tool, arguments), ttl);
        return requestState;
    }

    /** Checks a retry's requestState and answer against the call it retries; a state counts once. */
    public Answer answer(@Nullable Object requestState, @Nullable Object inputResponses, Caller caller, String tool,
                         Map<String, Object> arguments) {
        if (!(requestState instanceof String id) || id.isBlank() || id.length() > 200) {
            return new Answer.Refused("This call carries inputResponses without the requestState of the round that"
                    + " asked: call the tool again without them to be asked to confirm.");
        }
        String key = PREFIX + SharedState.hash(id);
        String expected;
        try {
            expected = state.get(key, ttl).orElse(null);
        } catch (SharedState.StateUnavailable e) {
            return new Answer.Refused("The confirmation cannot be checked now (the shared state store does not"
                    + " answer); try again in a moment.");
        }
        if (expected == null) {
            return new Answer.Refused("This confirmation is unknown, expired or already answered: call the tool again"
                    + " without inputResponses and requestState to be asked again.");
        }
        if (!expected.equals(binding(caller, tool, arguments))) {
            return new Answer.Refused("This confirmation was asked for another call (caller, tool or arguments"
                    + " differ): call the tool again without inputResponses and requestState to be asked again.");
        }
        Object response = inputResponses instanceof Map<?, ?> responses ? responses.get(KEY) : null;
        if (!(response instanceof Map<?, ?> elicit) || !(elicit.get("action") instanceof String action)) {
            return new Answer.Refused("inputResponses must answer '" + KEY + "' with the elicitation result"
                    + " (action accept, decline or cancel).");
        }
        try {
            if (!state.claimOnce(key + ":used", ttl)) {
                return new Answer.Refused("This confirmation was already answered: call the tool again without"
                        + " inputResponses and requestState to be asked again.");
            }
            state.remove(key);
        } catch (SharedState.StateUnavailable e) {
            return new Answer.Refused("The confirmation cannot be checked now (the shared state store does not"
                    + " answer); try again in a moment.");
        }
        boolean yes = "accept".equals(action) && elicit.get("content") instanceof Map<?, ?> content
                && Boolean.TRUE.equals(content.get(KEY));
        return new Answer.Decided(yes);
    }

    /** The embedded elicitation that asks the question. */
    public static Map<String, Object> request(String question) {
        Map<String, Object> schema = Map.of("type", "object",
                "properties", Map.of(KEY, Map.of("type", "boolean", "title", "Confirm",
                        "description", "Yes, do it", "default", false)),
                "required", List.of(KEY));
        return Map.of("method", "elicitation/create",
                "params", Map.of("mode", "form", "message", question, "requestedSchema", schema));
    }

    private static String binding(Caller caller, String tool, Map<String, Object> arguments) {
        try {
            return SharedState.hash(caller.identityKey()) + "|" + tool + "|"
                    + SharedState.hash(CANONICAL.writeValueAsString(arguments == null ? Map.of() : arguments));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("arguments are not JSON", e);
        }
    }
}
