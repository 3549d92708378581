package io.github.openstackops.mcp.cluster;

import io.github.openstackops.mcp.compute.InventoryToolsTestBase;
import io.github.openstackops.mcp.support.FakeOpenStack;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** service_status against recorded version documents of every catalog service. */
class ServiceStatusToolsTest extends InventoryToolsTestBase {

    @Test
    void every_catalog_service_is_probed_at_its_root_without_a_token() {
        property("openstack.endpoint-ports.volume", 1);
        asDemo();
        for (String svc : new String[]{"compute", "identity", "network", "image", "orchestration", "placement"}) {
            on("GET", "/" + svc + "/", svc.equals("compute") || svc.equals("network") || svc.equals("placement")
                    ? 200 : 300, "version-" + svc + ".json");
        }
        fake.on("GET", "/image/", r -> FakeOpenStack.Reply.json(503, "{\"message\": \"down for maintenance\"}"));

        Map<String, Object> report = tools.ok("service_status", Map.of("timeout_seconds", 2));

        Map<String, Map<String, Object>> byType = new java.util.HashMap<>();
        list(report.get("services")).forEach(s -> byType.put((String) s.get("type"), s));
        assertThat(byType.keySet()).containsExactlyInAnyOrder("compute", "identity", "network", "image",
                "orchestration", "placement", "volumev3");
        assertThat(byType.get("compute")).containsEntry("status", "ok").containsEntry("http_status", 200)
                .containsEntry("api_version", "v2.1").containsEntry("max_microversion", "2.93")
                .containsEntry("probed_url", fake.base() + "/compute/").containsKey("latency_ms");
        assertThat(byType.get("identity")).containsEntry("status", "ok").containsEntry("api_version", "v3.14");
        assertThat(byType.get("placement")).containsEntry("max_microversion", "1.39");
        assertThat(byType.get("image")).containsEntry("status", "error").containsEntry("http_status", 503);
        assertThat(byType.get("volumev3")).containsEntry("status", "unreachable")
                .containsEntry("probed_url", "http://127.0.0.1:1/volume/")
                .containsEntry("error", "The connection was refused (is the service up?).");
        assertThat((String) byType.get("volumev3").get("endpoint")).startsWith("http://127.0.0.1:1/volume/v3/");
        assertThat(report).containsEntry("count", 7).containsEntry("ok", 5).containsEntry("failing", 2)
                .containsEntry("endpoint_interface", "public");
        assertThat(fake.requests("GET", "/compute/")).allSatisfy(r -> assertThat(header(r, "X-Auth-Token")).isNull());
    }
}
