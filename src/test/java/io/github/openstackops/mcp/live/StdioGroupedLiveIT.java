package io.github.openstackops.mcp.live;

/** The contract over stdio in grouped mode: the same calls through compute_read, compute_write, ... */
class StdioGroupedLiveIT extends StdioLiveIT {

    @Override
    protected String mode() {
        return "grouped";
    }
}
