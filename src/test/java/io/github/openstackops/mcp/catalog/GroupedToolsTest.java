package io.github.openstackops.mcp.catalog;

import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.support.TestContexts;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Grouped mode: one tool per toolset and safety class, each call resolved to an operation and run by the invoker. */
class GroupedToolsTest {

    private final TestTools tools = new TestTools();
    private final List<ToolCallObserver.Event> events = new CopyOnWriteArrayList<>();
    private final AdminTier tier = new AdminTier(AdminTier.Setting.AUTO);

    /** One admin-only read operation beside the test tools. */
    record HostArgs(@Param("Host") String host) {
    }

    private final ToolProvider adminTools = () -> List.of(
            ToolDefinition.read("host_list", Toolset.COMPUTE, HostArgs.class, TestTools.Done.class)
                    .adminOnly().title("Hosts: List").description("Lists hosts. Admin only.")
                    .handler((ctx, a) -> new TestTools.Done("hosts")).build());

    private ToolListing listing(boolean allowModify) {
        SafetyPolicy policy = new SafetyPolicy(allowModify, false, true, null, null, Duration.ofMinutes(5), null,
                false);
        ToolCatalog catalog = new ToolCatalog(List.of(tools, adminTools), new ToolGate(policy, tier));
        ToolInvoker invoker = new ToolInvoker(catalog, new ConfirmationTokens(policy), List.of(new OpenStackFaults()),
                List.of(events::add), Duration.ofSeconds(30), 4);
        return new ToolListing(catalog, invoker, new CatalogSettings("grouped", "auto", true));
    }

    private static ToolOutcome call(ToolListing listing, String tool, Map<String, Object> arguments) {
        return listing.submit(tool, arguments, ToolContext.quiet(Caller.STDIO, Surface.STDIO)).join();
    }

    private static String error(ToolOutcome outcome) {
        assertThat(outcome).isInstanceOf(ToolOutcome.Error.class);
        return ((ToolOutcome.Error) outcome).message();
    }

    @Test
    void each_group_holds_one_toolset_and_one_safety_class_and_its_annotations_follow_that_class() {
        List<ListedTool> groups = listing(true).offered();

        assertThat(groups).extracting(ListedTool::name).containsExactly("compute_read", "network_read",
                "network_write", "storage_read", "storage_destructive");
        assertThat(groups).allSatisfy(g -> {
            assertThat(g.group()).isTrue();
            assertThat(g.operations()).allSatisfy(op -> {
                assertThat(op.toolset()).isEqualTo(g.toolset());
                assertThat(op.safety()).isEqualTo(g.safety());
            });
            var annotations = g.mcpTool().annotations();
            assertThat(annotations.readOnlyHint()).as(g.name()).isEqualTo(g.safety() == SafetyClass.READ);
            assertThat(annotations.destructiveHint()).as(g.name()).isEqualTo(g.safety() == SafetyClass.DESTRUCTIVE);
            assertThat(((Map<?, ?>) g.inputSchema().get("properties")).containsKey("confirm"))
                    .isEqualTo(g.safety() == SafetyClass.DESTRUCTIVE);
        });
        assertThat(groups.getFirst().description()).contains("\nthing_get: Reads a thing.")
                .contains("\nhost_list: Lists hosts. (admin)");
    }

