package io.github.openstackops.mcp.storage;

import io.github.openstackops.mcp.catalog.Secrets;
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

/**
 * Volume transfers and the upload of a volume into an image, against Cinder and Glance responses recorded by
 * testbed/record/storage-reach.sh (a transfer demo created and admin accepted; the auth key recorded is a fake).
 */
class VolumeTransferToolsTest {

    static final String DIR = "storage-reach/";
    static final String CINDER = "/volume/v3/[0-9a-f]+";
    static final String VOL = "c1a33a70-6651-427a-86a3-5c662581dddd";
    static final String TRANSFER = "141e8680-0d3c-4b73-9f6b-7ebaf2642045";
    static final String IMAGE = "8f130281-8823-4d1c-bac0-c4290c6f13d5";

    private ToolHarness tools;
    private FakeOpenStack fake;

    @BeforeEach
    void start() {
        fake = FakeOpenStack.start()
                .on("GET", CINDER + "/volumes/" + VOL, 200, DIR + "volume-available.json")
                .on("GET", CINDER + "/volume-transfers/detail", 200, DIR + "transfers-detail.json")
                .on("GET", CINDER + "/volume-transfers/" + TRANSFER, 200, DIR + "transfer.json")
                .on("GET", CINDER + "/volume-transfers/0000.*", 404, DIR + "transfer-404.json");
        tools = ToolHarness.on(fake).allowModify().start();
    }

    @AfterEach
    void stop() {
        tools.close();
    }

