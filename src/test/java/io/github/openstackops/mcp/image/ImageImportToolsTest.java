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

/**
 * glance-direct and copy-image imports, Glance's import methods and stores, image member removal and the metadef
 * namespaces, against responses recorded by testbed/record/image-reach.sh.
 */
class ImageImportToolsTest {

    static final String GLANCE = "/image/v2";
    static final String DIR = "image-reach/";
    static final String IMG = "da63b005-9149-4763-9f02-bb32897d4454";
    static final String ADMIN = "b18b492d9fa1434caa2fde0caaa4bcc6";

    private ToolHarness tools;
    private FakeOpenStack fake;

    @BeforeEach
    void start() {
        fake = FakeOpenStack.start()
                .on("GET", GLANCE + "/info/import", 200, DIR + "info-import.json")
                .on("GET", GLANCE + "/info/stores", 200, DIR + "info-stores.json");
        tools = ToolHarness.on(fake).allowModify().start();
    }

    @AfterEach
    void stop() {
        tools.close();
    }

    private Reply recorded(String file) {
        return Reply.json(200, fake.recorded(DIR + file));
    }

    @Test
    @SuppressWarnings("unchecked")
    void image_import_info_lists_methods_and_stores_with_the_default() {
        Map<String, Object> info = tools.ok("image_import_info", Map.of());

        assertThat((List<String>) info.get("import_methods")).contains("glance-direct", "web-download", "copy-image");
        assertThat(info.get("stores")).isEqualTo(List.of(Map.of("id", "fs", "is_default", true),
                Map.of("id", "fs2", "is_default", false)));
    }

    @Test
    void image_import_glance_direct_stages_the_file_then_imports_and_waits(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("direct.img");
        Files.write(file, new byte[2048]);
        AtomicInteger gets = new AtomicInteger();
        fake.on("GET", GLANCE + "/images/" + IMG, r -> recorded(switch (gets.incrementAndGet()) {
                    case 1 -> "image-created-queued.json";
                    case 2 -> "image-staged.json";
                    default -> "image-direct-active.json";
                }))
                .on("PUT", GLANCE + "/images/" + IMG + "/stage", r -> new Reply(204, "", Map.of()))
                .on("POST", GLANCE + "/images/" + IMG + "/import", r -> new Reply(202, "", Map.of()));

        Map<String, Object> result = tools.ok("image_import", Map.of("image", IMG, "method", "glance_direct",
                "file_path", file.toString(), "stores", List.of("fs")));

        FakeOpenStack.Request staged = fake.requests("PUT", GLANCE + "/images/" + IMG + "/stage").get(0);
        assertThat(staged.body()).hasSize(2048);
        assertThat(staged.headers().get("Content-type")).containsExactly("application/octet-stream");
        assertThat(fake.requests().stream().filter(r -> !r.method().equals("GET") && r.path().startsWith(GLANCE))
                .map(r -> r.method() + " " + r.path().substring(r.path().lastIndexOf('/'))))
                .containsExactly("PUT /stage", "POST /import");
        assertThat(fake.requests("POST", GLANCE + "/images/" + IMG + "/import").get(0).body()).isEqualTo(
                "{\"method\":{\"name\":\"glance-direct\"},\"stores\":[\"fs\"],\"all_stores_must_succeed\":true}");
        assertThat(result).containsEntry("status", "active").containsEntry("done", true)
                .containsEntry("stores", List.of("fs"));
        assertThat(tools.progress()).contains("uploaded 2048 of 2048 bytes");
    }

    @Test
    void image_import_glance_direct_needs_a_queued_image_and_a_file() {
        fake.on("GET", GLANCE + "/images/" + IMG, 200, DIR + "image-direct-active.json");

        assertThat(tools.error("image_import", Map.of("image", IMG, "method", "glance_direct",
                "file_path", "/tmp/x.img"))).contains("needs an image without data (queued)");
        assertThat(tools.error("image_import", Map.of("image", IMG, "method", "glance_direct"))).contains("file_path");
        assertThat(fake.count("PUT", ".*")).isZero();
    }

    @Test
    void image_import_copy_image_names_the_stores_and_waits_until_the_copy_is_in() {
        AtomicInteger gets = new AtomicInteger();
        // right after the request the image still reads active in fs only, importing nowhere: not done yet
        fake.on("GET", GLANCE + "/images/" + IMG, r -> recorded(switch (gets.incrementAndGet()) {
                    case 1, 2 -> "image-direct-active.json";
                    case 3 -> "image-copying.json";
                    default -> "image-in-two-stores.json";
                }))
                .on("POST", GLANCE + "/images/" + IMG + "/import", r -> new Reply(202, "", Map.of()));

        Map<String, Object> result = tools.ok("image_import", Map.of("image", IMG, "method", "copy_image",
                "stores", List.of("fs2")));

        assertThat(fake.requests("POST", GLANCE + "/images/" + IMG + "/import").get(0).body()).isEqualTo(
                "{\"method\":{\"name\":\"copy-image\"},\"stores\":[\"fs2\"],\"all_stores_must_succeed\":true}");
        assertThat(result).containsEntry("stores", List.of("fs", "fs2")).containsEntry("done", true);
    }

