package io.github.openstackops.mcp.cloud.http;

import org.openstack4j.api.exceptions.ConnectionException;

/**
 * A cloud request that got no HTTP answer (refused, timed out, reset), with the URL it was sent to (without its
 * query), so that the error can name the service behind it.
 */
public final class EndpointUnreachableException extends ConnectionException {

    private final String url;

    EndpointUnreachableException(String message, String url, Throwable cause) {
        super(message, 0, cause);
        int query = url == null ? -1 : url.indexOf('?');
        this.url = query < 0 ? url : url.substring(0, query);
    }

    /** The request's URL without its query. */
    public String url() {
        return url;
    }
}
