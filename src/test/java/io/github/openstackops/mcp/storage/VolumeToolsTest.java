package io.github.openstackops.mcp.storage;

import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import io.github.openstackops.mcp.support.ToolHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The volume tools against Cinder responses recorded from the testbed (testbed/record/storage.sh). */
class VolumeToolsTest {

    static final String CINDER = "/volume/v3/8555d241e74c44ad9cc087c1e0ccee5b";
    static final String WEB_VOL = "81727aaa-956e-4afc-a7a2-bd38498613fd";
    static final String DATA_VOL = "554f2290-893c-4f4b-9638-902248cd75f6";
    static final String REC_VOL = "ed6f9f83-f01e-47cb-bcb2-8f29b4f429b6";
    static final String REC_FAIL = "06dd84e5-7971-4bfc-a8ed-7c4f3c84b888";
    static final String WEB_1 = "90cb27f0-bdba-446b-991e-46d1a4093507";

    private ToolHarness tools;
    private FakeOpenStack fake;

    @BeforeEach
    void start() {
        fake = FakeOpenStack.start()
                .on("GET", CINDER + "/volumes/detail", 200, "storage/volumes-detail-limit2.json")
                .on("GET", CINDER + "/volumes/" + WEB_VOL, 200, "storage/volume-web-vol.json")
                .on("GET", CINDER + "/volumes/" + DATA_VOL, 200, "storage/volume-data-vol.json")
                .on("GET", CINDER + "/volumes/0000.*", 404, "storage/volume-404.json")
                .on("GET", CINDER + "/snapshots", 200, "storage/snapshots-none.json")
                .on("GET", CINDER + "/backups", r -> Reply.json(200, "{\"backups\": []}"))
                .on("GET", CINDER + "/types", 200, "storage/types-demo.json")
                .on("GET", "/compute/v2.1/servers/" + WEB_1, 200, "storage/server-web-1.json");
        tools = ToolHarness.on(fake).allowModify().start();
    }

    @AfterEach
    void stop() {
        tools.close();
    }

    private String volume(String file, String... replacements) {
        String body = fake.recorded(file);
        for (int i = 0; i < replacements.length; i += 2) {
            body = body.replace(replacements[i], replacements[i + 1]);
        }
        return body;
    }

