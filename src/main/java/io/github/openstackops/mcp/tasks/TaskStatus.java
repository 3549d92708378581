package io.github.openstackops.mcp.tasks;

import java.util.Locale;

/** Where a task is: working, then one of the terminal states (our tasks never wait for input). */
public enum TaskStatus {
    WORKING, COMPLETED, FAILED, CANCELLED;

    /** The name on the wire: {@code working}, {@code completed}, ... */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean terminal() {
        return this != WORKING;
    }

    static TaskStatus ofWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
