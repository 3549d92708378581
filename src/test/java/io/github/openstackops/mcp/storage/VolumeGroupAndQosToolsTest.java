package io.github.openstackops.mcp.storage;

import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import io.github.openstackops.mcp.support.ToolHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.storage.VolumeTransferToolsTest.CINDER;
import static io.github.openstackops.mcp.storage.VolumeTransferToolsTest.DIR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Volume groups, group snapshots, attachments and QoS specs against Cinder responses recorded by
 * testbed/record/storage-reach.sh (a group of a new group type with one volume and a group snapshot; the seed volume
 * web-vol attached to web-1; a QoS spec associated with a new volume type).
 */
class VolumeGroupAndQosToolsTest {

    static final String GROUP = "97822fd9-023b-460b-be8b-e9fcf6df7783";
    static final String GROUP_SNAPSHOT = "5e24d7e9-7fcc-46dd-bead-15a48ac73a2f";
    static final String ATTACHMENT = "6cbedd95-63ec-4b78-a579-276c0a4d5d12";
    static final String QOS = "3cf63de2-1f90-4c29-a666-faf4f9f476d9";
    static final String TYPE = "ffc1a685-5a91-4d19-b420-4edfcca5a51f";

    private final FakeOpenStack fake = FakeOpenStack.start();
    private ToolHarness tools;

    private void demo() {
        tools = ToolHarness.on(fake).allowModify().start();
    }

    private void admin() {
        fake.asAdmin();
        tools = ToolHarness.on(fake).allowModify().asAdmin().start();
    }

    @AfterEach
    void stop() {
        if (tools != null) {
            tools.close();
        } else {
            fake.close();
        }
    }

    private void on(String method, String path, int status, String file) {
        fake.on(method, CINDER + path, status, DIR + file);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @Test
    void volume_group_list_and_get_show_type_volumes_and_paging_in_cinder() {
        on("GET", "/groups/detail", 200, "groups-detail.json");
        on("GET", "/groups/" + GROUP, 200, "group.json");
        on("GET", "/group_types/.*", 200, "group-types.json");
        fake.on("GET", CINDER + "/group_types/ea762cf0-5af1-4900-827e-14af5e2d7d08", r -> Reply.json(200,
                "{\"group_type\": {\"id\": \"ea762cf0-5af1-4900-827e-14af5e2d7d08\", \"name\": \"rec-sr-7398-gtype\"}}"));
        demo();

        Map<String, Object> page = tools.ok("volume_group_list", Map.of("limit", 1));
        Map<String, Object> group = tools.ok("volume_group_get", Map.of("group", GROUP));

        assertThat(FakeOpenStack.queryParams(fake.requests("GET", CINDER + "/groups/detail").get(0)))
                .contains("limit=2", "sort=created_at:desc,id:desc");
        assertThat(page).containsEntry("count", 1).doesNotContainKey("next_marker");
        assertThat(list(page.get("groups")).get(0)).containsEntry("name", "rec-sr-7398-grp")
                .containsEntry("group_type_id", "ea762cf0-5af1-4900-827e-14af5e2d7d08");
        assertThat(FakeOpenStack.queryParams(fake.requests("GET", CINDER + "/groups/" + GROUP).get(1)))
                .contains("list_volume=True");
        assertThat(group).containsEntry("volume_ids", List.of("157dcc27-3f04-4cd6-9c64-865ddb3ebc8c"))
                .containsEntry("group_type", Map.of("id", "ea762cf0-5af1-4900-827e-14af5e2d7d08",
                        "name", "rec-sr-7398-gtype"));
    }

    @Test
    void volume_group_snapshot_list_by_group_and_get_by_name() {
        on("GET", "/groups/" + GROUP, 200, "group.json");
        on("GET", "/group_types/.*", 404, "transfer-404.json");
        on("GET", "/group_snapshots/detail", 200, "group-snapshots-detail.json");
        demo();

        Map<String, Object> page = tools.ok("volume_group_snapshot_list", Map.of("group", GROUP));
        Map<String, Object> snapshot = tools.ok("volume_group_snapshot_get", Map.of("group_snapshot", "rec-sr-7398-gsnap"));

        assertThat(FakeOpenStack.queryParams(fake.requests("GET", CINDER + "/group_snapshots/detail").get(0)))
                .contains("group_id=" + GROUP);
        assertThat(list(page.get("group_snapshots"))).extracting(s -> s.get("id")).containsExactly(GROUP_SNAPSHOT);
        assertThat(snapshot).containsEntry("id", GROUP_SNAPSHOT).containsEntry("group_id", GROUP)
                .containsEntry("status", "available");
    }

    @Test
    void volume_attachments_leave_the_connection_details_out() {
        on("GET", "/attachments/detail", 200, "attachments-detail.json");
        on("GET", "/attachments/" + ATTACHMENT, 200, "attachment.json");
        demo();

        Map<String, Object> page = tools.ok("volume_attachment_list", Map.of("server",
                "5aa0495f-2b13-4ee7-91c9-fa615e93ae8c"));
        Map<String, Object> one = tools.ok("volume_attachment_get", Map.of("attachment", ATTACHMENT));

        assertThat(FakeOpenStack.queryParams(fake.requests("GET", CINDER + "/attachments/detail").get(0)))
                .contains("instance_id=5aa0495f-2b13-4ee7-91c9-fa615e93ae8c");
        assertThat(list(page.get("attachments"))).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("status", "attached").containsEntry("attach_mode", "rw").doesNotContainKey("detached_at"));
        assertThat(one).containsEntry("server_id", "5aa0495f-2b13-4ee7-91c9-fa615e93ae8c");
        assertThat(page.toString() + one).doesNotContain("device_path").doesNotContain("connection_info");
        assertThat(tools.error("volume_attachment_get", Map.of("attachment", "00000000-0000-0000-0000-000000000000")))
                .contains("was not found");
    }

