package io.github.openstackops.mcp.live;

/** The contract over streamable HTTP in grouped mode: the same calls through compute_read, compute_write, ... */
class HttpGroupedLiveIT extends HttpLiveIT {

    @Override
    protected String mode() {
        return "grouped";
    }
}
