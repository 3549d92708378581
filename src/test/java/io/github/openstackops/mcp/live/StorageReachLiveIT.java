package io.github.openstackops.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.live.LiveCloud.json;
import static io.github.openstackops.mcp.live.LiveCloud.openstack;
import static io.github.openstackops.mcp.live.LiveCloud.openstackAdmin;
import static io.github.openstackops.mcp.live.LiveCloud.openstackAdminStatus;
import static io.github.openstackops.mcp.live.LiveCloud.openstackStatus;
import static io.github.openstackops.mcp.live.LiveCloud.otherCli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The block-storage operations beyond the basics, each done by a tool against the testbed and checked with the
 * openstack (or cinder) CLI: a volume offered by demo and accepted by admin, then uploaded to an image; a transfer
 * withdrawn; a QoS spec through its life with a volume type; a volume group with a volume and a group snapshot; and
 * the seed volume's attachment. Everything is named storimg-RUN and removed at the end, also when a test fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StorageReachLiveIT {

    private final String name = "storimg-" + LiveCloud.RUN;
    private final String volume = name + "-vol";
    private final String image = name + "-img";
    private final String qos = name + "-qos";
    private final String type = name + "-type";
    private final String groupType = name + "-gtype";
    private final String group = name + "-grp";
    private final String groupVolume = name + "-gvol";
    private final String groupSnapshot = name + "-gsnap";
    private LiveTools demo;
    private LiveTools admin;
    private String groupId;
    private String snapshotId;

    @BeforeAll
    void start() {
        demo = LiveTools.demo();
        admin = LiveTools.admin();
    }

    @AfterAll
    void cleanUp() {
        try {
            if (snapshotId != null) {
                openstackStatus("--os-volume-api-version", "3.14", "volume", "group", "snapshot", "delete", snapshotId);
                sleep();
            }
            if (groupId != null) {
                openstackStatus("--os-volume-api-version", "3.13", "volume", "group", "delete", "--force", groupId);
                sleep();
            }
            openstackAdminStatus("--os-volume-api-version", "3.11", "volume", "group", "type", "delete", groupType);
            openstackAdminStatus("image", "delete", image);
            openstackAdminStatus("volume", "delete", volume);
            openstackStatus("volume", "transfer", "request", "delete", name);
            openstackStatus("volume", "delete", volume);
            openstackAdminStatus("volume", "qos", "delete", "--force", qos);
            openstackAdminStatus("volume", "type", "delete", type);
        } finally {
            LiveTools.close(demo, admin);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(4000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> result, String key) {
        return (List<Map<String, Object>>) result.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    @Order(1)
    void demo_offers_a_volume_admin_accepts_it_and_uploads_it_to_an_image() {
        String id = openstack("volume", "create", "--size", "1", "-f", "value", "-c", "id", volume);
        for (int i = 0; i < 30 && !openstack("volume", "show", id, "-f", "value", "-c", "status").equals("available"); i++) {
            sleep();
        }
        Map<String, Object> created = demo.ok("volume_transfer_create", Map.of("volume", volume, "name", name));
        String transfer = (String) map(created.get("transfer")).get("id");
        String key = (String) created.get("auth_key");
        assertThat(openstack("volume", "transfer", "request", "list", "-f", "value", "-c", "ID")).contains(transfer);
        assertThat(openstack("volume", "show", id, "-f", "value", "-c", "status")).isEqualTo("awaiting-transfer");
        assertThat(list(demo.ok("volume_transfer_list", Map.of("volume", id)), "transfers"))
                .extracting(t -> t.get("id")).containsExactly(transfer);
        assertThat(admin.error("volume_transfer_accept", Map.of("transfer", transfer, "auth_key", "not-the-key")))
                .contains("Invalid auth key");

        Map<String, Object> accepted = admin.ok("volume_transfer_accept", Map.of("transfer", transfer, "auth_key", key));

        assertThat(map(accepted.get("volume"))).containsEntry("id", id);
        String adminProject = openstackAdmin("project", "show", "admin", "-f", "value", "-c", "id");
        assertThat(json(openstackAdmin("volume", "show", id, "-f", "json")).path("os-vol-tenant-attr:tenant_id").asText())
                .isEqualTo(adminProject);

        Map<String, Object> uploaded = admin.ok("volume_image_create", Map.of("volume", id, "image_name", image));
        assertThat(uploaded).containsEntry("done", true);
        String imageId = (String) map(uploaded.get("image")).get("id");
        JsonNode shown = json(openstackAdmin("image", "show", imageId, "-f", "json"));
        assertThat(shown.path("status").asText()).isEqualTo("active");
        assertThat(shown.path("name").asText()).isEqualTo(image);
        assertThat(openstackAdmin("volume", "show", id, "-f", "value", "-c", "status")).isEqualTo("available");
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void a_transfer_is_withdrawn_after_a_preview_and_the_volume_stays() {
        String id = openstackAdmin("volume", "show", volume, "-f", "value", "-c", "id");
        String transfer = (String) map(admin.ok("volume_transfer_create", Map.of("volume", id)).get("transfer")).get("id");

        Map<String, Object> preview = map(admin.ok("volume_transfer_delete", Map.of("transfer", transfer)).get("preview"));
        assertThat((List<Map<String, Object>>) preview.get("resources")).extracting(r -> r.get("type"))
                .containsExactly("volume_transfer", "volume");
        admin.confirmed("volume_transfer_delete", Map.of("transfer", transfer));

        assertThat(openstackAdmin("volume", "transfer", "request", "list", "-f", "value", "-c", "ID")).doesNotContain(transfer);
        assertThat(openstackAdmin("volume", "show", id, "-f", "value", "-c", "status")).isEqualTo("available");
    }

    @Test
    @Order(3)
    void a_qos_spec_is_created_associated_disassociated_and_deleted_and_the_cli_agrees() {
        openstackAdmin("volume", "type", "create", type);
        Map<String, Object> created = admin.ok("volume_qos_create", Map.of("name", qos, "consumer", "front_end",
                "specs", Map.of("total_iops_sec", "500")));
        assertThat(map(created.get("qos_spec"))).containsEntry("consumer", "front-end");
        JsonNode shown = json(openstackAdmin("volume", "qos", "show", qos, "-f", "json"));
        assertThat(shown.path("properties").path("total_iops_sec").asText()).isEqualTo("500");
        assertThat(list(admin.ok("volume_qos_list", Map.of("limit", 100)), "qos_specs")).extracting(q -> q.get("name"))
                .contains(qos);
        assertThat(demo.error("volume_qos_list", Map.of())).contains("HTTP 403");

        admin.ok("volume_qos_associate", Map.of("qos", qos, "volume_type", type));
        assertThat(openstackAdmin("volume", "qos", "show", qos, "-f", "json")).contains(type);
        assertThat(admin.ok("volume_qos_get", Map.of("qos", qos)).get("volume_types").toString()).contains(type);
        admin.ok("volume_qos_disassociate", Map.of("qos", qos, "volume_type", type));
        assertThat(openstackAdmin("volume", "qos", "show", qos, "-f", "json")).doesNotContain(type);

        admin.ok("volume_qos_associate", Map.of("qos", qos, "volume_type", type));
        Map<String, Object> preview = map(admin.ok("volume_qos_delete", Map.of("qos", qos)).get("preview"));
        assertThat(preview.get("resources").toString()).contains(type);
        admin.confirmed("volume_qos_delete", Map.of("qos", qos));
        assertThat(openstackAdmin("volume", "qos", "list", "-f", "value", "-c", "Name")).doesNotContain(qos);
    }

    @Test
    @Order(4)
    void a_volume_group_with_a_volume_and_a_group_snapshot_reads_as_the_cli_shows_it() {
        openstackAdmin("--os-volume-api-version", "3.11", "volume", "group", "type", "create", groupType);
        openstack("--os-volume-api-version", "3.13", "volume", "group", "create", groupType, "__DEFAULT__",
                "--name", group);
        for (int i = 0; i < 20 && groupId == null; i++) {
            for (JsonNode g : json(openstack("--os-volume-api-version", "3.50", "volume", "group", "list", "-f", "json"))) {
                if (group.equals(g.path("Name").asText()) && "available".equals(g.path("Status").asText())) {
                    groupId = g.path("ID").asText();
                }
            }
            if (groupId == null) {
                sleep();
            }
        }
        assertThat(groupId).as("group %s available", group).isNotNull();
        otherCli(false, "cinder", "--os-volume-api-version", "3.13", "create", "--group-id", groupId,
                "--volume-type", "__DEFAULT__", "--name", groupVolume, "1");
        String volumeId = openstack("volume", "show", groupVolume, "-f", "value", "-c", "id");
        for (int i = 0; i < 20 && !openstack("volume", "show", groupVolume, "-f", "value", "-c", "status")
                .equals("available"); i++) {
            sleep();
        }
        openstack("--os-volume-api-version", "3.14", "volume", "group", "snapshot", "create", "--name", groupSnapshot,
                groupId);
        for (int i = 0; i < 20 && snapshotId == null; i++) {
            for (JsonNode s : json(openstack("--os-volume-api-version", "3.50", "volume", "group", "snapshot", "list",
                    "-f", "json"))) {
                if (groupSnapshot.equals(s.path("Name").asText()) && "available".equals(s.path("Status").asText())) {
                    snapshotId = s.path("ID").asText();
                }
            }
            if (snapshotId == null) {
                sleep();
            }
        }
        assertThat(snapshotId).as("group snapshot %s available", groupSnapshot).isNotNull();

        assertThat(list(demo.ok("volume_group_list", Map.of("name", group)), "groups")).extracting(g -> g.get("id"))
                .containsExactly(groupId);
        Map<String, Object> detail = demo.ok("volume_group_get", Map.of("group", group));
        assertThat(detail).containsEntry("volume_ids", List.of(volumeId)).containsEntry("status", "available");
        assertThat(map(detail.get("group_type"))).containsEntry("name", groupType);
        assertThat(list(demo.ok("volume_group_snapshot_list", Map.of("group", group)), "group_snapshots"))
                .extracting(s -> s.get("id")).containsExactly(snapshotId);
        assertThat(demo.ok("volume_group_snapshot_get", Map.of("group_snapshot", groupSnapshot)))
                .containsEntry("group_id", groupId).containsEntry("status", "available");
    }

    @Test
    @Order(5)
    void the_seed_volumes_attachment_reads_as_the_cli_lists_it() {
        JsonNode cli = json(openstack("--os-volume-api-version", "3.27", "volume", "attachment", "list", "-f", "json"));
        String volumeId = openstack("volume", "show", "web-vol", "-f", "value", "-c", "id");
        JsonNode expected = null;
        for (JsonNode a : cli) {
            if (volumeId.equals(a.path("Volume ID").asText())) {
                expected = a;
            }
        }
        assertThat(expected).as("web-vol's attachment in the CLI").isNotNull();
        List<Map<String, Object>> attachments = list(demo.ok("volume_attachment_list", Map.of("volume", "web-vol")),
                "attachments");
        assertThat(attachments).extracting(a -> a.get("id")).containsExactly(expected.path("ID").asText());
        Map<String, Object> one = demo.ok("volume_attachment_get", Map.of("attachment", expected.path("ID").asText()));
        assertThat(one).containsEntry("server_id", expected.path("Server ID").asText()).containsEntry("status", "attached");
    }
}
