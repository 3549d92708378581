package io.github.openstackops.mcp.compute;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.openstackops.mcp.catalog.Secrets;
import io.github.openstackops.mcp.support.FakeOpenStack;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Key pair tools against recorded Nova responses (microversion 2.35). */
class KeypairToolsTest extends InventoryToolsTestBase {

    static final String PRIVATE_KEY = "-----BEGIN RSA PRIVATE KEY-----\nREDACTED-BY-THE-RECORDER\n-----END RSA PRIVATE KEY-----\n";

    @Test
    void keypair_list_shows_fingerprints_and_shortened_public_keys() {
        asDemo();
        on("GET", NOVA + "/os-keypairs", 200, "keypairs.json");

        Map<String, Object> page = tools.ok("keypair_list", Map.of("limit", 10));

        assertThat(query("GET", NOVA + "/os-keypairs")).contains("limit=11");
        assertThat(header(last("GET", NOVA + "/os-keypairs"), "X-OpenStack-Nova-API-Version")).isEqualTo("2.35");
        Map<String, Object> key = list(page.get("keypairs")).get(0);
        assertThat(key).containsEntry("name", "demo-key").containsEntry("type", "ssh")
                .containsEntry("fingerprint", "2c:b8:af:37:8a:17:57:f1:4f:1d:8d:75:c8:32:3c:0e");
        assertThat((String) key.get("public_key")).startsWith("ssh-rsa AAAAB3NzaC1yc2E").contains("…")
                .endsWith("demo-key").hasSizeLessThan(80);
        assertThat(page).containsEntry("count", 1).doesNotContainKey("next_marker");
    }

    @Test
    void keypair_get_by_name_and_a_missing_one() {
        asDemo();
        on("GET", NOVA + "/os-keypairs/demo-key", 200, "keypair-demo-key.json");
        on("GET", NOVA + "/os-keypairs/no-such-key", 404, "keypair-404.json");

        assertThat(tools.ok("keypair_get", Map.of("keypair", "demo-key"))).containsEntry("name", "demo-key")
                .containsKey("created").containsKey("user_id");
        assertThat(tools.error("keypair_get", Map.of("keypair", "no-such-key")))
                .isEqualTo("Key pair 'no-such-key' was not found (or is not visible to this project).");
    }

    @Test
    void keypair_create_returns_the_private_key_once_and_never_logs_it() {
        asDemo();
        on("POST", NOVA + "/os-keypairs", 200, "keypair-create.json");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            Map<String, Object> created = tools.ok("keypair_create", Map.of("name", "rec11824-kp"));

            assertThat(last("POST", NOVA + "/os-keypairs").body()).contains("\"name\":\"rec11824-kp\"", "\"type\":\"ssh\"")
                    .doesNotContain("public_key");
            assertThat(created).containsEntry("private_key", PRIVATE_KEY).containsEntry("name", "rec11824-kp");
            assertThat((String) created.get("message")).contains("shown only this once");
            assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(m -> m.contains("PRIVATE KEY") || m.contains("REDACTED-BY-THE-RECORDER"));
            assertThat(Secrets.scrub("oops " + PRIVATE_KEY)).doesNotContain("REDACTED-BY-THE-RECORDER");
        } finally {
            root.detachAppender(logs);
        }
    }

    @Test
    void keypair_import_sends_the_public_key_and_refuses_a_private_one() {
        asDemo();
        on("POST", NOVA + "/os-keypairs", 200, "keypair-import.json");
        String key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ3mkHj7n2yqzV0bq5G3Ew3Kk2bFq4mO0u1bGk6Xw3sD recorder@testbed";

        Map<String, Object> imported = tools.ok("keypair_import", Map.of("name", "rec11824-imp", "public_key", key));

        assertThat(last("POST", NOVA + "/os-keypairs").body()).contains("\"public_key\":\"" + key + "\"");
        assertThat(imported).containsEntry("fingerprint", "6c:e6:b8:ea:bb:be:8f:93:d2:bb:61:e9:30:6f:51:41")
                .doesNotContainKey("private_key");

        String refused = tools.error("keypair_import", Map.of("name", "x", "public_key",
                "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----"));
        assertThat(refused).contains("That is a private key").doesNotContain("b3BlbnNzaC1rZXktdjEAAAAA");
        assertThat(tools.error("keypair_import", Map.of("name", "x", "public_key", "not a key at all, really")))
                .contains("does not look like an OpenSSH public key");
        assertThat(fake.count("POST", NOVA + "/os-keypairs")).isEqualTo(1);
    }

    @Test
    void keypair_delete_previews_the_key_then_deletes_it() {
        asDemo();
        on("GET", NOVA + "/os-keypairs/demo-key", 200, "keypair-demo-key.json");
        fake.on("DELETE", NOVA + "/os-keypairs/demo-key", r -> new FakeOpenStack.Reply(202, "", Map.of()));

        Map<String, Object> preview = map(tools.ok("keypair_delete", Map.of("keypair", "demo-key")).get("preview"));
        assertThat((String) preview.get("summary")).contains("demo-key", "2c:b8:af:37");
        assertThat(list(preview.get("resources"))).extracting(r -> r.get("type") + ":" + r.get("effect"))
                .containsExactly("keypair:deleted");
        assertThat(fake.count("DELETE", ".*")).isZero();

        assertThat(tools.confirmed("keypair_delete", Map.of("keypair", "demo-key"))).containsEntry("name", "demo-key");
        assertThat(fake.count("DELETE", NOVA + "/os-keypairs/demo-key")).isEqualTo(1);
    }

    @Test
    void key_pair_names_are_checked_before_nova_is_asked() {
        asDemo();
        assertThat(tools.error("keypair_create", Map.of("name", "bad/name"))).contains("name");
        assertThat(fake.count("POST", ".*os-keypairs")).isZero();
    }
}
