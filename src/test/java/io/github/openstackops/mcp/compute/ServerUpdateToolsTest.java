package io.github.openstackops.mcp.compute;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** server_update against the rename recorded by testbed/record/compute-reach.sh. */
class ServerUpdateToolsTest extends ServerToolTestBase {

    private static final String BFV = "0b777589-c95d-4a40-a522-5254efd4f48e";

    @Test
    void update_renames_and_describes_at_the_microversion_that_knows_descriptions() {
        fake.on("GET", NOVA + "/servers/" + BFV, 200, "compute-reach/server-bfv-active.json")
                .on("PUT", NOVA + "/servers/" + BFV, 200, "compute-reach/server-update.json");

        Map<String, Object> result = tools.ok("server_update", Map.of("server", BFV, "name", "h13-rec-24900-renamed",
                "description", "recorded"));

        assertThat(fake.requests("PUT", NOVA + "/servers/" + BFV)).singleElement().satisfies(r -> {
            assertSameJson(r.body(), "{\"server\":{\"name\":\"h13-rec-24900-renamed\",\"description\":\"recorded\"}}");
            assertThat(microversion(r)).isEqualTo("2.19");
        });
        assertThat(result).containsEntry("id", BFV).containsEntry("previous_name", "h13-rec-24900")
                .containsEntry("name", "h13-rec-24900-renamed").containsEntry("description", "recorded");
        assertThat((String) result.get("message")).contains("renamed from 'h13-rec-24900' to 'h13-rec-24900-renamed'");
    }

    @Test
    void an_empty_description_clears_it_and_an_update_without_changes_is_refused() {
        fake.on("PUT", NOVA + "/servers/" + WEB_1, 200, "compute-reach/server-update.json");

        assertThat(tools.error("server_update", Map.of("server", WEB_1))).contains("nothing to change");
        tools.ok("server_update", Map.of("server", WEB_1, "description", ""));

        assertThat(fake.requests("PUT", NOVA + "/servers/" + WEB_1)).singleElement()
                .satisfies(r -> assertSameJson(r.body(), "{\"server\":{\"description\":null}}"));
    }
}
