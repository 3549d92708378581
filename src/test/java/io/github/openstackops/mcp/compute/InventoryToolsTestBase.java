package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.ToolHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compute inventory and cluster tools against responses recorded from the testbed
 * ({@code testbed/record/compute-inventory.sh}), as demo (project view) or admin (cloud view).
 */
public abstract class InventoryToolsTestBase {

    public static final String DIR = "compute-inventory/";
    public static final String DEMO = "8555d241e74c44ad9cc087c1e0ccee5b";
    public static final String ADMIN = "165691d20f104c0296c4aef3f2e93bac";
    public static final String NOVA = "/compute/v2.1";
    public static final String NEUTRON = "/network/v2.0";
    /** Cinder's endpoint carries the token's project id. */
    public static final String CINDER = "/volume/v3/[0-9a-f]+";

    protected ToolHarness tools;
    protected FakeOpenStack fake;

    @BeforeEach
    void startCloud() {
        fake = FakeOpenStack.start();
        tools = ToolHarness.on(fake).allowModify();
    }

    @AfterEach
    void stopCloud() {
        tools.close();
    }

    /** Starts the server's context as demo (routes may be added before or after). */
    protected void asDemo() {
        tools.start();
    }

    protected void asAdmin() {
        tools.asAdmin().start();
    }

    /** An extra configuration property, e.g. an endpoint port override (before asDemo/asAdmin). */
    protected void property(String name, Object value) {
        tools.property(name, value);
    }

    /** Serves a recorded file of this family. */
    protected void on(String method, String path, int status, String file) {
        fake.on(method, path, status, DIR + file);
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    protected static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    /** A request header, whatever its case. */
    protected static String header(FakeOpenStack.Request request, String name) {
        return request.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    protected List<String> query(String method, String path) {
        List<FakeOpenStack.Request> requests = fake.requests(method, path);
        assertThat(requests).as("requests %s %s", method, path).isNotEmpty();
        return FakeOpenStack.queryParams(requests.get(requests.size() - 1));
    }

    protected FakeOpenStack.Request last(String method, String path) {
        List<FakeOpenStack.Request> requests = fake.requests(method, path);
        assertThat(requests).as("requests %s %s", method, path).isNotEmpty();
        return requests.get(requests.size() - 1);
    }
}
