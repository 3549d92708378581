package io.github.openstackops.mcp.audit;

import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.ToolHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets stay out of the audit however they are spelt: secret-ish names match case-insensitively and by part (pwd,
 * Passwd, x-api-key), confirmation tokens and JWTs are recognised by their shape under any name, arguments the tool
 * does not take are not recorded at all, and huge values are cut with a marker.
 */
class RedactionTest {

    static final String TOKEN = "1767225600.q2Xv1_Yd0e3kQ1Zy.Vb3vFq2P0q9d8w7Xy6Zt5Rs4Qp3On2Ml1Kj0Ih9Gf8E";

    @Test
    void secret_names_match_whatever_their_case_or_spelling() {
        Map<String, Object> arguments = new java.util.HashMap<>(Map.of("pwd", "hunter2", "PWD", "hunter3",
                "Passwd", "a", "db_Pass", "b", "x-api-key", "c", "My_Secret", "d", "auth", "e", "Credentials", "f"));
        arguments.putAll(Map.of("key_name", "demo-key", "keypair", "demo-key", "name", "web-1"));
        Map<String, Object> redacted = Redaction.arguments(arguments, null);

        assertThat(redacted).containsEntry("pwd", "***").containsEntry("PWD", "***").containsEntry("Passwd", "***")
                .containsEntry("db_Pass", "***").containsEntry("x-api-key", "***").containsEntry("My_Secret", "***")
                .containsEntry("auth", "***").containsEntry("Credentials", "***")
                .containsEntry("key_name", "demo-key").containsEntry("keypair", "demo-key").containsEntry("name", "web-1");
    }

    @Test
    void tokens_are_recognised_by_their_shape_under_any_name_and_unknown_arguments_are_not_recorded() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
        Map<String, Object> redacted = Redaction.arguments(Map.of("Confirm", TOKEN, "server", "web-1",
                "metadata", Map.of("note", TOKEN, "who", jwt), "tags", List.of(TOKEN, "ok")),
                Set.of("server", "metadata", "tags"));

        assertThat(redacted.toString()).doesNotContain(TOKEN).doesNotContain(jwt);
        assertThat(redacted).containsEntry("server", "web-1").containsEntry("Confirm", Redaction.UNKNOWN)
                .containsEntry("tags", List.of("***", "ok"));
    }

    @Test
    void huge_values_and_keys_are_cut_with_a_marker_and_the_line_stays_small() {
        String huge = "y".repeat(2_000_000);
        Map<String, Object> many = new java.util.HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            many.put("k" + i, "value-" + i);
        }
        Map<String, Object> redacted = Redaction.arguments(Map.of("name", huge, huge, "v", "metadata", many,
                "list", java.util.Collections.nCopies(50_000, "z")), null);

        String text = redacted.toString();
        assertThat(text.length()).isLessThan(20_000);
        assertThat(text).contains("characters, truncated").contains("more, not recorded");
    }

    @Test
    void a_misspelt_confirm_key_never_puts_a_live_token_into_the_audit_file(@TempDir Path dir) throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        FakeOpenStack fake = FakeOpenStack.start()
                .on("GET", "/compute/v2.1/os-keypairs/demo-key", 200, "compute-inventory/keypair-demo-key.json");
        try (ToolHarness tools = ToolHarness.on(fake).allowModify().property("mcp.audit.path", audit.toString()).start()) {
            Map<String, Object> preview = tools.ok("keypair_delete", Map.of("keypair", "demo-key"));
            String token = (String) preview.get("confirm");
            assertThat(token).isNotBlank();

            tools.call("keypair_delete", Map.of("keypair", "demo-key", "Confirm", token));
            tools.call("keypair_delete", Map.of("keypair", "demo-key", "confirmation", token));
            tools.call("keypair_delete", Map.of("keypair", "demo-key", "pwd", "hunter2-secret"));

            String written = Files.readString(audit);
            assertThat(AuditLines.read(audit)).hasSize(4);
            assertThat(written).doesNotContain(token).doesNotContain("hunter2-secret");
        }
    }
}
