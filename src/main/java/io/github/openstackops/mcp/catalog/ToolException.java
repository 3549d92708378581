package io.github.openstackops.mcp.catalog;

/**
 * A failure the caller can act on: bad arguments, a resource that does not exist, a conflict with the cloud's state,
 * a missing permission, an unreachable service. Its message is a complete sentence for a model and is returned as a
 * tool error result; it never carries a stack trace or a secret. Anything else a handler throws is a bug.
 */
public class ToolException extends RuntimeException {

    /** What kind of failure, so each surface can map it (e.g. HTTP 422 for invalid arguments). */
    public enum Kind {
        /** The arguments do not fit the schema or each other. */
        INVALID_ARGUMENTS,
        /** A named resource does not exist (or is not visible to this project). */
        NOT_FOUND,
        /** The resource's state does not allow the operation (e.g. a volume still attached). */
        CONFLICT,
        /** The OpenStack user lacks the role, or the caller lacks the scope. */
        FORBIDDEN,
        /** A guardrail of this server refused the operation. */
        REFUSED,
        /** The cloud could not be reached or authenticated against. */
        UNAVAILABLE,
        /** The cloud answered with an error. */
        CLOUD_ERROR
    }

    private final Kind kind;

    public ToolException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static ToolException invalid(String message) {
        return new ToolException(Kind.INVALID_ARGUMENTS, message);
    }

    public static ToolException notFound(String message) {
        return new ToolException(Kind.NOT_FOUND, message);
    }

    public static ToolException conflict(String message) {
        return new ToolException(Kind.CONFLICT, message);
    }

    public static ToolException refused(String message) {
        return new ToolException(Kind.REFUSED, message);
    }
}
