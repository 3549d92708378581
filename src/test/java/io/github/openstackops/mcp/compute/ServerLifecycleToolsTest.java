package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** create, resize (confirm/revert), migrate, live migrate, image create and rebuild against recorded states. */
class ServerLifecycleToolsTest extends ServerToolTestBase {

    private static final String ACTION = NOVA + "/servers/" + REC + "/action";
    private static final String SNAPSHOT = "fb3a4aa1-c778-4101-9869-f6fc9102ffe2";
    private static final String BFV = "0b777589-c95d-4a40-a522-5254efd4f48e";
    private static final String BFV_VOLUME = "7b0c6f4f-9fd9-4997-9679-fde5a01bb565";
    private static final String GROUP = "a2aa0fc2-f02f-45dc-ac5c-dd7a7e3b3ce2";

    static String reach(String file) {
        return "compute-reach/" + file;
    }

    private static String hints(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("os:scheduler_hints").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void create_resolves_names_boots_and_waits_until_active_without_returning_the_admin_password() {
        fake.on("POST", NOVA + "/servers", 202, rec("create-response.json"))
                .on("GET", NOVA + "/servers/" + REC, inTurn(rec("server-rec-build.json"), rec("server-rec-active.json")));

        Map<String, Object> result = tools.ok("server_create", Map.of("name", "rec-ext-14728", "flavor", "m1.tiny",
                "image", "cirros-fake", "networks", List.of("private"), "key_name", "demo-key",
                "security_groups", List.of("default"), "user_data", "#!/bin/sh\necho hi\n",
                "metadata", Map.of("purpose", "recording")));

        String body = posts(NOVA + "/servers").get(0).body();
        assertThat(body).contains("\"flavorRef\":\"" + TINY + "\"", "\"imageRef\":\"" + CIRROS + "\"",
                "\"networks\":[{\"uuid\":\"" + PRIVATE + "\"}]", "\"key_name\":\"demo-key\"",
                "\"security_groups\":[{\"name\":\"default\"}]", "\"metadata\":{\"purpose\":\"recording\"}",
                "\"user_data\":\"" + Base64.getEncoder().encodeToString("#!/bin/sh\necho hi\n".getBytes()) + "\"");
        assertThat(result).containsEntry("id", REC).containsEntry("status", "ACTIVE").containsEntry("reached_target", true)
                .containsEntry("flavor", "m1.tiny").doesNotContainKey("fault");
        assertThat((Map<String, Object>) result.get("image")).containsEntry("name", "cirros-fake");
        assertThat((List<Map<String, Object>>) result.get("addresses")).extracting(a -> a.get("ip"))
                .containsExactly("10.0.0.211");
        assertThat(result.toString()).doesNotContain("r9NpW8UfiRL2").doesNotContainIgnoringCase("adminpass");
        assertThat(tools.progress()).contains("BUILD (scheduling)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_build_that_ends_in_error_is_reported_with_its_fault_and_the_advice_to_delete_it() {
        String failed = fake.recorded(rec("server-rec-build.json")).replace("\"status\": \"BUILD\"",
                "\"status\": \"ERROR\", \"fault\": {\"code\": 500, \"message\": \"No valid host was found.\","
                        + " \"created\": \"2026-11-22T05:00:00Z\"}").replace("\"OS-EXT-STS:task_state\": \"scheduling\"",
                "\"OS-EXT-STS:task_state\": null");
        fake.on("POST", NOVA + "/servers", 202, rec("create-response.json"))
                .on("GET", NOVA + "/servers/" + REC, r -> Reply.json(200, failed));

        Map<String, Object> result = tools.ok("server_create", Map.of("name", "x", "flavor", TINY, "image", CIRROS));

        assertThat(result).containsEntry("status", "ERROR").containsEntry("reached_target", false);
        assertThat((Map<String, Object>) result.get("fault")).containsEntry("message", "No valid host was found.");
        assertThat((String) result.get("message")).contains("went to ERROR").contains("server_delete");
    }

    @Test
    void create_boots_from_a_bootable_volume_with_a_block_device_mapping() {
        String bootable = fake.recorded(rec("volumes-data-vol.json")).replace("\"bootable\": \"false\"",
                "\"bootable\": \"true\"");
        fake.on("GET", CINDER + "/volumes/detail", r -> Reply.json(200, bootable))
                .on("POST", NOVA + "/servers", 202, rec("create-response.json"));

        Map<String, Object> result = tools.ok("server_create", Map.of("name", "bfv", "flavor", "m1.tiny",
                "boot_volume", "data-vol", "wait", false));

        assertThat(posts(NOVA + "/servers").get(0).body()).contains("\"block_device_mapping_v2\":[{")
                .contains("\"source_type\":\"volume\"", "\"uuid\":\"554f2290-893c-4f4b-9638-902248cd75f6\"",
                        "\"delete_on_termination\":false").doesNotContain("imageRef");
        assertThat(result).containsEntry("status", "BUILD").containsEntry("reached_target", false);
    }

    @Test
    void create_refuses_a_volume_that_is_not_bootable_and_needs_exactly_one_boot_source() {
        fake.on("GET", CINDER + "/volumes/detail", 200, rec("volumes-data-vol.json"));

        assertThat(tools.error("server_create", Map.of("name", "x", "flavor", "m1.tiny", "boot_volume", "data-vol")))
                .contains("is not bootable");
        assertThat(tools.error("server_create", Map.of("name", "x", "flavor", "m1.tiny"))).contains("exactly one of 'image'");
        assertThat(tools.error("server_create", Map.of("name", "x", "flavor", "m1.tiny", "image", "cirros-fake",
                "boot_volume", "data-vol"))).contains("exactly one of 'image'");
        assertThat(posts(NOVA + "/servers")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void create_passes_the_server_group_and_host_hints_and_boots_from_a_new_volume_of_the_image() {
        fake.on("GET", NOVA + "/os-server-groups", 200, reach("server-groups.json"))
                .on("POST", NOVA + "/servers", 202, reach("server-create.json"))
                .on("GET", NOVA + "/servers/" + BFV, 200, reach("server-bfv-active.json"));

        Map<String, Object> result = tools.ok("server_create", Map.of("name", "h13-rec", "flavor", "m1.tiny",
                "image", "cirros-fake", "volume_size", 1, "delete_volume_on_termination", true,
                "server_group", "h13-rec-24900-sg", "same_host_as", List.of(WEB_1), "different_host_from", List.of(DB_1)));

        String body = posts(NOVA + "/servers").get(0).body();
        assertSameJson(hints(body), "{\"group\":\"" + GROUP + "\",\"same_host\":[\"" + WEB_1
                + "\"],\"different_host\":[\"" + DB_1 + "\"]}");
        assertThat(body).contains("\"block_device_mapping_v2\":[{\"boot_index\":0,\"uuid\":\"" + CIRROS
                + "\",\"source_type\":\"image\",\"destination_type\":\"volume\",\"volume_size\":1,"
                + "\"delete_on_termination\":true}]").doesNotContain("imageRef");
        assertThat(result).containsEntry("id", BFV).containsEntry("status", "ACTIVE");
        assertThat((Map<String, Object>) result.get("server_group")).containsEntry("id", GROUP)
                .containsEntry("name", "h13-rec-24900-sg");
        assertThat((Map<String, Object>) result.get("boot_volume")).containsEntry("id", BFV_VOLUME);
        assertThat((String) result.get("message")).contains("in server group 'h13-rec-24900-sg'");
        assertThat(result.toString()).doesNotContain("YCF2QpPhdi6Q");
    }

    @Test
    void create_boots_from_a_new_volume_of_a_volume_snapshot() {
        fake.on("GET", CINDER + "/snapshots/detail", 200, reach("snapshots-data-vol-snap.json"))
                .on("POST", NOVA + "/servers", 202, reach("server-create.json"));

        tools.ok("server_create", Map.of("name", "h13-rec", "flavor", "m1.tiny", "boot_snapshot", "data-vol-snap",
                "wait", false));

        assertThat(posts(NOVA + "/servers").get(0).body()).contains("\"uuid\":\"baaa912b-61bb-4a5b-b62f-27e63d26783e\","
                + "\"source_type\":\"snapshot\",\"destination_type\":\"volume\",\"delete_on_termination\":false")
                .doesNotContain("imageRef", "os:scheduler_hints", "volume_size");
    }

    @Test
    void create_refuses_boot_options_that_do_not_fit_together_and_an_unknown_group() {
        fake.on("GET", NOVA + "/os-server-groups", 200, reach("server-groups.json"));

        assertThat(tools.error("server_create", Map.of("name", "x", "flavor", "m1.tiny", "image", "cirros-fake",
                "delete_volume_on_termination", true))).contains("give 'volume_size'");
        assertThat(tools.error("server_create", Map.of("name", "x", "flavor", "m1.tiny", "boot_volume", "data-vol",
                "volume_size", 2))).contains("keeps its size");
        assertThat(tools.error("server_create", Map.of("name", "x", "flavor", "m1.tiny", "image", "cirros-fake",
                "boot_snapshot", "data-vol-snap"))).contains("exactly one of 'image'");
        assertThat(tools.error("server_create", Map.of("name", "x", "flavor", "m1.tiny", "image", "cirros-fake",
                "server_group", "no-such-group"))).contains("Server group 'no-such-group' was not found");
        assertThat(posts(NOVA + "/servers")).isEmpty();
    }

    @Test
    void resize_waits_for_verify_resize_and_says_what_to_do_next() {
        fake.on("POST", ACTION, accepted())
                .on("GET", NOVA + "/servers/" + REC, inTurn(rec("server-rec-active.json"),
                        rec("server-rec-resize-prep.json"), rec("server-rec-verify-resize.json")))
                .on("GET", NOVA + "/flavors/" + SMALL, r -> Reply.json(200, fake.recorded("servers/flavor-web-1.json")
                        .replace(TINY, SMALL).replace("m1.tiny", "m1.small")));

        Map<String, Object> result = tools.ok("server_resize", Map.of("server", REC, "flavor", "m1.small"));

        assertThat(posts(ACTION).get(0).body()).isEqualTo("{\"resize\":{\"flavorRef\":\"" + SMALL + "\"}}");
        assertThat(result).containsEntry("status", "VERIFY_RESIZE").containsEntry("reached_target", true)
                .containsEntry("flavor_before", "m1.tiny").containsEntry("flavor_after", "m1.small");
        assertThat((String) result.get("message")).contains("server_resize_confirm").contains("server_resize_revert");
        assertThat(tools.progress()).contains("RESIZE (resize_prep)");
    }

    @Test
    void resize_takes_a_private_flavor_with_a_custom_id_like_flavor_get_does() {
        fake.on("POST", ACTION, accepted())
                .on("GET", NOVA + "/servers/" + REC, inTurn(rec("server-rec-active.json"),
                        rec("server-rec-resize-prep.json"), rec("server-rec-verify-resize.json")))
                .on("GET", NOVA + "/flavors/gpu-large", r -> Reply.json(200, fake.recorded("servers/flavor-web-1.json")
                        .replace(TINY, "gpu-large").replace("m1.tiny", "gpu.large")
                        .replace("\"os-flavor-access:is_public\": true", "\"os-flavor-access:is_public\": false")));

        Map<String, Object> result = tools.ok("server_resize", Map.of("server", REC, "flavor", "gpu-large"));

        assertThat(posts(ACTION).get(0).body()).isEqualTo("{\"resize\":{\"flavorRef\":\"gpu-large\"}}");
        assertThat(result).containsEntry("reached_target", true);
        assertThat(fake.requests("GET", NOVA + "/flavors/detail")).isEmpty();
    }

    @Test
    void resizing_to_the_same_flavor_is_refused_before_nova_is_asked() {
        assertThat(tools.error("server_resize", Map.of("server", REC, "flavor", "m1.tiny")))
                .contains("already has flavor 'm1.tiny'");
        assertThat(posts(ACTION)).isEmpty();
    }

    @Test
    void confirm_needs_a_server_waiting_in_verify_resize() {
        assertThat(tools.error("server_resize_confirm", Map.of("server", REC)))
                .contains("is ACTIVE, not VERIFY_RESIZE: there is no resize or migration to confirm");
        assertThat(posts(ACTION)).isEmpty();
    }

    @Test
    void confirm_and_revert_post_their_actions_and_wait_for_active() {
        fake.on("POST", ACTION, accepted())
                .on("GET", NOVA + "/servers/" + REC, inTurn(rec("server-rec-verify-resize.json"),
                        rec("server-rec-resized.json"), rec("server-rec-verify-resize.json"),
                        rec("server-rec-active.json")))
                .on("GET", NOVA + "/flavors/" + SMALL, r -> Reply.json(200, fake.recorded("servers/flavor-web-1.json")
                        .replace(TINY, SMALL).replace("m1.tiny", "m1.small")));

        Map<String, Object> confirmed = tools.ok("server_resize_confirm", Map.of("server", REC));
        Map<String, Object> reverted = tools.ok("server_resize_revert", Map.of("server", REC));

        assertThat(posts(ACTION)).extracting(r -> r.body())
                .containsExactly("{\"confirmResize\":null}", "{\"revertResize\":null}");
        assertThat(confirmed).containsEntry("status", "ACTIVE").containsEntry("flavor_after", "m1.small");
        assertThat(reverted).containsEntry("status", "ACTIVE").containsEntry("flavor_before", "m1.small")
                .containsEntry("flavor_after", "m1.tiny");
    }

    @Test
    void a_cold_migration_lands_on_another_host_in_verify_resize() {
        fake.asAdmin().on("POST", ACTION, accepted())
                .on("GET", NOVA + "/servers/" + REC, inTurn(rec("server-rec-admin-live-migrated.json"),
                        rec("server-rec-admin-migrated-verify.json")))
                .on("GET", NOVA + "/flavors/" + SMALL, r -> Reply.json(200, fake.recorded("servers/flavor-web-1.json")
                        .replace(TINY, SMALL).replace("m1.tiny", "m1.small")));

        Map<String, Object> result = tools.ok("server_migrate", Map.of("server", REC, "host", "compute2"));

        assertThat(posts(ACTION)).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo("{\"migrate\":{\"host\":\"compute2\"}}");
            assertThat(microversion(r)).isEqualTo("2.56");
        });
        assertThat(result).containsEntry("host_before", "compute1").containsEntry("host_after", "compute2")
                .containsEntry("status", "VERIFY_RESIZE").containsEntry("reached_target", true);
    }

    @Test
    void a_live_migration_waits_until_the_server_runs_on_another_host() {
        fake.asAdmin().on("POST", ACTION, accepted())
                .on("GET", NOVA + "/servers/" + REC, inTurn(rec("server-rec-admin-before-move.json"),
                        rec("server-rec-admin-migrating.json"), rec("server-rec-admin-live-migrated.json")));

        Map<String, Object> result = tools.ok("server_live_migrate", Map.of("server", REC));

        assertThat(posts(ACTION)).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo("{\"os-migrateLive\":{\"host\":null,\"block_migration\":\"auto\"}}");
            assertThat(microversion(r)).isEqualTo("2.25");
        });
        assertThat(result).containsEntry("host_before", "compute2").containsEntry("host_after", "compute1")
                .containsEntry("status", "ACTIVE").containsEntry("reached_target", true);
        assertThat(tools.progress()).contains("MIGRATING (migrating)");
    }

