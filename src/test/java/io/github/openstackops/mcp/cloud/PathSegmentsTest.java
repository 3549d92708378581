package io.github.openstackops.mcp.cloud;

import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.http.PooledOkHttpConnector;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.ToolHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openstack4j.core.transport.HttpMethod;
import org.openstack4j.core.transport.HttpRequest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A name or id a caller gives never becomes a dot segment or a path separator in a URL sent to OpenStack: {@code .}
 * would address the collection ({@code GET …/os-keypairs/}), {@code ..} its parent, {@code a/b} a sub-resource.
 */
class PathSegmentsTest {

    private ToolHarness tools;
    private FakeOpenStack fake;

    @BeforeEach
    void start() {
        fake = FakeOpenStack.start()
                .on("GET", "/compute/v2.1/os-keypairs", 200, "compute-inventory/keypairs.json")
                .on("GET", "/compute/v2.1/os-keypairs/", 200, "compute-inventory/keypairs.json");
        tools = ToolHarness.on(fake).allowModify().start();
    }

    @AfterEach
    void stop() {
        tools.close();
    }

    @Test
    void dot_segments_and_separators_are_refused_before_anything_reaches_the_cloud() {
        for (String name : List.of(".", "..", " .. ", "a/b", "../servers", "a\\b")) {
            assertThat(tools.error("keypair_get", Map.of("keypair", name))).as(name)
                    .contains("cannot be").doesNotContain("was not found");
            assertThat(tools.error("flavor_get", Map.of("flavor", name))).as(name).contains("cannot be");
        }
        assertThat(fake.requests()).noneMatch(r -> r.path().startsWith("/compute/"));
    }

    @Test
    void a_segment_is_percent_encoded_and_checked() {
        assertThat(Json.segment("my key?x=1")).isEqualTo("my%20key%3Fx%3D1");
        assertThat(Json.segment("...")).isEqualTo("...");
        for (String bad : List.of("", ".", "..", "a/b", "a\\b")) {
            assertThatThrownBy(() -> Json.segment(bad)).as(bad).isInstanceOf(ToolException.class);
        }
    }

    @Test
    void the_connector_refuses_any_url_with_a_dot_segment_whoever_built_it() {
        for (String path : List.of("/os-keypairs/.", "/os-keypairs/..", "/a/./b", "/a/%2e%2E/b", "/a/.%2e")) {
            HttpRequest<Void> request = HttpRequest.builder().method(HttpMethod.GET)
                    .endpoint(fake.base() + "/compute/v2.1").path(path).build();
            assertThatThrownBy(() -> new PooledOkHttpConnector().execute(request)).as(path)
                    .isInstanceOf(ToolException.class);
        }
        assertThat(fake.requests()).isEmpty();
    }
}
