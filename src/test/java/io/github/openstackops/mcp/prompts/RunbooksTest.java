package io.github.openstackops.mcp.prompts;

import io.github.openstackops.mcp.catalog.SafetyClass;
import io.github.openstackops.mcp.catalog.ToolCatalog;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.support.TestContexts;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class RunbooksTest {

    @Test
    void every_step_names_a_read_tool_of_the_catalog() {
        Set<String> reads;
        try (ApplicationContext context = TestContexts.plain(Map.of("mcp.safety.allow-sensitive", true))) {
            reads = context.getBean(ToolCatalog.class).all().stream().filter(t -> t.safety() == SafetyClass.READ)
                    .map(ToolDefinition::name).collect(Collectors.toSet());
        }
        assertThat(Runbooks.ALL).allSatisfy(r -> assertThat(r.steps()).allSatisfy(s ->
                assertThat(reads).as(r.name()).containsAll(s.tools())));
    }

    @Test
    void a_step_whose_tool_is_off_is_left_out_and_named() {
        Runbook audit = Runbooks.ALL.stream().filter(r -> r.name().equals("security_group_exposure_audit")).findFirst()
                .orElseThrow();

        String text = audit.render(Map.of("project", "demo"), tool -> !tool.equals("floating_ip_list"));

        assertThat(text).contains("project 'demo'", "1. Call security_group_list.", "3. Call server_list")
                .contains("(Skipped: this server does not offer floating_ip_list.)")
                .doesNotContain("4. ");
    }
}
