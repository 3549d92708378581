package io.github.openstackops.mcp.image;

import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import io.github.openstackops.mcp.support.ToolHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The image tools against Glance (and Nova) responses recorded from the testbed (testbed/record/image.sh). */
class ImageToolsTest {

    static final String GLANCE = "/image/v2";
    static final String CIRROS = "8af7f0aa-5566-488c-8723-3caa49953360";
    static final String REC_IMG = "4adb9d81-c993-4683-9e41-29a61031a271";
    static final String REC_IMPORT = "ca960b7c-5340-47ee-b926-93a0d3dfa532";
    static final String ADMIN_PROJECT = "165691d20f104c0296c4aef3f2e93bac";
    static final String DEMO_PROJECT = "8555d241e74c44ad9cc087c1e0ccee5b";

    private ToolHarness tools;
    private FakeOpenStack fake;

    @BeforeEach
    void start() {
        fake = FakeOpenStack.start()
                .on("GET", GLANCE + "/images", 200, "image/images-limit2.json")
                .on("GET", GLANCE + "/images/" + CIRROS, 200, "image/image-cirros-fake.json")
                .on("GET", GLANCE + "/images/" + REC_IMG, 200, "image/image-rec-img-active.json")
                .on("GET", GLANCE + "/images/0000.*", r -> new Reply(404, FakeOpenStack.read("image/image-404.txt"),
                        Map.of("Content-Type", "text/html; charset=UTF-8")))
                .on("GET", GLANCE + "/info/import", 200, "image/info-import.json");
        tools = ToolHarness.on(fake).allowModify().start();
    }

    @AfterEach
    void stop() {
        tools.close();
    }

