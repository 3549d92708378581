package io.github.openstackops.mcp.cloud;

/** The cloud connection settings are missing or contradictory; the message says which variable to set. */
public class CloudConfigurationException extends RuntimeException {
    public CloudConfigurationException(String message) {
        super(message, null, false, false);
    }
}
