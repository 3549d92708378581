package io.github.openstackops.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.github.openstackops.mcp.live.LiveCloud.json;
import static io.github.openstackops.mcp.live.LiveCloud.openstack;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The orchestration tools against the testbed's Heat, checked with the openstack CLI. demo-stack is only read; every
 * stack this test changes is its own (named ops-live-orch-*-RUN) and is deleted at the end, also on failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrchestrationLiveIT {

    /** Server, network, subnet and random string, as the issue asks (RAW user data: no heat-api-cfn here). */
    static final String LIFE_TEMPLATE = """
            heat_template_version: 2018-08-31
            description: ops-live stack (network, subnet, server, random suffix)
            parameters:
              length: {type: number, default: 6, description: Length of the random suffix}
            resources:
              suffix:
                type: OS::Heat::RandomString
                properties: {length: {get_param: length}, character_classes: [{class: lowercase}]}
              net:
                type: OS::Neutron::Net
                properties:
                  name: {list_join: ['-', ['ops-live-net', {get_resource: suffix}]]}
              subnet:
                type: OS::Neutron::Subnet
                properties: {network: {get_resource: net}, cidr: 10.93.0.0/24}
              server:
                type: OS::Nova::Server
                depends_on: subnet
                properties:
                  image: cirros-fake
                  flavor: m1.tiny
                  networks: [{network: {get_resource: net}}]
                  user_data_format: RAW
            outputs:
              suffix: {value: {get_attr: [suffix, value]}, description: The random suffix}
              server_ip: {value: {get_attr: [server, first_address]}}
            """;

    static final String FAILING_TEMPLATE = """
            heat_template_version: 2018-08-31
            resources:
              fine:
                type: OS::Heat::RandomString
              boom:
                type: OS::Heat::TestResource
                depends_on: fine
                properties: {fail: true, value: boom}
            """;

    /** A resource whose update takes as long as the parameter says, to have an update to cancel. */
    static final String SLOW_TEMPLATE = """
            heat_template_version: 2018-08-31
            parameters:
              value: {type: string, default: one}
              update_seconds: {type: number, default: 0}
            resources:
              slow:
                type: OS::Heat::TestResource
                properties:
                  value: {get_param: value}
                  action_wait_secs: {update: {get_param: update_seconds}}
            outputs:
              value: {value: {get_attr: [slow, output]}}
            """;

    private final String life = "ops-live-orch-life-" + LiveCloud.RUN;
    private final String failing = "ops-live-orch-fail-" + LiveCloud.RUN;
    private final String slow = "ops-live-orch-slow-" + LiveCloud.RUN;
    private LiveTools tools;
    private HttpServer templates;

    @BeforeAll
    void start() throws IOException {
        tools = LiveTools.demo();
        // Heat downloads template_url itself: serve one on loopback, where heat-api runs too
        templates = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        templates.createContext("/failing.yaml", exchange -> {
            byte[] body = FAILING_TEMPLATE.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        templates.start();
    }

    @AfterAll
    void stop() {
        List<String> left = new ArrayList<>(List.of(life, failing, slow));
        try {
            left.retainAll(Set.of(openstack("stack", "list", "-f", "value", "-c", "Stack Name").split("\n")));
        } catch (IllegalStateException e) {
            // the CLI failed: try to delete them all
        }
        if (!left.isEmpty()) {
            List<String> command = new ArrayList<>(List.of("stack", "delete", "--yes", "--wait"));
            command.addAll(left);
            LiveCloud.openstackStatus(command.toArray(String[]::new));
        }
        if (templates != null) {
            templates.stop(0);
        }
        LiveTools.close(tools);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> result, String key) {
        return (List<Map<String, Object>>) result.get(key);
    }

    private static Set<String> stackIds() {
        return java.util.Arrays.stream(openstack("stack", "list", "-f", "value", "-c", "ID").split("\n"))
                .map(String::trim).filter(id -> !id.isEmpty()).collect(Collectors.toSet());
    }

    private static String stackStatus(String name) {
        return openstack("stack", "show", name, "-f", "value", "-c", "stack_status");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_read_tools_agree_with_the_cli_about_demo_stack() {
        Set<String> before = stackIds();
        Set<String> seen = new HashSet<>();
        int pages = 0;
        for (Map<String, Object> page : tools.pages("stack_list", Map.of("limit", 1), 50)) {
            assertThat(list(page, "stacks")).hasSizeLessThanOrEqualTo(1);
            list(page, "stacks").forEach(s -> seen.add((String) s.get("id")));
            pages++;
        }
        // other helpers' live tests may create or delete stacks meanwhile: what existed throughout must be seen, and
        // nothing that never existed
        Set<String> after = stackIds();
        Set<String> throughout = new HashSet<>(before);
        throughout.retainAll(after);
        Set<String> ever = new HashSet<>(before);
        ever.addAll(after);
        assertThat(seen).containsAll(throughout);
        assertThat(ever).containsAll(seen);
        assertThat(pages).isGreaterThanOrEqualTo(throughout.size());
        assertThat(list(tools.ok("stack_list", Map.of("name", "demo-stack")), "stacks")).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("status", "CREATE_COMPLETE"));

        JsonNode show = json(openstack("stack", "show", "demo-stack", "-f", "json"));
        Map<String, Object> stack = tools.ok("stack_get", Map.of("stack", "demo-stack"));
        assertThat(stack).containsEntry("id", show.get("id").asText())
                .containsEntry("status", show.get("stack_status").asText());
        Map<String, Object> outputs = ((List<Map<String, Object>>) stack.get("outputs")).stream()
                .collect(Collectors.toMap(o -> (String) o.get("key"), o -> o.get("value")));
        show.get("outputs").forEach(o -> assertThat(outputs).containsEntry(o.get("output_key").asText(),
                o.get("output_value").asText()));

        Map<String, String> physical = new HashMap<>();
        json(openstack("stack", "resource", "list", "demo-stack", "-f", "json")).forEach(r ->
                physical.put(r.get("resource_name").asText(), r.get("physical_resource_id").asText()));
        Map<String, Object> resources = tools.ok("stack_resource_list", Map.of("stack", "demo-stack"));
        assertThat(list(resources, "resources")).extracting(r -> (String) r.get("name"))
                .containsExactlyInAnyOrderElementsOf(physical.keySet());
        list(resources, "resources").forEach(r -> assertThat(r.get("physical_id")).isEqualTo(physical.get(r.get("name"))));
        assertThat(tools.ok("stack_resource_get", Map.of("stack", "demo-stack", "resource", "server")))
                .containsEntry("physical_id", physical.get("server")).containsEntry("type", "OS::Nova::Server");

        List<String> newest = List.of(openstack("stack", "event", "list", "demo-stack", "--sort", "event_time:desc",
                "--limit", "3", "-f", "value", "-c", "id").split("\n"));
        Map<String, Object> events = tools.ok("stack_event_list", Map.of("stack", "demo-stack", "limit", 2));
        assertThat(list(events, "events")).extracting(e -> (String) e.get("id")).containsExactlyElementsOf(newest.subList(0, 2));
        Map<String, Object> older = tools.ok("stack_event_list", Map.of("stack", "demo-stack", "limit", 1,
                "marker", events.get("next_marker")));
        assertThat(list(older, "events")).extracting(e -> (String) e.get("id")).containsExactly(newest.get(2));
        assertThat(list(tools.ok("stack_event_list", Map.of("stack", "demo-stack", "resource", "server")), "events"))
                .isNotEmpty().allSatisfy(e -> assertThat(e).containsEntry("resource", "server"));

        Map<String, Object> template = tools.ok("stack_template_get", Map.of("stack", "demo-stack"));
        assertThat((Map<String, Object>) template.get("resources")).containsEntry("server", "OS::Nova::Server")
                .containsEntry("net", "OS::Neutron::Net").containsEntry("suffix", "OS::Heat::RandomString");
        assertThat((String) template.get("template")).contains("user_data_format: RAW");

        assertThat(tools.ok("stack_output_get", Map.of("stack", "demo-stack", "output", "suffix")))
                .containsEntry("value", outputs.get("suffix"));
        assertThat(tools.error("stack_output_get", Map.of("stack", "demo-stack", "output", "nope")))
                .contains("no output 'nope'").contains("suffix");
    }

    @Test
    void template_validate_accepts_a_valid_template_and_explains_an_invalid_one() {
        assertThat(tools.ok("template_validate", Map.of("template", LIFE_TEMPLATE)))
                .containsEntry("valid", true).containsKey("parameters");
        Map<String, Object> unknownType = tools.ok("template_validate", Map.of("template",
                LIFE_TEMPLATE.replace("OS::Neutron::Subnet", "OS::Neutron::Subnett")));
        assertThat(unknownType).containsEntry("valid", false);
        assertThat((String) unknownType.get("error")).contains("OS::Neutron::Subnett");
        Map<String, Object> brokenYaml = tools.ok("template_validate", Map.of("template", "resources: [\n"));
        assertThat(brokenYaml).containsEntry("valid", false);
        assertThat((String) brokenYaml.get("error")).contains("line");
        assertThat(tools.error("template_validate", Map.of("template_url", "file:///etc/passwd")))
                .contains("'file:' URLs are refused");

        Map<String, Object> preview = tools.ok("stack_preview", Map.of("name", "ops-live-orch-preview-" + LiveCloud.RUN,
                "template", LIFE_TEMPLATE, "parameters", Map.of("length", 8)));
        assertThat(list(preview, "resources")).extracting(r -> r.get("name") + " " + r.get("type"))
                .containsExactlyInAnyOrder("suffix OS::Heat::RandomString", "net OS::Neutron::Net",
                        "subnet OS::Neutron::Subnet", "server OS::Nova::Server");
        // a preview creates nothing
        assertThat(LiveCloud.openstackStatus("stack", "show", "ops-live-orch-preview-" + LiveCloud.RUN)).isNotZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_stack_is_created_updated_suspended_resumed_checked_and_deleted_and_the_cloud_agrees() {
        Map<String, Object> created = tools.ok("stack_create", Map.of("name", life, "template", LIFE_TEMPLATE,
                "parameters", Map.of("length", 6), "tags", List.of("ops-live")));
        assertThat(created).containsEntry("status", "CREATE_COMPLETE").containsEntry("reached_target", true);
        JsonNode show = json(openstack("stack", "show", life, "-f", "json"));
        assertThat(show.get("stack_status").asText()).isEqualTo("CREATE_COMPLETE");
        Map<String, Object> outputs = ((List<Map<String, Object>>) created.get("outputs")).stream()
                .collect(Collectors.toMap(o -> (String) o.get("key"), o -> o.get("value")));
        show.get("outputs").forEach(o -> assertThat(outputs).containsEntry(o.get("output_key").asText(),
                o.get("output_value").asText()));
        assertThat((String) outputs.get("suffix")).hasSize(6);

        Map<String, String> physical = new HashMap<>();
        json(openstack("stack", "resource", "list", life, "-f", "json")).forEach(r ->
                physical.put(r.get("resource_name").asText(), r.get("physical_resource_id").asText()));
        String serverId = physical.get("server");
        assertThat(tools.ok("stack_resource_get", Map.of("stack", life, "resource", "server")))
                .containsEntry("physical_id", serverId);
        assertThat(list(tools.ok("stack_event_list", Map.of("stack", life, "status", "FAILED")), "events")).isEmpty();

        // the update: the preview first (nothing changes), then confirmed with its token
        String changed = LIFE_TEMPLATE.replace("outputs:", "  extra:\n    type: OS::Heat::RandomString\noutputs:");
        Map<String, Object> update = Map.of("stack", life, "template", changed, "parameters", Map.of("length", 8));
        Map<String, Object> preview = tools.ok("stack_update", update);
        assertThat(preview).containsEntry("status", "preview");
        List<Map<String, Object>> changing = list((Map<String, Object>) preview.get("preview"), "resources");
        assertThat(changing).extracting(r -> r.get("name") + " " + r.get("effect"))
                .contains("extra created", "suffix replaced: deleted and created anew (new id)");
        assertThat(changing).filteredOn(r -> "suffix".equals(r.get("name"))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("id", physical.get("suffix")));
        assertThat(stackStatus(life)).isEqualTo("CREATE_COMPLETE");
        Map<String, Object> updated = tools.confirmed("stack_update", update);
        assertThat(updated).containsEntry("status", "UPDATE_COMPLETE").containsEntry("reached_target", true);
        assertThat(list(updated, "changes")).extracting(c -> c.get("resource") + " " + c.get("change"))
                .contains("extra added", "suffix replaced");
        JsonNode afterUpdate = json(openstack("stack", "show", life, "-f", "json"));
        assertThat(afterUpdate.get("stack_status").asText()).isEqualTo("UPDATE_COMPLETE");
        afterUpdate.get("outputs").forEach(o -> {
            if (o.get("output_key").asText().equals("suffix")) {
                assertThat(o.get("output_value").asText()).hasSize(8);
            }
        });

        assertThat(tools.ok("stack_suspend", Map.of("stack", life))).containsEntry("status", "SUSPEND_COMPLETE");
        assertThat(LiveCloud.serverStatus(serverId)).isEqualTo("SUSPENDED");
        assertThat(tools.ok("stack_resume", Map.of("stack", life))).containsEntry("status", "RESUME_COMPLETE");
        assertThat(LiveCloud.serverStatus(serverId)).isEqualTo("ACTIVE");
        assertThat(tools.ok("stack_check", Map.of("stack", life))).containsEntry("status", "CHECK_COMPLETE");
        assertThat(stackStatus(life)).isEqualTo("CHECK_COMPLETE");

        // two steps: the preview names what goes, nothing goes without the token
        Map<String, Object> first = tools.ok("stack_delete", Map.of("stack", life));
        assertThat(first).containsEntry("status", "preview");
        List<Map<String, Object>> going = list((Map<String, Object>) first.get("preview"), "resources");
        assertThat(going).extracting(r -> r.get("type") + " " + r.get("name") + " " + r.get("id")).contains(
                "OS::Nova::Server server " + serverId,
                "OS::Neutron::Net net " + physical.get("net"),
                "OS::Neutron::Subnet subnet " + physical.get("subnet"));
        Map<String, Object> deleted = tools.confirmed("stack_delete", Map.of("stack", life));
        assertThat(deleted).containsEntry("gone", true);
        assertThat(LiveCloud.openstackStatus("stack", "show", life)).isNotZero();
        assertThat(LiveCloud.openstackStatus("server", "show", serverId)).isNotZero();
    }

    @Test
    void a_failed_create_names_the_failing_resource_and_a_cancelled_update_rolls_back() {
        String url = "http://127.0.0.1:" + templates.getAddress().getPort() + "/failing.yaml";
        String failure = tools.error("stack_create", Map.of("name", failing, "template_url", url));
        assertThat(failure).contains("CREATE_FAILED").contains("'boom' (OS::Heat::TestResource)")
                .contains("Test Resource failed boom");
        assertThat(stackStatus(failing)).isEqualTo("CREATE_FAILED");
        assertThat(list(tools.ok("stack_resource_list", Map.of("stack", failing, "status", "FAILED")), "resources"))
                .extracting(r -> r.get("name")).containsExactly("boom");
        assertThat(tools.confirmed("stack_delete", Map.of("stack", failing))).containsEntry("gone", true);
        assertThat(LiveCloud.openstackStatus("stack", "show", failing)).isNotZero();

        assertThat(tools.ok("stack_create", Map.of("name", slow, "template", SLOW_TEMPLATE)))
                .containsEntry("status", "CREATE_COMPLETE");
        assertThat(tools.error("stack_update_cancel", Map.of("stack", slow))).contains("only a stack in UPDATE_IN_PROGRESS");
        // Heat lets the resource's running update finish (10 s) before it rolls back
        assertThat(tools.confirmed("stack_update", Map.of("stack", slow, "parameters", Map.of("value", "two",
                "update_seconds", 10), "wait", false))).containsEntry("status", "UPDATE_IN_PROGRESS");
        assertThat(tools.ok("stack_update_cancel", Map.of("stack", slow))).containsEntry("status", "ROLLBACK_COMPLETE")
                .containsEntry("reached_target", true);
        JsonNode show = json(openstack("stack", "show", slow, "-f", "json"));
        assertThat(show.get("stack_status").asText()).isEqualTo("ROLLBACK_COMPLETE");
        assertThat(show.get("parameters").get("value").asText()).isEqualTo("one");
    }
}
