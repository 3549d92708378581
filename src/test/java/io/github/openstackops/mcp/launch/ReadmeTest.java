package io.github.openstackops.mcp.launch;

import io.github.openstackops.mcp.catalog.ToolBudget;
import io.github.openstackops.mcp.catalog.ToolCatalog;
import io.github.openstackops.mcp.support.TestContexts;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's generated tables and .env.example stay true to the code ({@code UPDATE_README=true} rewrites them). */
class ReadmeTest {

    static final Path README = Path.of("README.md");

    @Test
    void the_tool_table_lists_every_tool_of_the_catalog() throws IOException {
        try (ApplicationContext context = TestContexts.plain(Map.of())) {
            check(ToolTable.README_BEGIN, ToolTable.README_END, ToolTable.markdown(context.getBean(ToolCatalog.class)));
        }
    }

    @Test
    void the_budget_table_holds_the_costs_of_the_current_catalog() throws IOException {
        try (ApplicationContext context = TestContexts.plain(Map.of())) {
            check(ToolBudget.README_BEGIN, ToolBudget.README_END,
                    ToolBudget.markdown(context.getBean(ToolCatalog.class).all()));
        }
    }

    @Test
    void the_environment_table_lists_every_variable_the_server_reads() throws IOException {
        check(EnvironmentMapping.README_BEGIN, EnvironmentMapping.README_END, EnvironmentMapping.markdown());
    }

    @Test
    void env_example_documents_exactly_the_variables_the_server_reads() throws IOException {
        Set<String> documented = Pattern.compile("(?m)^#?\\s*([A-Z][A-Z0-9_]+)=").matcher(Files.readString(Path.of(".env.example")))
                .results().map(m -> m.group(1)).collect(Collectors.toSet());
        Set<String> read = EnvironmentMapping.VARIABLES.stream().flatMap(v -> v.names().stream())
                .collect(Collectors.toSet());

        assertThat(documented).as(".env.example").containsAll(read);
    }

    private static void check(String begin, String end, String generated) throws IOException {
        String readme = Files.readString(README);
        Matcher section = Pattern.compile(Pattern.quote(begin) + ".*?" + Pattern.quote(end) + "\n?", Pattern.DOTALL)
                .matcher(readme);
        assertThat(section.find()).as("README has the markers " + begin).isTrue();
        if ("true".equals(System.getenv("UPDATE_README"))) {
            readme = readme.substring(0, section.start()) + generated + readme.substring(section.end());
            Files.writeString(README, readme);
            return;
        }
        assertThat(section.group()).as("README section is stale: run UPDATE_README=true ./mvnw test").isEqualTo(generated);
    }
}
