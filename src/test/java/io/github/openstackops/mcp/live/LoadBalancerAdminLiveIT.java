package io.github.openstackops.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.github.openstackops.mcp.live.LiveCloud.json;
import static io.github.openstackops.mcp.live.LiveCloud.lines;
import static io.github.openstackops.mcp.live.LiveCloud.openstackAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load-balancer admin tools against the testbed's Octavia, checked with {@code openstack loadbalancer ...} as
 * admin: amphorae (the no-op amphora serving the seeded web-lb), providers and capabilities, a flavor and an
 * availability zone made here (h12-...-RUN, deleted after), and the load-balancer quotas beside the others.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadBalancerAdminLiveIT {

    private static final String RUN = LiveCloud.RUN;
    private static final String FLAVOR_PROFILE = "h12-fp-" + RUN;
    private static final String FLAVOR = "h12-flavor-" + RUN;
    private static final String ZONE_PROFILE = "h12-azp-" + RUN;
    private static final String ZONE = "h12-az-" + RUN;

    private LiveTools admin;
    private LiveTools demo;

    @BeforeAll
    void start() {
        openstackAdmin("loadbalancer", "flavorprofile", "create", "--name", FLAVOR_PROFILE, "--provider", "amphora",
                "--flavor-data", "{\"loadbalancer_topology\": \"SINGLE\"}");
        openstackAdmin("loadbalancer", "flavor", "create", "--name", FLAVOR, "--flavorprofile", FLAVOR_PROFILE,
                "--description", "h12 single");
        openstackAdmin("loadbalancer", "availabilityzoneprofile", "create", "--name", ZONE_PROFILE,
                "--provider", "amphora", "--availability-zone-data", "{\"compute_zone\": \"nova\"}");
        openstackAdmin("loadbalancer", "availabilityzone", "create", "--name", ZONE,
                "--availabilityzoneprofile", ZONE_PROFILE, "--description", "h12 zone");
        admin = LiveTools.admin();
        demo = LiveTools.demo();
    }

    @AfterAll
    void stop() {
        LiveTools.close(admin, demo);
        quietly("loadbalancer", "flavor", "delete", FLAVOR);
        quietly("loadbalancer", "flavorprofile", "delete", FLAVOR_PROFILE);
        quietly("loadbalancer", "availabilityzone", "delete", ZONE);
        quietly("loadbalancer", "availabilityzoneprofile", "delete", ZONE_PROFILE);
        quietly("loadbalancer", "quota", "reset", "admin");
    }

    private static void quietly(String... args) {
        try {
            openstackAdmin(args);
        } catch (IllegalStateException e) {
            System.err.println("cleanup: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> result, String key) {
        return (List<Map<String, Object>>) result.get(key);
    }

    private static JsonNode cli(String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "loadbalancer";
        System.arraycopy(args, 0, command, 1, args.length);
        command[args.length + 1] = "-f";
        command[args.length + 2] = "json";
        return json(openstackAdmin(command));
    }

    @Test
    void amphorae_are_those_the_cli_lists_and_one_reads_as_the_cli_shows_it() {
        Set<String> cliIds = lines(openstackAdmin("loadbalancer", "amphora", "list", "-f", "value", "-c", "id"));
        Set<String> ours = list(admin.ok("lb_amphora_list", Map.of("limit", 200)), "amphorae").stream()
                .map(a -> (String) a.get("id")).collect(Collectors.toSet());
        assertThat(ours).isEqualTo(cliIds);
        // the seeded web-lb has its (no-op) amphora
        Set<String> ofWeb = lines(openstackAdmin("loadbalancer", "amphora", "list", "--loadbalancer", "web-lb",
                "-f", "value", "-c", "id"));
        assertThat(ofWeb).isNotEmpty();
        List<Map<String, Object>> mine = list(admin.ok("lb_amphora_list", Map.of("load_balancer", "web-lb")),
                "amphorae");
        assertThat(mine).extracting(a -> (String) a.get("id")).containsExactlyInAnyOrderElementsOf(ofWeb);

        String id = ofWeb.iterator().next();
        JsonNode shown = cli("amphora", "show", id);
        assertThat(admin.ok("lb_amphora_get", Map.of("amphora", id)))
                .containsEntry("load_balancer_id", shown.path("loadbalancer_id").asText())
                .containsEntry("status", shown.path("status").asText())
                .containsEntry("role", shown.path("role").asText())
                .containsEntry("compute_id", shown.path("compute_id").asText());
        assertThat(admin.error("lb_amphora_get", Map.of("amphora", "00000000-0000-0000-0000-000000000000")))
                .contains("was not found");
        assertThat(demo.error("lb_amphora_list", Map.of())).isNotBlank();
    }

    @Test
    void providers_and_their_capabilities_are_the_cli_s() {
        Set<String> names = lines(openstackAdmin("loadbalancer", "provider", "list", "-f", "value", "-c", "name"));
        assertThat(list(demo.ok("lb_provider_list", Map.of()), "providers")).extracting(p -> (String) p.get("name"))
                .containsExactlyInAnyOrderElementsOf(names);
        Map<String, Object> amphora = admin.ok("lb_provider_get", Map.of("provider", "amphora"));
        JsonNode caps = cli("provider", "capability", "list", "amphora");
        Set<String> flavorCaps = new java.util.HashSet<>();
        Set<String> zoneCaps = new java.util.HashSet<>();
        caps.forEach(c -> ("flavor".equals(c.path("type").asText()) ? flavorCaps : zoneCaps)
                .add(c.path("name").asText()));
        assertThat(list(amphora, "flavor_capabilities")).extracting(c -> (String) c.get("name"))
                .containsExactlyInAnyOrderElementsOf(flavorCaps);
        assertThat(list(amphora, "availability_zone_capabilities")).extracting(c -> (String) c.get("name"))
                .containsExactlyInAnyOrderElementsOf(zoneCaps);
        assertThat(admin.error("lb_provider_get", Map.of("provider", "h12-none"))).contains("was not found");
    }

    @Test
    void a_flavor_and_an_availability_zone_made_with_the_cli_are_listed_and_read() {
        JsonNode flavor = cli("flavor", "show", FLAVOR);
        assertThat(list(demo.ok("lb_flavor_list", Map.of("name", FLAVOR)), "flavors")).singleElement()
                .satisfies(f -> assertThat(f).containsEntry("id", flavor.path("id").asText())
                        .containsEntry("enabled", true));
        assertThat(demo.ok("lb_flavor_get", Map.of("flavor", FLAVOR))).containsEntry("id", flavor.path("id").asText())
                .containsEntry("description", "h12 single")
                .containsEntry("flavor_profile_id", flavor.path("flavor_profile_id").asText());

        JsonNode zone = cli("availabilityzone", "show", ZONE);
        assertThat(list(demo.ok("lb_availability_zone_list", Map.of()), "availability_zones"))
                .extracting(z -> (String) z.get("name")).contains(ZONE);
        assertThat(demo.ok("lb_availability_zone_get", Map.of("availability_zone", ZONE)))
                .containsEntry("description", "h12 zone").containsEntry("availability_zone_profile_id",
                        zone.path("availability_zone_profile_id").asText());
        assertThat(demo.error("lb_availability_zone_get", Map.of("availability_zone", "h12-nowhere-" + RUN)))
                .contains("was not found");
    }

    @Test
    void load_balancer_quotas_stand_beside_the_others_and_are_set_in_octavia() {
        String demoId = json(openstackAdmin("project", "show", "demo", "-f", "json")).path("id").asText();
        int lbs = lines(openstackAdmin("loadbalancer", "list", "--project", demoId, "-f", "value", "-c", "id"))
                .size();
        Map<String, Object> quotas = admin.ok("quota_get", Map.of("project", "demo"));
        assertThat(quotas).containsKeys("compute", "network", "volume");
        assertThat(list(quotas, "load_balancer")).filteredOn(q -> "load_balancers".equals(q.get("resource")))
                .singleElement().satisfies(q -> assertThat(((Number) q.get("in_use")).longValue()).isEqualTo(lbs));

        Map<String, Object> set = admin.ok("quota_set", Map.of("project", "admin", "load_balancers", 7,
                "listeners", 11));
        assertThat(list(set, "changes")).extracting(c -> ((Number) c.get("after")).longValue()).containsExactly(7L, 11L);
        JsonNode shown = cli("quota", "show", "admin");
        assertThat(shown.path("load_balancer").asInt()).isEqualTo(7);
        assertThat(shown.path("listener").asInt()).isEqualTo(11);
        assertThat(list(admin.ok("quota_get", Map.of()), "load_balancer"))
                .filteredOn(q -> "listeners".equals(q.get("resource"))).singleElement()
                .satisfies(q -> assertThat(((Number) q.get("limit")).longValue()).isEqualTo(11L));
    }
}
