package io.github.openstackops.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import static io.github.openstackops.mcp.live.LiveCloud.json;
import static io.github.openstackops.mcp.live.LiveCloud.openstack;
import static io.github.openstackops.mcp.live.LiveCloud.openstackAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster overviews against the testbed: cluster_status's numbers are the openstack CLI's, and with Cinder
 * unreachable (its endpoint redirected to a dead port with OS_VOLUME_PORT=1, so no testbed service is stopped) the
 * answer still comes, with the Cinder section marked failed and the reason named.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterLiveIT {

    private LiveTools admin;

    @BeforeAll
    void start() {
        admin = LiveTools.with(LiveCloud.adminEnv(), false);
    }

    @AfterAll
    void stop() {
        admin.close();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    static long num(Object value) {
        return ((Number) value).longValue();
    }

    static Map<String, Integer> volumesByStatus() {
        Map<String, Integer> counts = new TreeMap<>();
        json(openstackAdmin("volume", "list", "--all-projects", "-f", "json"))
                .forEach(v -> counts.merge(v.get("Status").asText(), 1, Integer::sum));
        return counts;
    }

    @Test
    void cluster_status_reports_the_hypervisors_services_and_volumes_the_cli_shows() {
        JsonNode stats = json(openstackAdmin("hypervisor", "stats", "show", "-f", "json"));
        JsonNode services = json(openstackAdmin("compute", "service", "list", "-f", "json"));
        Map<String, Integer> volumesBefore = volumesByStatus();

        Map<String, Object> status = admin.ok("cluster_status", Map.of());

        assertThat(status).containsEntry("scope", "cloud").containsEntry("failures", List.of());
        Map<String, Object> hypervisors = map(map(status.get("compute")).get("hypervisors"));
        assertThat(num(hypervisors.get("count"))).isEqualTo(stats.get("count").asLong());
        assertThat(num(hypervisors.get("vcpus"))).isEqualTo(stats.get("vcpus").asLong());
        assertThat(num(hypervisors.get("ram_mb"))).isEqualTo(stats.get("memory_mb").asLong());
        assertThat(num(hypervisors.get("disk_gb"))).isEqualTo(stats.get("local_gb").asLong());

        List<String> cliServices = new ArrayList<>();
        services.forEach(s -> cliServices.add(s.get("Binary").asText() + "@" + s.get("Host").asText() + "="
                + s.get("Status").asText() + "/" + s.get("State").asText()));
        assertThat(list(map(status.get("compute")).get("services"))).extracting(s -> s.get("binary") + "@"
                + s.get("host") + "=" + s.get("status") + "/" + s.get("state"))
                .containsExactlyInAnyOrderElementsOf(cliServices);
        services.forEach(s -> {
            if (s.get("State").asText().equals("down") && s.get("Status").asText().equals("enabled")) {
                assertThat(list(status.get("issues"))).extracting(i -> i.get("message")).contains("compute service "
                        + s.get("Binary").asText() + " on " + s.get("Host").asText() + " is down");
            }
        });

        // volumes come and go with other tests: the tool's counts are the CLI's just before or just after
        @SuppressWarnings("unchecked")
        Map<String, Integer> mine = (Map<String, Integer>) map(map(status.get("storage")).get("volumes")).get("by_status");
        Supplier<Map<String, Integer>> after = ClusterLiveIT::volumesByStatus;
        assertThat(mine.equals(volumesBefore) || mine.equals(after.get()))
                .as("volumes by status %s, the CLI said %s", mine, volumesBefore).isTrue();

        int score = ((Number) status.get("health_score")).intValue();
        assertThat(score).isBetween(0, 100);
        if (list(status.get("issues")).stream().noneMatch(i -> !"info".equals(i.get("severity")))) {
            assertThat(score).isEqualTo(100);
        }
        assertThat(num(status.get("duration_ms"))).isLessThan(60_000);
    }

    @Test
    void with_cinder_unreachable_the_answer_names_the_failure_and_still_reports_the_rest() {
        Map<String, String> env = new HashMap<>(LiveCloud.adminEnv());
        env.put("OS_VOLUME_PORT", "1");
        try (LiveTools cinderDown = LiveTools.with(env, false)) {
            Map<String, Object> status = cinderDown.ok("cluster_status", Map.of());

            Map<String, Object> storage = map(status.get("storage"));
            assertThat(storage).containsEntry("state", "failed").doesNotContainKeys("volumes", "services");
            assertThat((String) storage.get("reason")).contains("could not be reached", "connection was refused");
            assertThat(list(status.get("failures"))).isNotEmpty().allSatisfy(f -> assertThat(f)
                    .containsEntry("service", "volume"));
            assertThat(map(status.get("compute"))).containsEntry("state", "ok").containsKeys("hypervisors", "servers",
                    "services");
            assertThat(map(status.get("network"))).containsEntry("state", "ok").containsKeys("external_networks",
                    "floating_ips", "routers");
            assertThat(list(status.get("issues"))).anySatisfy(i -> assertThat(i).containsEntry("severity", "critical")
                    .containsEntry("service", "volume"));
            assertThat(((Number) status.get("health_score")).intValue()).isLessThanOrEqualTo(75);

            Map<String, Map<String, Object>> probes = new HashMap<>();
            list(cinderDown.ok("service_status", Map.of("timeout_seconds", 3)).get("services"))
                    .forEach(s -> probes.put((String) s.get("type"), s));
            assertThat(probes.get("volumev3")).containsEntry("status", "unreachable");
            assertThat(probes.get("compute")).containsEntry("status", "ok");

            Map<String, Object> quotas = cinderDown.ok("quota_get", Map.of());
            assertThat(quotas).containsKeys("compute", "network").doesNotContainKey("volume");
            assertThat(list(quotas.get("failures"))).singleElement().satisfies(f -> assertThat(f)
                    .containsEntry("service", "volume"));
        }
    }

    @Test
    void service_status_probes_every_service_of_the_catalog() {
        Set<String> types = new HashSet<>();
        json(openstackAdmin("catalog", "list", "-f", "json")).forEach(s -> types.add(s.get("Type").asText()));

        Map<String, Object> report = admin.ok("service_status", Map.of());

        assertThat(list(report.get("services"))).extracting(s -> (String) s.get("type"))
                .containsExactlyInAnyOrderElementsOf(types);
        assertThat(list(report.get("services"))).allSatisfy(s -> assertThat(s).containsEntry("status", "ok")
                .containsKeys("latency_ms", "api_version"));
        assertThat(list(report.get("services"))).filteredOn(s -> s.get("type").equals("compute")).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("api_version", "v2.1").containsKey("max_microversion"));
        assertThat(num(report.get("failing"))).isZero();
    }

    @Test
    void resource_monitor_puts_the_fullest_quotas_first_with_the_clis_limits_and_demo_gets_the_project_view() {
        Map<String, Long> cli = new HashMap<>();
        json(openstack("limits", "show", "--absolute", "-f", "json"))
                .forEach(l -> cli.put(l.get("Name").asText(), l.get("Value").asLong()));
        try (LiveTools demo = LiveTools.with(LiveCloud.demoEnv(), false)) {
            Map<String, Object> report = demo.ok("resource_monitor", Map.of("limit", 100));
            List<Map<String, Object>> resources = list(report.get("resources"));
            List<Double> percents = resources.stream().map(r -> ((Number) r.get("percent_used")).doubleValue()).toList();
            assertThat(percents).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            Map<String, Object> instances = resources.stream().filter(r -> r.get("resource").equals("instances")
                    && r.get("service").equals("compute")).findFirst().orElseThrow();
            assertThat(num(instances.get("limit"))).isEqualTo(cli.get("maxTotalInstances"));
            Map<String, Object> volumes = resources.stream().filter(r -> r.get("resource").equals("volumes"))
                    .findFirst().orElseThrow();
            assertThat(num(volumes.get("limit"))).isEqualTo(cli.get("maxTotalVolumes"));
            assertThat(report).containsEntry("projects_scanned", 1).containsEntry("failures", List.of());

            Map<String, Object> status = demo.ok("cluster_status", Map.of());
            assertThat(status).containsEntry("scope", "project");
            assertThat(map(status.get("compute"))).containsKey("servers").doesNotContainKey("hypervisors");
            assertThat((List<?>) status.get("skipped")).hasSize(4);
        }

        Map<String, Object> all = admin.ok("resource_monitor", Map.of("all_projects", true, "threshold_percent", 0));
        assertThat(num(all.get("projects_scanned"))).isEqualTo(num(all.get("projects_total")));
        assertThat(list(all.get("resources"))).extracting(r -> r.get("project_name")).contains("demo");
    }
}
