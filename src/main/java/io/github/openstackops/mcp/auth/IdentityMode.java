package io.github.openstackops.mcp.auth;

import java.util.Locale;

/**
 * Whose OpenStack identity an HTTP call acts with ({@code OS_IDENTITY_MODE}). stdio always acts with the server's own.
 */
public enum IdentityMode {
    /** The server's own identity (OS_* / clouds.yaml) for everyone; credential headers are refused (400). */
    SERVICE,
    /** Every HTTP call must present a Keystone application credential and acts with it (none: 401). */
    CALLER,
    /** A call that presents an application credential acts with it; one that does not, with the server's own. */
    BOTH;

    public static final String PROPERTY = "mcp.identity.mode";

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IdentityMode parse(String value) {
        return switch (value == null ? "" : value.trim().toLowerCase(Locale.ROOT)) {
            case "", "service" -> SERVICE;
            case "caller" -> CALLER;
            case "both" -> BOTH;
            default -> throw new IllegalArgumentException("expected service, caller or both");
        };
    }
}