    @Test
    @SuppressWarnings("unchecked")
    void volume_list_pages_in_cinder_at_its_microversion_and_names_servers_once() {
        Map<String, Object> page = tools.ok("volume_list", Map.of("limit", 1, "status", "in-use", "all_projects", true));

        FakeOpenStack.Request request = fake.requests("GET", CINDER + "/volumes/detail").get(0);
        assertThat(FakeOpenStack.queryParams(request)).contains("limit=2", "status=in-use", "all_tenants=1",
                "sort=created_at:desc,id:desc");
        assertThat(request.headers().get("Openstack-api-version")).containsExactly("volume 3.50");
        assertThat(page).containsEntry("count", 1).containsEntry("next_marker", WEB_VOL);
        Map<String, Object> vol = ((List<Map<String, Object>>) page.get("volumes")).get(0);
        assertThat(vol).containsEntry("name", "web-vol").containsEntry("status", "in-use").containsEntry("size_gb", 2)
                .containsEntry("volume_type", "__DEFAULT__").containsEntry("bootable", false)
                .containsEntry("created", "2026-11-22T04:54:52Z").doesNotContainKey("links");
        assertThat((List<Map<String, Object>>) vol.get("attached_to")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("server_id", WEB_1).containsEntry("server_name", "web-1")
                        .containsEntry("device", "/dev/sdb"));
        assertThat(fake.count("GET", "/compute/v2.1/servers/.*")).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void volume_get_by_name_filters_in_cinder_and_shows_attachments_and_flags() {
        fake.on("GET", CINDER + "/volumes/detail", 200, "storage/volumes-detail-name-web-vol.json");

        Map<String, Object> vol = tools.ok("volume_get", Map.of("volume", "web-vol"));

        assertThat(FakeOpenStack.queryParams(fake.requests("GET", CINDER + "/volumes/detail").get(0)))
                .contains("name=web-vol");
        assertThat(vol).containsEntry("id", WEB_VOL).containsEntry("encrypted", false)
                .containsEntry("multiattach", false).containsEntry("read_only", false)
                .containsEntry("metadata", Map.of());
        assertThat((List<Map<String, Object>>) vol.get("attachments")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("server_name", "web-1")
                        .containsEntry("attachment_id", "88031dfc-0dd4-4576-88db-1adbd41cf757"));
    }

    @Test
    void an_unknown_volume_is_a_sentence() {
        fake.on("GET", CINDER + "/volumes/detail", r -> Reply.json(200, "{\"volumes\": []}"));

        assertThat(tools.error("volume_get", Map.of("volume", "00000000-0000-0000-0000-000000000000")))
                .isEqualTo("Volume '00000000-0000-0000-0000-000000000000' was not found (or is not visible to this project).");
    }

    @Test
    void volume_create_posts_the_volume_and_waits_until_it_is_available() {
        AtomicInteger polls = new AtomicInteger();
        fake.on("POST", CINDER + "/volumes", 202, "storage/volume-create-rec-vol.json")
                .on("GET", CINDER + "/volumes/" + REC_VOL, r -> Reply.json(200, polls.incrementAndGet() < 3
                        ? fake.recorded("storage/volume-create-rec-vol.json")
                        : fake.recorded("storage/volume-rec-vol-available.json")));

        Map<String, Object> result = tools.ok("volume_create", Map.of("name", "rec-vol", "size_gb", 1,
                "volume_type", "__DEFAULT__", "description", "recorded", "metadata", Map.of("team", "ops")));

        String body = fake.requests("POST", CINDER + "/volumes").get(0).body();
        assertThat(body).contains("\"size\":1", "\"name\":\"rec-vol\"", "\"volume_type\":\"__DEFAULT__\"",
                "\"metadata\":{\"team\":\"ops\"}");
        assertThat(result).containsEntry("status", "available").containsEntry("done", true)
                .containsEntry("size_gb", 1);
        assertThat((String) result.get("message")).contains("is available, created from empty");
        assertThat(tools.progress()).contains("creating, 1 GiB");
    }

    @Test
    void volume_create_from_an_image_name_finds_it_in_glance() {
        fake.on("GET", "/image/v2/images", 200, "image/images-name-cirros-fake.json")
                .on("POST", CINDER + "/volumes", 202, "storage/volume-create-rec-vol.json");

        Map<String, Object> result = tools.ok("volume_create", Map.of("name", "rec-vol", "size_gb", 1,
                "image", "cirros-fake", "wait", false));

        assertThat(FakeOpenStack.queryParams(fake.requests("GET", "/image/v2/images").get(0))).contains("name=cirros-fake");
        assertThat(fake.requests("POST", CINDER + "/volumes").get(0).body())
                .contains("\"imageRef\":\"8af7f0aa-5566-488c-8723-3caa49953360\"");
        assertThat((String) result.get("message")).contains("from image 'cirros-fake'");
    }

    @Test
    void a_volume_that_ends_in_error_reports_cinders_own_reason() {
        fake.on("POST", CINDER + "/volumes", 202, "storage/volume-create-rec-vol.json")
                .on("GET", CINDER + "/volumes/" + REC_VOL, r -> Reply.json(200,
                        fake.recorded("storage/volume-rec-fail-error.json").replace(REC_FAIL, REC_VOL)))
                .on("GET", CINDER + "/messages", 200, "storage/messages-rec-fail.json");

        assertThat(tools.error("volume_create", Map.of("name", "rec-vol", "size_gb", 1)))
                .contains("ended in status error", "Could not find any available weighted backend");
        assertThat(FakeOpenStack.queryParams(fake.requests("GET", CINDER + "/messages").get(0)))
                .contains("resource_uuid=" + REC_VOL);
    }

    @Test
    void volume_create_rejects_two_sources_and_a_missing_size_before_calling_cinder() {
        assertThat(tools.error("volume_create", Map.of("size_gb", 1, "snapshot", "a", "source_volume", "b")))
                .contains("at most one source");
        assertThat(tools.error("volume_create", Map.of("name", "x"))).contains("size_gb");
        assertThat(fake.count("POST", CINDER + "/.*")).isZero();
    }

    @Test
    void volume_extend_grows_and_waits_for_the_new_size_and_refuses_to_shrink() {
        AtomicInteger polls = new AtomicInteger();
        fake.on("GET", CINDER + "/volumes/" + REC_VOL, r -> Reply.json(200, polls.incrementAndGet() < 3
                        ? fake.recorded("storage/volume-rec-vol-available.json")
                        : fake.recorded("storage/volume-rec-vol-2gb.json")))
                .on("POST", CINDER + "/volumes/" + REC_VOL + "/action", r -> new Reply(202, "", Map.of()));

        Map<String, Object> result = tools.ok("volume_extend", Map.of("volume", REC_VOL, "new_size_gb", 2));

        assertThat(fake.requests("POST", CINDER + "/volumes/" + REC_VOL + "/action").get(0).body())
                .isEqualTo("{\"os-extend\":{\"new_size\":2}}");
        assertThat(result).containsEntry("size_gb", 2).containsEntry("done", true);
        assertThat((String) result.get("message")).contains("now has 2 GiB (was 1 GiB)");

        assertThat(tools.error("volume_extend", Map.of("volume", DATA_VOL, "new_size_gb", 1)))
                .contains("already has 1 GiB", "cannot shrink");
    }

    @Test
    void volume_update_renames_and_sets_flags_and_refuses_read_only_while_attached() {
        fake.on("PUT", CINDER + "/volumes/" + DATA_VOL, r -> Reply.json(200, fake.recorded("storage/volume-data-vol.json")))
                .on("POST", CINDER + "/volumes/" + DATA_VOL + "/action", r -> new Reply(200, "", Map.of()));

        Map<String, Object> result = tools.ok("volume_update", Map.of("volume", DATA_VOL, "name", "data-vol-2",
                "bootable", true, "read_only", true));

        assertThat(fake.requests("PUT", CINDER + "/volumes/" + DATA_VOL).get(0).body())
                .isEqualTo("{\"volume\":{\"name\":\"data-vol-2\"}}");
        assertThat(fake.requests("POST", CINDER + "/volumes/" + DATA_VOL + "/action")).extracting(FakeOpenStack.Request::body)
                .containsExactly("{\"os-set_bootable\":{\"bootable\":true}}", "{\"os-update_readonly_flag\":{\"readonly\":true}}");
        assertThat((String) result.get("message")).contains("name 'data-vol-2', bootable, read-only");

        assertThat(tools.error("volume_update", Map.of("volume", WEB_VOL, "read_only", true)))
                .contains("in-use", "only while a volume is available", "Nothing was changed");
        assertThat(tools.error("volume_update", Map.of("volume", WEB_VOL))).contains("Nothing to change");
        assertThat(fake.count("PUT", CINDER + "/volumes/" + WEB_VOL)).isZero();
    }

    @Test
    void volume_retype_sends_the_type_name_and_waits_until_cinder_changed_it() {
        AtomicInteger polls = new AtomicInteger();
        fake.on("GET", CINDER + "/volumes/" + REC_VOL, r -> Reply.json(200, switch (polls.incrementAndGet()) {
                    case 1 -> fake.recorded("storage/volume-rec-vol-2gb.json");
                    case 2 -> fake.recorded("storage/volume-rec-vol-2gb.json").replace("\"available\"", "\"retyping\"");
                    default -> fake.recorded("storage/volume-rec-vol-gold.json");
                }))
                .on("POST", CINDER + "/volumes/" + REC_VOL + "/action", r -> new Reply(202, "", Map.of()));

        Map<String, Object> result = tools.ok("volume_retype", Map.of("volume", REC_VOL, "volume_type", "rec-gold"));

        assertThat(fake.requests("POST", CINDER + "/volumes/" + REC_VOL + "/action").get(0).body())
                .isEqualTo("{\"os-retype\":{\"new_type\":\"rec-gold\",\"migration_policy\":\"never\"}}");
        assertThat(result).containsEntry("volume_type", "rec-gold").containsEntry("done", true);
        assertThat(tools.progress()).contains("retyping, 2 GiB");
    }

    @Test
    void a_retype_the_backend_refused_is_an_error_with_the_type_unchanged() {
        AtomicInteger polls = new AtomicInteger();
        fake.on("GET", CINDER + "/volumes/" + REC_VOL, r -> Reply.json(200, polls.incrementAndGet() == 2
                        ? fake.recorded("storage/volume-rec-vol-2gb.json").replace("\"available\"", "\"retyping\"")
                        : fake.recorded("storage/volume-rec-vol-2gb.json")))
                .on("POST", CINDER + "/volumes/" + REC_VOL + "/action", r -> new Reply(202, "", Map.of()))
                .on("GET", CINDER + "/messages", r -> Reply.json(200, "{\"messages\": []}"));

        assertThat(tools.error("volume_retype", Map.of("volume", REC_VOL, "volume_type", "rec-gold")))
                .contains("ended in status available (type '__DEFAULT__'", "retyping to 'rec-gold'");
    }

    @Test
    void volume_delete_refuses_an_attached_volume_in_preview_and_execution() {
        String refusal = tools.error("volume_delete", Map.of("volume", WEB_VOL));

        assertThat(refusal).contains("'web-vol' is in-use, attached to server 'web-1' (" + WEB_1 + ") as /dev/sdb",
                "Detach it first");
        assertThat(tools.error("volume_delete", Map.of("volume", WEB_VOL, "confirm", "forged"))).isNotEmpty();
        assertThat(fake.count("DELETE", ".*")).isZero();
    }

    @Test
    void volume_delete_refuses_a_volume_with_snapshots_and_names_them() {
        fake.on("GET", CINDER + "/snapshots", 200, "storage/snapshots-of-data-vol.json");

        assertThat(tools.error("volume_delete", Map.of("volume", DATA_VOL)))
                .contains("has 1 snapshot(s): 'data-vol-snap' (7274fd01-b0b1-4c9e-8274-ca9f3c4dd974)",
                        "volume_snapshot_delete");
        assertThat(FakeOpenStack.queryParams(fake.requests("GET", CINDER + "/snapshots").get(0)))
                .contains("volume_id=" + DATA_VOL);
        assertThat(fake.count("DELETE", ".*")).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void volume_delete_previews_the_volume_and_its_backups_then_deletes_with_the_token() {
        AtomicInteger gets = new AtomicInteger();
        fake.on("GET", CINDER + "/volumes/" + REC_VOL, r -> gets.incrementAndGet() <= 2
                        ? Reply.json(200, fake.recorded("storage/volume-rec-vol-available.json"))
                        : Reply.json(404, fake.recorded("storage/volume-404.json")))
                .on("GET", CINDER + "/backups", 200, "storage/backups-of-rec-vol.json")
                .on("DELETE", CINDER + "/volumes/" + REC_VOL, r -> new Reply(202, "", Map.of()));

        Map<String, Object> preview = tools.ok("volume_delete", Map.of("volume", REC_VOL));

        Map<String, Object> details = (Map<String, Object>) preview.get("preview");
        assertThat((String) details.get("summary")).contains("rec-vol", REC_VOL, "1 GiB, available");
        assertThat((List<Map<String, Object>>) details.get("resources")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("type", "volume").containsEntry("effect", "deleted with all its data"));
        assertThat((List<String>) details.get("warnings")).anySatisfy(w -> assertThat(w).contains("'rec-backup'", "kept"));
        assertThat(fake.count("DELETE", ".*")).isZero();

        Map<String, Object> done = tools.ok("volume_delete", Map.of("volume", REC_VOL, "confirm", preview.get("confirm")));

        assertThat((Map<String, Object>) done.get("result")).containsEntry("gone", true).containsEntry("name", "rec-vol");
        assertThat(fake.count("DELETE", CINDER + "/volumes/" + REC_VOL)).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void volume_type_list_pages_and_shows_extra_specs() {
        fake.on("GET", CINDER + "/types", 200, "storage/types-admin-limit2.json");

        Map<String, Object> page = tools.ok("volume_type_list", Map.of("limit", 1, "marker", "abc"));

        assertThat(FakeOpenStack.queryParams(fake.requests("GET", CINDER + "/types").get(0)))
                .contains("limit=2", "marker=abc");
        assertThat(page).containsEntry("count", 1).containsEntry("next_marker", "fcb52ea7-2997-4f78-ba19-772005a6aa63");
        assertThat((List<Map<String, Object>>) page.get("types")).first()
                .satisfies(t -> assertThat(t).containsEntry("name", "rec-nowhere").containsEntry("is_public", true)
                        .containsEntry("extra_specs", Map.of("volume_backend_name", "rec-nowhere")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void volume_quota_get_reads_the_current_projects_quotas_with_usage() {
        fake.on("GET", CINDER + "/os-quota-sets/.*", 200, "storage/quota-demo.json");

        Map<String, Object> quota = tools.ok("volume_quota_get", Map.of());

        assertThat(fake.requests("GET", CINDER + "/os-quota-sets/.*").get(0).path())
                .endsWith("/os-quota-sets/8555d241e74c44ad9cc087c1e0ccee5b");
        assertThat(quota).containsEntry("project_id", "8555d241e74c44ad9cc087c1e0ccee5b");
        List<Map<String, Object>> items = (List<Map<String, Object>>) quota.get("quotas");
        assertThat(items).extracting(q -> q.get("resource")).contains("volumes", "gigabytes", "snapshots", "backups",
                "volumes___DEFAULT__").doesNotContain("id");
        assertThat(items).filteredOn(q -> q.get("resource").equals("volumes")).singleElement()
                .satisfies(q -> assertThat(q).containsEntry("in_use", 2));
    }

    @Test
    @SuppressWarnings("unchecked")
    void volume_service_list_and_pool_list_are_admin_views() {
        fake.on("GET", CINDER + "/os-services", 200, "storage/services-admin.json")
                .on("GET", CINDER + "/scheduler-stats/get_pools", 200, "storage/pools-admin.json");

        Map<String, Object> services = tools.ok("volume_service_list", Map.of("binary", "cinder-volume"));
        assertThat(FakeOpenStack.queryParams(fake.requests("GET", CINDER + "/os-services").get(0)))
                .contains("binary=cinder-volume");
        assertThat(services).containsEntry("count", 3).containsEntry("down", 0);
        assertThat((List<Map<String, Object>>) services.get("services")).extracting(s -> s.get("binary"))
                .containsExactly("cinder-scheduler", "cinder-volume", "cinder-backup");

        Map<String, Object> pools = tools.ok("volume_pool_list", Map.of());
        assertThat(pools).containsEntry("count", 1).containsEntry("truncated", false);
        assertThat((List<Map<String, Object>>) pools.get("pools")).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("name", "controller@fake#fake").containsEntry("backend", "fake")
                .containsEntry("allocated_gb", 2.0).doesNotContainKeys("total_gb", "free_gb")
                .containsEntry("capacity_note", "reported as total_capacity_gb = infinite, free_capacity_gb = infinite"));
    }

    @Test
    void a_non_admin_asking_for_services_gets_a_clear_forbidden_message() {
        fake.on("GET", CINDER + "/os-services", 403, "storage/services-403.json");

        assertThat(tools.error("volume_service_list", Map.of())).contains("HTTP 403",
                "Policy doesn't allow volume_extension:services:index", "admin");
    }
}
