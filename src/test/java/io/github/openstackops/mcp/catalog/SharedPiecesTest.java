package io.github.openstackops.mcp.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.catalog.schema.SchemaGenerator;
import io.github.openstackops.mcp.catalog.schema.Timeout;
import io.github.openstackops.mcp.catalog.schema.ToolJson;
import io.github.openstackops.mcp.catalog.schema.Wait;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared argument pieces expand to the schema their @Param spelling had; a page keeps its family's item name. */
class SharedPiecesTest {

    record Shared(@Limit("Servers per page") Integer limit, @Marker String marker, @IdOrName("Server name or id") String server,
                  @JsonProperty("wait") @Wait("Wait until it is done") Boolean waitUntilDone,
                  @Timeout(seconds = 300, max = 1800) Integer timeoutSeconds) {
    }

    record Spelled(
            @Param(value = "Servers per page", defaultValue = "50", min = 1, max = 200) Integer limit,
            @Param("Id of the last item of the previous page (its 'next_marker')") String marker,
            @Param(value = "Server name or id", required = true, minLength = 1, maxLength = 255) String server,
            @JsonProperty("wait") @Param(value = "Wait until it is done", defaultValue = "true") Boolean waitUntilDone,
            @Param(value = "Longest wait in seconds", defaultValue = "300", min = 1, max = 1800) Integer timeoutSeconds) {
    }

    record Twice(@Limit @Param("Per page") Integer limit) {
    }

    @Doc("A thing")
    record Thing(@Doc("Id") String id) {
    }

    record ThingPage(@Doc("Things on this page") List<Thing> things, @Doc("Number of things on this page") int count,
                     @io.micronaut.core.annotation.Nullable @Doc("Pass as 'marker' to get the next page; absent on the"
                             + " last page") String nextMarker) {
    }

    @Test
    void the_shared_pieces_expand_to_the_schema_of_their_long_spelling() {
        assertThat(SchemaGenerator.inputSchema(Shared.class)).isEqualTo(SchemaGenerator.inputSchema(Spelled.class));
    }

    @Test
    void the_defaults_of_the_shared_pieces_are_applied_when_arguments_are_absent() {
        var binder = new io.github.openstackops.mcp.catalog.schema.ArgumentBinder<>("thing_list", Shared.class,
                SchemaGenerator.inputSchema(Shared.class));
        Shared bound = binder.bind(Map.of("server", "web-1"));
        assertThat(bound).isEqualTo(new Shared(50, null, "web-1", true, 300));
    }

    @Test
    void an_argument_declared_twice_is_refused() {
        assertThatThrownBy(() -> SchemaGenerator.inputSchema(Twice.class))
                .hasMessageContaining("Twice.limit is declared twice");
    }

    @Test
    void a_page_is_the_schema_and_json_of_a_family_page_record() {
        Page.Kind<Thing> things = Page.Kind.of(Thing.class, "things", "things");
        Map<String, Object> expected = new java.util.LinkedHashMap<>(SchemaGenerator.outputSchema(ThingPage.class));
        expected.put("description", "One page of things");

        assertThat(things.schema()).isEqualTo(expected);
        assertThat(ToolJson.toMap(things.page(List.of(new Thing("a")), "a")))
                .isEqualTo(Map.of("things", List.of(Map.of("id", "a")), "count", 1, "next_marker", "a"));
        assertThat(ToolJson.toMap(things.page(List.of(), null))).isEqualTo(Map.of("things", List.of(), "count", 0));
    }
}
