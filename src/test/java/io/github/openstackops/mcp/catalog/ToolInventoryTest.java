package io.github.openstackops.mcp.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.openstackops.mcp.support.TestContexts;
import io.github.openstackops.mcp.transport.McpToolAdapter;
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
 * Rules that hold for every tool of the real catalog, in both tool modes, and a committed snapshot of every tool's
 * schema (each operation; each grouped tool under {@code grouped/}): a changed schema fails the build until the
 * snapshot is regenerated on purpose ({@code UPDATE_TOOLSNAPS=true}) and reviewed.
 */
class ToolInventoryTest {

    static final Path SNAPSHOTS = Path.of("src/test/resources/toolsnaps");
    static final Pattern MCP_NAME = Pattern.compile("^[A-Za-z0-9_.-]{1,128}$");
    static final Pattern TITLE = Pattern.compile("^[A-Z][A-Za-z ]+: [A-Z][A-Za-z ]+$");
    static final ObjectMapper SORTED = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).enable(SerializationFeature.INDENT_OUTPUT).build();

    static ApplicationContext context;
    static List<ToolDefinition<?, ?>> tools;
    static List<ListedTool> groups;

    @BeforeAll
    static void catalog() {
        context = TestContexts.plain(Map.of("mcp.safety.allow-modify", true, "mcp.safety.allow-sensitive", true,
                "mcp.catalog.tool-mode", "grouped"));
        tools = context.getBean(ToolCatalog.class).all();
        groups = context.getBean(ToolListing.class).offered();
    }

    @AfterAll
    static void close() {
        context.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void grouped_tools_cover_every_operation_once_with_one_safety_class_and_plain_schemas() {
        assertThat(groups.stream().flatMap(g -> g.operations().stream()).map(ToolDefinition::name))
                .containsExactlyInAnyOrderElementsOf(tools.stream().map(ToolDefinition::name).toList());
        assertThat(groups).allSatisfy(g -> {
            assertThat(g.name()).matches(MCP_NAME).isEqualTo(ToolGroups.name(g.toolset(), g.safety()));
            assertThat(g.title()).as(g.name()).matches(TITLE);
            assertThat(g.operations()).allSatisfy(op -> assertThat(op.safety()).isEqualTo(g.safety()));
            McpSchema.ToolAnnotations a = g.mcpTool().annotations();
            assertThat(a.readOnlyHint()).as(g.name()).isEqualTo(g.safety() == SafetyClass.READ);
            assertThat(a.destructiveHint()).as(g.name()).isEqualTo(g.safety() == SafetyClass.DESTRUCTIVE);
            assertThat(g.inputSchema()).as(g.name()).containsEntry("type", "object")
                    .doesNotContainKeys("anyOf", "oneOf", "allOf", "not", "$ref")
                    .containsEntry("additionalProperties", false);
            Map<String, Object> operation = (Map<String, Object>) ((Map<String, Object>) g.inputSchema()
                    .get("properties")).get("operation");
            assertThat((List<String>) operation.get("enum")).containsAll(g.operations().stream()
                    .map(ToolDefinition::name).toList());
            // one short line per operation
            assertThat(g.operations()).allSatisfy(op -> assertThat(op.summary()).as(op.name())
                    .hasSizeBetween(10, 400).doesNotContain("\n"));
        });
    }

    @TestFactory
    Stream<DynamicTest> every_grouped_tool_matches_its_committed_schema_snapshot() throws IOException {
        return snapshots(SNAPSHOTS.resolve("grouped"), groups.stream()
                .collect(Collectors.toMap(ListedTool::name, ListedTool::mcpTool, (a, b) -> a,
                        java.util.TreeMap::new)));
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
        return snapshots(SNAPSHOTS, tools.stream().collect(Collectors.toMap(ToolDefinition::name,
                McpToolAdapter::describe, (a, b) -> a, java.util.TreeMap::new)));
    }

    private static Stream<DynamicTest> snapshots(Path directory, Map<String, McpSchema.Tool> described)
            throws IOException {
        boolean update = "true".equals(System.getenv("UPDATE_TOOLSNAPS"));
        if (update) {
            Files.createDirectories(directory);
        }
        Set<String> names = described.keySet();
        try (Stream<Path> files = Files.exists(directory) ? Files.list(directory) : Stream.empty()) {
            List<Path> stale = files.filter(Files::isRegularFile)
                    .filter(f -> !names.contains(f.getFileName().toString().replace(".json", ""))).toList();
            if (update) {
                for (Path f : stale) {
                    Files.delete(f);
                }
            } else {
                assertThat(stale).as("snapshots of tools that no longer exist (UPDATE_TOOLSNAPS=true removes them)").isEmpty();
            }
        }
        return described.entrySet().stream().map(t -> DynamicTest.dynamicTest(t.getKey(), () -> {
            String actual = SORTED.writeValueAsString(SORTED.readTree(SORTED.writeValueAsString(t.getValue()))) + "\n";
            Path file = directory.resolve(t.getKey() + ".json");
            if (update) {
                Files.writeString(file, actual);
            }
            assertThat(file).as("snapshot of %s (run with UPDATE_TOOLSNAPS=true to create or update it)", t.getKey()).exists();
            assertThat(Files.readString(file)).as("schema of %s changed: review, then UPDATE_TOOLSNAPS=true", t.getKey())
                    .isEqualTo(actual);
        }));
    }
}
