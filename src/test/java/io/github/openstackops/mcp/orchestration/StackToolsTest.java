package io.github.openstackops.mcp.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.openstackops.mcp.catalog.CallCancelled;
import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolInvoker;
import io.github.openstackops.mcp.catalog.ToolOutcome;
import io.github.openstackops.mcp.catalog.schema.ToolJson;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import io.github.openstackops.mcp.support.FakeOpenStack.Request;
import io.github.openstackops.mcp.support.TestContexts;
import io.github.openstackops.mcp.support.ToolHarness;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The orchestration tools against Heat responses recorded from the testbed (testbed/record/orchestration.sh). */
class StackToolsTest {

    static final String H = "/orchestration/v1/8555d241e74c44ad9cc087c1e0ccee5b";
    static final String DEMO = "93d84906-1383-4d8a-adac-c84d9140d59b";
    static final String OK = "3355aa18-78d7-4343-9548-7d70ec6fb250";
    static final String BAD = "e800adba-a78e-401b-bdec-2a889d99d9c4";
    static final String NESTED = "6f3af20f-6ae1-4607-858a-148ca0c0a93c";
    static final String DEMO_PATH = H + "/stacks/demo-stack/" + DEMO;
    static final String OK_PATH = H + "/stacks/rec-orch-ok/" + OK;
    static final String BAD_PATH = H + "/stacks/rec-orch-bad/" + BAD;
    static final String TEMPLATE = "heat_template_version: 2018-08-31\nresources:\n  r:\n    type: OS::Heat::RandomString\n";

    private ToolHarness tools;
    private FakeOpenStack fake;
    /** What GET /stacks?id=<OK> answers, call after call (the last one repeats). */
    private final AtomicReference<List<String>> okStates = new AtomicReference<>();
    private final AtomicInteger okPolls = new AtomicInteger();

    @BeforeEach
    void start() {
        fake = FakeOpenStack.start()
                .on("GET", H + "/stacks", this::stacks)
                .on("GET", DEMO_PATH, 200, "orchestration/stack-demo-stack.json")
                .on("GET", DEMO_PATH + "/resources", 200, "orchestration/resources-demo-stack.json")
                .on("GET", DEMO_PATH + "/resources/server", 200, "orchestration/resource-demo-stack-server.json")
                .on("GET", DEMO_PATH + "/resources/nope", 404, "orchestration/resource-404.json")
                .on("GET", DEMO_PATH + "/events", 200, "orchestration/events-demo-stack-limit4.json")
                .on("GET", DEMO_PATH + "/template", 200, "orchestration/template-demo-stack.json")
                .on("GET", DEMO_PATH + "/outputs", 200, "orchestration/outputs-demo-stack.json")
                .on("GET", DEMO_PATH + "/outputs/suffix", 200, "orchestration/output-demo-stack-suffix.json")
                .on("GET", OK_PATH, 200, "orchestration/stack-ok.json")
                .on("GET", OK_PATH + "/resources", r -> Reply.json(200, fake.recorded(
                        FakeOpenStack.queryParams(r).contains("nested_depth=5")
                                ? "orchestration/resources-ok-nested.json" : "orchestration/resources-ok.json")))
                .on("GET", OK_PATH + "/template", 200, "orchestration/template-ok.json")
                .on("GET", BAD_PATH + "/resources", 200, "orchestration/resources-bad-failed.json")
                .on("GET", BAD_PATH + "/events", 200, "orchestration/events-bad-failed.json");
        okStates.set(List.of(fake.recorded("orchestration/stacks-id-ok.json")));
        tools = ToolHarness.on(fake).allowModify().start();
    }

    @AfterEach
    void stop() {
        tools.close();
    }

    /** GET /stacks: Heat's answer depends on the filters. */
    private Reply stacks(Request r) {
        List<String> q = FakeOpenStack.queryParams(r);
        if (q.contains("id=" + DEMO) || q.contains("name=demo-stack")) {
            return Reply.json(200, fake.recorded("orchestration/stacks-id-demo-stack.json"));
        }
        if (q.contains("id=" + OK) || q.contains("name=rec-orch-ok")) {
            List<String> states = okStates.get();
            return Reply.json(200, states.get(Math.min(okPolls.getAndIncrement(), states.size() - 1)));
        }
        if (q.contains("id=" + BAD) || q.contains("name=rec-orch-bad")) {
            return Reply.json(200, fake.recorded("orchestration/stacks-id-bad.json"));
        }
        if (q.contains("id=" + NESTED)) {
            return Reply.json(200, fake.recorded("orchestration/stacks-id-nested.json"));
        }
        if (q.stream().anyMatch(p -> p.startsWith("id=") || p.startsWith("name="))) {
            return Reply.json(200, fake.recorded("orchestration/stacks-empty.json"));
        }
        return Reply.json(200, fake.recorded(q.contains("status=FAILED") ? "orchestration/stacks-failed.json"
                : "orchestration/stacks-limit3.json"));
    }

    /** The OK stack's list entry with another status. */
    private String okIn(String status) {
        return fake.recorded("orchestration/stacks-id-ok.json").replace("\"CREATE_COMPLETE\"", "\"" + status + "\"");
    }

    private static Map<String, Object> body(Request request) {
        return ToolJson.readMap(request.body());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> result, String key) {
        return (List<Map<String, Object>>) result.get(key);
    }

