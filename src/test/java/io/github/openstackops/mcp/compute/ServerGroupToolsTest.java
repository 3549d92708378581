package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.support.FakeOpenStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Server group tools against recorded Nova responses (microversion 2.64). */
class ServerGroupToolsTest extends InventoryToolsTestBase {

    static final String GROUP = "761636c6-2380-4354-86a3-a15103688128";
    static final String MEMBER = "fa2ed235-82a9-4876-ad96-dc74cd46912b";

    @Test
    void server_group_list_pages_by_offset_behind_an_opaque_marker() {
        asDemo();
        on("GET", NOVA + "/os-server-groups", 200, "server-groups.json");

        Map<String, Object> page = tools.ok("server_group_list", Map.of("limit", 5, "marker", "10"));

        assertThat(query("GET", NOVA + "/os-server-groups")).contains("limit=6", "offset=10").doesNotContain("all_projects=True");
        assertThat(header(last("GET", NOVA + "/os-server-groups"), "X-OpenStack-Nova-API-Version")).isEqualTo("2.64");
        assertThat(list(page.get("server_groups")).get(0)).containsEntry("name", "rec11824-sg")
                .containsEntry("policy", "anti-affinity").containsEntry("max_server_per_host", 2)
                .containsEntry("member_count", 1);
        assertThat(page).doesNotContainKey("next_marker");

        tools.ok("server_group_list", Map.of("all_projects", true));
        assertThat(query("GET", NOVA + "/os-server-groups")).contains("all_projects=True", "offset=0");
        assertThat(tools.error("server_group_list", Map.of("marker", "abc"))).contains("next_marker");
    }

    @Test
    void server_group_get_by_name_names_its_members() {
        asDemo();
        on("GET", NOVA + "/os-server-groups", 200, "server-groups.json");
        on("GET", NOVA + "/servers/" + MEMBER, 200, "server-group-member.json");

        Map<String, Object> group = tools.ok("server_group_get", Map.of("server_group", "rec11824-sg"));

        assertThat(group).containsEntry("id", GROUP).containsEntry("member_count", 1);
        assertThat(list(group.get("members"))).containsExactly(Map.of("id", MEMBER, "name", "rec11824-member",
                "status", "ACTIVE"));
        assertThat(fake.count("GET", NOVA + "/servers/" + MEMBER)).isEqualTo(1);
    }

    @Test
    void server_group_create_sends_the_policy_and_its_rule() {
        asDemo();
        on("POST", NOVA + "/os-server-groups", 200, "server-group-create.json");

        Map<String, Object> created = tools.ok("server_group_create", Map.of("name", "rec11824-sg", "policy", "anti-affinity",
                "max_server_per_host", 2));

        assertThat(last("POST", NOVA + "/os-server-groups").body()).contains("\"policy\":\"anti-affinity\"",
                "\"rules\":{\"max_server_per_host\":2}");
        assertThat(map(created.get("server_group"))).containsEntry("id", GROUP).containsEntry("member_count", 0);
        assertThat(tools.error("server_group_create", Map.of("name", "x", "policy", "affinity", "max_server_per_host", 2)))
                .contains("only applies to the anti-affinity policy");
        assertThat(tools.error("server_group_create", Map.of("name", "x", "policy", "spread"))).contains("policy");
        assertThat(fake.count("POST", ".*")).isEqualTo(1 + fake.authentications());
    }

    @Test
    @SuppressWarnings("unchecked")
    void server_group_delete_previews_its_members_then_deletes() {
        asDemo();
        on("GET", NOVA + "/os-server-groups/" + GROUP, 200, "server-group.json");
        on("GET", NOVA + "/servers/" + MEMBER, 200, "server-group-member.json");
        fake.on("DELETE", NOVA + "/os-server-groups/" + GROUP, r -> new FakeOpenStack.Reply(204, "", Map.of()));

        Map<String, Object> preview = map(tools.ok("server_group_delete", Map.of("server_group", GROUP)).get("preview"));

        assertThat(list(preview.get("resources"))).extracting(r -> r.get("type") + " " + r.get("name") + ": " + r.get("effect"))
                .containsExactly("server_group rec11824-sg: deleted",
                        "server rec11824-member: keeps running; no longer bound by the anti-affinity policy");
        assertThat((List<String>) preview.get("warnings")).anySatisfy(w -> assertThat(w).contains("1 member server"));

        Map<String, Object> done = tools.confirmed("server_group_delete", Map.of("server_group", GROUP));
        assertThat(done).containsEntry("member_count", 1);
        assertThat((String) done.get("message")).contains("member server keeps running");
        assertThat(fake.count("DELETE", NOVA + "/os-server-groups/" + GROUP)).isEqualTo(1);
    }
}
