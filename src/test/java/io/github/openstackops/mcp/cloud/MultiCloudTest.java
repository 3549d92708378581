package io.github.openstackops.mcp.cloud;

import io.github.openstackops.mcp.catalog.ListedTool;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolListing;
import io.github.openstackops.mcp.catalog.ToolOutcome;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import io.github.openstackops.mcp.support.ToolHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several clouds at once (OS_CLOUDS=prod,staging): two fake clouds, one clouds.yaml. Every call names its cloud and
 * reaches only that cloud, every result names the cloud that answered, a preview in one cloud cannot be confirmed in
 * the other, and cloud_list describes both.
 */
class MultiCloudTest {

    static final String KS = "/identity/v3";
    static final String CREDS = KS + "/users/.*/application_credentials";
    static final String CRED = "88415a492b07434f8a7788460e8e5bbf";

    @TempDir
    Path dir;
    private ToolHarness tools;
    private FakeOpenStack prod;
    private FakeOpenStack staging;

    private void start(String mode) throws Exception {
        prod = FakeOpenStack.start().asAdmin();
        staging = FakeOpenStack.start().asAdmin();
        for (FakeOpenStack fake : List.of(prod, staging)) {
            fake.on("GET", KS + "/regions", 200, "identity/regions.json")
                    .on("GET", CREDS, r -> Reply.json(200, fake.recorded(FakeOpenStack.queryParams(r).isEmpty()
                            ? "identity/appcreds-admin.json" : "identity/appcreds-admin-name.json")))
                    .on("GET", CREDS + "/" + CRED, 200, "identity/appcred-get.json")
                    .on("DELETE", CREDS + "/" + CRED, r -> new Reply(204, "", Map.of()));
        }
        Path clouds = dir.resolve("clouds.yaml");
        Files.writeString(clouds, "clouds:\n" + entry("prod", prod, "admin") + entry("staging", staging, "demo"));
        tools = ToolHarness.on(prod).allowModify().property("openstack.clouds", "prod,staging")
                .property("openstack.clouds-file", clouds.toString())
                // with several clouds each comes from its entry alone: this must not leak into them
                .property("openstack.username", "leaked-user")
                .property("mcp.catalog.tool-mode", mode)
                .property("mcp.audit.path", dir.resolve("audit.jsonl").toString());
        tools.start();
    }

    private static String entry(String name, FakeOpenStack fake, String project) {
        return "  " + name + ":\n    region_name: RegionOne\n    auth:\n      auth_url: " + fake.authUrl()
                + "\n      username: " + project + "\n      password: fake-password-0451\n      project_name: "
                + project + "\n";
    }

    @AfterEach
    void stop() {
        if (tools != null) {
            tools.close();
        }
        if (staging != null) {
            staging.close();
        }
    }

    private static Map<String, Object> with(Map<String, Object> args, String cloud) {
        Map<String, Object> out = new HashMap<>(args);
        out.put("cloud", cloud);
        return out;
    }

    @Test
    void each_call_reaches_the_cloud_it_names_and_its_result_says_which() throws Exception {
        start("all");

        Map<String, Object> onStaging = tools.ok("region_list", Map.of("cloud", "staging"));
        assertThat(onStaging).containsEntry("cloud", "staging").containsEntry("count", 1);
        assertThat(staging.count("GET", KS + "/regions")).isEqualTo(1);
        assertThat(prod.count("GET", KS + "/regions")).isZero();

        assertThat(tools.ok("region_list", Map.of("cloud", "prod"))).containsEntry("cloud", "prod");
        assertThat(prod.count("GET", KS + "/regions")).isEqualTo(1);
        assertThat(staging.count("GET", KS + "/regions")).isEqualTo(1);
        // each cloud's own identity, from its clouds.yaml entry alone
        assertThat(staging.requests("POST", KS + "/auth/tokens").get(0).body()).contains("\"demo\"")
                .doesNotContain("leaked-user");
        assertThat(prod.requests("POST", KS + "/auth/tokens").get(0).body()).contains("\"admin\"")
                .doesNotContain("leaked-user");

        assertThat(tools.error("region_list", Map.of())).isEqualTo("This server offers several clouds: set the"
                + " argument 'cloud' to one of: prod, staging.");
        assertThat(tools.error("region_list", Map.of("cloud", "qa"))).contains("Unknown cloud 'qa'")
                .contains("prod, staging");
        assertThat(tools.error("region_get", Map.of("cloud", "staging", "region", "Nowhere")))
                .startsWith("[cloud staging] ");
    }

