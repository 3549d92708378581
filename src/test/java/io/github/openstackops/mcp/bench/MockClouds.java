package io.github.openstackops.mcp.bench;

import io.github.openstackops.mcp.support.FakeOpenStack;

/** Simulated clouds for the benchmark, on loopback. */
final class MockClouds {

    private MockClouds() {
    }

    /** Recorded testbed responses with no added latency: what is measured is the server's own overhead. */
    static FakeOpenStack fast() {
        return FakeOpenStack.start().withoutRequestLog()
                .on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-limit3.json")
                .on("GET", "/compute/v2.1/flavors/.*", 200, "servers/flavor-web-1.json")
                .on("GET", "/image/v2/images/.*", 200, "servers/image-web-1.json");
    }
}