    /** A request body without openstack4j's pretty-printing. */
    private static String compact(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long glanceWrites() {
        return fake.count("POST", GLANCE + "/.*") + fake.count("PUT", GLANCE + "/.*")
                + fake.count("PATCH", GLANCE + "/.*") + fake.count("DELETE", GLANCE + "/.*");
    }

    @Test
    @SuppressWarnings("unchecked")
    void image_list_pages_and_filters_in_glance_and_keeps_shared_visibility() {
        Map<String, Object> page = tools.ok("image_list", Map.of("limit", 1, "visibility", "shared", "tag", "rec",
                "status", "active", "owner", DEMO_PROJECT));

        assertThat(FakeOpenStack.queryParams(fake.requests("GET", GLANCE + "/images").get(0))).contains("limit=2",
                "sort_key=created_at", "sort_dir=desc", "visibility=shared", "tag=rec", "status=active",
                "owner=" + DEMO_PROJECT);
        assertThat(page).containsEntry("count", 1).containsEntry("next_marker", REC_IMG);
        assertThat((List<Map<String, Object>>) page.get("images")).singleElement().satisfies(i -> assertThat(i)
                .containsEntry("name", "rec-img").containsEntry("visibility", "shared").containsEntry("status", "active")
                .containsEntry("size_bytes", 1024L).containsEntry("protected", false)
                .containsEntry("tags", List.of("rec")).doesNotContainKeys("file", "self", "schema"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void image_get_by_name_separates_custom_properties_from_glance_attributes() {
        fake.on("GET", GLANCE + "/images", 200, "image/images-name-cirros-fake.json");

        Map<String, Object> image = tools.ok("image_get", Map.of("image", "cirros-fake"));

        assertThat(FakeOpenStack.queryParams(fake.requests("GET", GLANCE + "/images").get(0))).contains("name=cirros-fake");
        assertThat(image).containsEntry("id", CIRROS).containsEntry("visibility", "public")
                .containsEntry("checksum", "395c4f408cb8571fc5f9cff97cd047ab").containsEntry("hash_algo", "sha512")
                .containsEntry("disk_format", "raw").containsEntry("hidden", false).doesNotContainKey("import_error");
        assertThat((Map<String, String>) image.get("properties")).containsEntry("os_distro", "cirros")
                .containsEntry("hw_architecture", "x86_64").doesNotContainKeys("stores", "os_hash_value", "visibility");
    }

    @Test
    void an_unknown_image_is_a_sentence_even_though_glance_answers_in_html() {
        fake.on("GET", GLANCE + "/images", r -> Reply.json(200, "{\"images\": []}"));

        assertThat(tools.error("image_get", Map.of("image", "00000000-0000-0000-0000-000000000000")))
                .isEqualTo("Image '00000000-0000-0000-0000-000000000000' was not found (or is not visible to this project).");
    }

    @Test
    @SuppressWarnings("unchecked")
    void image_member_list_lists_members_of_shared_images_and_explains_the_rest() {
        fake.on("GET", GLANCE + "/images/" + REC_IMG + "/members", 200, "image/members-rec-img.json");

        Map<String, Object> shared = tools.ok("image_member_list", Map.of("image", REC_IMG));
        assertThat((List<Map<String, Object>>) shared.get("members")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("member_id", ADMIN_PROJECT).containsEntry("status", "pending")
                .containsEntry("created", "2026-11-22T05:49:42Z"));

        Map<String, Object> publicImage = tools.ok("image_member_list", Map.of("image", CIRROS));
        assertThat(publicImage).containsEntry("count", 0);
        assertThat((String) publicImage.get("note")).contains("is public; only shared images have members");
        assertThat(fake.count("GET", GLANCE + "/images/" + CIRROS + "/members")).isZero();
    }

    @Test
    void image_create_registers_then_streams_the_file_and_protects_only_once_the_data_is_in(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("rec.img");
        Files.write(file, new byte[1024]);
        AtomicInteger gets = new AtomicInteger();
        fake.on("POST", GLANCE + "/images", 201, "image/image-create-rec-img.json")
                .on("PUT", GLANCE + "/images/" + REC_IMG + "/file", r -> new Reply(204, "", Map.of()))
                .on("PATCH", GLANCE + "/images/" + REC_IMG, 200, "image/image-rec-img-updated.json")
                .on("GET", GLANCE + "/images/" + REC_IMG, r -> Reply.json(200, gets.incrementAndGet() == 1
                        ? fake.recorded("image/image-rec-img-active.json")
                        : fake.recorded("image/image-rec-img-updated.json")));

        Map<String, Object> result = tools.ok("image_create", Map.of("name", "rec-img", "disk_format", "raw",
                "visibility", "shared", "tags", List.of("rec"), "properties", Map.of("os_distro", "recos"),
                "protected", true, "file_path", file.toString()));

        String created = fake.requests("POST", GLANCE + "/images").get(0).body();
        assertThat(created).contains("\"name\":\"rec-img\"", "\"disk_format\":\"raw\"", "\"container_format\":\"bare\"",
                "\"visibility\":\"shared\"", "\"os_distro\":\"recos\"", "\"tags\":[\"rec\"]").doesNotContain("protected");
        FakeOpenStack.Request upload = fake.requests("PUT", GLANCE + "/images/" + REC_IMG + "/file").get(0);
        assertThat(upload.body()).hasSize(1024);
        assertThat(upload.headers().get("Content-type")).containsExactly("application/octet-stream");
        assertThat(upload.headers().get("Content-length")).containsExactly("1024");
        FakeOpenStack.Request protect = fake.requests("PATCH", GLANCE + "/images/" + REC_IMG).get(0);
        assertThat(compact(protect.body())).contains("\"op\":\"replace\"", "\"path\":\"/protected\"", "\"value\":true");
        assertThat(protect.headers().get("Content-type").get(0)).startsWith("application/openstack-images-v2.1-json-patch");
        assertThat(result).containsEntry("id", REC_IMG).containsEntry("status", "active").containsEntry("done", true);
        assertThat((String) result.get("message")).contains("with 1024 bytes from " + file.toRealPath());
        assertThat(tools.progress()).contains("uploaded 1024 of 1024 bytes");
    }

    @Test
    void image_create_refuses_files_where_credentials_live_before_touching_glance(@TempDir Path dir) throws IOException {
        Path hidden = Files.createDirectories(dir.resolve(".config")).resolve("clouds.yaml");
        Files.writeString(hidden, "password: x");
        Path link = dir.resolve("innocent.img");
        Files.createSymbolicLink(link, hidden);

        assertThat(tools.error("image_create", Map.of("name", "x", "disk_format", "raw", "file_path", "/etc/shadow")))
                .contains("lies under /etc");
        assertThat(tools.error("image_create", Map.of("name", "x", "disk_format", "raw", "file_path", hidden.toString())))
                .contains("hidden name '.config'");
        assertThat(tools.error("image_create", Map.of("name", "x", "disk_format", "raw", "file_path", link.toString())))
                .contains("hidden name '.config'");
        assertThat(tools.error("image_create", Map.of("name", "x", "disk_format", "raw", "file_path", "images/x.img")))
                .contains("must be an absolute path");
        assertThat(tools.error("image_create", Map.of("name", "x", "disk_format", "raw",
                "file_path", dir.resolve("missing.img").toString()))).contains("does not exist");
        assertThat(tools.error("image_create", Map.of("name", "x", "disk_format", "raw", "file_path", dir.toString())))
                .contains("not a regular file");
        assertThat(tools.error("image_create", Map.of("name", "x", "file_path", link.toString()))).contains("disk_format");
        assertThat(glanceWrites()).isZero();
    }

    @Test
    void image_create_from_a_url_checks_that_glance_offers_web_download() {
        fake.on("GET", GLANCE + "/info/import", r -> Reply.json(200,
                "{\"import-methods\": {\"type\": \"array\", \"value\": [\"glance-direct\", \"copy-image\"]}}"));

        assertThat(tools.error("image_create", Map.of("name", "x", "disk_format", "qcow2",
                "source_url", "https://example.org/x.qcow2")))
                .contains("does not offer the web-download import method (it offers: glance-direct, copy-image)",
                        "file_path");
        assertThat(glanceWrites()).isZero();
    }

    @Test
    void a_failed_web_download_says_why_and_removes_the_image_it_registered() {
        fake.on("POST", GLANCE + "/images", r -> Reply.json(201, fake.recorded("image/image-rec-import-failed.json")
                        .replace("\"status\": \"queued\"", "\"status\": \"queued\"")))
                .on("POST", GLANCE + "/images/" + REC_IMPORT + "/import", r -> new Reply(202, "", Map.of()))
                .on("GET", GLANCE + "/images/" + REC_IMPORT, 200, "image/image-rec-import-failed.json")
                .on("GET", GLANCE + "/images/" + REC_IMPORT + "/tasks", 200, "image/tasks-rec-import.json")
                .on("DELETE", GLANCE + "/images/" + REC_IMPORT, r -> new Reply(204, "", Map.of()));

        assertThat(tools.error("image_create", Map.of("name", "rec-import", "disk_format", "raw",
                "source_url", "http://127.0.0.1:9/rec.img")))
                .contains("could not import http://127.0.0.1:9/rec.img", "Task failed due to Internal Error",
                        "removed again");
        assertThat(fake.requests("POST", GLANCE + "/images/" + REC_IMPORT + "/import").get(0).body())
                .contains("\"name\":\"web-download\"", "\"uri\":\"http://127.0.0.1:9/rec.img\"");
        assertThat(fake.count("DELETE", GLANCE + "/images/" + REC_IMPORT)).isEqualTo(1);
    }

    @Test
    void a_source_url_with_credentials_is_refused_without_echoing_them() {
        String error = tools.error("image_create", Map.of("name", "x", "disk_format", "qcow2",
                "source_url", "https://alice:s3cr3t-pw@example.org/x.qcow2"));

        assertThat(error).contains("source_url must not carry credentials").doesNotContain("s3cr3t-pw", "alice");
        assertThat(glanceWrites()).isZero();
    }

    @Test
    void a_signed_source_url_reaches_glance_whole_but_is_echoed_without_its_query() {
        String signed = "https://bucket.example.org:8443/images/x.qcow2?X-Amz-Credential=AKIA1234&X-Amz-Signature=f00dfeed";
        fake.on("POST", GLANCE + "/images", r -> Reply.json(201, fake.recorded("image/image-rec-import-failed.json")))
                .on("POST", GLANCE + "/images/" + REC_IMPORT + "/import", r -> new Reply(202, "", Map.of()))
                .on("GET", GLANCE + "/images/" + REC_IMPORT, 200, "image/image-rec-import-failed.json");

        Map<String, Object> result = tools.ok("image_create", Map.of("name", "rec-import", "disk_format", "raw",
                "source_url", signed, "wait", false));

        assertThat(result.toString()).contains("https://bucket.example.org:8443/images/x.qcow2")
                .doesNotContain("f00dfeed", "AKIA1234", "X-Amz");
        assertThat(fake.requests("POST", GLANCE + "/images/" + REC_IMPORT + "/import").get(0).body())
                .contains("X-Amz-Signature=f00dfeed");
    }

    @Test
    void a_failed_signed_web_download_keeps_the_query_out_of_the_error_even_when_glance_quotes_it() {
        String signed = "https://bucket.example.org/x.img?sig=f00dfeed&token=c0ffee42";
        fake.on("POST", GLANCE + "/images", r -> Reply.json(201, fake.recorded("image/image-rec-import-failed.json")))
                .on("POST", GLANCE + "/images/" + REC_IMPORT + "/import", r -> new Reply(202, "", Map.of()))
                .on("GET", GLANCE + "/images/" + REC_IMPORT, 200, "image/image-rec-import-failed.json")
                .on("GET", GLANCE + "/images/" + REC_IMPORT + "/tasks", r -> Reply.json(200,
                        fake.recorded("image/tasks-rec-import.json").replace("Task failed due to Internal Error",
                                "Failed to fetch " + signed + ": 403 Forbidden")))
                .on("DELETE", GLANCE + "/images/" + REC_IMPORT, r -> new Reply(204, "", Map.of()));

        String error = tools.error("image_create", Map.of("name", "rec-import", "disk_format", "raw",
                "source_url", signed));

        assertThat(error).contains("could not import https://bucket.example.org/x.img", "403 Forbidden")
                .doesNotContain("f00dfeed", "c0ffee42", "sig=");
    }

    @Test
    void a_web_download_glance_refuses_is_reported_without_the_query_and_leaves_no_image() {
        String signed = "https://bucket.example.org/x.img?sig=f00dfeed";
        fake.on("POST", GLANCE + "/images", r -> Reply.json(201, fake.recorded("image/image-rec-import-failed.json")))
                .on("POST", GLANCE + "/images/" + REC_IMPORT + "/import", r -> Reply.json(400,
                        "{\"message\": \"URI " + signed + " is not allowed\", \"code\": 400}"))
                .on("DELETE", GLANCE + "/images/" + REC_IMPORT, r -> new Reply(204, "", Map.of()));

        String error = tools.error("image_create", Map.of("name", "rec-import", "disk_format", "raw",
                "source_url", signed));

        assertThat(error).contains("https://bucket.example.org/x.img").doesNotContain("f00dfeed");
        assertThat(fake.count("DELETE", GLANCE + "/images/" + REC_IMPORT)).isEqualTo(1);
    }

    @Test
    void image_update_sends_one_json_patch_and_rejects_glance_attributes_as_properties() {
        fake.on("PATCH", GLANCE + "/images/" + REC_IMG, 200, "image/image-rec-img-updated.json");

        tools.ok("image_update", Map.of("image", REC_IMG, "min_disk_gb", 1, "add_tags", List.of("gold"),
                "set_properties", Map.of("hw_disk_bus", "scsi", "os_distro", "recos2"),
                "remove_properties", List.of("os_distro")));

        String patch = compact(fake.requests("PATCH", GLANCE + "/images/" + REC_IMG).get(0).body());
        assertThat(patch).contains("{\"op\":\"replace\",\"path\":\"/min_disk\",\"value\":1}",
                "{\"op\":\"replace\",\"path\":\"/tags\",\"value\":[\"rec\",\"gold\"]}",
                "{\"op\":\"add\",\"path\":\"/hw_disk_bus\",\"value\":\"scsi\"}",
                "{\"op\":\"replace\",\"path\":\"/os_distro\",\"value\":\"recos2\"}",
                "{\"op\":\"remove\",\"path\":\"/os_distro\"}");

        assertThat(tools.error("image_update", Map.of("image", REC_IMG, "set_properties", Map.of("visibility", "public"))))
                .contains("'visibility' is an image attribute Glance manages");
        assertThat(tools.error("image_update", Map.of("image", REC_IMG, "remove_properties", List.of("nope"))))
                .contains("has no property 'nope'");
        assertThat(tools.error("image_update", Map.of("image", REC_IMG))).contains("Nothing to change");
        assertThat(fake.count("PATCH", ".*")).isEqualTo(1);
    }

    @Test
    void image_visibility_set_patches_the_visibility_and_says_what_it_means() {
        AtomicInteger gets = new AtomicInteger();
        fake.on("PATCH", GLANCE + "/images/" + REC_IMG, 200, "image/image-rec-img-active.json")
                .on("GET", GLANCE + "/images/" + REC_IMG, r -> Reply.json(200, gets.incrementAndGet() == 1
                        ? fake.recorded("image/image-rec-img-active.json")
                        : fake.recorded("image/image-rec-img-active.json").replace("\"shared\"", "\"private\"")));

        Map<String, Object> result = tools.ok("image_visibility_set", Map.of("image", REC_IMG, "visibility", "private"));

        assertThat(compact(fake.requests("PATCH", GLANCE + "/images/" + REC_IMG).get(0).body()))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/visibility\",\"value\":\"private\"}]");
        // Glance answers 415 to a JSON-patch sent as plain application/json
        assertThat(fake.requests("PATCH", GLANCE + "/images/" + REC_IMG).get(0).headers().entrySet())
                .anySatisfy(h -> {
                    assertThat(h.getKey()).isEqualToIgnoringCase("Content-Type");
                    assertThat(h.getValue().get(0)).startsWith("application/openstack-images-v2.1-json-patch");
                });
        assertThat(result).containsEntry("visibility", "private");
        assertThat((String) result.get("message")).contains("now private (was shared)");
    }

    @Test
    void image_member_add_shares_only_shared_images_and_update_answers_for_the_own_project() {
        fake.on("POST", GLANCE + "/images/" + REC_IMG + "/members", 200, "image/member-create-admin.json")
                .on("PUT", GLANCE + "/images/" + REC_IMG + "/members/.*", 200, "image/member-accepted-admin.json");

        Map<String, Object> added = tools.ok("image_member_add", Map.of("image", REC_IMG, "project", ADMIN_PROJECT));
        assertThat(compact(fake.requests("POST", GLANCE + "/images/" + REC_IMG + "/members").get(0).body()))
                .isEqualTo("{\"member\":\"" + ADMIN_PROJECT + "\"}");
        assertThat(added).containsEntry("member_id", ADMIN_PROJECT).containsEntry("status", "pending");

        assertThat(tools.error("image_member_add", Map.of("image", CIRROS, "project", ADMIN_PROJECT)))
                .contains("is public; only shared images have members", "image_visibility_set");

        Map<String, Object> accepted = tools.ok("image_member_update", Map.of("image", REC_IMG, "status", "accepted"));
        FakeOpenStack.Request put = fake.requests("PUT", GLANCE + "/images/" + REC_IMG + "/members/.*").get(0);
        assertThat(put.path()).endsWith("/members/" + DEMO_PROJECT);
        assertThat(compact(put.body())).isEqualTo("{\"status\":\"accepted\"}");
        assertThat(accepted).containsEntry("status", "accepted");
    }

    @Test
    void image_deactivate_and_reactivate_post_the_actions_and_skip_what_is_already_done() {
        AtomicInteger gets = new AtomicInteger();
        fake.on("POST", GLANCE + "/images/" + REC_IMG + "/actions/.*", r -> new Reply(204, "", Map.of()))
                .on("GET", GLANCE + "/images/" + REC_IMG, r -> Reply.json(200, gets.incrementAndGet() == 1
                        ? fake.recorded("image/image-rec-img-active.json")
                        : fake.recorded("image/image-rec-img-deactivated.json")));

        Map<String, Object> result = tools.ok("image_deactivate", Map.of("image", REC_IMG));
        assertThat(fake.requests("POST", GLANCE + "/images/" + REC_IMG + "/actions/.*").get(0).path())
                .endsWith("/actions/deactivate");
        assertThat(result).containsEntry("status", "deactivated").containsEntry("done", true);

        Map<String, Object> again = tools.ok("image_deactivate", Map.of("image", REC_IMG));
        assertThat((String) again.get("message")).contains("already is deactivated; nothing to do");
        assertThat(fake.count("POST", GLANCE + "/images/.*/actions/.*")).isEqualTo(1);

        tools.ok("image_reactivate", Map.of("image", REC_IMG));
        assertThat(fake.requests("POST", GLANCE + "/images/" + REC_IMG + "/actions/.*").get(1).path())
                .endsWith("/actions/reactivate");
    }

    @Test
    @SuppressWarnings("unchecked")
    void image_delete_refuses_protected_images_and_warns_about_servers_booted_from_it() {
        fake.on("GET", GLANCE + "/images/" + REC_IMG, 200, "image/image-rec-img-updated.json");
        assertThat(tools.error("image_delete", Map.of("image", REC_IMG))).contains("is protected", "protected=false");

        fake.on("GET", "/compute/v2.1/servers", 200, "image/servers-by-image-cirros.json")
                .on("DELETE", GLANCE + "/images/" + CIRROS, r -> new Reply(204, "", Map.of()));
        Map<String, Object> preview = tools.ok("image_delete", Map.of("image", CIRROS));

        assertThat(FakeOpenStack.queryParams(fake.requests("GET", "/compute/v2.1/servers").get(0)))
                .contains("image=" + CIRROS, "limit=21");
        Map<String, Object> details = (Map<String, Object>) preview.get("preview");
        assertThat((List<String>) details.get("warnings")).anySatisfy(w -> assertThat(w)
                .contains("were booted from this image", "'stack-vm-gei8yg'")).anySatisfy(w -> assertThat(w)
                .contains("The image is public"));
        assertThat(fake.count("DELETE", ".*")).isZero();

        Map<String, Object> done = tools.ok("image_delete", Map.of("image", CIRROS, "confirm", preview.get("confirm")));
        assertThat((Map<String, Object>) done.get("result")).containsEntry("name", "cirros-fake");
        assertThat(fake.count("DELETE", GLANCE + "/images/" + CIRROS)).isEqualTo(1);
    }
}
