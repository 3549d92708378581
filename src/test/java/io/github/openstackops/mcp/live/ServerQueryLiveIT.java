package io.github.openstackops.mcp.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.github.openstackops.mcp.live.LiveCloud.openstack;
import static io.github.openstackops.mcp.live.LiveCloud.openstackAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * server_list filters, server_search and server_get against what the openstack CLI lists. Other test suites create
 * and delete servers at the same time, so results are compared on the seed servers (web-1, db-1, cache-1), and every
 * other server a tool returns must itself satisfy the filter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerQueryLiveIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SEED_NAMES = Set.of("web-1", "db-1", "cache-1");

    private LiveTools demo;
    private LiveTools admin;
    /** The seed servers as the CLI lists them (long format, as admin across projects: host included). */
    private List<Map<String, Object>> seed;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void start() throws IOException {
        demo = LiveTools.demo();
        admin = LiveTools.admin();
        List<Map<String, Object>> all = JSON.readValue(openstackAdmin("server", "list", "--all-projects", "--long",
                "-f", "json"), List.class);
        seed = all.stream().filter(s -> SEED_NAMES.contains(s.get("Name"))).toList();
        assertThat(seed).hasSize(3);
    }

    @AfterAll
    void stop() {
        demo.close();
        admin.close();
    }

    /** The seed servers the CLI says match. */
    private Set<String> seedWhere(Predicate<Map<String, Object>> matches) {
        return seed.stream().filter(matches).map(s -> (String) s.get("ID")).collect(Collectors.toSet());
    }

    private Set<String> seedIds() {
        return seedWhere(s -> true);
    }

    /** The servers a tool returned, after checking that each satisfies the filter by its own fields. */
    @SuppressWarnings("unchecked")
    private static Set<String> returned(Map<String, Object> page, Predicate<Map<String, Object>> satisfies) {
        List<Map<String, Object>> servers = (List<Map<String, Object>>) page.get("servers");
        assertThat(servers).allSatisfy(s -> assertThat(satisfies.test(s)).as("%s satisfies the filter", s).isTrue());
        return servers.stream().map(s -> (String) s.get("id")).collect(Collectors.toSet());
    }

    private Set<String> onSeed(Set<String> ids) {
        Set<String> out = new HashSet<>(ids);
        out.retainAll(seedIds());
        return out;
    }

    @SuppressWarnings("unchecked")
    private static boolean hasIpContaining(Map<String, Object> server, String text) {
        return ((List<Map<String, Object>>) server.get("addresses")).stream()
                .anyMatch(a -> String.valueOf(a.get("ip")).contains(text));
    }

    @Test
    void list_filters_by_flavor_ip_and_availability_zone_like_the_cli() {
        Set<String> small = returned(demo.ok("server_list", Map.of("flavor", "m1.small", "limit", 200)),
                s -> "m1.small".equals(s.get("flavor")));
        assertThat(onSeed(small)).isEqualTo(seedWhere(s -> "m1.small".equals(s.get("Flavor Name")))).isNotEmpty();

        Set<String> ip = returned(demo.ok("server_list", Map.of("ip", "10.0.0.", "limit", 200)),
                s -> hasIpContaining(s, "10.0.0."));
        assertThat(onSeed(ip)).isEqualTo(seedWhere(s -> String.valueOf(s.get("Networks")).contains("10.0.0.")))
                .isNotEmpty();

        // Nova ignores an availability zone filter from a non-admin at microversion 2.1 (an unknown zone would
        // list everything); sent at 2.83 it lists nothing
        assertThat(returned(demo.ok("server_list", Map.of("availability_zone", "no-such-zone")), s -> false)).isEmpty();
        Set<String> nova = returned(demo.ok("server_list", Map.of("availability_zone", "nova", "limit", 200,
                "detail", false)), s -> !s.containsKey("flavor") && !s.containsKey("addresses"));
        assertThat(onSeed(nova)).isEqualTo(seedWhere(s -> "nova".equals(s.get("Availability Zone"))));
    }

    @Test
    void an_admin_filters_every_project_by_host_and_searches_hosts() {
        for (String host : List.of("compute1", "compute2")) {
            Set<String> onHost = returned(admin.ok("server_list", Map.of("host", host, "all_projects", true,
                    "limit", 200)), s -> host.equals(s.get("host")));
            assertThat(onSeed(onHost)).isEqualTo(seedWhere(s -> host.equals(s.get("Host"))));
        }
        Set<String> searched = returned(admin.ok("server_search", Map.of("query", "COMPUTE2", "fields",
                List.of("host"), "all_projects", true, "limit", 200)), s -> "compute2".equals(s.get("host")));
        assertThat(onSeed(searched)).isEqualTo(seedWhere(s -> "compute2".equals(s.get("Host"))));
        assertThat(demo.error("server_list", Map.of("host", "compute1"))).contains("admin");
    }

    @Test
    @SuppressWarnings("unchecked")
    void search_finds_what_contains_the_text_in_any_field() {
        Predicate<Map<String, Object>> containsWeb = s -> List.of("name", "status", "flavor", "image",
                        "availability_zone").stream().map(k -> String.valueOf(s.get(k)).toLowerCase(Locale.ROOT))
                .anyMatch(v -> v.contains("web")) || hasIpContaining(s, "web");
        Map<String, Object> result = demo.ok("server_search", Map.of("query", "WEB"));

        assertThat(onSeed(returned(result, containsWeb))).isEqualTo(seedWhere(s -> List.of("Name", "Status",
                "Networks", "Image Name", "Flavor Name", "Availability Zone").stream()
                .anyMatch(k -> String.valueOf(s.get(k)).toLowerCase(Locale.ROOT).contains("web")))).isNotEmpty();
        assertThat((List<String>) result.get("how")).anySatisfy(h -> assertThat(h).startsWith("name contains 'WEB'"));

        Set<String> paused = returned(demo.ok("server_search", Map.of("query", "paus", "fields", List.of("status"))),
                s -> "PAUSED".equals(s.get("status")));
        assertThat(onSeed(paused)).isEqualTo(seedWhere(s -> "PAUSED".equals(s.get("Status")))).isNotEmpty();

        String floating = String.valueOf(seed.stream().filter(s -> "web-1".equals(s.get("Name"))).findFirst()
                .orElseThrow().get("Networks")).replaceAll(".*(203\\.0\\.113\\.\\d+).*", "$1");
        assertThat(returned(demo.ok("server_search", Map.of("query", floating, "fields", List.of("ip"))), s -> true))
                .isEqualTo(seedWhere(s -> "web-1".equals(s.get("Name"))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void server_get_shows_the_attached_volume_with_its_device() {
        Map<String, Object> server = demo.ok("server_get", Map.of("server", "web-1"));

        Map<String, Object> cli = ServerLifecycleLiveIT.json(openstack("volume", "show", "web-vol", "-f", "json",
                "-c", "id", "-c", "attachments"));
        String device = (String) ((List<Map<String, Object>>) cli.get("attachments")).get(0).get("device");
        assertThat((List<Map<String, Object>>) server.get("volumes")).singleElement().satisfies(v -> assertThat(v)
                .containsEntry("id", cli.get("id")).containsEntry("name", "web-vol").containsEntry("device", device));
        assertThat(server).containsEntry("locked", false);
    }
}
