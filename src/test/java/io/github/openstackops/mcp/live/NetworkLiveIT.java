package io.github.openstackops.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.github.openstackops.mcp.live.LiveCloud.json;
import static io.github.openstackops.mcp.live.LiveCloud.lines;
import static io.github.openstackops.mcp.live.LiveCloud.openstack;
import static io.github.openstackops.mcp.live.LiveCloud.openstackAdmin;
import static io.github.openstackops.mcp.live.LiveCloud.openstackStatus;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network tools against the testbed's real Neutron, checked with the openstack CLI. Reads use the seed data
 * (private, public, router1, web, web-1) without changing it; writes and deletions work on throw-away resources named
 * ...-RUN, removed again whatever happens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkLiveIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = LiveCloud.RUN;

    private LiveTools demo;
    private LiveTools admin;
    /** CLI commands that remove what a test created, run in reverse order after it. */
    private final List<String[]> cleanup = new ArrayList<>();

    @BeforeAll
    void start() {
        demo = LiveTools.demo();
        admin = LiveTools.admin();
    }

    @AfterAll
    void stop() {
        LiveTools.close(demo, admin);
    }

    @AfterEach
    void cleanUp() {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            openstackStatus(cleanup.get(i));
        }
        cleanup.clear();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> result, String key) {
        return (List<Map<String, Object>>) result.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> result, String key) {
        return (Map<String, Object>) result.get(key);
    }

    /** Every id a list tool returns, page by page. */
    private static Set<String> pageThrough(LiveTools tools, String tool, String key, Map<String, Object> args) {
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> page : tools.pages(tool, args, 50)) {
            list(page, key).forEach(item -> assertThat(seen.add((String) item.get("id"))).as("no item twice").isTrue());
        }
        return seen;
    }

    /** The tool's view equals the cloud's, allowing for what other runs create or delete meanwhile. */
    private static void assertSameAsCloud(Set<String> seen, Set<String> before, Set<String> after) {
        Set<String> stable = new HashSet<>(before);
        stable.retainAll(after);
        Set<String> any = new HashSet<>(before);
        any.addAll(after);
        assertThat(seen).containsAll(stable);
        assertThat(any).containsAll(seen);
    }

    // ------------------------------------------------------------------ reads

    @Test
    void network_and_subnet_reads_match_the_cloud_page_by_page() {
        Supplier<Set<String>> cli = () -> lines(openstack("network", "list", "-f", "value", "-c", "ID"));
        Set<String> before = cli.get();
        // one network per page: Neutron under-fills pages of shared networks for non-admins; nothing may be skipped
        Set<String> seen = pageThrough(demo, "network_list", "networks", Map.of("limit", 1));
        assertSameAsCloud(seen, before, cli.get());

        JsonNode truth = json(openstack("network", "show", "private", "-f", "json"));
        Map<String, Object> network = demo.ok("network_get", Map.of("network", "private"));
        assertThat(network).containsEntry("id", truth.path("id").asText())
                .containsEntry("mtu", truth.path("mtu").asInt()).containsEntry("external", false);
        assertThat(list(network, "subnets")).extracting(s -> s.get("id"))
                .containsExactlyInAnyOrderElementsOf(JSON.convertValue(truth.path("subnets"), List.class));

        Map<String, Object> subnets = demo.ok("subnet_list", Map.of("network", "private"));
        assertThat(list(subnets, "subnets")).extracting(s -> s.get("id")).containsExactlyInAnyOrderElementsOf(
                lines(openstack("subnet", "list", "--network", "private", "-f", "value", "-c", "ID")));

        JsonNode subnetTruth = json(openstack("subnet", "show", "private-subnet", "-f", "json"));
        Map<String, Object> subnet = demo.ok("subnet_get", Map.of("subnet", "private-subnet"));
        assertThat(subnet).containsEntry("cidr", subnetTruth.path("cidr").asText())
                .containsEntry("gateway_ip", subnetTruth.path("gateway_ip").asText())
                .containsEntry("enable_dhcp", subnetTruth.path("enable_dhcp").asBoolean());

        // admins see the provider segments
        Map<String, Object> pub = admin.ok("network_get", Map.of("network", "public"));
        assertThat(list(pub, "segments")).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("network_type", "flat").containsEntry("physical_network", "physnet1"));
    }

    @Test
    void port_router_floating_ip_and_security_group_reads_match_the_cloud() {
        Set<String> webPorts = lines(openstack("port", "list", "--server", "web-1", "-f", "value", "-c", "ID"));
        Map<String, Object> ports = demo.ok("port_list", Map.of("device", "web-1"));
        assertThat(list(ports, "ports")).extracting(p -> p.get("id")).containsExactlyInAnyOrderElementsOf(webPorts);
        assertThat(list(ports, "ports")).allSatisfy(p -> assertThat(p).containsEntry("server", "web-1"));
        String webPort = webPorts.iterator().next();
        JsonNode portTruth = json(openstack("port", "show", webPort, "-f", "json"));
        Map<String, Object> port = demo.ok("port_get", Map.of("port", webPort));
        assertThat(list(port, "fixed_ips").get(0)).containsEntry("ip_address",
                portTruth.path("fixed_ips").get(0).path("ip_address").asText());
        assertThat(map(port, "server")).containsEntry("name", "web-1");

        JsonNode routerTruth = json(openstack("router", "show", "router1", "-f", "json", "-c", "id",
                "-c", "interfaces_info", "-c", "external_gateway_info"));
        Map<String, Object> router = demo.ok("router_get", Map.of("router", "router1"));
        assertThat(list(router, "interfaces")).extracting(i -> i.get("ip_address")).containsExactlyInAnyOrderElementsOf(
                routerTruth.path("interfaces_info").findValuesAsText("ip_address"));
        assertThat(map(router, "gateway")).containsEntry("external_ips",
                routerTruth.path("external_gateway_info").path("external_fixed_ips").findValuesAsText("ip_address"));
        assertThat(list(demo.ok("router_list", Map.of("name", "router1")), "routers")).extracting(r -> r.get("id"))
                .containsExactly(routerTruth.path("id").asText());

        // web-1's floating IP, with the server it is attached to
        String webFip = openstack("floating", "ip", "list", "--port", webPort, "-f", "value", "-c", "Floating IP Address");
        Map<String, Object> fip = demo.ok("floating_ip_get", Map.of("floating_ip", webFip));
        assertThat(fip).containsEntry("server", "web-1").containsEntry("port_id", webPort);
        Set<String> before = lines(openstack("floating", "ip", "list", "-f", "value", "-c", "ID"));
        Set<String> seen = pageThrough(demo, "floating_ip_list", "floating_ips", Map.of("limit", 2));
        assertSameAsCloud(seen, before, lines(openstack("floating", "ip", "list", "-f", "value", "-c", "ID")));

        Set<String> webRules = lines(openstack("security", "group", "rule", "list", "web", "-f", "value", "-c", "ID"));
        Map<String, Object> web = demo.ok("security_group_get", Map.of("security_group", "web"));
        assertThat(list(web, "rules")).extracting(r -> r.get("id")).containsExactlyInAnyOrderElementsOf(webRules);
        assertThat(list(web, "rules")).extracting(r -> r.get("summary")).contains("ingress tcp 22 from 0.0.0.0/0",
                "ingress tcp 443 from 0.0.0.0/0", "egress any to ::/0");
        assertThat(list(demo.ok("security_group_list", Map.of("name", "web")), "security_groups"))
                .singleElement().satisfies(g -> assertThat(g).containsEntry("rule_count", webRules.size()));
    }

    @Test
    void admin_views_availability_agents_pools_quotas_and_topology_match_the_cloud() {
        JsonNode availability = json(openstackAdmin("ip", "availability", "show", "public", "-f", "json"));
        Map<String, Object> page = admin.ok("network_ip_availability", Map.of("network", "public"));
        Map<String, Object> pub = list(page, "networks").get(0);
        assertThat(((Number) pub.get("total_ips")).longValue()).isEqualTo(availability.path("total_ips").asLong());
        assertThat(((Number) pub.get("free_ips")).longValue() + ((Number) pub.get("used_ips")).longValue())
                .isEqualTo(availability.path("total_ips").asLong());
        // a non-admin gets nothing, and is told why
        assertThat((String) demo.ok("network_ip_availability", Map.of()).get("note")).contains("admins only");

        Map<String, Object> pools = admin.ok("floating_ip_pool_list", Map.of());
        assertThat(list(pools, "pools")).anySatisfy(p -> assertThat(p).containsEntry("name", "public")
                .containsEntry("total_ips", availability.path("total_ips").asInt()));
        assertThat((String) demo.ok("floating_ip_pool_list", Map.of()).get("note")).contains("admins only");

        // the testbed has no agents: the call works and says so
        assertThat(openstackAdmin("network", "agent", "list", "-f", "value")).isEmpty();
        Map<String, Object> agents = admin.ok("network_agent_list", Map.of());
        assertThat(agents).containsEntry("count", 0);
        assertThat((String) agents.get("note")).contains("no agents");

        JsonNode quota = json(openstack("quota", "show", "-f", "json"));
        Map<String, Object> quotas = demo.ok("network_quota_get", Map.of());
        Map<String, Integer> limits = list(quotas, "quotas").stream().collect(Collectors.toMap(
                q -> (String) q.get("resource"), q -> (Integer) q.get("limit")));
        assertThat(limits).containsEntry("network", quota.path("networks").asInt())
                .containsEntry("port", quota.path("ports").asInt())
                .containsEntry("floatingip", quota.path("floating-ips").asInt())
                .containsEntry("router", quota.path("routers").asInt());

        Map<String, Object> topology = demo.ok("network_topology", Map.of());
        Map<String, Object> privateNet = list(topology, "networks").stream()
                .filter(n -> "private".equals(n.get("name"))).findFirst().orElseThrow();
        Map<String, Object> subnet = list(privateNet, "subnets").get(0);
        assertThat(subnet.get("routers")).asList().contains("router1 at 10.0.0.1");
        assertThat(list(subnet, "servers")).extracting(s -> s.get("name")).contains("web-1", "db-1", "cache-1");
    }

    // ------------------------------------------------------------------ writes and deletions

    @Test
    void a_network_is_built_wired_to_a_router_and_taken_apart_with_the_two_step_deletes() {
        String net = "ops-live-net-" + RUN;
        String sub = "ops-live-subnet-" + RUN;
        String router = "ops-live-router-" + RUN;
        String port = "ops-live-port-" + RUN;
        cleanup.add(new String[]{"network", "delete", net});
        cleanup.add(new String[]{"router", "delete", router});
        cleanup.add(new String[]{"router", "remove", "subnet", router, sub});
        cleanup.add(new String[]{"port", "delete", port});

        demo.ok("network_create", Map.of("name", net, "mtu", 1400));
        demo.ok("subnet_create", Map.of("network", net, "name", sub, "cidr", "10.231.0.0/24",
                "dns_nameservers", List.of("10.231.0.2")));
        Map<String, Object> created = demo.ok("router_create", Map.of("name", router, "external_network", "public"));
        String publicId = (String) map(map(created, "gateway"), "network").get("id");
        Map<String, Object> attached = demo.ok("router_interface_add", Map.of("router", router, "subnet", sub));
        assertThat(attached).containsEntry("ip_address", "10.231.0.1");
        JsonNode routerTruth = json(openstack("router", "show", router, "-f", "json", "-c", "interfaces_info",
                "-c", "external_gateway_info"));
        assertThat(routerTruth.path("interfaces_info").findValuesAsText("ip_address")).containsExactly("10.231.0.1");
        assertThat(routerTruth.path("external_gateway_info").path("network_id").asText()).isEqualTo(publicId);

        demo.ok("port_create", Map.of("network", net, "name", port, "ip_address", "10.231.0.50"));
        demo.ok("port_update", Map.of("port", port, "description", "live " + RUN));
        demo.ok("network_update", Map.of("network", net, "description", "live " + RUN));
        demo.ok("subnet_update", Map.of("subnet", sub, "dns_nameservers", List.of("10.231.0.3")));
        JsonNode netTruth = json(openstack("network", "show", net, "-f", "json", "-c", "mtu", "-c", "description"));
        assertThat(netTruth.path("mtu").asInt()).isEqualTo(1400);
        assertThat(netTruth.path("description").asText()).isEqualTo("live " + RUN);
        assertThat(openstack("port", "show", port, "-f", "value", "-c", "description", "-c", "fixed_ips"))
                .contains("live " + RUN, "10.231.0.50");
        assertThat(openstack("subnet", "show", sub, "-f", "value", "-c", "dns_nameservers")).contains("10.231.0.3");

        // in use: refused with the blockers named, nothing deleted (the deletes below prove it was still there)
        assertThat(demo.error("network_delete", Map.of("network", net)))
                .contains("interface of router '" + router + "'", "unattached port '" + port + "'", "router_interface_remove");
        assertThat(demo.error("router_delete", Map.of("router", router))).contains("still has 1 interface(s)");

        demo.ok("router_gateway_clear", Map.of("router", router));
        assertThat(openstack("router", "show", router, "-f", "json", "-c", "external_gateway_info"))
                .doesNotContain("network_id");
        demo.ok("router_gateway_set", Map.of("router", router, "external_network", "public"));
        demo.ok("router_update", Map.of("router", router, "description", "live " + RUN));
        Map<String, Object> detached = demo.ok("router_interface_remove", Map.of("router", router, "subnet", sub));
        assertThat(detached).containsEntry("ip_address", "10.231.0.1");
        String after = openstack("router", "show", router, "-f", "json", "-c", "external_gateway_info",
                "-c", "description", "-c", "interfaces_info");
        assertThat(after).contains(publicId, "live " + RUN).doesNotContain("10.231.0.1");

        Map<String, Object> portGone = demo.confirmed("port_delete", Map.of("port", port));
        assertThat(portGone).containsEntry("fixed_ips", List.of("10.231.0.50"));
        Map<String, Object> routerGone = demo.confirmed("router_delete", Map.of("router", router));
        assertThat(routerGone.get("released_gateway_ips")).asList().hasSize(1);
        demo.confirmed("subnet_delete", Map.of("subnet", sub));
        // Neutron deletes a network only once no port but its own is left: this proves the port went too
        Map<String, Object> netGone = demo.confirmed("network_delete", Map.of("network", net));
        assertThat(netGone).containsEntry("name", net);

        assertThat(lines(openstack("network", "list", "-f", "value", "-c", "Name"))).doesNotContain(net);
        assertThat(lines(openstack("router", "list", "-f", "value", "-c", "Name"))).doesNotContain(router);
        cleanup.clear(); // everything is verifiably gone
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_floating_ip_is_allocated_attached_to_a_throwaway_server_detached_and_released() {
        String server = "ops-live-fip-" + RUN;
        cleanup.add(new String[]{"server", "delete", server});
        String serverId = LiveCloud.createServer(server);
        String serverPort = openstack("port", "list", "--server", serverId, "-f", "value", "-c", "ID");

        Map<String, Object> fip = demo.ok("floating_ip_create", Map.of("network", "public", "description", "live " + RUN));
        String address = (String) fip.get("floating_ip_address");
        cleanup.add(new String[]{"floating", "ip", "delete", address});
        assertThat(openstack("floating", "ip", "show", address, "-f", "value", "-c", "description")).isEqualTo("live " + RUN);

        Map<String, Object> attached = demo.ok("floating_ip_associate", Map.of("floating_ip", address, "server", server));
        assertThat(map(attached, "floating_ip")).containsEntry("server", server).containsEntry("port_id", serverPort);
        assertThat(openstack("floating", "ip", "show", address, "-f", "value", "-c", "port_id")).isEqualTo(serverPort);
        assertThat(list(demo.ok("floating_ip_list", Map.of("server", server)), "floating_ips"))
                .extracting(f -> f.get("floating_ip_address")).containsExactly(address);

        // deleting the server's port would take the address with it: the preview says so, nothing happens yet
        Map<String, Object> preview = demo.ok("port_delete", Map.of("port", serverPort));
        assertThat(((List<Map<String, Object>>) map(preview, "preview").get("resources")))
                .extracting(r -> r.get("type") + " " + r.get("name"))
                .contains("floating_ip " + address, "server " + server);
        assertThat(openstackStatus("port", "show", serverPort)).isZero();

        demo.ok("floating_ip_disassociate", Map.of("floating_ip", address));
        assertThat(openstack("floating", "ip", "show", address, "-f", "value", "-c", "port_id")).isIn("", "None");

        Map<String, Object> released = demo.confirmed("floating_ip_delete", Map.of("floating_ip", address));
        assertThat(released).containsEntry("floating_ip_address", address);
        assertThat(openstackStatus("floating", "ip", "show", address)).isNotZero();
        cleanup.remove(cleanup.size() - 1); // the address is gone; the server is deleted after the test
    }

    @Test
    void security_group_rules_opening_ssh_to_the_world_are_refused_unless_the_operator_allows_them() {
        String group = "ops-live-sg-" + RUN;
        cleanup.add(new String[]{"security", "group", "delete", group});

        demo.ok("security_group_create", Map.of("name", group, "description", "live " + RUN));
        Set<String> initial = lines(openstack("security", "group", "rule", "list", group, "-f", "value", "-c", "ID"));
        assertThat(initial).hasSize(2);

        Map<String, Object> https = demo.ok("security_group_rule_create", Map.of("security_group", group,
                "protocol", "tcp", "port_range_min", 443, "remote_ip_prefix", "0.0.0.0/0"));
        String httpsRule = (String) map(https, "rule").get("id");
        assertThat(demo.error("security_group_rule_create", Map.of("security_group", group, "protocol", "tcp",
                "port_range_min", 22, "remote_ip_prefix", "0.0.0.0/0"))).contains("Refused", "SSH (22)",
                "ALLOW_WORLD_OPEN_INGRESS=true");
        assertThat(demo.error("security_group_rule_create", Map.of("security_group", group, "protocol", "tcp",
                "port_range_min", 3000, "port_range_max", 4000))).contains("Refused", "MySQL (3306)", "RDP (3389)");
        Set<String> afterRefusals = lines(openstack("security", "group", "rule", "list", group, "-f", "value", "-c", "ID"));
        assertThat(afterRefusals).hasSize(3).contains(httpsRule);

        // the operator's explicit consent lets the same rule through
        Map<String, String> env = new HashMap<>(LiveCloud.demoEnv());
        env.put("ALLOW_WORLD_OPEN_INGRESS", "true");
        try (LiveTools permissive = LiveTools.with(env, true)) {
            permissive.ok("security_group_rule_create", Map.of("security_group", group, "protocol", "tcp",
                    "port_range_min", 22, "remote_ip_prefix", "0.0.0.0/0"));
        }
        assertThat(openstack("security", "group", "rule", "list", group, "-f", "value", "-c", "Port Range"))
                .contains("22:22");

        Map<String, Object> ruleGone = demo.confirmed("security_group_rule_delete", Map.of("rule", httpsRule));
        assertThat(ruleGone).containsEntry("summary", "ingress tcp 443 from 0.0.0.0/0");
        assertThat(lines(openstack("security", "group", "rule", "list", group, "-f", "value", "-c", "ID")))
                .hasSize(3).doesNotContain(httpsRule);

        Map<String, Object> groupGone = demo.confirmed("security_group_delete", Map.of("security_group", group));
        assertThat(groupGone).containsEntry("rules_deleted", 3);
        assertThat(openstackStatus("security", "group", "show", group)).isNotZero();
        cleanup.clear();
    }
}
