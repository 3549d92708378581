package io.github.openstackops.mcp.compute;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** compute_limits and compute_usage against recorded Nova and Keystone responses. */
class ComputeUsageToolsTest extends InventoryToolsTestBase {

    @Test
    void compute_limits_pairs_each_limit_with_its_use() {
        asDemo();
        on("GET", NOVA + "/limits", 200, "limits-demo.json");

        Map<String, Object> limits = tools.ok("compute_limits", Map.of());

        assertThat(header(last("GET", NOVA + "/limits"), "X-OpenStack-Nova-API-Version")).isEqualTo("2.57");
        assertThat(query("GET", NOVA + "/limits")).isEmpty();
        assertThat(limits).containsEntry("project_id", DEMO).containsEntry("project_name", "demo");
        assertThat(list(limits.get("limits"))).contains(
                Map.of("resource", "instances", "used", 4L, "max", 40L, "percent_used", 10.0),
                Map.of("resource", "ram_mb", "used", 3584L, "max", 204800L, "percent_used", 1.8),
                Map.of("resource", "key_pairs", "max", 100L));
    }

    @Test
    void compute_limits_of_another_project_asks_keystone_first_and_passes_the_tenant() {
        asAdmin();
        on("GET", "/identity/v3/projects", 200, "projects-demo.json");
        on("GET", NOVA + "/limits", 200, "limits-demo.json");

        assertThat(tools.ok("compute_limits", Map.of("project", "demo"))).containsEntry("project_id", DEMO);
        assertThat(query("GET", "/identity/v3/projects")).contains("name=demo");
        assertThat(query("GET", NOVA + "/limits")).containsExactly("tenant_id=" + DEMO);
    }

    @Test
    void another_project_as_demo_is_refused_naming_the_current_one() {
        asDemo();
        on("GET", "/identity/v3/projects", 403, "projects-403.json");

        assertThat(tools.error("compute_limits", Map.of("project", "admin"))).contains("'admin' is not the current project",
                "demo (" + DEMO + ")", "only an admin", "Leave 'project' out");
        assertThat(fake.count("GET", NOVA + "/limits")).isZero();
    }

    @Test
    void compute_usage_of_the_project_totals_the_period_and_ranks_servers() {
        asDemo();
        on("GET", NOVA + "/os-simple-tenant-usage/" + DEMO, 200, "usage-demo.json");

        Map<String, Object> report = tools.ok("compute_usage", Map.of("start", "2026-01-01", "end", "2026-11-22T05:44:07",
                "limit", 3));

        assertThat(query("GET", NOVA + "/os-simple-tenant-usage/" + DEMO))
                .containsExactly("start=2026-01-01T00:00:00", "end=2026-11-22T05:44:07");
        assertThat(report).containsEntry("start", "2026-01-01T00:00:00Z").containsEntry("end", "2026-11-22T05:44:07Z");
        Map<String, Object> project = map(report.get("project"));
        assertThat(project).containsEntry("project_name", "demo").containsEntry("servers", 17)
                .containsEntry("server_hours", 3.57).containsEntry("vcpu_hours", 3.57)
                .containsEntry("ram_mb_hours", 3105.56).containsEntry("disk_gb_hours", 19.36);
        assertThat(list(project.get("top_servers"))).hasSize(3).first()
                .satisfies(s -> assertThat(s).containsEntry("hours", 0.83).containsKey("flavor"));
    }

    @Test
    void compute_usage_defaults_to_the_last_four_weeks_and_checks_the_dates() {
        asDemo();
        on("GET", NOVA + "/os-simple-tenant-usage/" + DEMO, 200, "usage-demo.json");

        Map<String, Object> report = tools.ok("compute_usage", Map.of());

        java.time.Instant start = java.time.Instant.parse((String) report.get("start"));
        assertThat(java.time.Duration.between(start, java.time.Instant.now()).toDays()).isBetween(28L, 29L);
        assertThat(tools.error("compute_usage", Map.of("start", "yesterday"))).contains("start must be a date");
        assertThat(tools.error("compute_usage", Map.of("start", "2026-02-01", "end", "2026-01-01"))).contains("before");
    }

    @Test
    void compute_usage_of_all_projects_ranks_them_with_names() {
        asAdmin();
        on("GET", NOVA + "/os-simple-tenant-usage", 200, "usage-all.json");
        on("GET", "/identity/v3/projects", 200, "projects.json");

        Map<String, Object> report = tools.ok("compute_usage", Map.of("all_projects", true, "start", "2026-01-01"));

        assertThat(query("GET", NOVA + "/os-simple-tenant-usage")).contains("detailed=0", "start=2026-01-01T00:00:00");
        assertThat(report).containsEntry("project_count", 1).doesNotContainKey("project");
        assertThat(list(report.get("projects")).get(0)).containsEntry("project_id", DEMO)
                .containsEntry("project_name", "demo").containsEntry("vcpu_hours", 3.57).doesNotContainKey("servers");
    }
}