    private static String header(FakeOpenStack.Request request, String name) {
        return request.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void volume_transfer_list_pages_in_cinder_at_3_57_and_shows_no_key() {
        Map<String, Object> page = tools.ok("volume_transfer_list", Map.of("volume", VOL, "limit", 5));

        FakeOpenStack.Request sent = fake.requests("GET", CINDER + "/volume-transfers/detail").get(0);
        // Cinder answers a paged transfer listing with nothing: the listing goes without limit, marker and sort
        assertThat(FakeOpenStack.queryParams(sent)).containsExactly("volume_id=" + VOL);
        assertThat(header(sent, "OpenStack-API-Version")).isEqualTo("volume 3.57");
        assertThat((List<Map<String, Object>>) page.get("transfers")).singleElement().satisfies(t -> assertThat(t)
                .containsEntry("id", TRANSFER).containsEntry("name", "rec-sr-7398-tr").containsEntry("accepted", false)
                .containsEntry("volume_id", VOL).doesNotContainKey("auth_key"));
    }

    @Test
    void a_cinder_older_than_3_57_is_named_as_the_reason() {
        fake.on("GET", CINDER + "/volume-transfers/detail", r -> Reply.json(406, "{\"computeFault\": {\"code\": 406,"
                + " \"message\": \"Version 3.57 is not supported by the API.\"}}"));

        assertThat(tools.error("volume_transfer_list", Map.of()))
                .contains("does not offer the volume transfer API").contains("microversion 3.57");
    }

    @Test
    void volume_transfer_create_returns_the_key_once_and_registers_it_with_the_scrubber() {
        fake.on("POST", CINDER + "/volume-transfers", 202, DIR + "transfer-created.json");

        Map<String, Object> created = tools.ok("volume_transfer_create", Map.of("volume", VOL, "name", "rec-sr-7398-tr"));

        assertThat(fake.requests("POST", CINDER + "/volume-transfers").get(0).body()).isEqualTo("{\"transfer\":"
                + "{\"volume_id\":\"" + VOL + "\",\"name\":\"rec-sr-7398-tr\",\"no_snapshots\":false}}");
        assertThat(created).containsEntry("auth_key", "recordedfakekey0");
        assertThat((String) created.get("message")).contains("volume_transfer_accept").doesNotContain("recordedfakekey0");
        assertThat(Secrets.scrub("key recordedfakekey0 leaked")).isEqualTo("key *** leaked");
    }

    @Test
    void volume_transfer_create_refuses_a_volume_that_is_not_available() {
        fake.on("GET", CINDER + "/volumes/" + VOL, 200, DIR + "volume-awaiting-transfer.json");

        assertThat(tools.error("volume_transfer_create", Map.of("volume", VOL))).contains("is awaiting-transfer");
        assertThat(fake.count("POST", CINDER + ".*")).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void volume_transfer_accept_sends_the_key_and_names_the_volume_and_a_wrong_key_is_cinders_sentence() {
        tools.close();
        fake = FakeOpenStack.start().asAdmin();
        fake.on("POST", CINDER + "/volume-transfers/" + TRANSFER + "/accept", r ->
                r.body().contains("wrongkey") ? Reply.json(400, fake.recorded(DIR + "transfer-accept-wrong-key-400.json"))
                        : Reply.json(202, fake.recorded(DIR + "transfer-accepted.json")))
                .on("GET", CINDER + "/volumes/" + VOL, 200, DIR + "volume-admin-after-upload.json");
        tools = ToolHarness.on(fake).allowModify().asAdmin().start();

        Map<String, Object> accepted = tools.ok("volume_transfer_accept", Map.of("transfer", TRANSFER,
                "auth_key", "recordedfakekey0"));

        assertThat(fake.requests("POST", CINDER + "/volume-transfers/.*").get(0).body())
                .isEqualTo("{\"accept\":{\"auth_key\":\"recordedfakekey0\"}}");
        assertThat((Map<String, Object>) accepted.get("volume")).containsEntry("id", VOL)
                .containsEntry("name", "rec-sr-7398-vol");
        assertThat(tools.error("volume_transfer_accept", Map.of("transfer", TRANSFER, "auth_key", "wrongkey00000000")))
                .contains("Invalid auth key").doesNotContain("wrongkey00000000");
    }

    @Test
    @SuppressWarnings("unchecked")
    void volume_transfer_delete_previews_the_volume_kept_then_withdraws_the_offer() {
        fake.on("DELETE", CINDER + "/volume-transfers/" + TRANSFER, r -> new Reply(202, "", Map.of()));

        Map<String, Object> preview = (Map<String, Object>) tools.ok("volume_transfer_delete",
                Map.of("transfer", TRANSFER)).get("preview");
        assertThat((List<Map<String, Object>>) preview.get("resources")).extracting(r -> r.get("type") + " " + r.get("effect"))
                .containsExactly("volume_transfer deleted; its auth key stops working",
                        "volume kept in this project, available again");
        assertThat(fake.count("DELETE", ".*")).isZero();

        Map<String, Object> done = tools.confirmed("volume_transfer_delete", Map.of("transfer", TRANSFER));

        assertThat(done).containsEntry("id", TRANSFER).containsEntry("gone", true);
        assertThat(fake.count("DELETE", CINDER + "/volume-transfers/" + TRANSFER)).isEqualTo(1);
        assertThat(tools.error("volume_transfer_delete", Map.of("transfer", "00000000-0000-0000-0000-000000000000")))
                .contains("was not found");
    }

    @Test
    void volume_image_create_asks_cinder_to_upload_and_waits_for_the_image() {
        AtomicInteger polls = new AtomicInteger();
        String active = fake.recorded(DIR + "image-from-volume.json");
        fake.on("POST", CINDER + "/volumes/" + VOL + "/action", 202, DIR + "volume-upload-image.json")
                .on("GET", "/image/v2/images/" + IMAGE, r -> Reply.json(200, polls.incrementAndGet() < 2
                        ? active.replace("\"active\"", "\"saving\"") : active));

        Map<String, Object> result = tools.ok("volume_image_create", Map.of("volume", VOL,
                "image_name", "rec-sr-7398-img", "visibility", "private"));

        assertThat(fake.requests("POST", CINDER + "/volumes/.*/action").get(0).body()).isEqualTo(
                "{\"os-volume_upload_image\":{\"image_name\":\"rec-sr-7398-img\",\"disk_format\":\"raw\","
                        + "\"container_format\":\"bare\",\"force\":false,\"visibility\":\"private\",\"protected\":false}}");
        assertThat(result).containsEntry("done", true).containsEntry("image_status", "active");
        assertThat(result.get("image")).isEqualTo(Map.of("id", IMAGE, "name", "rec-sr-7398-img"));
    }

    @Test
    void volume_image_create_wants_force_for_an_attached_volume() {
        fake.on("GET", CINDER + "/volumes/" + VOL, r -> Reply.json(200, fake.recorded(DIR + "volume-available.json")
                .replace("\"status\": \"available\"", "\"status\": \"in-use\"")));

        assertThat(tools.error("volume_image_create", Map.of("volume", VOL, "image_name", "x"))).contains("force=true");
        assertThat(fake.count("POST", CINDER + ".*")).isZero();
    }
}
