package io.github.openstackops.mcp.live;

import io.github.openstackops.mcp.support.HttpSurfaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite: real testbed services stopped (port closed) and hung (SIGSTOP: connections accepted, no answer),
 * Keystone down at start and mid-run, RabbitMQ down, the server's token revoked, an API slower than the tool timeout.
 * For each: the packaged server does not crash, the failing call is a clean sentence naming the service, the other
 * services keep working, and calls work again without a restart; the time to recover is measured and written to
 * target/fault-report.md (committed as bench/results/faults.md). Every fault is undone in finally and by a shutdown
 * hook; each lasts seconds, because the testbed is shared. Run: {@code ./mvnw -Pfaults verify} (CI does, after the
 * live tests).
 */
class ServiceFaultIT {

    static final String SECRET = "fault-suite-" + LiveCloud.RUN;
    /** Small client timeouts keep every fault window short. */
    static final Map<String, String> TIMEOUTS = Map.of("OS_CONNECT_TIMEOUT", "3s", "OS_READ_TIMEOUT", "5s",
            "MCP_TOOL_TIMEOUT", "30s");
    static final List<String> ROWS = new CopyOnWriteArrayList<>();
    static ServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        TestbedFaults.restore();
        server = start(LiveCloud.adminEnv(), TIMEOUTS);
    }

    @AfterEach
    void undoFaults() {
        TestbedFaults.restore();
    }

    @AfterAll
    static void report() throws IOException {
        if (server != null) {
            assertThat(server.alive()).as("the server survived every fault").isTrue();
            server.close();
        }
        TestbedFaults.restore();
        StringBuilder table = new StringBuilder("""
                # Fault suite (ServiceFaultIT against the testbed)

                Each fault on the real testbed, the packaged server over REST (OS_READ_TIMEOUT=5s, OS_CONNECT_TIMEOUT=3s);
                "recovery" is the time from the service answering again to the first successful call, with no restart
                of the server (polled every 200 ms).

                | fault | failing call | its error | other services | recovery |
                |---|---|---|---|---|
                """);
        ROWS.stream().sorted().forEach(r -> table.append(r).append('\n'));
        Path out = Path.of("target/fault-report.md");
        Files.writeString(out, table);
        System.out.println(table);
    }

    @ParameterizedTest(name = "{0} stopped")
    @CsvSource({"nova-api, server_list, Nova, network_list", "neutron-server, network_list, Neutron, volume_list",
            "cinder-api, volume_list, Cinder, network_list", "glance-api, image_list, Glance, network_list",
            "heat-api, stack_list, Heat, network_list"})
    void a_stopped_service_fails_cleanly_alone_and_recovers(String daemon, String tool, String service, String other) {
        ok(server, tool);
        ok(server, other);
        try {
            TestbedFaults.stop(daemon);
            Outcome failed = call(server, tool);
            assertClean(failed, service, "connection was refused");
            ok(server, other);
            TestbedFaults.start(daemon);
            long recovery = awaitOk(server, tool);
            row(service + " stopped (" + daemon + ")", tool, failed, other + " ok", recovery);
        } finally {
            TestbedFaults.restore();
        }
    }

    @ParameterizedTest(name = "{0} hung")
    @CsvSource({"nova-api, server_list, Nova, network_list", "neutron-server, network_list, Neutron, volume_list",
            "cinder-api, volume_list, Cinder, network_list", "glance-api, image_list, Glance, network_list",
            "heat-api, stack_list, Heat, network_list"})
    void a_hung_service_fails_cleanly_after_the_read_timeout_and_recovers(String daemon, String tool, String service,
                                                                         String other) {
        ok(server, tool);
        try {
            TestbedFaults.hang(daemon);
            Outcome failed = call(server, tool);
            assertClean(failed, service, "did not answer in time");
            assertThat(failed.ms()).as("bounded by OS_READ_TIMEOUT").isLessThan(20_000);
            ok(server, other);
            TestbedFaults.resume(daemon);
            long recovery = awaitOk(server, tool);
            row(service + " hung (SIGSTOP " + daemon + ")", tool, failed, other + " ok", recovery);
        } finally {
            TestbedFaults.restore();
        }
    }

    @Test
    void keystone_down_mid_run_fails_identity_calls_cleanly_and_recovers() {
        ok(server, "project_list");
        ok(server, "server_list");
        try {
            TestbedFaults.stop("keystone");
            Outcome failed = call(server, "project_list");
            assertClean(failed, "Keystone", "connection was refused");
            Outcome nova = call(server, "server_list"); // Nova validates the cached token from its own cache, or not
            assertThat(nova.ok() || clean(nova.message())).as(nova.message()).isTrue();
            TestbedFaults.start("keystone");
            long recovery = awaitOk(server, "project_list");
            row("Keystone stopped mid-run", "project_list", failed,
                    "server_list " + (nova.ok() ? "ok (token cached)" : "failed cleanly"), recovery);
        } finally {
            TestbedFaults.restore();
        }
    }

    @Test
    void keystone_down_at_start_fails_cleanly_and_the_same_server_recovers() throws Exception {
        try {
            TestbedFaults.stop("keystone");
            try (ServerProcess fresh = start(LiveCloud.adminEnv(), TIMEOUTS)) {
                Outcome failed = call(fresh, "server_list");
                assertClean(failed, "Keystone", "connection was refused");
                TestbedFaults.start("keystone");
                long recovery = awaitOk(fresh, "server_list");
                row("Keystone down when the server starts", "server_list", failed, "(all need a token)", recovery);
                assertThat(fresh.alive()).isTrue();
            }
        } finally {
            TestbedFaults.restore();
        }
    }

    @Test
    void rabbitmq_down_keeps_reads_working_and_fails_writes_with_a_sentence() {
        String volume = "i11f-fault-" + LiveCloud.RUN;
        try {
            TestbedFaults.stop("rabbitmq");
            ok(server, "server_list");
            ok(server, "network_list");
            ok(server, "volume_list");
            Outcome write = call(server, "volume_create", Map.of("name", volume, "size_gb", 1));
            assertThat(write.ok()).as("a write needs the message queue: " + write.message()).isFalse();
            assertThat(clean(write.message())).as(write.message()).isTrue();
            TestbedFaults.start("rabbitmq");
            long recovery = awaitOk(server, "volume_list");
            row("RabbitMQ stopped", "volume_create", write, "reads (servers, networks, volumes) ok", recovery);
        } finally {
            TestbedFaults.restore();
            deleteVolumes(volume);
        }
    }

    @Test
    void a_revoked_token_costs_one_new_authentication_and_the_call_succeeds() throws Exception {
        String user = "i11f-fault-" + LiveCloud.RUN;
        String password = "pw-" + LiveCloud.RUN;
        LiveCloud.openstackAdmin("user", "create", "--domain", "Default", "--password", password, user);
        try {
            LiveCloud.openstackAdmin("role", "add", "--user", user, "--project", "demo", "member");
            Map<String, String> env = LiveCloud.demoEnv();
            env.put("OS_USERNAME", user);
            env.put("OS_PASSWORD", password);
            try (ServerProcess own = start(env, TIMEOUTS)) {
                // authenticates, through Keystone only: a service's keystonemiddleware would cache the token's
                // validation (in the memcached all services share) and accept it after the revocation
                call(own, "project_list");
                LiveCloud.openstackAdmin("user", "set", "--disable", user); // revokes the user's tokens
                LiveCloud.openstackAdmin("user", "set", "--enable", user);
                long start = System.nanoTime();
                Outcome after = call(own, "network_list"); // Neutron has not seen the token: Keystone says revoked
                assertThat(after.ok()).as(after.message()).isTrue();
                assertThat(own.log().split("authenticating again", -1)).as(own.log()).hasSize(2);
                ROWS.add(String.format(java.util.Locale.ROOT, "| token revoked in Keystone | network_list | none:"
                        + " one new authentication, the call succeeds | - | %d ms (the call itself) |",
                        (System.nanoTime() - start) / 1_000_000));
            }
        } finally {
            LiveCloud.openstackAdmin("user", "delete", user);
        }
    }

    @Test
    void an_api_slower_than_the_tool_timeout_ends_the_call_and_the_next_one_works() throws Exception {
        Map<String, String> timeouts = new HashMap<>(TIMEOUTS);
        timeouts.put("OS_READ_TIMEOUT", "60s");
        timeouts.put("MCP_TOOL_TIMEOUT", "3s");
        try (ServerProcess impatient = start(LiveCloud.adminEnv(), timeouts)) {
            awaitOk(impatient, "stack_list"); // the first call also authenticates: it may take longer than 3 s
            try {
                TestbedFaults.hang("heat-api"); // Heat answers, 8 s late
                Thread resume = Thread.ofVirtual().start(() -> {
                    sleep(Duration.ofSeconds(8));
                    TestbedFaults.resume("heat-api");
                });
                Outcome failed = call(impatient, "stack_list");
                assertClean(failed, "stack_list", "did not finish within 3 s");
                assertThat(failed.ms()).isLessThan(7_000);
                ok(impatient, "network_list");
                resume.join();
                long recovery = awaitOk(impatient, "stack_list");
                row("Heat slower (8 s) than MCP_TOOL_TIMEOUT=3s", "stack_list", failed, "network_list ok", recovery);
            } finally {
                TestbedFaults.restore();
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    record Outcome(int status, String message, long ms) {
        boolean ok() {
            return status == 200;
        }
    }

    static ServerProcess start(Map<String, String> cloud, Map<String, String> timeouts) throws Exception {
        Map<String, String> env = new HashMap<>(cloud);
        env.putAll(timeouts);
        env.put("REMOTE_AUTH_ENABLE", "true");
        env.put("REMOTE_SECRET_KEY", SECRET);
        env.put("ALLOW_MODIFY_OPERATIONS", "true");
        return ServerProcess.http(env);
    }

    static Outcome call(ServerProcess s, String tool) {
        return call(s, tool, Map.of());
    }

    static Outcome call(ServerProcess s, String tool, Map<String, Object> arguments) {
        long start = System.nanoTime();
        HttpSurfaces.Response r = HttpSurfaces.post(s.baseUrl() + "/tool/" + tool + "/call", SECRET, arguments);
        long ms = (System.nanoTime() - start) / 1_000_000;
        String message = r.status() == 200 ? "" : String.valueOf(((Map<?, ?>) r.json().get("error")).get("message"));
        return new Outcome(r.status(), message, ms);
    }

    static void ok(ServerProcess s, String tool) {
        Outcome o = call(s, tool);
        assertThat(o.ok()).as(tool + ": " + o.message()).isTrue();
    }

    /** Polls the tool every 200 ms until it succeeds (at most 90 s); returns how long that took. */
    static long awaitOk(ServerProcess s, String tool) {
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(90).toNanos();
        Outcome last = call(s, tool);
        while (!last.ok() && System.nanoTime() < end) {
            sleep(Duration.ofMillis(200));
            last = call(s, tool);
        }
        assertThat(last.ok()).as("recovered without a restart: " + last.message()).isTrue();
        assertThat(s.alive()).isTrue();
        return (System.nanoTime() - start) / 1_000_000;
    }

    static void assertClean(Outcome failed, String names, String says) {
        assertThat(failed.ok()).as("should fail").isFalse();
        assertThat(failed.message()).contains(names, says);
        assertThat(clean(failed.message())).as(failed.message()).isTrue();
    }

    /** A sentence for a model: no Java class names, no stack trace. */
    static boolean clean(String message) {
        return !message.isBlank() && !message.matches("(?s).*(Exception|java\\.|org\\.|com\\.|\\tat ).*");
    }

    static void row(String fault, String tool, Outcome failed, String others, long recoveryMs) {
        String error = failed.message().length() > 110 ? failed.message().substring(0, 107) + "..." : failed.message();
        ROWS.add(String.format(java.util.Locale.ROOT, "| %s | %s: HTTP %d after %d ms | %s | %s | %d ms |", fault, tool,
                failed.status(), failed.ms(), error.replace("|", "/"), others, recoveryMs));
    }

    static void deleteVolumes(String name) {
        for (String id : LiveCloud.lines(LiveCloud.openstackAdmin("volume", "list", "--name", name, "-f", "value",
                "-c", "ID"))) {
            LiveCloud.openstackAdmin("volume", "set", "--state", "error", id);
            LiveCloud.openstackAdmin("volume", "delete", "--force", id);
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
