package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** server_list filters, server_search and the richer server_get, against recorded responses. */
class ServerQueryToolsTest extends ServerToolTestBase {

    @Test
    @SuppressWarnings("unchecked")
    void server_list_resolves_a_flavor_name_and_filters_by_its_id_in_nova() {
        fake.on("GET", NOVA + "/servers/detail", 200, rec("servers-detail-flavor-tiny.json"));

        Map<String, Object> page = tools.ok("server_list", Map.of("flavor", "m1.tiny", "limit", 3, "ip", "10.0.0.",
                "changes_since", "2026-01-01T01:00:00+01:00", "name", "a.b"));

        List<String> q = query(fake.requests("GET", NOVA + "/servers/detail").get(0));
        assertThat(q).contains("flavor=" + TINY, "limit=4", "ip=10.0.0.", "changes-since=2026-01-01T00:00:00Z",
                "name=a\\.b").noneMatch(p -> p.startsWith("all_tenants"));
        assertThat(microversion(fake.requests("GET", NOVA + "/servers/detail").get(0))).isNull();
        assertThat((List<Map<String, Object>>) page.get("servers")).extracting(s -> s.get("name"))
                .containsExactly("stack-vm-gei8yg", "cache-1", "web-1");
        assertThat(page).doesNotContainKey("next_marker");
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_availability_zone_filter_is_sent_at_the_microversion_that_lets_every_user_filter_by_it() {
        fake.on("GET", NOVA + "/servers/detail", 200, rec("servers-detail-az-v283.json"));

        Map<String, Object> page = tools.ok("server_list", Map.of("availability_zone", "nova", "limit", 3));

        FakeOpenStack.Request sent = fake.requests("GET", NOVA + "/servers/detail").get(0);
        assertThat(query(sent)).contains("availability_zone=nova", "limit=4");
        assertThat(microversion(sent)).isEqualTo("2.83");
        // at 2.83 the flavor is embedded: its name needs no lookup
        List<Map<String, Object>> servers = (List<Map<String, Object>>) page.get("servers");
        assertThat(servers).extracting(s -> s.get("name") + "/" + s.get("flavor"))
                .containsExactly("stack-vm-gei8yg/m1.tiny", "cache-1/m1.tiny", "db-1/m1.small");
        assertThat(page).containsEntry("next_marker", servers.get(2).get("id"));
        assertThat(fake.count("GET", NOVA + "/flavors/.*")).isZero();
    }

    @Test
    void the_host_filter_is_refused_for_non_admins_because_nova_would_silently_ignore_it() {
        String message = tools.error("server_list", Map.of("host", "compute1"));

        assertThat(message).contains("Filtering by host needs an admin account").contains("silently ignores");
        assertThat(fake.count("GET", NOVA + "/servers/detail")).isZero();
    }

    @Test
    void admins_filter_by_host_and_across_projects() {
        fake.asAdmin().on("GET", NOVA + "/servers/detail", 200, rec("servers-detail-flavor-tiny.json"));

        tools.ok("server_list", Map.of("host", "compute1", "all_projects", true));

        assertThat(query(fake.requests("GET", NOVA + "/servers/detail").get(0)))
                .contains("host=compute1", "all_tenants=1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void detail_false_returns_only_ids_names_and_states_without_any_lookup() {
        fake.on("GET", NOVA + "/servers/detail", 200, "servers/servers-detail-limit3.json");

        Map<String, Object> page = tools.ok("server_list", Map.of("detail", false, "limit", 2));

        assertThat((List<Map<String, Object>>) page.get("servers")).allSatisfy(s -> assertThat(s.keySet())
                .isSubsetOf("id", "name", "status", "task_state").contains("id", "name", "status"));
        assertThat(fake.count("GET", NOVA + "/flavors/.*")).isZero();
        assertThat(fake.count("GET", "/image/.*")).isZero();
    }

    @Test
    void a_malformed_time_is_refused_with_an_example() {
        assertThat(tools.error("server_list", Map.of("changes_since", "yesterday"))).contains("changes_since")
                .contains("ISO-8601");
    }

    @Test
    void an_unknown_flavor_is_named() {
        assertThat(tools.error("server_list", Map.of("flavor", "m9.huge"))).contains("Flavor 'm9.huge' was not found");
    }

    @Test
    @SuppressWarnings("unchecked")
    void server_get_shows_attached_volumes_with_devices_and_the_lock_state() {
        fake.on("GET", NOVA + "/servers/" + WEB_1, byMicroversion("servers/server-web-1.json",
                        rec("server-web-1-v273.json")))
                .on("GET", NOVA + "/servers/" + WEB_1 + "/os-volume_attachments", 200,
                        rec("volume-attachments-web-1.json"));

        Map<String, Object> server = tools.ok("server_get", Map.of("server", WEB_1));

        assertThat(server).containsEntry("locked", false).doesNotContainKey("locked_reason");
        assertThat((List<Map<String, Object>>) server.get("volumes")).singleElement().satisfies(v -> assertThat(v)
                .containsEntry("name", "web-vol").containsEntry("device", "/dev/sdb").containsEntry("size_gb", 2)
                .containsEntry("status", "in-use"));
        assertThat(fake.requests("GET", NOVA + "/servers/" + WEB_1)).extracting(ServerToolTestBase::microversion)
                .contains("2.73");
    }

    @Test
    void server_get_reads_a_lock_reason() {
        fake.on("GET", NOVA + "/servers/" + REC, byMicroversion(rec("server-rec-active.json"),
                        rec("server-rec-locked-v273.json")))
                .on("GET", NOVA + "/servers/" + REC + "/os-volume_attachments",
                        r -> Reply.json(200, "{\"volumeAttachments\": []}"));

        assertThat(tools.ok("server_get", Map.of("server", REC))).containsEntry("locked", true)
                .containsEntry("locked_reason", "recording");
    }

    // ---- server_search

    @Test
    @SuppressWarnings("unchecked")
    void a_name_search_asks_nova_with_a_case_insensitive_regex_and_checks_each_result() {
        fake.on("GET", NOVA + "/servers/detail", 200, rec("search-name-web.json"));

        Map<String, Object> result = tools.ok("server_search", Map.of("query", "WEB", "fields", List.of("name")));

        List<String> q = query(fake.requests("GET", NOVA + "/servers/detail").get(0));
        assertThat(q).contains("name=[wW][eE][bB]", "limit=200");
        assertThat((List<Map<String, Object>>) result.get("servers")).extracting(s -> s.get("name"))
                .containsExactly("web-1");
        assertThat(result).containsEntry("truncated", false);
        assertThat((List<String>) result.get("how")).anySatisfy(h -> assertThat(h).contains("name contains 'WEB'")
                .contains("1 new match"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void text_that_cannot_be_part_of_an_ip_is_not_sent_to_the_ip_filter() {
        fake.on("GET", NOVA + "/servers/detail", 200, rec("search-name-web.json"));

        Map<String, Object> result = tools.ok("server_search", Map.of("query", "web(", "fields", List.of("name", "ip")));

        assertThat(fake.requests("GET", NOVA + "/servers/detail")).singleElement()
                .satisfies(r -> assertThat(query(r)).contains("name=[wW][eE][bB]\\(").noneMatch(p -> p.startsWith("ip=")));
        assertThat((List<String>) result.get("how")).contains("ip: skipped, the text cannot be part of an IP address");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_case_sensitive_search_drops_what_nova_matched_in_another_case() {
        // MySQL's REGEXP ignores case, so Nova answers 'web-1' for 'WEB' too: the client-side pass removes it
        fake.on("GET", NOVA + "/servers/detail", 200, rec("search-name-web.json"));

        Map<String, Object> result = tools.ok("server_search", Map.of("query", "WEB", "fields", List.of("name"),
                "case_sensitive", true));

        assertThat(query(fake.requests("GET", NOVA + "/servers/detail").get(0))).contains("name=WEB");
        assertThat((List<Object>) result.get("servers")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void status_and_flavor_searches_become_exact_nova_queries_for_every_value_that_contains_the_text() {
        fake.on("GET", NOVA + "/servers/detail", r -> Reply.json(200, fake.recorded(
                query(r).contains("status=PAUSED") ? rec("search-status-paused.json")
                        : rec("servers-detail-flavor-tiny.json"))));

        Map<String, Object> byStatus = tools.ok("server_search", Map.of("query", "paus", "fields", List.of("status")));
        Map<String, Object> byFlavor = tools.ok("server_search", Map.of("query", "TINY", "fields", List.of("flavor")));

        assertThat((List<Map<String, Object>>) byStatus.get("servers")).extracting(s -> s.get("name"))
                .containsExactly("cache-1");
        assertThat(fake.requests("GET", NOVA + "/servers/detail")).extracting(r -> query(r).stream()
                        .filter(p -> !p.startsWith("limit=")).findFirst().orElseThrow())
                .containsExactly("status=PAUSED", "flavor=" + TINY);
        assertThat((List<Map<String, Object>>) byFlavor.get("servers")).extracting(s -> s.get("flavor"))
                .containsOnly("m1.tiny").hasSize(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_full_floating_ip_is_found_through_neutron_since_nova_only_filters_fixed_ips() {
        fake.on("GET", NOVA + "/servers/detail", r -> Reply.json(200, "{\"servers\": []}"))
                .on("GET", "/network/v2.0/floatingips", 200, rec("floatingips-203-0-113-197.json"))
                .on("GET", "/network/v2.0/ports/.*", 200, rec("port-web-1.json"));

        Map<String, Object> result = tools.ok("server_search", Map.of("query", "203.0.113.197", "fields", List.of("ip")));

        assertThat((List<Map<String, Object>>) result.get("servers")).extracting(s -> s.get("name"))
                .containsExactly("web-1");
        assertThat(query(fake.requests("GET", "/network/v2.0/floatingips").get(0)))
                .contains("floating_ip_address=203.0.113.197", "project_id=" + PROJECT);
        assertThat(query(fake.requests("GET", NOVA + "/servers/detail").get(0))).contains("ip=203.0.113.197");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_search_over_every_field_says_how_it_ran_and_skips_the_admin_only_host() {
        fake.on("GET", NOVA + "/servers/detail", r -> Reply.json(200, fake.recorded(
                        query(r).stream().anyMatch(p -> p.startsWith("ip=")) ? rec("search-ip-10-0-0-1.json")
                                : rec("search-name-web.json"))))
                .on("GET", NOVA + "/os-availability-zone", 200, rec("availability-zones.json"))
                .on("GET", "/image/v2/images", 200, rec("images-page.json"))
                .on("GET", NOVA + "/flavors/detail", r -> Reply.json(200, "{\"flavors\": []}"))
                .on("GET", "/network/v2.0/floatingips", r -> Reply.json(200, "{\"floatingips\": []}"));

        Map<String, Object> result = tools.ok("server_search", Map.of("query", "10.0.0.1"));

        // newest first
        assertThat((List<Map<String, Object>>) result.get("servers")).extracting(s -> s.get("name"))
                .containsExactly("db-1", "web-1");
        assertThat((List<String>) result.get("how")).anySatisfy(h -> assertThat(h).startsWith("ip contains"))
                .anySatisfy(h -> assertThat(h).isEqualTo("host: skipped, filtering by host is admin only"))
                .anySatisfy(h -> assertThat(h).isEqualTo("status: no status contains the text"))
                .anySatisfy(h -> assertThat(h).isEqualTo("availability_zone: no availability zone contains the text"));
        assertThat(fake.count("GET", NOVA + "/os-services")).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void admins_search_hosts_by_part_of_their_name() {
        fake.asAdmin().on("GET", NOVA + "/os-services", 200, rec("services-compute.json"))
                .on("GET", NOVA + "/servers/detail", 200, rec("search-name-web.json"));

        Map<String, Object> result = tools.ok("server_search", Map.of("query", "pute", "fields", List.of("host"),
                "all_projects", true));

        assertThat(fake.requests("GET", NOVA + "/servers/detail")).extracting(r -> query(r).stream()
                        .filter(p -> p.startsWith("host=")).findFirst().orElseThrow())
                .containsExactly("host=compute1", "host=compute2");
        assertThat(query(fake.requests("GET", NOVA + "/servers/detail").get(0))).contains("all_tenants=1");
        assertThat((List<Object>) result.get("servers")).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_search_stops_at_its_limit_and_says_so() {
        fake.on("GET", NOVA + "/servers/detail", 200, rec("search-ip-10-0-0-1.json"));

        // the name query finds web-1 (db-1 has no 'e'); that is the limit, so the flavor query (m1.medium) never runs
        Map<String, Object> result = tools.ok("server_search", Map.of("query", "e", "fields", List.of("flavor", "name"),
                "limit", 1));

        assertThat((List<Map<String, Object>>) result.get("servers")).extracting(s -> s.get("name"))
                .containsExactly("web-1");
        assertThat(result).containsEntry("truncated", true);
        assertThat((List<String>) result.get("how")).anySatisfy(h -> assertThat(h).startsWith("not run (limit reached)"));
        assertThat(fake.count("GET", NOVA + "/servers/detail")).isEqualTo(1);
    }

    @Test
    void a_search_pages_through_nova_but_never_past_its_cap() {
        StringBuilder page = new StringBuilder("{\"servers\": [");
        for (int i = 0; i < ServerSearch.PAGE; i++) {
            page.append(i == 0 ? "" : ",").append("{\"id\": \"id-").append(i).append("\", \"name\": \"other-")
                    .append(i).append("\", \"status\": \"ACTIVE\", \"created\": \"2026-01-01T00:00:00Z\"}");
        }
        String full = page.append("]}").toString();
        fake.on("GET", NOVA + "/servers/detail", r -> Reply.json(200, full));

        Map<String, Object> result = tools.ok("server_search", Map.of("query", "web", "fields", List.of("name")));

        // 200 candidates per page, none really contains 'web': at most 1000 examined, then it stops and says so
        assertThat(fake.count("GET", NOVA + "/servers/detail")).isEqualTo(ServerSearch.MAX_EXAMINED / ServerSearch.PAGE);
        assertThat(result).containsEntry("truncated", true).containsEntry("count", 0);
        assertThat(query(fake.requests("GET", NOVA + "/servers/detail").get(1))).contains("marker=id-199");
    }
}
