package io.github.openstackops.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The real OpenStack of the testbed (testbed/up.sh + seed.sh), and the openstack CLI as ground truth for what it
 * holds. Credentials default to the testbed's demo user; OS_* variables of the test run override them.
 */
public final class LiveCloud {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A per-run suffix, so that parallel or left-over runs never collide. */
    public static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    private LiveCloud() {
    }

    /** The server's environment for the demo project of the testbed. */
    public static Map<String, String> demoEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("OS_AUTH_URL", System.getenv().getOrDefault("OS_AUTH_URL", "http://127.0.0.1:35357/v3"));
        env.put("OS_USERNAME", "demo");
        env.put("OS_PASSWORD", System.getenv().getOrDefault("OSTB_DEMO_PASSWORD", "demo"));
        env.put("OS_PROJECT_NAME", "demo");
        env.put("OS_USER_DOMAIN_NAME", "Default");
        env.put("OS_PROJECT_DOMAIN_NAME", "Default");
        env.put("OS_REGION_NAME", "RegionOne");
        env.put("OS_INTERFACE", "public");
        // live tests name operations as tools and let the cloud itself refuse what demo may not do, unless they set
        // these otherwise (the grouped-mode contract and the default-catalog test do)
        env.put("MCP_TOOL_MODE", "all");
        env.put("MCP_ADMIN_TOOLS", "on");
        return env;
    }

    /** Same, for the admin user and project. */
    public static Map<String, String> adminEnv() {
        Map<String, String> env = demoEnv();
        env.put("OS_USERNAME", "admin");
        env.put("OS_PASSWORD", System.getenv().getOrDefault("OSTB_ADMIN_PASSWORD", "admin"));
        env.put("OS_PROJECT_NAME", "admin");
        return env;
    }

    /** Runs the openstack CLI as demo; returns stdout, fails on a non-zero exit. */
    public static String openstack(String... args) {
        return cli(demoEnv(), args);
    }

    public static String openstackAdmin(String... args) {
        return cli(adminEnv(), args);
    }

    /** Runs the CLI and returns its exit status (for "does this still exist" checks). */
    public static int openstackStatus(String... args) {
        return status(demoEnv(), args);
    }

    /** Runs the CLI as admin and returns its exit status. */
    public static int openstackAdminStatus(String... args) {
        return status(adminEnv(), args);
    }

    private static int status(Map<String, String> env, String... args) {
        try {
            Process p = command(env, args).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor(120, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Another OpenStack CLI of the testbed host ({@code cinder}, {@code glance}) as demo or admin, for what the
     * openstack CLI lacks (volumes in a group, Glance's stores and metadefs); stdout, failing on a non-zero exit.
     */
    public static String otherCli(boolean asAdmin, String program, String... args) {
        return run(asAdmin ? adminEnv() : demoEnv(), "/usr/bin/" + program, args);
    }

    private static String cli(Map<String, String> env, String... args) {
        return run(env, "/usr/bin/openstack", args);
    }

    private static String run(Map<String, String> env, String program, String... args) {
        try {
            Process p = process(env, program, args).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(program + " " + String.join(" ", args) + " timed out");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(program + " " + String.join(" ", args) + " failed: " + out);
            }
            return out.trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The CLI's JSON output ({@code -f json}) as a tree; a test fails on anything else. */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(text, e);
        }
    }

    /** The CLI's value output ({@code -f value}) as its set of non-blank lines. */
    public static Set<String> lines(String text) {
        return Arrays.stream(text.split("\n")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static ProcessBuilder command(Map<String, String> env, String... args) {
        return process(env, "/usr/bin/openstack", args);
    }

    private static ProcessBuilder process(Map<String, String> env, String program, String... args) {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("OS_") || k.startsWith("PYTHON"));
        builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        builder.environment().putAll(env);
        return builder;
    }

    /** Boots a throw-away server in the demo project (fake virt driver) and waits until it is ACTIVE. */
    public static String createServer(String name) {
        return openstack("server", "create", "--flavor", "m1.tiny", "--image", "cirros-fake", "--network", "private",
                "--wait", "-f", "value", "-c", "id", name);
    }

    public static String serverStatus(String nameOrId) {
        return openstack("server", "show", nameOrId, "-f", "value", "-c", "status");
    }

    /** Deletes a server if it still exists (cleanup; never fails the test). */
    public static void deleteServerQuietly(String nameOrId) {
        openstackStatus("server", "delete", "--wait", nameOrId);
    }

    /** Polls the CLI until the server has the status (the fake driver settles within seconds). */
    public static String awaitStatus(String nameOrId, String status, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        String now = serverStatus(nameOrId);
        while (!now.equals(status) && System.nanoTime() < end) {
            Thread.sleep(1000);
            now = serverStatus(nameOrId);
        }
        return now;
    }
}