    @Test
    void a_grouped_call_runs_the_operation_and_the_observers_see_the_operation() {
        ToolListing listing = listing(true);

        ToolOutcome outcome = call(listing, "network_write", Map.of("operation", "thing_update",
                "arguments", Map.of("name", "a")));

        assertThat(outcome).isEqualTo(new ToolOutcome.Success(Map.of("message", "updated a")));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.tool().name()).isEqualTo("thing_update");
            assertThat(e.outcome()).isEqualTo(ToolCallObserver.Outcome.EXECUTED);
        });
    }

    @Test
    void an_operation_forced_through_a_group_of_another_class_is_refused_and_seen_by_the_observers() {
        for (boolean allowModify : List.of(true, false)) {
            events.clear();
            ToolListing listing = listing(allowModify);

            String message = error(call(listing, "compute_read", Map.of("operation", "thing_update",
                    "arguments", Map.of("name", "a"))));

            assertThat(message).contains(allowModify ? "not available through compute_read"
                    : "ALLOW_MODIFY_OPERATIONS=false");
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.tool().name()).isEqualTo("thing_update");
                assertThat(e.outcome()).isEqualTo(ToolCallObserver.Outcome.REFUSED_BY_GATE);
            });
        }
        assertThat(tools.executions).hasValue(0);
    }

    @Test
    void with_modifications_off_no_write_or_destructive_group_exists() {
        // the network and storage test tools only write: those toolsets have nothing to offer
        assertThat(listing(false).offered()).extracting(ListedTool::name).containsExactly("compute_read");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_destructive_operation_previews_then_runs_only_with_the_token_for_the_same_operation_and_arguments() {
        ToolListing listing = listing(true);
        Map<String, Object> args = Map.of("operation", "thing_delete", "arguments", Map.of("name", "a"));

        ToolOutcome.Success preview = (ToolOutcome.Success) call(listing, "storage_destructive", args);
        assertThat(preview.structured()).containsEntry("status", "preview");
        String token = (String) preview.structured().get("confirm");
        assertThat(tools.executions).hasValue(0);

        Map<String, Object> other = Map.of("operation", "thing_delete", "arguments", Map.of("name", "b"),
                "confirm", token);
        assertThat(error(call(listing, "storage_destructive", other))).containsIgnoringCase("token");
        assertThat(tools.executions).hasValue(0);

        Map<String, Object> confirmed = new HashMap<>(args);
        confirmed.put("confirm", token);
        ToolOutcome.Success done = (ToolOutcome.Success) call(listing, "storage_destructive", confirmed);
        assertThat(done.structured()).containsEntry("status", "executed");
        assertThat((Map<String, Object>) done.structured().get("result")).containsEntry("message", "deleted a");
    }

    @Test
    void an_unknown_operation_names_the_valid_ones_and_bad_arguments_name_the_parameters() {
        ToolListing listing = listing(true);

        assertThat(error(call(listing, "compute_read", Map.of("operation", "thing_explode"))))
                .contains("Unknown operation 'thing_explode'").contains("thing_get").contains("host_list")
                .contains("describe");
        assertThat(error(call(listing, "compute_read", Map.of())))
                .contains("needs 'operation'").contains("thing_get");
        assertThat(error(call(listing, "compute_read", Map.of("operation", "thing_get", "arguments", Map.of()))))
                .contains("missing required argument 'name'").contains("Parameters of thing_get: name (string,"
                        + " required)");
        assertThat(error(call(listing, "compute_read", Map.of("operation", "thing_get", "confirm", "x"))))
                .contains("Unknown argument 'confirm'");
        assertThat(error(call(listing, "compute_read", Map.of("operation", "thing_get", "arguments", "name=a"))))
                .contains("'arguments' must be an object");
        assertThat(tools.executions).hasValue(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void describe_returns_the_full_schemas_of_an_operation_of_the_toolset() {
        ToolListing listing = listing(true);

        ToolOutcome.Success described = (ToolOutcome.Success) call(listing, "network_read",
                Map.of("operation", "describe", "arguments", Map.of("operation", "thing_update")));

        assertThat(described.structured()).containsEntry("tool", "network_write").containsEntry("safety", "WRITE")
                .containsKeys("input_schema", "output_schema");
        assertThat((Map<String, Object>) described.structured().get("input_schema")).containsKey("properties");
        assertThat(error(call(listing, "network_read", Map.of("operation", "describe",
                "arguments", Map.of("operation", "thing_get"))))).contains("thing_update");
        assertThat(error(call(listing(false), "network_read", Map.of("operation", "describe",
                "arguments", Map.of("operation", "thing_update"))))).doesNotContain("thing_update");
    }

    @Test
    void an_operation_named_directly_is_refused_with_the_group_to_call() {
        ToolListing listing = listing(true);

        assertThat(error(call(listing, "thing_get", Map.of("name", "a"))))
                .contains("call compute_read with {\"operation\": \"thing_get\"");
        assertThat(events).extracting(ToolCallObserver.Event::outcome)
                .containsExactly(ToolCallObserver.Outcome.REFUSED_BY_GATE);
    }

    @Test
    void admin_operations_are_offered_until_keystone_says_there_is_no_admin_role_then_hidden_and_refused() {
        ToolListing listing = listing(true);
        AtomicInteger changes = new AtomicInteger();
        tier.onChange(changes::incrementAndGet);
        Map<String, Object> hosts = Map.of("operation", "host_list");

        assertThat(call(listing, "compute_read", hosts)).isInstanceOf(ToolOutcome.Success.class);
        tier.observed(false);

        assertThat(changes).hasValue(1);
        assertThat(listing.offered().getFirst().description()).doesNotContain("host_list");
        assertThat(error(call(listing, "compute_read", hosts))).contains("admin role")
                .contains("MCP_ADMIN_TOOLS=auto");
        tier.observed(false);
        assertThat(changes).hasValue(1);
        tier.observed(true);
        assertThat(changes).hasValue(2);
        assertThat(listing.offered().getFirst().description()).contains("host_list");
    }

    @Test
    void admin_tools_off_refuses_admin_operations_whatever_keystone_says() {
        AdminTier off = new AdminTier(AdminTier.Setting.OFF);
        off.observed(true);
        SafetyPolicy policy = SafetyPolicy.defaults();
        ToolGate gate = new ToolGate(policy, off);

        assertThat(gate.serverRefusal(adminTools.tools().getFirst())).hasValueSatisfying(m ->
                assertThat(m).contains("MCP_ADMIN_TOOLS=off"));
    }

    @Test
    void auto_mode_lists_every_operation_when_they_fit_and_groups_them_when_they_do_not() {
        try (ApplicationContext big = TestContexts.plain(Map.of("mcp.catalog.tool-mode", "auto",
                "mcp.safety.allow-modify", true));
             ApplicationContext small = TestContexts.plain(Map.of("mcp.catalog.tool-mode", "auto",
                     "mcp.safety.toolsets", "image"))) {
            assertThat(big.getBean(ToolListing.class).mode()).isEqualTo(ToolMode.GROUPED);
            assertThat(small.getBean(ToolListing.class).mode()).isEqualTo(ToolMode.ALL);
        }
    }
}