    @Test
    void volume_qos_list_and_get_show_limits_and_the_types_that_carry_them() {
        on("GET", "/qos-specs", 200, "qos-specs.json");
        on("GET", "/qos-specs/" + QOS, 200, "qos-spec.json");
        on("GET", "/qos-specs/" + QOS + "/associations", 200, "qos-associations.json");
        admin();

        Map<String, Object> page = tools.ok("volume_qos_list", Map.of());
        Map<String, Object> one = tools.ok("volume_qos_get", Map.of("qos", "rec-sr-7398-qos"));

        assertThat(list(page.get("qos_specs"))).singleElement().satisfies(q -> assertThat(q)
                .containsEntry("consumer", "front-end").containsEntry("specs", Map.of("total_iops_sec", "500")));
        assertThat(one.get("volume_types")).isEqualTo(List.of(Map.of("id", TYPE, "name", "rec-sr-7398-type")));
    }

    @Test
    void volume_qos_list_as_demo_is_cinders_policy_refusal() {
        on("GET", "/qos-specs", 403, "qos-specs-demo-403.json");
        demo();

        assertThat(tools.error("volume_qos_list", Map.of())).contains("HTTP 403").contains("qos_specs_manage:get_all");
    }

    @Test
    void volume_qos_create_sends_name_consumer_and_limits() {
        on("POST", "/qos-specs", 200, "qos-created.json");
        admin();

        Map<String, Object> created = tools.ok("volume_qos_create", Map.of("name", "rec-sr-7398-qos",
                "consumer", "front_end", "specs", Map.of("total_iops_sec", "500")));

        assertThat(fake.requests("POST", CINDER + "/qos-specs").get(0).body()).isEqualTo(
                "{\"qos_specs\":{\"total_iops_sec\":\"500\",\"name\":\"rec-sr-7398-qos\",\"consumer\":\"front-end\"}}");
        assertThat(created.get("qos_spec")).asString().contains(QOS);
        assertThat(tools.error("volume_qos_create", Map.of("name", "x", "specs", Map.of()))).contains("at least one");
    }

    @Test
    void volume_qos_associate_and_disassociate_check_what_the_type_carries() {
        on("GET", "/qos-specs/" + QOS, 200, "qos-spec.json");
        on("GET", "/types/" + TYPE, 200, "type-with-qos.json");
        on("GET", "/qos-specs/" + QOS + "/associations", 200, "qos-associations.json");
        fake.on("GET", CINDER + "/qos-specs/" + QOS + "/(dis)?associate", r -> new Reply(202, "", Map.of()));
        admin();

        assertThat(tools.error("volume_qos_associate", Map.of("qos", QOS, "volume_type", TYPE)))
                .contains("already associated");
        Map<String, Object> off = tools.ok("volume_qos_disassociate", Map.of("qos", QOS, "volume_type", TYPE));

        assertThat(FakeOpenStack.queryParams(fake.requests("GET", CINDER + "/qos-specs/" + QOS + "/disassociate").get(0)))
                .containsExactly("vol_type_id=" + TYPE);
        assertThat((String) off.get("message")).contains("no longer carries");

        on("GET", "/qos-specs/" + QOS + "/associations", 200, "qos-associations-none.json");
        fake.on("GET", CINDER + "/types/" + TYPE, r -> Reply.json(200, fake.recorded(DIR + "type-with-qos.json")
                .replace("\"qos_specs_id\": \"" + QOS + "\"", "\"qos_specs_id\": null")));
        tools.ok("volume_qos_associate", Map.of("qos", QOS, "volume_type", TYPE));
        assertThat(fake.count("GET", CINDER + "/qos-specs/" + QOS + "/associate")).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void volume_qos_delete_previews_the_types_then_disassociates_them_before_deleting() {
        on("GET", "/qos-specs/" + QOS, 200, "qos-spec.json");
        on("GET", "/qos-specs/" + QOS + "/associations", 200, "qos-associations.json");
        fake.on("GET", CINDER + "/qos-specs/" + QOS + "/disassociate_all", r -> new Reply(202, "", Map.of()));
        // Cinder refuses to delete a spec still in use (recorded): the associations go first
        fake.on("DELETE", CINDER + "/qos-specs/" + QOS, r -> fake.count("GET", CINDER + "/qos-specs/.*/disassociate_all") == 0
                ? Reply.json(400, fake.recorded(DIR + "qos-delete-in-use-400.json")) : new Reply(202, "", Map.of()));
        admin();

        Map<String, Object> preview = (Map<String, Object>) tools.ok("volume_qos_delete", Map.of("qos", QOS)).get("preview");
        assertThat(list(preview.get("resources"))).extracting(r -> r.get("type") + " " + r.get("name"))
                .containsExactly("qos_spec rec-sr-7398-qos", "volume_type rec-sr-7398-type");
        assertThat(fake.count("DELETE", ".*")).isZero();

        Map<String, Object> done = tools.confirmed("volume_qos_delete", Map.of("qos", QOS));

        assertThat(done).containsEntry("gone", true);
        assertThat((String) done.get("message")).contains("disassociated from [rec-sr-7398-type]");
    }
}
