package io.github.openstackops.mcp.tasks;

import io.github.openstackops.mcp.catalog.ToolOutcome;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One task as every replica sees it: stored in the shared state as JSON under its id, so any replica answers for it.
 *
 * @param id            unguessable handle (128 random bits)
 * @param owner         hash of the caller who started it; nobody else may read or cancel it
 * @param tool          the operation that runs (never the arguments: they stay out of the store)
 * @param statusMessage the last progress the operation reported, or how it ended
 * @param expiresAt     when the task is forgotten
 * @param outcome       the result once completed
 */
public record Task(String id, String owner, String tool, TaskStatus status, @Nullable String statusMessage,
                   Instant createdAt, Instant lastUpdatedAt, Instant expiresAt, Duration pollInterval,
                   @Nullable ToolOutcome outcome) {

    /** Time to live from creation, as the wire reports it. */
    public Duration ttl() {
        return Duration.between(createdAt, expiresAt);
    }

    Task with(TaskStatus newStatus, @Nullable String message, Instant now, Duration retention,
              @Nullable ToolOutcome result) {
        return new Task(id, owner, tool, newStatus, message, createdAt, now, now.plus(retention), pollInterval,
                result);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("owner", owner);
        json.put("tool", tool);
        json.put("status", status.wire());
        if (statusMessage != null) {
            json.put("message", statusMessage);
        }
        json.put("created", createdAt.toString());
        json.put("updated", lastUpdatedAt.toString());
        json.put("expires", expiresAt.toString());
        json.put("poll_ms", pollInterval.toMillis());
        switch (outcome) {
            case null -> { }
            case ToolOutcome.Success success -> json.put("structured", success.structured());
            case ToolOutcome.Error error -> {
                json.put("failure", error.failure().name());
                json.put("error", error.message());
            }
        }
        return json;
    }

    @SuppressWarnings("unchecked")
    static Task fromJson(Map<String, Object> json) {
        ToolOutcome outcome = null;
        if (json.get("structured") instanceof Map<?, ?> structured) {
            outcome = new ToolOutcome.Success((Map<String, Object>) structured);
        } else if (json.get("error") instanceof String error) {
            outcome = new ToolOutcome.Error(ToolOutcome.Failure.valueOf((String) json.get("failure")), error);
        }
        return new Task((String) json.get("id"), (String) json.get("owner"), (String) json.get("tool"),
                TaskStatus.ofWire((String) json.get("status")), (String) json.get("message"),
                Instant.parse((String) json.get("created")), Instant.parse((String) json.get("updated")),
                Instant.parse((String) json.get("expires")),
                Duration.ofMillis(((Number) json.get("poll_ms")).longValue()), outcome);
    }
}
