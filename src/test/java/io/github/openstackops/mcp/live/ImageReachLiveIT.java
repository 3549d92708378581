package io.github.openstackops.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.github.openstackops.mcp.live.LiveCloud.json;
import static io.github.openstackops.mcp.live.LiveCloud.lines;
import static io.github.openstackops.mcp.live.LiveCloud.openstack;
import static io.github.openstackops.mcp.live.LiveCloud.openstackAdmin;
import static io.github.openstackops.mcp.live.LiveCloud.openstackAdminStatus;
import static io.github.openstackops.mcp.live.LiveCloud.otherCli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image operations beyond the basics, each done by a tool against the testbed's Glance (two file stores, fs the
 * default, and glance-direct, web-download and copy-image imports) and checked with the openstack or glance CLI: an
 * image created without data gets it by glance-direct (staged, then imported), is copied into the second store by
 * admin, shared with admin's project and unshared; the import methods, stores and metadef namespaces read as the CLI
 * shows them. The image is named storimg-RUN and deleted at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageReachLiveIT {

    private final String name = "storimg-" + LiveCloud.RUN + "-direct";
    private LiveTools demo;
    private LiveTools admin;
    private Path file;
    private String id;

    @BeforeAll
    void start() throws IOException {
        demo = LiveTools.demo();
        admin = LiveTools.admin();
        file = Files.createTempFile("storimg-", ".img");
        Files.write(file, new byte[4096]);
    }

    @AfterAll
    void cleanUp() throws IOException {
        try {
            openstackAdminStatus("image", "delete", id != null ? id : name);
            Files.deleteIfExists(file);
        } finally {
            LiveTools.close(demo, admin);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> result, String key) {
        return (List<Map<String, Object>>) result.get(key);
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void image_import_info_holds_the_methods_and_stores_glance_reports() {
        Map<String, Object> info = demo.ok("image_import_info", Map.of());

        String methods = otherCli(false, "glance", "import-info");
        assertThat((List<String>) info.get("import_methods")).containsExactlyInAnyOrder("glance-direct", "web-download",
                "copy-image").allSatisfy(m -> assertThat(methods.replace("|", "").replaceAll("\\s+", "")).contains(m));
        String stores = otherCli(false, "glance", "stores-info");
        assertThat(list(info, "stores")).extracting(s -> s.get("id") + " " + s.get("is_default"))
                .containsExactly("fs true", "fs2 false");
        assertThat(stores).contains("\"id\": \"fs\", \"default\": \"true\"").contains("\"id\": \"fs2\"");
    }

    @Test
    @Order(2)
    void glance_direct_stages_the_file_then_imports_it_into_an_image_created_without_data() {
        Map<String, Object> created = demo.ok("image_create", Map.of("name", name, "disk_format", "raw",
                "visibility", "shared"));
        id = (String) created.get("id");
        assertThat(openstack("image", "show", id, "-f", "value", "-c", "status")).isEqualTo("queued");

        Map<String, Object> imported = demo.ok("image_import", Map.of("image", id, "method", "glance_direct",
                "file_path", file.toString(), "stores", List.of("fs")));

        assertThat(imported).containsEntry("done", true).containsEntry("status", "active")
                .containsEntry("stores", List.of("fs"));
        JsonNode shown = json(openstack("image", "show", id, "-f", "json"));
        assertThat(shown.path("status").asText()).isEqualTo("active");
        assertThat(shown.path("size").asLong()).isEqualTo(4096);
        assertThat(demo.error("image_import", Map.of("image", id, "method", "glance_direct",
                "file_path", file.toString()))).contains("needs an image without data");
    }

    @Test
    @Order(3)
    void admin_copies_the_image_into_the_second_store() {
        assertThat(demo.error("image_import", Map.of("image", id, "method", "copy_image", "stores", List.of("fs2"))))
                .contains("HTTP 403");

        Map<String, Object> copied = admin.ok("image_import", Map.of("image", id, "method", "copy_image",
                "stores", List.of("fs2")));

        assertThat(copied).containsEntry("done", true).containsEntry("stores", List.of("fs", "fs2"));
        // the openstack CLI shows the stores among the image's properties
        String stores = json(openstackAdmin("image", "show", id, "-f", "json")).path("properties").path("stores").asText();
        assertThat(Set.of(stores.split(","))).containsExactlyInAnyOrder("fs", "fs2");
    }

    @Test
    @Order(4)
    @SuppressWarnings("unchecked")
    void a_member_is_removed_after_a_preview_and_the_cli_lists_none() {
        String adminProject = openstackAdmin("project", "show", "admin", "-f", "value", "-c", "id");
        demo.ok("image_member_add", Map.of("image", id, "project", adminProject));
        assertThat(openstack("image", "member", "list", id, "-f", "value", "-c", "Member ID")).contains(adminProject);

        Map<String, Object> preview = (Map<String, Object>) demo.ok("image_member_remove", Map.of("image", id,
                "project", adminProject)).get("preview");
        assertThat((String) preview.get("summary")).contains(adminProject).contains("pending");
        demo.confirmed("image_member_remove", Map.of("image", id, "project", adminProject));

        assertThat(openstack("image", "member", "list", id, "-f", "value", "-c", "Member ID")).doesNotContain(adminProject);
        assertThat(demo.error("image_member_remove", Map.of("image", id, "project", adminProject))).contains("not found");
    }

    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void metadef_namespaces_hold_what_glance_lists() {
        Set<String> cli = lines(otherCli(false, "glance", "md-namespace-list")).stream()
                .filter(l -> l.startsWith("| ") && !l.startsWith("| namespace")).map(l -> l.replace("|", "").trim())
                .collect(Collectors.toSet());
        List<String> listed = new ArrayList<>();
        demo.pages("metadef_namespace_list", Map.of("limit", 10), 20)
                .forEach(p -> list(p, "namespaces").forEach(n -> listed.add((String) n.get("namespace"))));
        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(cli);

        Map<String, Object> pinning = demo.ok("metadef_namespace_get", Map.of("namespace", "OS::Compute::CPUPinning"));
        String shown = otherCli(false, "glance", "md-namespace-show", "OS::Compute::CPUPinning");
        assertThat(list(pinning, "properties")).extracting(p -> (String) p.get("name"))
                .isNotEmpty().allSatisfy(p -> assertThat(shown).contains(p));
        assertThat(demo.error("metadef_namespace_get", Map.of("namespace", "OS::No::Such"))).contains("was not found");
    }
}