    @Test
    void a_preview_in_one_cloud_cannot_be_confirmed_in_the_other() throws Exception {
        start("all");
        Map<String, Object> args = Map.of("credential", "rec-19569-cred");

        Map<String, Object> preview = tools.ok("application_credential_delete", with(args, "staging"));
        assertThat(preview).containsEntry("cloud", "staging").containsEntry("status", "preview");

        Map<String, Object> confirmOnProd = with(args, "prod");
        confirmOnProd.put("confirm", preview.get("confirm"));
        assertThat(tools.error("application_credential_delete", confirmOnProd)).contains("another cloud");
        assertThat(prod.count("DELETE", ".*")).isZero();
        assertThat(staging.count("DELETE", ".*")).isZero();

        Map<String, Object> confirmOnStaging = with(args, "staging");
        confirmOnStaging.put("confirm", preview.get("confirm"));
        assertThat(tools.ok("application_credential_delete", confirmOnStaging)).containsEntry("cloud", "staging")
                .containsEntry("status", "executed");
        assertThat(staging.count("DELETE", ".*")).isEqualTo(1);
        assertThat(prod.count("DELETE", ".*")).isZero();
        assertThat(tools.error("application_credential_delete", args)).contains("set the argument 'cloud'");
        // the audit names the cloud of each call: the refused confirmation on prod, the rest on staging, none for
        // the call that named no cloud
        List<String> audit = Files.readAllLines(dir.resolve("audit.jsonl"));
        assertThat(audit).hasSize(4);
        assertThat(audit.get(3)).contains("\"outcome\":\"invalid\"").contains("\"cloud\":null");
        assertThat(audit.get(0)).contains("\"outcome\":\"previewed\"").contains("\"cloud\":\"staging\"");
        assertThat(audit.get(1)).contains("\"outcome\":\"failed\"").contains("\"cloud\":\"prod\"");
        assertThat(audit.get(2)).contains("\"outcome\":\"executed\"").contains("\"cloud\":\"staging\"")
                .contains("\"project\":\"demo\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void cloud_list_describes_every_cloud_with_its_regions() throws Exception {
        start("all");

        Map<String, Object> page = tools.ok("cloud_list", Map.of("cloud", "staging"));
        assertThat(page).containsEntry("cloud", "staging").containsEntry("count", 2);
        List<Map<String, Object>> clouds = (List<Map<String, Object>>) page.get("clouds");
        assertThat(clouds).extracting(c -> c.get("name")).containsExactly("prod", "staging");
        assertThat(clouds.get(0)).containsEntry("is_default", true).containsEntry("project", "admin")
                .containsEntry("auth_url", prod.authUrl()).containsEntry("region", "RegionOne")
                .containsEntry("regions", List.of("RegionOne"));
        assertThat(clouds.get(1)).containsEntry("is_default", false).containsEntry("project", "demo")
                .containsEntry("auth_url", staging.authUrl());

        staging.close();
        List<Map<String, Object>> oneDown = (List<Map<String, Object>>) tools.ok("cloud_list",
                Map.of("cloud", "prod")).get("clouds");
        assertThat(oneDown.get(0)).containsEntry("regions", List.of("RegionOne"));
        assertThat(oneDown.get(1)).doesNotContainKey("regions");
        assertThat((String) oneDown.get(1).get("error")).isNotBlank().doesNotContain("Exception");
        staging = null;
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_listed_tool_takes_the_required_cloud_in_both_modes_and_grouped_calls_pass_it_on() throws Exception {
        start("grouped");
        ToolListing listing = tools.context().getBean(ToolListing.class);

        for (ListedTool tool : listing.offered()) {
            Map<String, Object> cloud = (Map<String, Object>) ((Map<String, Object>) tool.inputSchema()
                    .get("properties")).get("cloud");
            assertThat(cloud).as(tool.name()).containsEntry("enum", List.of("prod", "staging"));
            assertThat((List<Object>) tool.inputSchema().get("required")).as(tool.name()).contains("cloud");
        }
        ToolContext context = tools.stdio();
        ToolOutcome grouped = listing.submit("identity_read", Map.of("operation", "region_list", "arguments", Map.of(),
                "cloud", "staging"), context).join();
        assertThat(grouped).as(grouped.toString()).isInstanceOf(ToolOutcome.Success.class);
        assertThat(((ToolOutcome.Success) grouped).structured()).containsEntry("cloud", "staging");
        assertThat(staging.count("GET", KS + "/regions")).isEqualTo(1);
        ToolOutcome missing = listing.submit("identity_read", Map.of("operation", "region_list"), context).join();
        assertThat(((ToolOutcome.Error) missing).message()).contains("set the argument 'cloud' to one of: prod,"
                + " staging.");
    }

    @Test
    void caches_of_what_a_cloud_returned_are_partitioned_by_cloud() {
        io.github.openstackops.mcp.catalog.OpenStackCredential caller =
                io.github.openstackops.mcp.catalog.OpenStackCredential.presented("cred-1", "secret-1-abcdefgh");
        assertThat(CloudSession.identityKey()).isEqualTo("service");
        try (var in = io.github.openstackops.mcp.catalog.ActingIdentity.enterCloud("prod")) {
            assertThat(CloudSession.identityKey()).isEqualTo("service@prod");
            try (var as = io.github.openstackops.mcp.catalog.ActingIdentity.enter(caller);
                 var other = io.github.openstackops.mcp.catalog.ActingIdentity.enterCloud("staging")) {
                assertThat(CloudSession.identityKey()).isEqualTo(caller.key() + "@staging");
            }
        }
        assertThat(CloudSession.identityKey()).isEqualTo("service");
    }

    @Test
    void one_cloud_changes_nothing() {
        prod = FakeOpenStack.start();
        prod.on("GET", KS + "/regions", 200, "identity/regions.json");
        tools = ToolHarness.on(prod).start();

        assertThat(tools.ok("region_list", Map.of())).doesNotContainKey("cloud");
        assertThat(tools.error("region_list", Map.of("cloud", "prod"))).contains("cloud");
        for (ListedTool tool : tools.context().getBean(ToolListing.class).offered()) {
            assertThat(tool.inputSchema().toString()).as(tool.name()).doesNotContain("enum=[prod");
        }
    }
}
