package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Host aggregate tools against the aggregate recorded by testbed/record/compute-reach.sh (admin, Nova 2.41). */
class AggregateToolsTest extends InventoryToolsTestBase {

    private static final String AGGREGATES = NOVA + "/os-aggregates";
    private static final String NAME = "h13-rec-24900-agg2";

    private void reach(String method, String path, int status, String file) {
        fake.on(method, path, status, "compute-reach/" + file);
    }

    @Test
    void list_and_get_by_name_show_hosts_zone_and_metadata() {
        asAdmin();
        reach("GET", AGGREGATES, 200, "aggregates.json");

        Map<String, Object> all = tools.ok("aggregate_list", Map.of());
        Map<String, Object> one = tools.ok("aggregate_get", Map.of("aggregate", NAME));

        assertThat(all).containsEntry("count", 1);
        assertThat(one).containsEntry("id", 1L).containsEntry("name", NAME)
                .containsEntry("hosts", List.of("compute2")).containsEntry("metadata", Map.of("ssd", "true"))
                .doesNotContainKey("availability_zone");
        assertThat(header(last("GET", AGGREGATES), "X-OpenStack-Nova-API-Version")).isEqualTo("2.41");
        assertThat(tools.error("aggregate_get", Map.of("aggregate", "nope"))).contains("Host aggregate 'nope' was not found");
    }

    @Test
    void create_and_update_send_name_and_zone() {
        asAdmin();
        reach("POST", AGGREGATES, 200, "aggregate-create.json");
        reach("GET", AGGREGATES + "/1", 200, "aggregate.json");
        reach("PUT", AGGREGATES + "/1", 200, "aggregate-update.json");

        Map<String, Object> created = tools.ok("aggregate_create", Map.of("name", "h13-rec-24900-agg"));
        Map<String, Object> updated = tools.ok("aggregate_update", Map.of("aggregate", "1", "name", NAME));

        assertThat(last("POST", AGGREGATES).body()).isEqualTo("{\"aggregate\":{\"name\":\"h13-rec-24900-agg\",\"availability_zone\":null}}");
        assertThat(map(created.get("aggregate"))).containsEntry("name", "h13-rec-24900-agg");
        assertThat(last("PUT", AGGREGATES + "/1").body()).isEqualTo("{\"aggregate\":{\"name\":\"" + NAME + "\"}}");
        assertThat(map(updated.get("aggregate"))).containsEntry("name", NAME);
        assertThat(tools.error("aggregate_update", Map.of("aggregate", "1"))).contains("nothing to change");
    }

    @Test
    void hosts_are_added_and_removed_and_an_unknown_host_is_named() {
        asAdmin();
        String empty = fake.recorded("compute-reach/aggregate.json").replace("\"compute2\"", "").replace("[\n   \n  ]", "[]");
        fake.on("GET", AGGREGATES + "/1", r -> Reply.json(200, empty));
        fake.on("POST", AGGREGATES + "/1/action", r -> r.body().contains("no-such-host")
                ? Reply.json(404, fake.recorded("compute-reach/aggregate-add-host-404.json"))
                : Reply.json(200, fake.recorded("compute-reach/aggregate-add-host.json")));

        Map<String, Object> added = tools.ok("aggregate_host_add", Map.of("aggregate", "1", "host", "compute2"));

        assertThat(last("POST", AGGREGATES + "/1/action").body()).isEqualTo("{\"add_host\":{\"host\":\"compute2\"}}");
        assertThat(map(added.get("aggregate"))).containsEntry("hosts", List.of("compute2"));
        assertThat(tools.error("aggregate_host_add", Map.of("aggregate", "1", "host", "no-such-host")))
                .contains("Compute host no-such-host could not be found");
        assertThat(tools.error("aggregate_host_remove", Map.of("aggregate", "1", "host", "compute2")))
                .contains("is not in aggregate");
    }

    @Test
    void host_remove_and_metadata_set_with_unset_keys() {
        asAdmin();
        reach("GET", AGGREGATES + "/1", 200, "aggregate.json");
        fake.on("POST", AGGREGATES + "/1/action", r -> Reply.json(200, fake.recorded(r.body().contains("remove_host")
                ? "compute-reach/aggregate-remove-host.json" : "compute-reach/aggregate-set-metadata.json")));

        Map<String, Object> removed = tools.ok("aggregate_host_remove", Map.of("aggregate", "1", "host", "compute2"));
        Map<String, Object> set = tools.ok("aggregate_metadata_set", Map.of("aggregate", "1",
                "metadata", Map.of("ssd", "true"), "unset", List.of("gpu")));

        assertThat(map(removed.get("aggregate"))).containsEntry("hosts", List.of());
        assertThat(last("POST", AGGREGATES + "/1/action").body())
                .isEqualTo("{\"set_metadata\":{\"metadata\":{\"ssd\":\"true\",\"gpu\":null}}}");
        assertThat(map(set.get("aggregate"))).containsEntry("metadata", Map.of("ssd", "true"));
        assertThat(tools.error("aggregate_metadata_set", Map.of("aggregate", "1"))).contains("Give 'metadata'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void delete_previews_the_hosts_then_removes_them_before_deleting() {
        asAdmin();
        reach("GET", AGGREGATES + "/1", 200, "aggregate.json");
        reach("POST", AGGREGATES + "/1/action", 200, "aggregate-remove-host.json");
        // Nova refuses to delete an aggregate that still has hosts (recorded): they must go first
        fake.on("DELETE", AGGREGATES + "/1", r -> fake.count("POST", AGGREGATES + "/1/action") == 0
                ? Reply.json(400, fake.recorded("compute-reach/aggregate-delete-not-empty.json"))
                : new Reply(200, "", Map.of()));

        Map<String, Object> preview = map(tools.ok("aggregate_delete", Map.of("aggregate", "1")).get("preview"));

        assertThat(list(preview.get("resources"))).extracting(r -> r.get("type") + " " + r.get("name"))
                .containsExactly("aggregate " + NAME, "compute_host compute2");
        assertThat((List<String>) preview.get("warnings")).anySatisfy(w -> assertThat(w).contains("[ssd]"));
        assertThat(fake.count("DELETE", ".*")).isZero();

        Map<String, Object> done = tools.confirmed("aggregate_delete", Map.of("aggregate", "1"));

        assertThat(done).containsEntry("hosts_removed", List.of("compute2"));
        assertThat(fake.requests().stream().filter(r -> !r.method().equals("GET") && r.path().contains("os-aggregates"))
                .map(r -> r.method() + " " + r.body()))
                .containsExactly("POST {\"remove_host\":{\"host\":\"compute2\"}}", "DELETE ");
    }
}