    @Test
    void image_import_copy_image_refusals_are_clear() {
        fake.on("GET", GLANCE + "/images/" + IMG, 200, DIR + "image-direct-active.json")
                .on("POST", GLANCE + "/images/" + IMG + "/import", r -> new Reply(403,
                        fake.recorded(DIR + "copy-image-demo-403.json"), Map.of("Content-Type", "text/html")));

        assertThat(tools.error("image_import", Map.of("image", IMG, "method", "copy_image")))
                .contains("Name the stores");
        assertThat(tools.error("image_import", Map.of("image", IMG, "method", "copy_image", "stores", List.of("fs"))))
                .contains("already in store(s) [fs]");
        assertThat(tools.error("image_import", Map.of("image", IMG, "method", "copy_image", "stores", List.of("nostore"))))
                .contains("Unknown store(s) [nostore]").contains("[fs, fs2]");
        assertThat(tools.error("image_import", Map.of("image", IMG, "method", "copy_image", "stores", List.of("fs2"))))
                .contains("HTTP 403").contains("copy_image");
        fake.on("GET", GLANCE + "/info/import", r -> Reply.json(200,
                "{\"import-methods\": {\"type\": \"array\", \"value\": [\"glance-direct\"]}}"));
        assertThat(tools.error("image_import", Map.of("image", IMG, "method", "copy_image", "stores", List.of("fs2"))))
                .contains("does not offer the copy-image import method (it offers: glance-direct)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void image_member_remove_previews_the_membership_then_deletes_it() {
        fake.on("GET", GLANCE + "/images/" + IMG, 200, DIR + "image-direct-active.json")
                .on("GET", GLANCE + "/images/" + IMG + "/members/" + ADMIN, r -> Reply.json(200,
                        fake.recorded(DIR + "member.json").replace("\"pending\"", "\"accepted\"")))
                .on("DELETE", GLANCE + "/images/" + IMG + "/members/" + ADMIN, r -> new Reply(204, "", Map.of()));

        Map<String, Object> preview = (Map<String, Object>) tools.ok("image_member_remove",
                Map.of("image", IMG, "project", ADMIN)).get("preview");
        assertThat((String) preview.get("summary")).contains("membership accepted");
        assertThat((List<String>) preview.get("warnings")).anySatisfy(w -> assertThat(w).contains("disappears"));
        assertThat(fake.count("DELETE", ".*")).isZero();

        Map<String, Object> done = tools.confirmed("image_member_remove", Map.of("image", IMG, "project", ADMIN));

        assertThat(done).containsEntry("member_id", ADMIN).containsEntry("status", "removed");
        assertThat(fake.count("DELETE", GLANCE + "/images/" + IMG + "/members/" + ADMIN)).isEqualTo(1);
        fake.on("GET", GLANCE + "/images/" + IMG + "/members/" + ADMIN, r -> new Reply(404,
                fake.recorded(DIR + "member-404.txt"), Map.of("Content-Type", "text/html")));
        assertThat(tools.error("image_member_remove", Map.of("image", IMG, "project", ADMIN))).contains("was not found");
    }

    @Test
    @SuppressWarnings("unchecked")
    void metadef_namespaces_page_by_name_and_one_summarises_properties_and_prefixes() {
        fake.on("GET", GLANCE + "/metadefs/namespaces", 200, DIR + "metadef-namespaces-limit3.json")
                .on("GET", GLANCE + "/metadefs/namespaces/OS::Compute::CPUPinning", 200, DIR + "metadef-cpu-pinning.json")
                .on("GET", GLANCE + "/metadefs/namespaces/OS::Nope", r -> new Reply(404,
                        fake.recorded(DIR + "metadef-404.txt"), Map.of("Content-Type", "text/html")));

        Map<String, Object> page = tools.ok("metadef_namespace_list", Map.of("limit", 2, "resource_type", "OS::Nova::Flavor"));
        Map<String, Object> one = tools.ok("metadef_namespace_get", Map.of("namespace", "OS::Compute::CPUPinning"));

        assertThat(FakeOpenStack.queryParams(fake.requests("GET", GLANCE + "/metadefs/namespaces").get(0)))
                .contains("limit=3", "resource_types=OS::Nova::Flavor");
        List<Map<String, Object>> namespaces = (List<Map<String, Object>>) page.get("namespaces");
        assertThat(page).containsEntry("count", 2).containsEntry("next_marker", namespaces.get(1).get("namespace"));
        assertThat((List<Map<String, Object>>) one.get("properties")).extracting(p -> p.get("name") + " " + p.get("allowed"))
                .containsExactly("cpu_policy [shared, dedicated]", "cpu_thread_policy [isolate, prefer, require]");
        assertThat((List<Map<String, Object>>) one.get("applies_to")).anySatisfy(t -> assertThat(t)
                .containsEntry("name", "OS::Nova::Flavor").containsEntry("prefix", "hw:"));
        assertThat(tools.error("metadef_namespace_get", Map.of("namespace", "OS::Nope"))).contains("was not found");
    }
}
