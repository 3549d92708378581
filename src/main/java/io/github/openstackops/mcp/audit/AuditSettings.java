package io.github.openstackops.mcp.audit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The audit trail (AUDIT_LOG_PATH). Every WRITE and DESTRUCTIVE call is logged to the "audit" logger; with a path it
 * is also appended to that file, one JSON object per line, and forced to disk before the caller gets the answer.
 *
 * @param path  the append-only JSON-lines file; unset = the audit logger only
 * @param fsync force every line to the storage device (else it is written to the operating system, which survives a
 *              crash of this process but not of the machine)
 */
@ConfigurationProperties(AuditSettings.PREFIX)
public record AuditSettings(@Nullable String path, @Bindable(defaultValue = "true") boolean fsync) {

    public static final String PREFIX = "mcp.audit";
}
