package io.github.openstackops.mcp.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.ListedTool;
import io.github.openstackops.mcp.catalog.ToolListing;
import io.github.openstackops.mcp.support.TestContexts;
import io.micronaut.context.ApplicationContext;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated OpenAPI document, in both tool modes: valid OpenAPI 3.1, and every tool survives Open WebUI's
 * conversion intact.
 */
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ApplicationContext> CONTEXTS = new HashMap<>();

    @BeforeAll
    static void catalog() {
        for (String mode : List.of("all", "grouped")) {
            CONTEXTS.put(mode, TestContexts.plain(Map.of("mcp.safety.allow-modify", true,
                    "mcp.safety.allow-sensitive", true, "mcp.catalog.tool-mode", mode)));
        }
    }

    @AfterAll
    static void close() {
        CONTEXTS.values().forEach(ApplicationContext::close);
    }

    private static List<ListedTool> tools(String mode) {
        return CONTEXTS.get(mode).getBean(ToolListing.class).visibleTo(Caller.STDIO);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document(List<ListedTool> tools, OpenApiSettings settings, boolean auth) {
        // through JSON, as clients receive it
        return JSON.convertValue(JSON.valueToTree(OpenApiDocument.build(tools, settings, auth)), Map.class);
    }

    private static List<String> swaggerParserMessages(Map<String, Object> doc) throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(JSON.writeValueAsString(doc), null, options);
        assertThat(result.getOpenAPI()).as("parsed").isNotNull();
        assertThat(result.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
        return result.getMessages() == null ? List.of() : result.getMessages();
    }

    @ParameterizedTest
    @ValueSource(strings = {"all", "grouped"})
    void the_document_is_valid_openapi_3_1(String mode) throws Exception {
        List<ListedTool> tools = tools(mode);
        for (boolean auth : List.of(true, false)) {
            Map<String, Object> doc = document(tools, OpenApiSettings.defaults(), auth);
            assertThat(doc).containsEntry("openapi", "3.1.0");
            assertThat(swaggerParserMessages(doc)).as("swagger-parser messages").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"all", "grouped"})
    @SuppressWarnings("unchecked")
    void the_validator_does_catch_a_broken_document(String mode) throws Exception {
        List<ListedTool> tools = tools(mode);
        Map<String, Object> broken = document(tools, OpenApiSettings.defaults(), true);
        Map<String, Object> paths = (Map<String, Object>) broken.get("paths");
        String first = paths.keySet().iterator().next();
        Map<String, Object> post = (Map<String, Object>) ((Map<String, Object>) paths.get(first)).get("post");
        post.put("requestBody", Map.of("content", "not an object"));
        post.put("responses", "none");

        assertThat(swaggerParserMessages(broken)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"all", "grouped"})
    @SuppressWarnings("unchecked")
    void every_schema_is_a_valid_json_schema_2020_12(String mode) {
        List<ListedTool> tools = tools(mode);
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());
        Schema meta = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        Map<String, Object> doc = document(tools, OpenApiSettings.defaults(), true);
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");

        assertThat(schemas).hasSizeGreaterThanOrEqualTo(tools.size() + 2);
        schemas.forEach((name, schema) -> assertThat(meta.validate(JSON.valueToTree(schema))).as(name).isEmpty());
        JsonNode broken = JSON.valueToTree(Map.of("type", "strnig", "properties", List.of()));
        assertThat(meta.validate(broken)).as("a broken schema is caught").isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"all", "grouped"})
    void every_tool_survives_open_webuis_conversion_with_its_exact_parameters(String mode) {
        List<ListedTool> tools = tools(mode);
        for (String style : List.of("mcpo", "plain")) {
            OpenApiSettings settings = new OpenApiSettings("/openapi", style);
            List<OpenWebUiRules.Tool> converted = OpenWebUiRules.tools(document(tools, settings, true));

            assertThat(converted).hasSameSizeAs(tools);
            Map<String, OpenWebUiRules.Tool> byName = converted.stream()
                    .collect(Collectors.toMap(OpenWebUiRules.Tool::name, t -> t));
            assertThat(byName).hasSameSizeAs(converted); // operationIds are unique
            for (ListedTool tool : tools) {
                String name = settings.operationId(tool.name());
                assertThat(byName).as(tool.name()).containsKey(name);
                OpenWebUiRules.Tool t = byName.get(name);
                assertThat(t.method()).isEqualTo("post");
                assertThat(t.path()).isEqualTo("/" + tool.name());
                assertThat(t.description()).isEqualTo(tool.description());
                assertThat(t.properties()).as(tool.name()).isEqualTo(tool.inputSchema().get("properties"));
                assertThat(t.required()).as(tool.name())
                        .isEqualTo(new HashSet<>((List<?>) tool.inputSchema().getOrDefault("required", List.of())));
                assertThat(JSON.valueToTree(t.properties()).findValues("$ref")).as(tool.name() + " unresolved $ref").isEmpty();
            }
        }
        assertThat(new OpenApiSettings(null, "mcpo").operationId("server_list")).isEqualTo("tool_server_list_post");
        assertThat(new OpenApiSettings(null, "plain").operationId("server_list")).isEqualTo("server_list");
    }

    @ParameterizedTest
    @ValueSource(strings = {"all", "grouped"})
    @SuppressWarnings("unchecked")
    void paths_are_relative_to_the_base_and_responses_are_the_output_schemas(String mode) {
        List<ListedTool> tools = tools(mode);
        Map<String, Object> doc = document(tools, new OpenApiSettings("/tools-api", null), true);

        assertThat(doc.get("servers")).isEqualTo(List.of(Map.of("url", "/tools-api")));
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        assertThat(paths.keySet()).isEqualTo(tools.stream().map(t -> "/" + t.name()).collect(Collectors.toSet()));
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
        for (ListedTool tool : tools) {
            Map<String, Object> post = (Map<String, Object>) ((Map<String, Object>) paths.get("/" + tool.name())).get("post");
            Map<String, Object> ok = (Map<String, Object>) ((Map<String, Object>) post.get("responses")).get("200");
            Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    ok.get("content")).get("application/json")).get("schema");
            Map<String, Object> output = new HashMap<>((Map<String, Object>) schemas.get(
                    schema.get("$ref").toString().substring("#/components/schemas/".length())));
            output.remove("title");
            assertThat(output).as(tool.name()).isEqualTo(tool.outputSchema() != null
                    ? JSON.convertValue(tool.outputSchema(), Map.class)
                    : Map.of("type", "object", "description", "The operation's result"));
            assertThat(post.get("x-openstack-safety")).isEqualTo(tool.safety().name());
        }
        assertThat(doc.get("security")).isEqualTo(List.of(Map.of("HTTPBearer", List.of())));
        assertThat(((Map<String, Object>) doc.get("components"))).containsKey("securitySchemes");
        Map<String, Object> open = document(tools, new OpenApiSettings("", null), false);
        assertThat(open.get("servers")).isEqualTo(List.of(Map.of("url", "/")));
        assertThat(open).doesNotContainKey("security");
    }

    @ParameterizedTest
    @ValueSource(strings = {"all", "grouped"})
    void the_base_path_cannot_collide_with_the_other_endpoints(String mode) {
        List<ListedTool> tools = tools(mode);
        assertThat(new OpenApiSettings("openapi/", null).basePath()).isEqualTo("/openapi");
        assertThat(new OpenApiSettings("/", null).basePath()).isEmpty();
        for (String bad : List.of("/mcp", "/tools", "/tool", "/health", "/.well-known/x", "/a b", "/x/../y", "/y?")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OpenApiSettings(bad, null))
                    .as(bad).hasMessageContaining("OPENAPI_BASE_PATH");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OpenApiSettings(null, "fancy"))
                .hasMessageContaining("mcpo or plain");
        Set<String> names = tools.stream().map(ListedTool::name).collect(Collectors.toSet());
        assertThat(names).doesNotContain("openapi.json", "docs");
    }
}
