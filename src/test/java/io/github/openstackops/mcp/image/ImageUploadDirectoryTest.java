package io.github.openstackops.mcp.image;

import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolOutcome;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import io.github.openstackops.mcp.support.ToolHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * image_create's file_path reads a file on the server's host. Over HTTP that is someone else's machine: it is off
 * unless the operator names an upload directory (IMAGE_UPLOAD_DIR), and then only files really inside it (symbolic
 * links resolved) may be read, with one answer for every refused path so nobody can probe which files exist. The
 * stdio operator runs the server on their own machine and keeps reading their own files.
 */
class ImageUploadDirectoryTest {

    static final String GLANCE = "/image/v2";
    static final String REC_IMG = "4adb9d81-c993-4683-9e41-29a61031a271";
    static final Caller WRITER = new Caller("writer", Caller.AuthMethod.JWT, true);

    @TempDir
    Path dir;
    private ToolHarness tools;
    private FakeOpenStack fake;

    @AfterEach
    void stop() {
        if (tools != null) {
            tools.close();
        }
    }

    private void start(Path uploadDir) {
        fake = FakeOpenStack.start()
                .on("POST", GLANCE + "/images", 201, "image/image-create-rec-img.json")
                .on("PUT", GLANCE + "/images/" + REC_IMG + "/file", r -> new Reply(204, "", Map.of()))
                .on("GET", GLANCE + "/images/" + REC_IMG, 200, "image/image-rec-img-active.json");
        tools = ToolHarness.on(fake).allowModify();
        if (uploadDir != null) {
            tools.property("mcp.image.upload-dir", uploadDir.toString());
        }
        tools.start();
    }

    private ToolOutcome create(Surface surface, String path) {
        Map<String, Object> args = new HashMap<>(Map.of("name", "rec-img", "disk_format", "raw", "file_path", path));
        return tools.invoker().invoke("image_create", args, ToolContext.quiet(surface == Surface.STDIO ? Caller.STDIO
                : WRITER, surface));
    }

    private static String error(ToolOutcome outcome) {
        assertThat(outcome).as(outcome.toString()).isInstanceOf(ToolOutcome.Error.class);
        return ((ToolOutcome.Error) outcome).message();
    }

    private long glanceWrites() {
        return fake.count("POST", GLANCE + "/.*") + fake.count("PUT", GLANCE + "/.*");
    }

    @Test
    void over_http_without_an_upload_directory_no_local_file_is_read() throws IOException {
        Path file = Files.write(dir.resolve("rec.img"), new byte[64]);
        start(null);

        for (Surface surface : new Surface[] {Surface.MCP_HTTP, Surface.OPENAPI, Surface.REST}) {
            assertThat(error(create(surface, file.toString()))).as(surface.name()).contains("IMAGE_UPLOAD_DIR")
                    .contains("source_url");
        }
        assertThat(glanceWrites()).isZero();
        assertThat(create(Surface.STDIO, file.toString())).isInstanceOf(ToolOutcome.Success.class);
    }

    @Test
    void with_an_upload_directory_only_files_really_inside_it_are_read_and_refusals_look_alike() throws IOException {
        Path uploads = Files.createDirectories(dir.resolve("uploads"));
        Path inside = Files.write(uploads.resolve("rec.img"), new byte[64]);
        Path outside = Files.write(dir.resolve("secret.key"), "private".getBytes());
        Path link = Files.createSymbolicLink(uploads.resolve("innocent.img"), outside);
        start(uploads);

        String missing = error(create(Surface.REST, uploads.resolve("missing.img").toString()));
        String escaped = error(create(Surface.REST, outside.toString()));
        String linked = error(create(Surface.REST, link.toString()));
        String dotted = error(create(Surface.REST, uploads + "/../secret.key"));
        String folder = error(create(Surface.REST, uploads.toString()));

        assertThat(missing).contains("IMAGE_UPLOAD_DIR");
        for (String refusal : new String[] {escaped, linked, dotted, folder}) {
            assertThat(refusal.replace(outside.toString(), "P").replace(link.toString(), "P")
                    .replace(uploads + "/../secret.key", "P").replace(uploads.toString(), "P"))
                    .isEqualTo(missing.replace(uploads.resolve("missing.img").toString(), "P"));
        }
        assertThat(glanceWrites()).isZero();

        assertThat(create(Surface.REST, inside.toString())).isInstanceOf(ToolOutcome.Success.class);
        assertThat(create(Surface.MCP_HTTP, "rec.img")).as("relative to the upload directory")
                .isInstanceOf(ToolOutcome.Success.class);
        assertThat(error(create(Surface.STDIO, outside.toString()))).as("the directory applies on stdio too")
                .contains("IMAGE_UPLOAD_DIR");
    }
}