    @Test
    void a_live_migration_that_nova_rolled_back_is_an_error_pointing_at_the_action_list() {
        fake.asAdmin().on("POST", ACTION, accepted())
                .on("GET", NOVA + "/servers/" + REC, inTurn(rec("server-rec-admin-before-move.json"),
                        rec("server-rec-admin-migrating.json"), rec("server-rec-admin-before-move.json")));

        assertThat(tools.error("server_live_migrate", Map.of("server", REC))).contains("did not take effect")
                .contains("server_action_list");
    }

    @Test
    void live_migration_as_a_non_admin_reads_as_a_missing_role() {
        fake.on("POST", NOVA + "/servers/" + WEB_1 + "/action", 403, rec("live-migrate-demo-403.json"));

        assertThat(tools.error("server_live_migrate", Map.of("server", WEB_1))).startsWith("Could not live migrate server"
                + " 'web-1': OpenStack refused the request (HTTP 403)").contains("admin");
    }

    @Test
    void image_create_asks_for_the_image_id_and_waits_until_glance_says_active() {
        String saving = fake.recorded(rec("image-rec-snapshot.json")).replace("\"status\": \"active\"",
                "\"status\": \"saving\"");
        java.util.concurrent.atomic.AtomicInteger polls = new java.util.concurrent.atomic.AtomicInteger();
        fake.on("POST", ACTION, 202, rec("create-image-response.json"))
                .on("GET", "/image/v2/images/" + SNAPSHOT, r -> Reply.json(200, polls.incrementAndGet() < 2 ? saving
                        : fake.recorded(rec("image-rec-snapshot.json"))));

        Map<String, Object> result = tools.ok("server_image_create", Map.of("server", REC, "name", "rec-ext-14728-snap"));

        assertThat(posts(ACTION)).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo("{\"createImage\":{\"name\":\"rec-ext-14728-snap\"}}");
            assertThat(microversion(r)).isEqualTo("2.45");
        });
        assertThat(result).containsEntry("image_id", SNAPSHOT).containsEntry("image_status", "active")
                .containsEntry("reached_target", true).containsEntry("size_bytes", 66L);
        assertThat(tools.progress()).contains("image saving");
    }

    @Test
    @SuppressWarnings("unchecked")
    void rebuild_previews_the_image_now_and_after_and_the_lost_disk_then_rebuilds_with_the_token() {
        fake.on("GET", CINDER + "/volumes/.*", 200, "servers/volume-web-vol.json");

        Map<String, Object> preview = tools.ok("server_rebuild", Map.of("server", WEB_1));

        assertThat(preview).containsEntry("status", "preview");
        Map<String, Object> details = (Map<String, Object>) preview.get("preview");
        assertThat((String) details.get("summary")).contains("web-1").contains("from image 'cirros-fake' (the same image)");
        assertThat((List<Map<String, Object>>) details.get("resources")).extracting(r -> r.get("type") + ": " + r.get("effect"))
                .anySatisfy(e -> assertThat(e).startsWith("server: root disk erased and re-imaged from image 'cirros-fake'"))
                .contains("volume: stays attached, data kept");
        assertThat((List<String>) details.get("warnings")).anySatisfy(w -> assertThat(w).contains("local root disk is lost"));
        assertThat(posts(".*")).noneMatch(r -> r.path().contains("/servers/"));

        java.util.concurrent.atomic.AtomicInteger polls = new java.util.concurrent.atomic.AtomicInteger();
        String active = fake.recorded("servers/server-web-1.json");
        String rebuilding = fake.recorded(rec("server-rec-rebuilding.json")).replace(REC, WEB_1);
        fake.on("POST", NOVA + "/servers/" + WEB_1 + "/action", 202, rec("rebuild-response.json"))
                .on("GET", NOVA + "/servers/" + WEB_1, r -> Reply.json(200,
                        fake.count("POST", ".*/action") == 0 || polls.incrementAndGet() > 2 ? active : rebuilding));
        Map<String, Object> done = tools.ok("server_rebuild", Map.of("server", WEB_1, "confirm", preview.get("confirm")));

        assertThat(done).containsEntry("status", "executed");
        Map<String, Object> result = (Map<String, Object>) done.get("result");
        assertThat(result).containsEntry("status", "ACTIVE").containsEntry("reached_target", true);
        assertThat((Map<String, Object>) result.get("image_after")).containsEntry("id", CIRROS);
        assertThat(posts(NOVA + "/servers/" + WEB_1 + "/action").get(0).body())
                .isEqualTo("{\"rebuild\":{\"imageRef\":\"" + CIRROS + "\"}}");
        assertThat(done.toString()).doesNotContainIgnoringCase("adminpass");
        assertThat(tools.progress()).contains("REBUILD (rebuilding)");
    }

    @Test
    void rebuild_of_a_server_booted_from_a_volume_is_refused_in_the_preview() {
        String bfv = fake.recorded(rec("server-rec-active.json")).replaceAll(
                "\"image\": \\{[^}]*\\[[^]]*\\][^}]*\\}", "\"image\": \"\"");
        fake.on("GET", NOVA + "/servers/" + REC, r -> Reply.json(200, bfv));

        assertThat(tools.error("server_rebuild", Map.of("server", REC))).contains("boots from a volume")
                .contains("refused");
    }
}
