package io.github.openstackops.mcp.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.openstackops.mcp.mcp.McpToolAdapter;
import io.github.openstackops.mcp.support.TestContexts;
import io.micronaut.context.ApplicationContext;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules that hold for every tool of the real catalog, and a committed snapshot of every tool's schema: a changed
 * schema fails the build until the snapshot is regenerated on purpose ({@code UPDATE_TOOLSNAPS=true}) and reviewed.
 */
class ToolInventoryTest {

    static final Path SNAPSHOTS = Path.of("src/test/resources/toolsnaps");
    static final Pattern MCP_NAME = Pattern.compile("^[A-Za-z0-9_.-]{1,128}$");
    static final Pattern TITLE = Pattern.compile("^[A-Z][A-Za-z ]+: [A-Z][A-Za-z ]+$");
    static final ObjectMapper SORTED = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).enable(SerializationFeature.INDENT_OUTPUT).build();

    static ApplicationContext context;
    static List<ToolDefinition<?, ?>> tools;

    @BeforeAll
    static void catalog() {
        context = TestContexts.plain(Map.of("mcp.safety.allow-modify", true, "mcp.safety.allow-sensitive", true));
        tools = context.getBean(ToolCatalog.class).all();
    }

    @AfterAll
    static void close() {
        context.close();
    }

    @Test
    void names_are_unique_valid_mcp_names_and_read_resource_then_verb() {
        assertThat(tools).isNotEmpty();
        assertThat(tools.stream().map(ToolDefinition::name).distinct().count()).isEqualTo(tools.size());
        assertThat(tools).allSatisfy(t -> {
            assertThat(t.name()).matches(MCP_NAME).matches(ToolDefinition.NAME);
            assertThat(t.title()).as(t.name()).matches(TITLE);
            assertThat(t.description()).as(t.name()).hasSizeBetween(20, 1200);
        });
    }

    @Test
    void annotations_follow_the_safety_class_and_are_always_explicit() {
        assertThat(tools).allSatisfy(t -> {
            McpSchema.ToolAnnotations a = McpToolAdapter.describe(t).annotations();
            assertThat(a.readOnlyHint()).as(t.name()).isEqualTo(t.safety() == SafetyClass.READ);
            assertThat(a.destructiveHint()).as(t.name()).isEqualTo(t.safety() == SafetyClass.DESTRUCTIVE);
            assertThat(a.idempotentHint()).as(t.name()).isNotNull();
            assertThat(a.openWorldHint()).as(t.name()).isTrue();
            assertThat(a.readOnlyHint() && a.destructiveHint()).as(t.name()).isFalse();
            // the title is the tool's own (MCP 2025-06-18); not repeated in the annotations
            assertThat(a.title()).isNull();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void schemas_are_plain_objects_that_every_client_can_read() {
        assertThat(tools).allSatisfy(t -> {
            assertThat(t.inputSchema()).as(t.name()).containsEntry("type", "object")
                    .doesNotContainKeys("anyOf", "oneOf", "allOf", "not", "$ref")
                    .containsEntry("additionalProperties", false);
            assertThat(t.outputSchema()).as(t.name()).containsEntry("type", "object").containsKey("properties");
            if (t.safety() == SafetyClass.DESTRUCTIVE) {
                assertThat((Map<String, Object>) t.inputSchema().get("properties")).containsKey("confirm");
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> every_tool_matches_its_committed_schema_snapshot() throws IOException {
        boolean update = "true".equals(System.getenv("UPDATE_TOOLSNAPS"));
        if (update) {
            Files.createDirectories(SNAPSHOTS);
        }
        Set<String> names = tools.stream().map(ToolDefinition::name).collect(Collectors.toSet());
        try (Stream<Path> files = Files.exists(SNAPSHOTS) ? Files.list(SNAPSHOTS) : Stream.empty()) {
            List<Path> stale = files.filter(f -> !names.contains(f.getFileName().toString().replace(".json", ""))).toList();
            if (update) {
                for (Path f : stale) {
                    Files.delete(f);
                }
            } else {
                assertThat(stale).as("snapshots of tools that no longer exist (UPDATE_TOOLSNAPS=true removes them)").isEmpty();
            }
        }
        return tools.stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            String actual = SORTED.writeValueAsString(SORTED.readTree(SORTED.writeValueAsString(
                    McpToolAdapter.describe(t)))) + "\n";
            Path file = SNAPSHOTS.resolve(t.name() + ".json");
            if (update) {
                Files.writeString(file, actual);
            }
            assertThat(file).as("snapshot of %s (run with UPDATE_TOOLSNAPS=true to create or update it)", t.name()).exists();
            assertThat(Files.readString(file)).as("schema of %s changed: review, then UPDATE_TOOLSNAPS=true", t.name())
                    .isEqualTo(actual);
        }));
    }
}
