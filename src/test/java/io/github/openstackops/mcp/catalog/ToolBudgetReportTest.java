package io.github.openstackops.mcp.catalog;

import io.github.openstackops.mcp.support.TestContexts;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The context budget: what {@code tools/list} costs a client, printed for read-only and modify-on, each mode and each
 * toolset (the numbers in the README's "Fitting your client"), and a failure when the default configuration (every
 * toolset, admin operations offered, mode auto) breaks the limits of {@link ToolBudget}.
 */
class ToolBudgetReportTest {

    private static ApplicationContext context(boolean allowModify) {
        // MCP_TOOL_MODE and MCP_ADMIN_TOOLS at their defaults, as an operator gets them
        return TestContexts.plain(Map.of("mcp.safety.allow-modify", allowModify,
                "mcp.catalog.tool-mode", "auto", "mcp.catalog.admin-tools", "auto"));
    }

    @Test
    void the_default_catalog_fits_every_client_with_and_without_modifications() {
        for (boolean allowModify : List.of(false, true)) {
            try (ApplicationContext context = context(allowModify)) {
                List<ListedTool> tools = context.getBean(ToolListing.class).offered();
                int bytes = ToolBudget.bytes(tools);
                System.out.printf(Locale.ROOT, "default (%s): mode %s, %d tools, %d bytes (limit %d)%n",
                        allowModify ? "modify on" : "read-only", context.getBean(ToolListing.class).mode().id(),
                        tools.size(), bytes, ToolBudget.maxBytes(allowModify));

                assertThat(tools.size()).as("tools listed by default").isLessThanOrEqualTo(ToolBudget.MAX_TOOLS);
                assertThat(bytes).as("bytes of tools/list by default").isLessThanOrEqualTo(ToolBudget.maxBytes(allowModify));
                // every operation stays reachable
                assertThat(tools.stream().mapToInt(t -> t.operations().size()).sum())
                        .isEqualTo(context.getBean(ToolCatalog.class).enabled().size());
            }
        }
    }

    @Test
    void report() {
        try (ApplicationContext context = TestContexts.plain(Map.of("mcp.safety.allow-modify", true))) {
            String table = ToolBudget.markdown(context.getBean(ToolCatalog.class).all());
            System.out.print(table);
            assertThat(table.lines().filter(l -> l.startsWith("| ")).count()).isEqualTo(1 + 2 * (1 + Toolset.values().length));
        }
    }
}
