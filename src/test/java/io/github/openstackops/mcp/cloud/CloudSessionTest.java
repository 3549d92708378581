package io.github.openstackops.mcp.cloud;

import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Secrets;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.catalog.ToolInvoker;
import io.github.openstackops.mcp.catalog.ToolOutcome;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.TestContexts;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openstack4j.model.compute.Action;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudSessionTest {

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private FakeOpenStack cloud() {
        FakeOpenStack fake = FakeOpenStack.start()
                .on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-limit3.json")
                .on("GET", "/compute/v2.1/flavors/.*", 200, "servers/flavor-web-1.json")
                .on("GET", "/image/v2/images/.*", 200, "servers/image-web-1.json");
        closing.add(fake);
        return fake;
    }

    private ApplicationContext context(Map<String, Object> properties) {
        ApplicationContext context = TestContexts.plain(properties);
        closing.add(context);
        return context;
    }

    @Test
    void a_thousand_concurrent_tool_calls_make_exactly_one_keystone_authentication() {
        FakeOpenStack fake = cloud().latency(Duration.ofMillis(2));
        ToolInvoker invoker = context(fake.properties()).getBean(ToolInvoker.class);
        ToolContext context = ToolContext.quiet(Caller.STDIO, Surface.STDIO);

        List<CompletableFuture<ToolOutcome>> calls = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            calls.add(invoker.submit("server_list", Map.of("limit", 2), context));
        }
        List<ToolOutcome> outcomes = calls.stream().map(CompletableFuture::join).toList();

        assertThat(outcomes).allMatch(o -> o instanceof ToolOutcome.Success, "every call succeeds");
        assertThat(fake.authentications()).isEqualTo(1);
        assertThat(fake.count("GET", "/compute/v2.1/servers/detail")).isEqualTo(1000);
    }

    @Test
    void a_token_is_renewed_before_it_expires() {
        FakeOpenStack fake = cloud().tokenLifetime(Duration.ofMinutes(10));
        Map<String, Object> properties = new HashMap<>(fake.properties());
        properties.put("openstack.token-refresh-margin", "5m");
        CloudSettings settings = context(properties).getBean(CloudSettings.class);
        AtomicLong nanos = new AtomicLong();
        CloudSession session = new CloudSession(settings, nanos::get);

        session.call(os -> os.compute().servers().list(Map.of("limit", "1")));
        session.call(os -> os.compute().servers().list(Map.of("limit", "1")));
        assertThat(fake.authentications()).isEqualTo(1);

        nanos.addAndGet(Duration.ofMinutes(4).toNanos()); // still 6 minutes left: no renewal yet
        session.call(os -> os.compute().servers().list(Map.of("limit", "1")));
        assertThat(fake.authentications()).isEqualTo(1);

        nanos.addAndGet(Duration.ofMinutes(2).toNanos()); // 4 minutes left, inside the 5 minute margin
        session.call(os -> os.compute().servers().list(Map.of("limit", "1")));
        assertThat(fake.authentications()).isEqualTo(2);
    }

    @Test
    void an_unreachable_keystone_is_named_and_calls_work_again_once_it_is_back() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, Object> properties = new HashMap<>(Map.of("openstack.auth-url", "http://127.0.0.1:" + port + "/identity/v3",
                "openstack.username", "demo", "openstack.password", "pw-123456", "openstack.project-name", "demo"));
        ToolInvoker invoker = context(properties).getBean(ToolInvoker.class);
        ToolContext ctx = ToolContext.quiet(Caller.STDIO, Surface.STDIO);

        ToolOutcome.Error down = (ToolOutcome.Error) invoker.invoke("server_list", Map.of(), ctx);
        assertThat(down.failure()).isEqualTo(ToolOutcome.Failure.TOOL_ERROR);
        assertThat(down.message()).contains("Keystone is unreachable").doesNotContain(String.valueOf(port))
                .contains("connection was refused").doesNotContain("Exception", "pw-123456");

        FakeOpenStack fake = FakeOpenStack.startOn(port)
                .on("GET", "/compute/v2.1/servers/detail", 200, "servers/servers-detail-limit3.json")
                .on("GET", "/compute/v2.1/flavors/.*", 200, "servers/flavor-web-1.json")
                .on("GET", "/image/v2/images/.*", 200, "servers/image-web-1.json");
        closing.add(fake);
        Thread.sleep(2100); // past the failure memory that keeps a dead Keystone from being hammered
        assertThat(invoker.invoke("server_list", Map.of(), ctx)).isInstanceOf(ToolOutcome.Success.class);
    }

    @Test
    void wrong_credentials_and_an_unknown_project_are_told_apart() {
        FakeOpenStack fake = cloud();
        AtomicInteger attempts = new AtomicInteger();
        fake.on("POST", "/identity/v3/auth/tokens", r -> {
            attempts.incrementAndGet();
            return FakeOpenStack.Reply.json(401, fake.recorded("auth-401.json"));
        });
        ToolInvoker invoker = context(fake.properties()).getBean(ToolInvoker.class);

        ToolOutcome.Error error = (ToolOutcome.Error) invoker.invoke("server_list", Map.of(),
                ToolContext.quiet(Caller.STDIO, Surface.STDIO));
        assertThat(error.message()).contains("Keystone rejected the credentials of user 'demo'")
                .contains("HTTP 401").contains("OS_PASSWORD").doesNotContain("fake-password-0451");
        assertThat(error.message()).contains("Keystone said: \"The request you have made requires authentication.\"");

        // credentials fine without a scope: the project is the problem
        fake.on("POST", "/identity/v3/auth/tokens", r -> r.body().contains("\"scope\"")
                ? FakeOpenStack.Reply.json(401, fake.recorded("auth-401.json"))
                : new FakeOpenStack.Reply(201, fake.recorded("token-demo.json"), Map.of("X-Subject-Token", "unscoped-x1")));
        CloudSession session = new CloudSession(context(fake.properties()).getBean(CloudSettings.class));
        assertThatThrownBy(() -> session.call(os -> os.compute().servers().list()))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("accepted the credentials of user 'demo' but not the project")
                .hasMessageContaining("project 'demo' in domain 'Default'");
        assertThat(Secrets.scrub("unscoped-x1")).as("the diagnostic token is not kept as a secret for good")
                .isEqualTo("unscoped-x1");
    }

    @Test
    void a_token_the_cloud_stopped_accepting_is_replaced_once_and_the_call_retried() {
        FakeOpenStack fake = cloud();
        AtomicInteger lists = new AtomicInteger();
        fake.on("GET", "/compute/v2.1/servers/detail", r -> lists.incrementAndGet() == 1
                ? FakeOpenStack.Reply.json(401, "{\"error\": {\"code\": 401, \"message\": \"The request you have made requires authentication.\"}}")
                : FakeOpenStack.Reply.json(200, fake.recorded("servers/servers-detail-limit3.json")));
        CloudSession session = new CloudSession(context(fake.properties()).getBean(CloudSettings.class));

        int count = session.call(os -> os.compute().servers().list(Map.of("limit", "3")).size());

        assertThat(count).isEqualTo(3);
        assertThat(fake.authentications()).isEqualTo(2);
    }

    @Test
    void a_call_that_already_sent_a_change_is_not_repeated_after_a_401() {
        FakeOpenStack fake = cloud();
        fake.on("POST", "/compute/v2.1/servers/.*/action", r -> new FakeOpenStack.Reply(202, "", Map.of()));
        fake.on("GET", "/compute/v2.1/servers/detail", r -> FakeOpenStack.Reply.json(401,
                "{\"error\": {\"code\": 401, \"message\": \"The request you have made requires authentication.\"}}"));
        CloudSession session = new CloudSession(context(fake.properties()).getBean(CloudSettings.class));

        assertThatThrownBy(() -> session.call(os -> {
            os.compute().servers().action("9f1ac0ad-0000-4000-8000-000000000001", Action.PAUSE);
            return os.compute().servers().list(Map.of("limit", "1")); // e.g. polling for the result
        })).isInstanceOf(ToolException.class)
                .hasMessageContaining("(HTTP 401) after the change had already been sent, so it was not sent again")
                .hasMessageContaining("check the resource's current state");

        assertThat(fake.count("POST", "/compute/v2.1/servers/.*/action")).isEqualTo(1);
        assertThat(fake.count("GET", "/compute/v2.1/servers/detail")).isEqualTo(1);
        session.call(os -> os.compute().flavors().get("1")); // the rejected token was dropped
        assertThat(fake.authentications()).isEqualTo(2);
    }

    @Test
    void concurrent_401s_for_the_same_stale_token_make_one_new_authentication() {
        FakeOpenStack fake = cloud().latency(Duration.ofMillis(20));
        CloudSession session = new CloudSession(context(fake.properties()).getBean(CloudSettings.class));
        String stale = session.token().getId();
        fake.on("GET", "/compute/v2.1/servers/detail", r -> stale.equals(authToken(r))
                ? FakeOpenStack.Reply.json(401, "{\"error\": {\"code\": 401, \"message\": \"expired\"}}")
                : FakeOpenStack.Reply.json(200, fake.recorded("servers/servers-detail-limit3.json")));

        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 16; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> session.call(
                        os -> os.compute().servers().list(Map.of("limit", "3")).size()), pool));
            }
            assertThat(calls.stream().map(CompletableFuture::join)).allMatch(n -> n == 3);
        }

        assertThat(fake.count("GET", "/compute/v2.1/servers/detail")).isGreaterThan(16); // 401s really happened
        assertThat(fake.authentications()).isEqualTo(2);
    }

    @Test
    void a_renewed_token_stays_scrubbed_until_keystone_expires_it() {
        FakeOpenStack fake = cloud().tokenLifetime(Duration.ofMinutes(10));
        Map<String, Object> properties = new HashMap<>(fake.properties());
        properties.put("openstack.token-refresh-margin", "5m");
        AtomicLong nanos = new AtomicLong();
        CloudSession session = new CloudSession(context(properties).getBean(CloudSettings.class), nanos::get);
        String first = session.token().getId();

        nanos.addAndGet(Duration.ofMinutes(6).toNanos()); // renewed, but calls in flight may still send the first one
        String second = session.token().getId();

        assertThat(second).isNotEqualTo(first);
        assertThat(Secrets.scrub("token " + first + " and " + second)).isEqualTo("token *** and ***");
    }

    private static String authToken(FakeOpenStack.Request request) {
        return request.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("X-Auth-Token"))
                .flatMap(h -> h.getValue().stream()).findFirst().orElse(null);
    }

    @Test
    void a_misconfigured_cloud_fails_calls_not_the_start() {
        ToolInvoker invoker = context(Map.of()).getBean(ToolInvoker.class);

        ToolOutcome.Error error = (ToolOutcome.Error) invoker.invoke("server_list", Map.of(),
                ToolContext.quiet(Caller.STDIO, Surface.STDIO));

        assertThat(error.message()).contains("OpenStack is not configured").contains("OS_AUTH_URL");
    }

    @Test
    void requests_go_through_the_pooled_connector() throws IOException {
        assertThat(org.openstack4j.core.transport.internal.HttpExecutor.create().getExecutorName())
                .isEqualTo("openstack-ops-mcp pooled OkHttp connector");
    }
}
