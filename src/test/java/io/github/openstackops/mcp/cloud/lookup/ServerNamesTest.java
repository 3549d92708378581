package io.github.openstackops.mcp.cloud.lookup;

import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.ToolHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Server names for the network and storage families: one Nova call a page, remembered for a minute. */
class ServerNamesTest {

    static final String NOVA = "/compute/v2.1";
    static final String WEB_1 = "90cb27f0-bdba-446b-991e-46d1a4093507";
    static final String DB_1 = "f490e824-08ee-449b-bc0e-c030dcd298e7";
    static final String CACHE_1 = "ca61b4c2-91a0-495a-add3-d846bc836e4a";
    static final String GONE = "00000000-0000-4000-8000-000000000000";

    private ToolHarness tools;
    private FakeOpenStack fake;

    @BeforeEach
    void start() {
        fake = FakeOpenStack.start()
                .on("GET", NOVA + "/servers", 200, "network/nova-servers.json")
                .on("GET", NOVA + "/servers/" + WEB_1, 200, "network/nova-server-web-1.json")
                .on("GET", NOVA + "/servers/" + GONE, 404, "servers/server-404.json");
        tools = ToolHarness.on(fake);
    }

    @AfterEach
    void stop() {
        tools.close();
    }

    private Map<String, String> names(String... ids) {
        return tools.context().getBean(ServerNames.class).of(Arrays.asList(ids));
    }

    @Test
    void one_server_is_read_by_id_and_remembered() {
        tools.start();

        assertThat(names(WEB_1, WEB_1, null, " ")).containsExactly(Map.entry(WEB_1, "web-1"));
        assertThat(names(WEB_1)).containsExactly(Map.entry(WEB_1, "web-1"));

        assertThat(fake.count("GET", NOVA + "/servers/.*")).isEqualTo(1);
        assertThat(fake.count("GET", NOVA + "/servers")).isZero();
    }

    @Test
    void a_page_of_servers_is_named_by_one_listing_and_only_new_ones_are_asked_for_again() {
        tools.start();

        assertThat(names(WEB_1, DB_1, GONE)).containsOnly(Map.entry(WEB_1, "web-1"), Map.entry(DB_1, "db-1"));
        assertThat(names(DB_1, CACHE_1)).containsOnly(Map.entry(DB_1, "db-1"), Map.entry(CACHE_1, "cache-1"));
        assertThat(names(WEB_1, DB_1, CACHE_1)).hasSize(3);

        List<FakeOpenStack.Request> listings = fake.requests("GET", NOVA + "/servers");
        assertThat(listings).hasSize(1);
        assertThat(FakeOpenStack.queryParams(listings.get(0))).contains("limit=1000").doesNotContain("all_tenants=1");
        // CACHE_1's name came with the listing
        assertThat(fake.count("GET", NOVA + "/servers/.*")).isZero();
    }

    @Test
    void a_server_nova_does_not_know_keeps_its_id_and_is_not_asked_for_again() {
        tools.start();

        assertThat(names(GONE)).isEmpty();
        assertThat(names(GONE)).isEmpty();

        assertThat(fake.count("GET", NOVA + "/servers/" + GONE)).isEqualTo(1);
    }

    @Test
    void a_failure_of_nova_names_nothing_and_is_not_remembered() {
        fake.on("GET", NOVA + "/servers/" + WEB_1, 500, "servers/server-404.json");
        tools.start();

        assertThat(names(WEB_1)).isEmpty();
        fake.on("GET", NOVA + "/servers/" + WEB_1, 200, "network/nova-server-web-1.json");
        assertThat(names(WEB_1)).containsExactly(Map.entry(WEB_1, "web-1"));

        assertThat(fake.count("GET", NOVA + "/servers/" + WEB_1)).isEqualTo(2);
    }

    @Test
    void an_admin_token_names_the_servers_of_every_project() {
        tools.asAdmin().start();

        names(WEB_1, DB_1);

        assertThat(FakeOpenStack.queryParams(fake.requests("GET", NOVA + "/servers").get(0)))
                .contains("limit=1000", "all_tenants=1");
    }
}