    // ------------------------------------------------------------------------------------------------ reading ---

    @Test
    void stack_list_pages_and_sorts_in_heat_and_returns_compact_summaries_with_a_cursor() {
        Map<String, Object> page = tools.ok("stack_list", Map.of("limit", 2));

        assertThat(FakeOpenStack.queryParams(fake.requests("GET", H + "/stacks").get(0)))
                .contains("limit=3", "sort_keys=creation_time", "sort_dir=desc");
        assertThat(list(page, "stacks")).extracting(s -> s.get("name")).containsExactly("rec-orch-bad", "rec-orch-ok");
        assertThat(page).containsEntry("count", 2).containsEntry("next_marker", OK);
        assertThat(list(page, "stacks").get(0)).containsEntry("status", "CREATE_FAILED")
                .containsEntry("project_id", "8555d241e74c44ad9cc087c1e0ccee5b")
                .containsEntry("status_reason", "Resource CREATE failed: ValueError: resources.boom: Test Resource failed boom")
                .doesNotContainKeys("links", "stack_user_project_id", "parent_id");
    }

    @Test
    void stack_list_filters_by_status_name_and_tags_in_heat_and_rejects_unknown_statuses() {
        Map<String, Object> page = tools.ok("stack_list", Map.of("status", "FAILED", "tags", List.of("rec", "orch"),
                "marker", "abc"));

        assertThat(FakeOpenStack.queryParams(fake.requests("GET", H + "/stacks").get(0)))
                .contains("status=FAILED", "tags=rec,orch", "marker=abc", "limit=51");
        assertThat(page).containsEntry("count", 1).doesNotContainKey("next_marker");

        assertThat(tools.error("stack_list", Map.of("status", "BROKEN"))).contains("status").contains("Fix the arguments");
        assertThat(fake.requests("GET", H + "/stacks")).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void stack_get_by_name_shows_status_parameters_and_outputs_without_pseudo_parameters() {
        Map<String, Object> stack = tools.ok("stack_get", Map.of("stack", "demo-stack"));

        assertThat(FakeOpenStack.queryParams(fake.requests("GET", H + "/stacks").get(0)))
                .contains("name=demo-stack", "show_nested=true");
        assertThat(stack).containsEntry("id", DEMO).containsEntry("status", "CREATE_COMPLETE")
                .containsEntry("description", "Testbed sample stack (network, subnet, server, random suffix)")
                .containsEntry("parameters", Map.of("image", "cirros-fake", "flavor", "m1.tiny"))
                .containsEntry("disable_rollback", true).containsEntry("owner", "demo");
        assertThat((List<Map<String, Object>>) stack.get("outputs")).extracting(o -> o.get("key") + "=" + o.get("value"))
                .containsExactlyInAnyOrder("suffix=gei8yg", "server_ip=10.20.0.55");
        assertThat(stack.toString()).doesNotContain("OS::stack_id", "links", "No description given");
    }

    @Test
    @SuppressWarnings("unchecked")
    void stack_get_by_id_keeps_hidden_parameters_masked_and_tags() {
        Map<String, Object> stack = tools.ok("stack_get", Map.of("stack", OK));

        assertThat(FakeOpenStack.queryParams(fake.requests("GET", H + "/stacks").get(0))).contains("id=" + OK);
        assertThat((Map<String, Object>) stack.get("parameters")).containsEntry("db_password", "******")
                .containsEntry("length", "6");
        assertThat(stack).containsEntry("tags", List.of("rec", "orch"));
        assertThat(stack.toString()).doesNotContain("not-a-real-secret");
    }

    @Test
    void an_unknown_stack_is_a_sentence_and_a_cloud_without_heat_is_named() {
        assertThat(tools.error("stack_get", Map.of("stack", "nope")))
                .isEqualTo("Stack 'nope' was not found (or is not visible to this project).");
        assertThat(tools.error("stack_get", Map.of("stack", "00000000-0000-4000-8000-000000000000")))
                .contains("'00000000-0000-4000-8000-000000000000' was not found");

        fake.on("POST", "/identity/v3/auth/tokens", r -> tokenWithout("orchestration"));
        tools.context().getBean(io.github.openstackops.mcp.cloud.CloudSession.class).invalidate();
        assertThat(tools.error("stack_list", Map.of())).contains("no orchestration (Heat) service");
    }

    /** The recorded demo token with one service type taken out of its catalog. */
    private Reply tokenWithout(String serviceType) {
        ObjectNode token = (ObjectNode) ToolJson.mapper().valueToTree(ToolJson.readMap(fake.recorded("token-demo.json")));
        ObjectNode inner = (ObjectNode) token.get("token");
        ArrayNode catalog = ToolJson.mapper().createArrayNode();
        inner.get("catalog").forEach(s -> {
            if (!serviceType.equals(s.get("type").asText())) {
                catalog.add(s);
            }
        });
        inner.set("catalog", catalog);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        inner.put("expires_at", now.plusSeconds(3600).toString());
        inner.put("issued_at", now.toString());
        return new Reply(201, token.toString(), Map.of("Content-Type", "application/json",
                "X-Subject-Token", "gAAAAfake-token-no-heat"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void stack_resource_list_filters_in_heat_names_nested_stacks_and_says_when_it_is_cut() {
        Map<String, Object> all = tools.ok("stack_resource_list", Map.of("stack", OK, "nested_depth", 5, "limit", 7,
                "status", "CREATE_COMPLETE", "type", "OS::Heat::RandomString"));

        assertThat(FakeOpenStack.queryParams(fake.requests("GET", OK_PATH + "/resources").get(0)))
                .contains("nested_depth=5", "status=CREATE_COMPLETE", "type=OS::Heat::RandomString");
        assertThat(all).containsEntry("count", 7).containsEntry("truncated", true).containsEntry("stack_name", "rec-orch-ok");
        List<Map<String, Object>> resources = list(all, "resources");
        assertThat(resources.get(0)).containsEntry("name", "server").containsEntry("type", "OS::Nova::Server")
                .containsEntry("physical_id", "737165b9-86b3-4da3-9019-fef982448ea1").doesNotContainKey("nested_stack");
        assertThat(resources).filteredOn(r -> "1".equals(r.get("name"))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("nested_stack", "rec-orch-ok-group-e63q5vuetn55"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void stack_resource_get_reports_small_attributes_without_links_and_a_missing_resource_clearly() {
        Map<String, Object> server = tools.ok("stack_resource_get", Map.of("stack", "demo-stack", "resource", "server"));

        assertThat(server).containsEntry("type", "OS::Nova::Server").containsEntry("status", "CREATE_COMPLETE")
                .containsEntry("physical_id", "8399eed9-fb10-4883-a853-48a4ccc9e04c");
        Map<String, Object> attributes = (Map<String, Object>) server.get("attributes");
        assertThat(attributes).containsEntry("status", "ACTIVE").containsKey("addresses")
                .doesNotContainKeys("links", "key_name", "accessIPv4");
        assertThat(ToolJson.write(attributes)).doesNotContain("\"links\"", "bookmark");

        assertThat(tools.error("stack_resource_get", Map.of("stack", "demo-stack", "resource", "nope")))
                .contains("HTTP 404").contains("The Resource (nope) could not be found in Stack demo-stack");
    }

    @Test
    void stack_event_list_is_newest_first_paged_and_filtered_in_heat() {
        Map<String, Object> page = tools.ok("stack_event_list", Map.of("stack", "demo-stack", "limit", 3,
                "status", "CREATE_IN_PROGRESS", "resource", "server"));

        assertThat(FakeOpenStack.queryParams(fake.requests("GET", DEMO_PATH + "/events").get(0))).contains("limit=4",
                "sort_dir=desc", "sort_keys=event_time", "resource_action=CREATE", "resource_status=IN_PROGRESS",
                "resource_name=server");
        assertThat(list(page, "events")).extracting(e -> e.get("resource") + " " + e.get("status"))
                .containsExactly("demo-stack CREATE_COMPLETE", "server CREATE_COMPLETE", "server CREATE_IN_PROGRESS");
        assertThat(page).containsEntry("next_marker", "7b9a69c4-db06-49a1-98c1-f61b133a5ef7");
        assertThat(list(page, "events").get(0)).containsEntry("reason", "Stack CREATE completed successfully")
                .containsEntry("time", "2026-11-22T04:55:02Z").doesNotContainKey("links");
    }

    @Test
    void events_of_a_resource_that_does_not_exist_say_so() {
        fake.on("GET", DEMO_PATH + "/events", r -> Reply.json(200, "{\"events\": []}"));

        assertThat(tools.error("stack_event_list", Map.of("stack", "demo-stack", "resource", "nope")))
                .contains("The Resource (nope) could not be found");
        assertThat(tools.ok("stack_event_list", Map.of("stack", "demo-stack", "status", "FAILED"))).containsEntry("count", 0);
        tools.ok("stack_event_list", Map.of("stack", "demo-stack", "status", "IN_PROGRESS"));
        List<Request> sent = fake.requests("GET", DEMO_PATH + "/events");
        assertThat(FakeOpenStack.queryParams(sent.get(sent.size() - 2))).contains("resource_status=FAILED")
                .noneMatch(p -> p.startsWith("resource_action"));
        assertThat(FakeOpenStack.queryParams(sent.get(sent.size() - 1))).contains("resource_status=IN_PROGRESS")
                .noneMatch(p -> p.startsWith("resource_action"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void stack_template_get_returns_yaml_and_an_outline_and_cuts_long_templates() {
        Map<String, Object> t = tools.ok("stack_template_get", Map.of("stack", "demo-stack"));

        assertThat(t).containsEntry("version", "2018-08-31").containsEntry("truncated", false)
                .containsEntry("parameters", List.of("flavor", "image")).containsEntry("outputs", List.of("server_ip", "suffix"));
        assertThat((Map<String, Object>) t.get("resources")).containsEntry("server", "OS::Nova::Server")
                .containsEntry("suffix", "OS::Heat::RandomString");
        assertThat((String) t.get("template")).startsWith("description: Testbed sample stack")
                .contains("\n  server:\n    depends_on: subnet\n").contains("user_data_format: RAW");

        Map<String, Object> cut = tools.ok("stack_template_get", Map.of("stack", OK, "max_chars", 1000));
        assertThat(cut).containsEntry("truncated", true);
        assertThat((String) cut.get("template")).hasSize(1000);
    }

    @Test
    void stack_template_get_masks_the_defaults_of_hidden_parameters() {
        Map<String, Object> t = tools.ok("stack_template_get", Map.of("stack", OK));

        assertThat((String) t.get("template")).contains("db_password:\n    default: '******'\n    hidden: true")
                .contains("length:\n    default: 6");
        assertThat(t.toString()).doesNotContain("not-a-real-secret");

        JsonNode cfn = ToolJson.mapper().valueToTree(Map.of("AWSTemplateFormatVersion", "2010-09-09",
                "Parameters", Map.of("DbPassword", Map.of("Type", "String", "NoEcho", "true", "Default", "cfn-s3cret"),
                        "Size", Map.of("Type", "Number", "Default", 3)),
                "Resources", Map.of("r", Map.of("Type", "OS::Heat::RandomString"))));
        fake.on("GET", DEMO_PATH + "/template", r -> Reply.json(200, cfn.toString()));

        String template = (String) tools.ok("stack_template_get", Map.of("stack", DEMO)).get("template");
        assertThat(template).contains("Default: '******'").contains("Default: 3").doesNotContain("cfn-s3cret");
    }

    @Test
    void stack_output_get_returns_the_value_and_names_the_outputs_for_an_unknown_key() {
        assertThat(tools.ok("stack_output_get", Map.of("stack", "demo-stack", "output", "suffix")))
                .containsEntry("key", "suffix").containsEntry("value", "gei8yg").doesNotContainKey("description");
        assertThat(fake.count("GET", DEMO_PATH + "/outputs")).as("names are listed only for an unknown key").isZero();

        assertThat(tools.error("stack_output_get", Map.of("stack", "demo-stack", "output", "nope")))
                .isEqualTo("Stack 'demo-stack' has no output 'nope'; its outputs are: suffix, server_ip.");
        assertThat(fake.count("GET", DEMO_PATH + "/outputs/nope")).isEqualTo(1);
        assertThat(fake.count("GET", DEMO_PATH + "/outputs")).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void template_validate_returns_parameters_with_hidden_defaults_masked() {
        fake.on("POST", H + "/validate", 200, "orchestration/validate-ok.json");

        Map<String, Object> result = tools.ok("template_validate", Map.of("template", TEMPLATE,
                "parameters", Map.of("length", 8), "environment", "parameter_defaults: {}\n"));

        assertThat(body(fake.requests("POST", H + "/validate").get(0))).containsEntry("template", TEMPLATE)
                .containsEntry("parameters", Map.of("length", 8)).containsEntry("environment", "parameter_defaults: {}\n");
        assertThat(result).containsEntry("valid", true)
                .containsEntry("description", "Recorder stack (network, server, random strings, a nested group)");
        assertThat(list(result, "parameters")).extracting(p -> p.get("name") + " " + p.get("type") + " "
                + p.get("default_value") + " " + p.get("hidden"))
                .containsExactlyInAnyOrder("db_password String ****** true", "length Number 6 false");
        assertThat(result.toString()).doesNotContain("not-a-real-secret");
    }

    @Test
    void an_invalid_template_is_a_result_with_heats_reason() {
        fake.on("POST", H + "/validate", 400, "orchestration/validate-unknown-type.json");

        assertThat(tools.ok("template_validate", Map.of("template", TEMPLATE))).containsEntry("valid", false)
                .containsEntry("error", "The Resource Type (OS::Nope::Thing) could not be found.")
                .containsEntry("parameters", List.of());
    }

    @Test
    void template_inputs_are_checked_before_anything_reaches_heat() {
        assertThat(tools.error("template_validate", Map.of("template_url", "file:///etc/passwd")))
                .contains("http:// or https://").contains("'file:' URLs are refused");
        assertThat(tools.error("stack_create", Map.of("name", "x", "template_url", "ftp://example.com/t.yaml")))
                .contains("'ftp:' URLs are refused");
        assertThat(tools.error("template_validate", Map.of("template_url", "https://user:pw@example.com/t.yaml")))
                .contains("must not carry credentials").doesNotContain("pw@");
        assertThat(tools.error("template_validate", Map.of("template", TEMPLATE, "template_url", "https://example.com/t.yaml")))
                .contains("not both");
        assertThat(tools.error("stack_preview", Map.of())).contains("Give the template");
        String huge = TEMPLATE + "#".repeat(600 * 1024) + "\n";
        assertThat(tools.error("stack_create", Map.of("name", "x", "template", huge)))
                .contains("601 KiB").contains("limited to 512 KiB").contains("template_url");
        assertThat(tools.error("stack_create", Map.of("name", "9lives", "template", TEMPLATE))).contains("name");
        assertThat(fake.requests().stream().filter(r -> r.path().startsWith("/orchestration"))).isEmpty();
    }

    @Test
    void a_signed_template_url_reaches_heat_whole_but_heats_messages_come_back_without_its_query() {
        String signed = "https://templates.example.com/t.yaml?X-Amz-Signature=f00dfeed&token=c0ffee42";
        String quoted = "{\"title\": \"Bad Request\", \"explanation\": \"The server could not comply\","
                + " \"code\": 400, \"error\": {\"message\": \"Could not retrieve template: Failed to retrieve"
                + " template from " + signed + ": 403\", \"type\": \"StackValidationFailed\"}}";
        fake.on("POST", H + "/validate", r -> Reply.json(400, quoted))
                .on("POST", H + "/stacks", r -> Reply.json(400, quoted));

        Map<String, Object> validation = tools.ok("template_validate", Map.of("template_url", signed));
        String error = tools.error("stack_create", Map.of("name", "x", "template_url", signed));

        assertThat(body(fake.requests("POST", H + "/validate").get(0))).containsEntry("template_url", signed);
        assertThat(validation).containsEntry("valid", false);
        assertThat(validation.toString()).contains("https://templates.example.com/t.yaml")
                .doesNotContain("f00dfeed", "c0ffee42");
        assertThat(error).contains("https://templates.example.com/t.yaml").doesNotContain("f00dfeed", "c0ffee42");
    }

    @Test
    void stack_preview_lists_the_resources_heat_would_create_including_nested_ones() {
        fake.on("POST", H + "/stacks/preview", 200, "orchestration/preview-ok.json");

        Map<String, Object> preview = tools.ok("stack_preview", Map.of("name", "rec-preview", "template", TEMPLATE,
                "parameters", Map.of("length", 8)));

        assertThat(body(fake.requests("POST", H + "/stacks/preview").get(0))).containsEntry("stack_name", "rec-preview")
                .containsEntry("template", TEMPLATE);
        assertThat(list(preview, "resources")).extracting(r -> r.get("name") + " " + r.get("type")).containsExactly(
                "server OS::Nova::Server", "kept OS::Heat::RandomString", "suffix OS::Heat::RandomString",
                "group/1 OS::Heat::RandomString", "group/0 OS::Heat::RandomString", "subnet OS::Neutron::Subnet",
                "net OS::Neutron::Net");
        assertThat(preview).containsEntry("parameters", Map.of("db_password", "******", "length", "8"))
                .containsEntry("outputs", List.of("suffix", "server_ip"));
    }

    // ------------------------------------------------------------------------------------------------ writing ---

    @Test
    @SuppressWarnings("unchecked")
    void stack_create_sends_the_template_and_waits_with_progress_until_create_complete() {
        fake.on("POST", H + "/stacks", 201, "orchestration/create-201.json");
        okStates.set(List.of(okIn("CREATE_IN_PROGRESS"), okIn("CREATE_IN_PROGRESS"),
                fake.recorded("orchestration/stacks-id-ok.json")));

        Map<String, Object> result = tools.ok("stack_create", Map.of("name", "rec-orch-ok", "template", TEMPLATE,
                "parameters", Map.of("length", 6), "tags", List.of("rec", "orch"), "timeout_minutes", 10));

        Map<String, Object> sent = body(fake.requests("POST", H + "/stacks").get(0));
        assertThat(sent).containsEntry("stack_name", "rec-orch-ok").containsEntry("template", TEMPLATE)
                .containsEntry("parameters", Map.of("length", 6)).containsEntry("disable_rollback", true)
                .containsEntry("tags", "rec,orch").containsEntry("timeout_mins", 10);
        assertThat(result).containsEntry("id", OK).containsEntry("status", "CREATE_COMPLETE")
                .containsEntry("reached_target", true).doesNotContainKey("previous_status");
        assertThat((List<Map<String, Object>>) result.get("outputs")).extracting(o -> o.get("key") + "=" + o.get("value"))
                .containsExactly("suffix=ohshcg", "server_ip=10.91.0.155");
        assertThat(tools.progress()).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("CREATE_IN_PROGRESS"));
        assertThat(okPolls.get()).isEqualTo(3);
    }

    @Test
    void a_cancelled_create_asks_heat_to_stop_it_without_rollback() {
        fake.on("POST", H + "/stacks", 201, "orchestration/create-201.json")
                .on("POST", OK_PATH + "/actions", r -> new Reply(200, "", Map.of()));
        okStates.set(List.of(okIn("CREATE_IN_PROGRESS")));
        ToolContext cancelling = new ToolContext() {
            @Override
            public Caller caller() {
                return Caller.STDIO;
            }

            @Override
            public Surface surface() {
                return Surface.STDIO;
            }

            @Override
            public void progress(double done, Double total, String message) {
                throw new CallCancelled("Cancelled.");
            }

            @Override
            public void info(String message) {
            }
        };

        ToolOutcome outcome = tools.invoker().invoke("stack_create", Map.of("name", "rec-orch-ok", "template",
                TEMPLATE), cancelling);

        assertThat(body(fake.requests("POST", OK_PATH + "/actions").get(0))).containsOnlyKeys("cancel_without_rollback");
        assertThat(outcome).isInstanceOfSatisfying(ToolOutcome.Error.class, e -> assertThat(e.message())
                .contains("Heat was asked to stop the create", "cancel_without_rollback", "stack_delete"));
        assertThat(tools.context().getBean(io.github.openstackops.mcp.catalog.ToolCatalog.class).find("stack_create")
                .orElseThrow().stopsInOpenStack()).isTrue();
    }

    @Test
    void a_failed_create_names_the_failing_resource_and_heats_reason() {
        fake.on("POST", H + "/stacks", 201, "orchestration/create-bad-201.json");

        String message = tools.error("stack_create", Map.of("name", "rec-orch-bad", "template_url",
                "https://templates.example.com/bad.yaml", "rollback_on_failure", true));

        assertThat(body(fake.requests("POST", H + "/stacks").get(0)))
                .containsEntry("template_url", "https://templates.example.com/bad.yaml")
                .containsEntry("disable_rollback", false).doesNotContainKey("template");
        assertThat(message).contains("The create of stack 'rec-orch-bad' (" + BAD + ") failed: it is CREATE_FAILED")
                .contains("Failed resource: 'boom' (OS::Heat::TestResource) CREATE_FAILED: ValueError: resources.boom:"
                        + " Test Resource failed boom")
                .contains("stack_delete");
        assertThat(FakeOpenStack.queryParams(fake.requests("GET", BAD_PATH + "/resources").get(0)))
                .contains("status=FAILED", "nested_depth=3");
    }

    @Test
    void without_failed_resources_the_failure_events_are_named() {
        fake.on("POST", H + "/stacks", 201, "orchestration/create-bad-201.json")
                .on("GET", BAD_PATH + "/resources", r -> Reply.json(200, "{\"resources\": []}"));

        assertThat(tools.error("stack_create", Map.of("name", "rec-orch-bad", "template", TEMPLATE)))
                .contains("Failed resource: 'boom' CREATE_FAILED: ValueError: resources.boom: Test Resource failed boom")
                .doesNotContain("'rec-orch-bad' CREATE_FAILED");
    }

    @Test
    void create_without_wait_returns_at_once_and_a_timeout_says_where_the_stack_stopped() {
        fake.on("POST", H + "/stacks", 201, "orchestration/create-201.json");
        okStates.set(List.of(okIn("CREATE_IN_PROGRESS")));

        assertThat(tools.ok("stack_create", Map.of("name", "rec-orch-ok", "template", TEMPLATE, "wait", false)))
                .containsEntry("status", "CREATE_IN_PROGRESS").containsEntry("reached_target", false);
        assertThat(okPolls.get()).isZero();

        Map<String, Object> late = tools.ok("stack_create", Map.of("name", "rec-orch-ok", "template", TEMPLATE,
                "timeout_seconds", 1));
        assertThat(late).containsEntry("status", "CREATE_IN_PROGRESS").containsEntry("reached_target", false);
        assertThat((String) late.get("message")).contains("still CREATE_IN_PROGRESS after");
    }

    @Test
    void stack_update_previews_the_resource_changes_then_applies_the_new_template() {
        fake.on("PUT", OK_PATH + "/preview", 200, "orchestration/update-preview-put.json")
                .on("PUT", OK_PATH, r -> new Reply(202, "", Map.of()));
        // the preview and the confirmed call each find the stack settled, then the update runs
        okStates.set(List.of(fake.recorded("orchestration/stacks-id-ok.json"),
                fake.recorded("orchestration/stacks-id-ok.json"), okIn("UPDATE_IN_PROGRESS"), okIn("UPDATE_COMPLETE")));

        Map<String, Object> result = tools.confirmed("stack_update", Map.of("stack", "rec-orch-ok", "template", TEMPLATE));

        assertThat(body(fake.requests("PUT", OK_PATH + "/preview").get(0))).containsEntry("template", TEMPLATE);
        assertThat(body(fake.requests("PUT", OK_PATH).get(0))).containsEntry("template", TEMPLATE);
        assertThat(list(result, "changes")).extracting(c -> c.get("resource") + " " + c.get("change") + " "
                + c.get("physical_id")).containsExactly(
                "subnet replaced 6fcf5a9b-7a20-4d72-999b-cafe13023b61",
                "group updated 6f3af20f-6ae1-4607-858a-148ca0c0a93c",
                "net updated 0b9af5f5-f489-45a1-8ce1-5c5c04ea7699",
                "server updated 737165b9-86b3-4da3-9019-fef982448ea1",
                "extra added null",
                "kept unchanged rec-orch-ok-kept-vqcaxt3s2gjj",
                "suffix unchanged rec-orch-ok-suffix-4stm25ba3mnl");
        assertThat(result).containsEntry("previous_status", "CREATE_COMPLETE").containsEntry("status", "UPDATE_COMPLETE")
                .containsEntry("reached_target", true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_update_preview_changes_nothing_names_what_is_replaced_and_parameters_alone_patch_the_stack() {
        fake.on("PATCH", OK_PATH + "/preview", 200, "orchestration/update-preview-patch.json")
                .on("PATCH", OK_PATH, r -> new Reply(202, "", Map.of()));

        Map<String, Object> preview = tools.ok("stack_update", Map.of("stack", OK, "parameters", Map.of("length", 9)));

        assertThat(body(fake.requests("PATCH", OK_PATH + "/preview").get(0)))
                .isEqualTo(Map.of("parameters", Map.of("length", 9)));
        assertThat(fake.count("PATCH", OK_PATH)).isZero();
        assertThat(preview).containsEntry("status", "preview").containsKey("confirm");
        Map<String, Object> details = (Map<String, Object>) preview.get("preview");
        assertThat((String) details.get("summary")).isEqualTo("Update stack 'rec-orch-ok' (" + OK + "),"
                + " CREATE_COMPLETE: Heat would update 3, replace 2 resource(s).");
        assertThat(list(details, "resources")).extracting(r -> r.get("name") + " " + r.get("effect"))
                .filteredOn(e -> e.contains("replaced")).hasSize(2);
        assertThat(list(details, "resources")).extracting(r -> (String) r.get("effect"))
                .doesNotContain("unchanged");

        okStates.set(List.of(fake.recorded("orchestration/stacks-id-ok.json"),
                fake.recorded("orchestration/stacks-id-ok.json"), okIn("UPDATE_COMPLETE")));
        okPolls.set(0);
        tools.confirmed("stack_update", Map.of("stack", OK, "parameters", Map.of("length", 9)));
        assertThat(fake.count("PATCH", OK_PATH)).isEqualTo(1);
        assertThat(fake.count("PUT", ".*")).isZero();
    }

    @Test
    void an_update_needs_something_to_change_and_a_settled_stack() {
        assertThat(tools.error("stack_update", Map.of("stack", OK))).contains("Nothing to update");
        okStates.set(List.of(okIn("UPDATE_IN_PROGRESS")));
        assertThat(tools.error("stack_update", Map.of("stack", OK, "parameters", Map.of("length", 9))))
                .contains("is UPDATE_IN_PROGRESS").contains("stack_update_cancel");
        assertThat(fake.count("PATCH", ".*")).isZero();
    }

    @Test
    void suspend_resume_and_check_post_the_action_and_wait_for_its_status() {
        List<String> actions = new ArrayList<>();
        fake.on("POST", OK_PATH + "/actions", r -> {
            actions.add(r.body());
            return new Reply(200, "", Map.of());
        });
        okStates.set(List.of(fake.recorded("orchestration/stacks-id-ok.json"), okIn("SUSPEND_IN_PROGRESS"),
                okIn("SUSPEND_COMPLETE")));
        assertThat(tools.ok("stack_suspend", Map.of("stack", OK))).containsEntry("status", "SUSPEND_COMPLETE")
                .containsEntry("previous_status", "CREATE_COMPLETE").containsEntry("reached_target", true);

        okPolls.set(0);
        okStates.set(List.of(okIn("SUSPEND_COMPLETE"), okIn("RESUME_COMPLETE")));
        assertThat(tools.ok("stack_resume", Map.of("stack", OK))).containsEntry("status", "RESUME_COMPLETE");

        okPolls.set(0);
        okStates.set(List.of(okIn("CHECK_COMPLETE"), okIn("CHECK_IN_PROGRESS"), okIn("CHECK_COMPLETE")));
        assertThat(tools.ok("stack_check", Map.of("stack", OK))).containsEntry("status", "CHECK_COMPLETE");

        assertThat(actions).extracting(b -> ToolJson.readMap(b).keySet().iterator().next())
                .containsExactly("suspend", "resume", "check");
        assertThat(ToolJson.readMap(actions.get(0))).containsEntry("suspend", null);
    }

    @Test
    void a_failed_check_names_the_unhealthy_resource() {
        fake.on("POST", OK_PATH + "/actions", r -> new Reply(200, "", Map.of()))
                .on("GET", OK_PATH + "/resources", r -> Reply.json(200, fake.recorded("orchestration/resources-bad-failed.json")
                        .replace("rec-orch-bad/" + BAD, "rec-orch-ok/" + OK).replace("CREATE_FAILED", "CHECK_FAILED")
                        .replace("Test Resource failed boom", "server is gone")));
        okStates.set(List.of(fake.recorded("orchestration/stacks-id-ok.json"), okIn("CHECK_FAILED")));

        assertThat(tools.error("stack_check", Map.of("stack", OK))).contains("The check of stack 'rec-orch-ok'")
                .contains("it is CHECK_FAILED").contains("'boom' (OS::Heat::TestResource) CHECK_FAILED: ValueError:"
                        + " resources.boom: server is gone");
    }

    @Test
    void actions_that_make_no_sense_now_are_refused_or_a_no_op() {
        assertThat(tools.error("stack_resume", Map.of("stack", OK))).contains("is CREATE_COMPLETE, not suspended");
        okStates.set(List.of(okIn("SUSPEND_COMPLETE")));
        assertThat((String) tools.ok("stack_suspend", Map.of("stack", OK)).get("message")).contains("already SUSPEND_COMPLETE");
        assertThat(fake.count("POST", ".*/actions")).isZero();
    }

    @Test
    void stack_update_cancel_rolls_back_a_running_update_and_refuses_a_settled_stack() {
        assertThat(tools.error("stack_update_cancel", Map.of("stack", OK)))
                .contains("is CREATE_COMPLETE; only a stack in UPDATE_IN_PROGRESS");

        List<String> actions = new ArrayList<>();
        fake.on("POST", OK_PATH + "/actions", r -> {
            actions.add(r.body());
            return new Reply(200, "", Map.of());
        });
        okPolls.set(0);
        okStates.set(List.of(okIn("UPDATE_IN_PROGRESS"), okIn("UPDATE_IN_PROGRESS"), okIn("ROLLBACK_IN_PROGRESS"),
                okIn("ROLLBACK_COMPLETE")));
        assertThat(tools.ok("stack_update_cancel", Map.of("stack", OK))).containsEntry("status", "ROLLBACK_COMPLETE")
                .containsEntry("reached_target", true).containsEntry("previous_status", "UPDATE_IN_PROGRESS");
        assertThat(actions).containsExactly("{\"cancel_update\":null}");

        okPolls.set(0);
        okStates.set(List.of(okIn("CREATE_IN_PROGRESS"), okIn("CREATE_FAILED")));
        assertThat(tools.ok("stack_update_cancel", Map.of("stack", OK, "rollback", false)))
                .containsEntry("status", "CREATE_FAILED").containsEntry("reached_target", true);
        assertThat(actions).last().isEqualTo("{\"cancel_without_rollback\":null}");
    }

    // ------------------------------------------------------------------------------------------- destructive ---

    @Test
    @SuppressWarnings("unchecked")
    void stack_delete_previews_every_resource_then_deletes_with_the_token() {
        Map<String, Object> preview = tools.ok("stack_delete", Map.of("stack", "rec-orch-ok"));

        assertThat(preview).containsEntry("status", "preview");
        Map<String, Object> details = (Map<String, Object>) preview.get("preview");
        assertThat((String) details.get("summary")).isEqualTo("Delete stack 'rec-orch-ok' (" + OK + "), CREATE_COMPLETE,"
                + " and its 8 resource(s): 1 OS::Nova::Server, 1 OS::Neutron::Subnet, 1 OS::Neutron::Net,"
                + " 4 OS::Heat::RandomString, 1 OS::Heat::ResourceGroup.");
        assertThat(list(details, "resources")).extracting(r -> r.get("type") + " " + r.get("name") + " " + r.get("id")
                + ": " + r.get("effect")).containsExactly(
                "stack rec-orch-ok " + OK + ": deleted, with every resource below",
                "OS::Nova::Server server 737165b9-86b3-4da3-9019-fef982448ea1: deleted",
                "OS::Neutron::Subnet subnet 6fcf5a9b-7a20-4d72-999b-cafe13023b61: deleted",
                "OS::Neutron::Net net 0b9af5f5-f489-45a1-8ce1-5c5c04ea7699: deleted",
                "OS::Heat::RandomString kept rec-orch-ok-kept-vqcaxt3s2gjj: kept in the cloud (deletion_policy Retain),"
                        + " no longer managed by Heat",
                "OS::Heat::RandomString suffix rec-orch-ok-suffix-4stm25ba3mnl: deleted",
                "OS::Heat::ResourceGroup group " + NESTED + ": deleted",
                "OS::Heat::RandomString rec-orch-ok-group-e63q5vuetn55/1 rec-orch-ok-group-e63q5vuetn55-1-ogrx67jptfp4: deleted",
                "OS::Heat::RandomString rec-orch-ok-group-e63q5vuetn55/0 rec-orch-ok-group-e63q5vuetn55-0-dt5ribqljbcb: deleted");
        assertThat((List<String>) details.get("warnings")).containsExactly(
                "1 server(s) are deleted, with their local disks.",
                "1 resource(s) are retained: they stay in the cloud and count against quota.");
        assertThat(fake.count("DELETE", ".*")).isZero();

        fake.on("DELETE", OK_PATH, r -> new Reply(204, "", Map.of()));
        okStates.set(List.of(fake.recorded("orchestration/stacks-id-ok.json"), okIn("DELETE_IN_PROGRESS"),
                fake.recorded("orchestration/stacks-empty.json")));
        okPolls.set(0);
        Map<String, Object> done = tools.ok("stack_delete", Map.of("stack", "rec-orch-ok", "confirm", preview.get("confirm")));

        assertThat(done).containsEntry("status", "executed");
        assertThat((Map<String, Object>) done.get("result")).containsEntry("gone", true).containsEntry("id", OK);
        assertThat(fake.count("DELETE", OK_PATH)).isEqualTo(1);
    }

    @Test
    void deleting_a_nested_stack_is_refused_and_a_failed_delete_is_explained() {
        assertThat(tools.error("stack_delete", Map.of("stack", NESTED)))
                .contains("is nested in stack " + OK).contains("Delete or update the parent stack instead");

        Map<String, Object> properties = new HashMap<>(fake.properties());
        properties.put("mcp.safety.allow-modify", true);
        properties.put("mcp.safety.require-confirmation", false);
        try (ApplicationContext unattended = TestContexts.plain(properties)) {
            ToolInvoker direct = unattended.getBean(ToolInvoker.class);
            fake.on("DELETE", BAD_PATH, r -> new Reply(204, "", Map.of()))
                    .on("GET", H + "/stacks", r -> Reply.json(200, fake.recorded("orchestration/stacks-id-bad.json")
                            .replace("CREATE_FAILED", "DELETE_FAILED")));
            ToolOutcome outcome = direct.invoke("stack_delete", Map.of("stack", BAD),
                    ToolContext.quiet(Caller.STDIO, Surface.STDIO));
            assertThat(outcome).isInstanceOf(ToolOutcome.Error.class);
            assertThat(((ToolOutcome.Error) outcome).message()).contains("The delete of stack 'rec-orch-bad'")
                    .contains("'boom' (OS::Heat::TestResource)").contains("delete it again");
            assertThat(fake.count("DELETE", BAD_PATH)).isEqualTo(1);
        }
    }

    @Test
    void a_stack_template_outline_reads_cfn_templates_too() {
        JsonNode cfn = ToolJson.mapper().valueToTree(Map.of("AWSTemplateFormatVersion", "2010-09-09",
                "Description", "cfn", "Resources", Map.of("r", Map.of("Type", "OS::Heat::RandomString",
                        "DeletionPolicy", "Retain"))));
        fake.on("GET", DEMO_PATH + "/template", r -> Reply.json(200, cfn.toString()));

        Map<String, Object> t = tools.ok("stack_template_get", Map.of("stack", DEMO));
        assertThat(t).containsEntry("version", "2010-09-09").containsEntry("description", "cfn")
                .containsEntry("resources", Map.of("r", "OS::Heat::RandomString"));
    }
}
