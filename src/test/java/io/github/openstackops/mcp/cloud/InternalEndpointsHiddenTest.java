package io.github.openstackops.mcp.cloud;

import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolOutcome;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.ToolHarness;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller learns that a service is unreachable and what to do, never where the server's cloud endpoints live (the
 * operator finds the URL in the server log).
 */
class InternalEndpointsHiddenTest {

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String errorOf(ToolHarness tools, String tool) {
        ToolOutcome outcome = tools.invoker().invoke(tool, Map.of(),
                ToolContext.quiet(new Caller("reader", Caller.AuthMethod.JWT, false), Surface.REST));
        assertThat(outcome).isInstanceOf(ToolOutcome.Error.class);
        return ((ToolOutcome.Error) outcome).message();
    }

    @Test
    void an_unreachable_keystone_is_named_without_its_url() throws IOException {
        int port = closedPort();
        try (ToolHarness tools = ToolHarness.on(FakeOpenStack.start())
                .property("openstack.auth-url", "http://127.0.0.1:" + port + "/identity/v3").start()) {
            String message = errorOf(tools, "server_list");

            assertThat(message).contains("Keystone is unreachable").contains("OS_AUTH_URL")
                    .doesNotContain(String.valueOf(port)).doesNotContain("127.0.0.1").doesNotContain("http");
        }
    }

    @Test
    void an_unreachable_service_is_reported_without_its_address() throws IOException {
        int port = closedPort();
        try (ToolHarness tools = ToolHarness.on(FakeOpenStack.start())
                .property("openstack.endpoint-ports.compute", port).start()) {
            String message = errorOf(tools, "server_list");

            assertThat(message).contains("could not be reached").doesNotContain(String.valueOf(port))
                    .doesNotContain("127.0.0.1");
        }
    }
}
