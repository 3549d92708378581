package io.github.openstackops.mcp.catalog;

/**
 * The caller cancelled a running call (a task). Thrown from {@link ToolContext#progress} at the next progress point;
 * a tool that can stop the operation in OpenStack catches it, asks OpenStack to stop, and throws it on with what it did.
 */
public final class CallCancelled extends ToolException {

    public CallCancelled(String message) {
        super(Kind.CONFLICT, message);
    }
}
