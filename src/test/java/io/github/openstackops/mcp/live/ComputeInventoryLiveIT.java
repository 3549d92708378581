package io.github.openstackops.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.support.McpClients;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.openstackops.mcp.live.LiveCloud.RUN;
import static io.github.openstackops.mcp.live.LiveCloud.json;
import static io.github.openstackops.mcp.live.LiveCloud.openstack;
import static io.github.openstackops.mcp.live.LiveCloud.openstackAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The compute inventory tools against the testbed, checked with the openstack CLI: flavors, key pairs, server
 * groups, hypervisors, Nova services, availability zones, limits, usage and quotas. Writes use throw-away resources
 * named with the run id (a project of its own for quota writes) and clean up after themselves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComputeInventoryLiveIT {

    private LiveTools demo;
    private LiveTools admin;

    @BeforeAll
    void start() {
        demo = LiveTools.demo();
        admin = LiveTools.admin();
    }

    @AfterAll
    void stop() {
        LiveTools.close(demo, admin);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    static long num(Object value) {
        return ((Number) value).longValue();
    }

    @Test
    void flavors_are_paged_and_match_the_cli_and_zones_too() {
        Map<String, Map<String, Object>> seen = new HashMap<>();
        int pages = 0;
        for (Map<String, Object> page : demo.pages("flavor_list", Map.of("limit", 1), 100)) {
            list(page.get("flavors")).forEach(f -> assertThat(seen.put((String) f.get("id"), f)).as("no repeats").isNull());
            pages++;
        }
        JsonNode cli = json(openstack("flavor", "list", "--all", "-f", "json"));
        assertThat(pages).isGreaterThanOrEqualTo(3);
        for (JsonNode f : cli) {
            if (!f.get("Name").asText().startsWith("m1.")) {
                continue;
            }
            Map<String, Object> mine = seen.get(f.get("ID").asText());
            assertThat(mine).as("flavor %s", f.get("Name")).isNotNull();
            assertThat(mine).containsEntry("name", f.get("Name").asText())
                    .containsEntry("vcpus", f.get("VCPUs").asInt()).containsEntry("ram_mb", f.get("RAM").asInt())
                    .containsEntry("disk_gb", f.get("Disk").asInt());
        }
        assertThat(demo.ok("flavor_get", Map.of("flavor", "m1.small"))).containsEntry("name", "m1.small")
                .containsEntry("vcpus", 1).containsEntry("ram_mb", 2048);

        Set<String> zones = new HashSet<>(List.of(openstack("availability", "zone", "list", "--compute", "-f", "value",
                "-c", "Zone Name").split("\n")));
        assertThat(list(demo.ok("availability_zone_list", Map.of()).get("zones")))
                .extracting(z -> (String) z.get("name")).containsExactlyInAnyOrderElementsOf(zones);
    }

    @Test
    void a_generated_key_pair_is_shown_once_never_logged_then_imported_and_deleted() throws Exception {
        String name = "ops-live-kp-" + RUN;
        String imported = "ops-live-kpi-" + RUN;
        Path dir = Files.createTempDirectory("ops-live-kp");
        Map<String, String> env = new HashMap<>(LiveCloud.demoEnv());
        env.put("ALLOW_MODIFY_OPERATIONS", "true");
        env.put("REQUIRE_CONFIRMATION", "false");
        env.put("MCP_LOG_LEVEL", "DEBUG");
        env.put("REMOTE_AUTH_ENABLE", "true");
        env.put("REMOTE_SECRET_KEY", "live-kp-" + RUN);
        boolean deleted = false;
        try (ServerProcess server = ServerProcess.http(env)) {
            McpSyncClient client = McpClients.http(server.baseUrl(), "live-kp-" + RUN);
            try {
                Map<String, Object> key = call(client, "keypair_create", Map.of("name", name));
                String privateKey = (String) key.get("private_key");
                assertThat(privateKey).startsWith("-----BEGIN").contains("PRIVATE KEY");
                // the private key is real: ssh-keygen derives from it the fingerprint Nova reports
                Path keyFile = dir.resolve("generated");
                Files.writeString(keyFile, privateKey);
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
                assertThat(sshKeygen("-l", "-E", "md5", "-f", keyFile.toString()))
                        .contains("MD5:" + key.get("fingerprint"));

                Path local = dir.resolve("local");
                sshKeygen("-q", "-t", "ed25519", "-N", "", "-C", "ops-live", "-f", local.toString());
                String publicKey = Files.readString(dir.resolve("local.pub")).trim();
                Map<String, Object> imp = call(client, "keypair_import", Map.of("name", imported, "public_key", publicKey));
                assertThat(imp).doesNotContainKey("private_key");
                assertThat(sshKeygen("-l", "-E", "md5", "-f", local + ".pub")).contains("MD5:" + imp.get("fingerprint"));

                Map<String, String> cli = new HashMap<>();
                json(openstack("keypair", "list", "-f", "json"))
                        .forEach(k -> cli.put(k.get("Name").asText(), k.get("Fingerprint").asText()));
                assertThat(cli).containsEntry(name, (String) key.get("fingerprint"))
                        .containsEntry(imported, (String) imp.get("fingerprint"));
                assertThat(list(demo.ok("keypair_list", Map.of("limit", 200)).get("keypairs")))
                        .extracting(k -> k.get("name")).contains(name, imported, "demo-key");
                assertThat(demo.ok("keypair_get", Map.of("keypair", imported)))
                        .containsEntry("fingerprint", imp.get("fingerprint")).containsEntry("type", "ssh")
                        .hasEntrySatisfying("public_key", k -> assertThat((String) k).startsWith("ssh-ed25519 "));

                call(client, "keypair_delete", Map.of("keypair", name));
                call(client, "keypair_delete", Map.of("keypair", imported));
                assertThat(openstack("keypair", "list", "-f", "value", "-c", "Name").lines())
                        .doesNotContain(name, imported).contains("demo-key");
                deleted = true;

                // the private key went to the caller and nowhere else: not into the server's (debug) log
                String log = server.log();
                String body = privateKey.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
                assertThat(log).contains("authenticated").doesNotContain(body).doesNotContain("PRIVATE KEY");
            } finally {
                client.closeGracefully();
            }
        } finally {
            if (!deleted) {
                LiveCloud.openstackStatus("keypair", "delete", name);
                LiveCloud.openstackStatus("keypair", "delete", imported);
            }
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    private static Map<String, Object> call(McpSyncClient client, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, args));
        assertThat(result.isError()).as("%s -> %s", tool, McpClients.text(result)).isFalse();
        Map<String, Object> body = McpClients.structured(result);
        return "executed".equals(body.get("status")) ? map(body.get("result")) : body;
    }

    private static String sshKeygen(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/ssh-keygen"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("ssh-keygen %s: %s", String.join(" ", args), out).isZero();
        return out;
    }

    @Test
    void a_server_group_lists_its_member_and_its_delete_preview_names_it() {
        String group = "ops-live-sg-" + RUN;
        String member = "ops-live-sg-member-" + RUN;
        boolean deleted = false;
        try {
            Map<String, Object> created = demo.ok("server_group_create", Map.of("name", group, "policy", "anti-affinity",
                    "max_server_per_host", 3));
            String id = (String) map(created.get("server_group")).get("id");
            // Nova schedules a server into the group: the group exists in the cloud
            openstack("server", "create", "--flavor", "m1.tiny", "--image", "cirros-fake", "--network", "private",
                    "--hint", "group=" + id, "--wait", member);
            Map<String, Object> detail = demo.ok("server_group_get", Map.of("server_group", group));
            assertThat(detail).containsEntry("policy", "anti-affinity").containsEntry("member_count", 1)
                    .containsEntry("max_server_per_host", 3);
            assertThat(list(detail.get("members"))).singleElement().satisfies(m -> assertThat(m)
                    .containsEntry("name", member).containsEntry("status", "ACTIVE"));
            assertThat(list(demo.ok("server_group_list", Map.of("limit", 200)).get("server_groups")))
                    .filteredOn(g -> g.get("id").equals(id)).singleElement()
                    .satisfies(g -> assertThat(g).containsEntry("member_count", 1).containsEntry("name", group));

            Map<String, Object> preview = map(demo.ok("server_group_delete", Map.of("server_group", id)).get("preview"));
            assertThat(list(preview.get("resources"))).extracting(r -> r.get("type") + " " + r.get("name"))
                    .containsExactly("server_group " + group, "server " + member);
            assertThat(demo.confirmed("server_group_delete", Map.of("server_group", id))).containsEntry("member_count", 1);
            deleted = true;
            assertThat(LiveCloud.openstackStatus("server", "group", "show", id)).isNotZero();
        } finally {
            LiveCloud.deleteServerQuietly(member);
            if (!deleted) {
                LiveCloud.openstackStatus("server", "group", "delete", group);
            }
        }
    }

    @Test
    void limits_quotas_and_usage_of_the_project_match_the_cli() {
        Map<String, Long> cli = limits();
        Map<String, Object> limits = demo.ok("compute_limits", Map.of());
        Map<String, Object> quotas = demo.ok("quota_get", Map.of());

        // the limits are exact; what is in use may move while other tests create servers and volumes
        Map<String, Object> instances = find(list(limits.get("limits")), "instances");
        assertThat(num(instances.get("max"))).isEqualTo(cli.get("maxTotalInstances"));
        assertThat(num(instances.get("used"))).isCloseTo(cli.get("totalInstancesUsed"), within(3L));
        Map<String, Object> cores = find(list(quotas.get("compute")), "cores");
        assertThat(num(cores.get("limit"))).isEqualTo(cli.get("maxTotalCores"));
        assertThat(num(cores.get("in_use"))).isCloseTo(cli.get("totalCoresUsed"), within(3L));
        Map<String, Object> volumes = find(list(quotas.get("volume")), "volumes");
        assertThat(num(volumes.get("limit"))).isEqualTo(cli.get("maxTotalVolumes"));
        assertThat(num(volumes.get("in_use"))).isCloseTo(cli.get("totalVolumesUsed"), within(3L));
        JsonNode all = json(openstackAdmin("quota", "show", "demo", "-f", "json"));
        assertThat(num(find(list(quotas.get("network")), "ports").get("limit"))).isEqualTo(all.get("ports").asLong());
        assertThat(num(find(list(quotas.get("network")), "floating_ips").get("limit")))
                .isEqualTo(all.get("floating-ips").asLong());
        assertThat(quotas.get("failures")).isEqualTo(List.of());

        // usage only grows while servers run: the tool's total is the CLI's, a few seconds later
        String start = LocalDate.now(ZoneOffset.UTC).minusDays(2).toString();
        String end = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        double cpu = json(openstack("usage", "show", "--start", start, "--end", end, "-f", "json"))
                .get("CPU Hours").asDouble();
        Map<String, Object> usage = map(demo.ok("compute_usage", Map.of("start", start, "end", end)).get("project"));
        assertThat(((Number) usage.get("vcpu_hours")).doubleValue()).isBetween(cpu - 0.01, cpu + 0.5);
        assertThat(num(usage.get("servers"))).isPositive();
        Map<String, Object> demoRow = list(admin.ok("compute_usage", Map.of("all_projects", true, "start", start,
                "end", end)).get("projects")).stream().filter(p -> "demo".equals(p.get("project_name"))).findFirst()
                .orElseThrow();
        assertThat(((Number) demoRow.get("vcpu_hours")).doubleValue()).isBetween(cpu - 0.01, cpu + 0.5);
    }

    static Map<String, Object> find(List<Map<String, Object>> items, String resource) {
        return items.stream().filter(i -> resource.equals(i.get("resource"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + resource + " in " + items));
    }

    private static Map<String, Long> limits() {
        Map<String, Long> out = new HashMap<>();
        json(openstack("limits", "show", "--absolute", "-f", "json"))
                .forEach(l -> out.put(l.get("Name").asText(), l.get("Value").asLong()));
        return out;
    }

    @Test
    void admin_sees_hypervisors_and_services_as_the_cli_does_and_demo_is_told_it_is_admin_only() {
        JsonNode stats = json(openstackAdmin("hypervisor", "stats", "show", "-f", "json"));
        Map<String, Object> mine = admin.ok("hypervisor_stats", Map.of());
        assertThat(num(mine.get("count"))).isEqualTo(stats.get("count").asLong());
        assertThat(num(mine.get("vcpus"))).isEqualTo(stats.get("vcpus").asLong());
        assertThat(num(mine.get("ram_mb"))).isEqualTo(stats.get("memory_mb").asLong());

        JsonNode hypervisors = json(openstackAdmin("hypervisor", "list", "-f", "json"));
        Map<String, Object> page = admin.ok("hypervisor_list", Map.of());
        assertThat(list(page.get("hypervisors"))).extracting(h -> h.get("hostname") + "=" + h.get("state"))
                .containsExactlyInAnyOrderElementsOf(toList(hypervisors, h -> h.get("Hypervisor Hostname").asText()
                        + "=" + h.get("State").asText()));
        String host = hypervisors.get(0).get("Hypervisor Hostname").asText();

        assertThat(map(admin.ok("hypervisor_get", Map.of("hypervisor", host)).get("hypervisor")))
                .containsEntry("hostname", host);

        JsonNode services = json(openstackAdmin("compute", "service", "list", "-f", "json"));
        Map<String, Object> zonesWithHosts = admin.ok("availability_zone_list", Map.of("hosts", true));
        services.forEach(s -> assertThat(list(zonesWithHosts.get("zones"))).filteredOn(z -> z.get("name")
                .equals(s.get("Zone").asText())).singleElement().satisfies(z -> assertThat(list(z.get("hosts")))
                .extracting(h -> h.get("host")).contains(s.get("Host").asText())));
        Map<String, Object> listed = admin.ok("compute_service_list", Map.of());
        assertThat(list(listed.get("services"))).extracting(s -> s.get("binary") + "@" + s.get("host") + "="
                + s.get("status") + "/" + s.get("state")).containsExactlyInAnyOrderElementsOf(toList(services,
                s -> s.get("Binary").asText() + "@" + s.get("Host").asText() + "=" + s.get("Status").asText() + "/"
                        + s.get("State").asText()));

        assertThat(demo.error("hypervisor_stats", Map.of())).contains("HTTP 403", "admin");
        assertThat(demo.error("compute_service_list", Map.of())).contains("HTTP 403", "admin");
    }

    private static List<String> toList(JsonNode array, java.util.function.Function<JsonNode, String> f) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(f.apply(n)));
        return out;
    }

    @Test
    void admin_creates_and_deletes_a_flavor_and_sets_then_restores_quotas_of_a_throwaway_project() {
        String flavor = "ops-live-flavor-" + RUN;
        String project = "ops-live-quota-" + RUN;
        boolean flavorDeleted = false;
        try {
            Map<String, Object> created = admin.ok("flavor_create", Map.of("name", flavor, "vcpus", 1, "ram_mb", 64,
                    "disk_gb", 0, "is_public", false));
            String id = (String) map(created.get("flavor")).get("id");
            JsonNode cli = json(openstackAdmin("flavor", "show", id, "-f", "json"));
            assertThat(cli.get("name").asText()).isEqualTo(flavor);
            assertThat(cli.get("ram").asInt()).isEqualTo(64);
            Map<String, Object> preview = map(admin.ok("flavor_delete", Map.of("flavor", flavor)).get("preview"));
            assertThat(list(preview.get("resources"))).extracting(r -> r.get("type") + " " + r.get("name"))
                    .containsExactly("flavor " + flavor);
            admin.confirmed("flavor_delete", Map.of("flavor", flavor));
            flavorDeleted = true;
            assertThat(adminStatus("flavor", "show", id)).isNotZero();

            openstackAdmin("project", "create", "--domain", "Default", project);
            Map<String, Object> set = admin.ok("quota_set", Map.of("project", project, "instances", 3, "volumes", 4,
                    "ports", 7));
            Map<String, Object> original = new HashMap<>();
            list(set.get("changes")).forEach(c -> original.put((String) c.get("resource"), num(c.get("before"))));
            assertThat(list(set.get("changes"))).extracting(c -> c.get("resource") + "->" + c.get("after"))
                    .containsExactlyInAnyOrder("instances->3", "volumes->4", "ports->7");
            JsonNode changed = json(openstackAdmin("quota", "show", project, "-f", "json"));
            assertThat(changed.get("instances").asLong()).isEqualTo(3);
            assertThat(changed.get("volumes").asLong()).isEqualTo(4);
            assertThat(changed.get("ports").asLong()).isEqualTo(7);
            assertThat(demo.error("quota_set", Map.of("project", project, "instances", 1))).contains("only an admin");

            // restore what was changed, and read it back
            Map<String, Object> restore = new HashMap<>(original);
            restore.put("project", project);
            admin.ok("quota_set", restore);
            Map<String, Object> quotas = admin.ok("quota_get", Map.of("project", project));
            assertThat(num(find(list(quotas.get("compute")), "instances").get("limit"))).isEqualTo(original.get("instances"));
            assertThat(num(find(list(quotas.get("volume")), "volumes").get("limit"))).isEqualTo(original.get("volumes"));
            assertThat(num(find(list(quotas.get("network")), "ports").get("limit"))).isEqualTo(original.get("ports"));
        } finally {
            if (!flavorDeleted) {
                adminStatus("flavor", "delete", flavor);
            }
            adminStatus("project", "delete", project);
        }
    }

    /** Runs the CLI as admin; 0 when it succeeded (also for best-effort cleanup). */
    private static int adminStatus(String... args) {
        try {
            openstackAdmin(args);
            return 0;
        } catch (IllegalStateException failed) {
            return 1;
        }
    }
}
