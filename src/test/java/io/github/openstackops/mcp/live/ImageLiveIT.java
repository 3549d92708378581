package io.github.openstackops.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.github.openstackops.mcp.live.LiveCloud.RUN;
import static io.github.openstackops.mcp.live.LiveCloud.json;
import static io.github.openstackops.mcp.live.LiveCloud.openstack;
import static io.github.openstackops.mcp.live.LiveCloud.openstackStatus;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image tools against the testbed's Glance (file store; web-download allowed from 127.0.0.1), checked with the
 * openstack CLI. Every image is a throw-away named ops-live-*-RUN; the seed image cirros-fake is only read (and its
 * deletion only previewed).
 */
class ImageLiveIT {

    static LiveTools demo;
    static LiveTools admin;
    static final List<String> images = new ArrayList<>();
    static Path dir;

    @BeforeAll
    static void connect() throws IOException {
        demo = LiveTools.demo();
        admin = LiveTools.admin();
        dir = Files.createTempDirectory("ops-live-images");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        for (String image : images) {
            openstackStatus("image", "set", "--unprotected", image);
            openstackStatus("image", "delete", image);
        }
        LiveTools.close(demo, admin);
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    static JsonNode cli(String... args) {
        return json(openstack(args));
    }

    static byte[] data(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void reads_list_and_show_images_like_the_cli() {
        JsonNode cirros = cli("image", "show", "cirros-fake", "-f", "json");
        Map<String, Object> page = demo.ok("image_list", Map.of("name", "cirros-fake"));
        assertThat((List<Map<String, Object>>) page.get("images")).singleElement().satisfies(i -> assertThat(i)
                .containsEntry("id", cirros.path("id").asText()).containsEntry("visibility", "public"));

        Map<String, Object> image = demo.ok("image_get", Map.of("image", "cirros-fake"));
        assertThat(image).containsEntry("checksum", cirros.path("checksum").asText())
                .containsEntry("status", "active");
        assertThat(((Number) image.get("size_bytes")).longValue()).isEqualTo(cirros.path("size").asLong());
        assertThat((Map<String, Object>) image.get("properties")).containsEntry("os_distro", "cirros");
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_image_is_created_from_a_local_file_updated_protected_and_deleted() throws IOException {
        String name = "ops-live-img-" + RUN;
        images.add(name);
        byte[] bytes = data(64 * 1024 + 7);
        Path file = Files.write(dir.resolve("ops-live.img"), bytes);

        Map<String, Object> created = demo.ok("image_create", Map.of("name", name, "disk_format", "raw",
                "file_path", file.toString(), "tags", List.of("ops-live"), "properties", Map.of("os_distro", "livetest")));
        assertThat(created).containsEntry("status", "active").containsEntry("done", true)
                .containsEntry("checksum", md5(bytes));
        JsonNode shown = cli("image", "show", name, "-f", "json");
        assertThat(shown.path("status").asText()).isEqualTo("active");
        assertThat(shown.path("checksum").asText()).isEqualTo(md5(bytes));
        assertThat(shown.path("size").asLong()).isEqualTo(bytes.length);

        Map<String, Object> updated = demo.ok("image_update", Map.of("image", name, "min_disk_gb", 1,
                "add_tags", List.of("gold"), "set_properties", Map.of("hw_disk_bus", "scsi"),
                "remove_properties", List.of("os_distro"), "protected", true));
        assertThat(updated).containsEntry("protected", true).containsEntry("min_disk_gb", 1);
        shown = cli("image", "show", name, "-f", "json");
        assertThat(shown.path("min_disk").asInt()).isEqualTo(1);
        assertThat(shown.path("protected").asBoolean()).isTrue();
        assertThat(shown.path("tags").toString()).contains("gold", "ops-live");
        assertThat(shown.path("properties").path("hw_disk_bus").asText()).isEqualTo("scsi");
        assertThat(shown.path("properties").has("os_distro")).isFalse();

        assertThat(demo.error("image_delete", Map.of("image", name))).contains("is protected", "protected=false");
        assertThat(openstack("image", "show", name, "-f", "value", "-c", "status")).isEqualTo("active");

        demo.ok("image_update", Map.of("image", name, "protected", false));
        assertThat((String) demo.confirmed("image_delete", Map.of("image", name)).get("message")).contains("is deleted");
        assertThat(openstackStatus("image", "show", name)).isNotZero();
        images.remove(name);
    }

    @Test
    void an_image_is_imported_from_a_url_with_web_download() throws IOException {
        byte[] bytes = data(32 * 1024);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ops-live.img", exchange -> {
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        String name = "ops-live-url-" + RUN;
        images.add(name);
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/ops-live.img";
            Map<String, Object> created = demo.ok("image_create", Map.of("name", name, "disk_format", "raw",
                    "source_url", url));
            assertThat(created).containsEntry("status", "active").containsEntry("checksum", md5(bytes));
            assertThat(openstack("image", "show", name, "-f", "value", "-c", "checksum")).isEqualTo(md5(bytes));

            String failed = demo.error("image_create", Map.of("name", name + "-broken", "disk_format", "raw",
                    "source_url", "http://127.0.0.1:" + server.getAddress().getPort() + "/missing.img"));
            assertThat(failed).contains("could not import", "removed again");
            assertThat(openstackStatus("image", "show", name + "-broken")).isNotZero();
        } finally {
            server.stop(0);
        }
        demo.confirmed("image_delete", Map.of("image", name));
        images.remove(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_image_is_shared_with_another_project_accepted_there_and_deactivated_and_reactivated() throws IOException {
        String name = "ops-live-share-" + RUN;
        images.add(name);
        Path file = Files.write(dir.resolve("ops-live-share.img"), data(4096));
        Map<String, Object> created = demo.ok("image_create", Map.of("name", name, "disk_format", "raw",
                "file_path", file.toString(), "visibility", "private"));
        assertThat(created).containsEntry("visibility", "private");
        String imageId = (String) created.get("id");
        assertThat(demo.error("image_member_add", Map.of("image", name, "project", "0123456789abcdef0123456789abcdef")))
                .contains("only shared images have members");

        assertThat(demo.ok("image_visibility_set", Map.of("image", name, "visibility", "shared")))
                .containsEntry("visibility", "shared");
        assertThat(openstack("image", "show", imageId, "-f", "value", "-c", "visibility")).isEqualTo("shared");

        String adminProject = (String) admin.ok("volume_quota_get", Map.of()).get("project_id");
        assertThat(demo.ok("image_member_add", Map.of("image", name, "project", adminProject)))
                .containsEntry("status", "pending");
        assertThat((List<Map<String, Object>>) demo.ok("image_member_list", Map.of("image", name)).get("members"))
                .singleElement().satisfies(m -> assertThat(m).containsEntry("member_id", adminProject)
                        .containsEntry("status", "pending"));

        assertThat(admin.ok("image_member_update", Map.of("image", imageId, "status", "accepted")))
                .containsEntry("status", "accepted");
        assertThat(openstack("image", "member", "list", imageId, "-f", "value", "-c", "Status")).isEqualTo("accepted");

        assertThat(demo.ok("image_deactivate", Map.of("image", name))).containsEntry("status", "deactivated");
        assertThat(openstack("image", "show", imageId, "-f", "value", "-c", "status")).isEqualTo("deactivated");
        assertThat(demo.ok("image_reactivate", Map.of("image", name))).containsEntry("status", "active");

        demo.confirmed("image_delete", Map.of("image", name));
        assertThat(openstackStatus("image", "show", imageId)).isNotZero();
        images.remove(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void deleting_the_seed_image_is_only_previewed_and_the_preview_names_servers_booted_from_it() {
        Map<String, Object> preview = demo.ok("image_delete", Map.of("image", "cirros-fake"));

        assertThat(preview).containsEntry("status", "preview");
        assertThat((List<String>) ((Map<String, Object>) preview.get("preview")).get("warnings"))
                .anySatisfy(w -> assertThat(w).contains("booted from this image"))
                .anySatisfy(w -> assertThat(w).contains("public"));
        assertThat(openstack("image", "show", "cirros-fake", "-f", "value", "-c", "status")).isEqualTo("active");
    }
}
