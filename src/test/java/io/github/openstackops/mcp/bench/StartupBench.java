package io.github.openstackops.mcp.bench;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up, process start to the first {@code tools/list} answer over stdio, in one run: for each jar (by default the
 * one in target/; with {@code -Dbench.startup.jars=verify=a.jar,package=b.jar,launcher=c.jar} one per way it was
 * built), the launcher in a copy of {@code bin/} next to that jar, which finds no AOT cache and makes one on its first
 * start, then the launcher with that cache and plain {@code java -jar}, their starts interleaved so that the machine's
 * other load falls on both alike.
 */
final class StartupBench {

    private static final int STARTS = 5;
    private static final Map<String, String> ENV = Map.of("OS_AUTH_URL", "http://127.0.0.1:9/v3", "OS_USERNAME", "bench",
            "OS_PASSWORD", "bench-password", "OS_PROJECT_NAME", "bench");

    /** One jar, installed with its own copy of the launcher scripts. */
    private record Install(String builtBy, Path jar, Path launcher, long firstStartMs, boolean cached,
                           long[] launcherMs, long[] plainMs) {
    }

    void run(Report report) throws Exception {
        String java = System.getProperty("java.home") + "/bin/java";
        List<Install> installs = new ArrayList<>();
        for (Map.Entry<String, Path> build : builds().entrySet()) {
            Path home = Files.createTempDirectory("startup-" + build.getKey());
            Files.createDirectories(home.resolve("bin"));
            Files.createDirectories(home.resolve("target"));
            for (String script : List.of("openstack-ops-mcp", "build-aot-cache", "java-home")) {
                Files.copy(Path.of("bin", script), home.resolve("bin").resolve(script), StandardCopyOption.COPY_ATTRIBUTES);
            }
            Path jar = home.resolve("target").resolve(Benchmark.jar().getFileName());
            Files.copy(build.getValue(), jar, StandardCopyOption.COPY_ATTRIBUTES);
            Path launcher = home.resolve("bin/openstack-ops-mcp");
            long first = once(List.of(launcher.toString())); // finds no cache: makes it, then starts with it
            boolean cached = new ProcessBuilder(home.resolve("bin/build-aot-cache").toString(), "--check")
                    .inheritIO().start().waitFor() == 0;
            installs.add(new Install(build.getKey(), jar, launcher, first, cached, new long[STARTS], new long[STARTS]));
        }
        for (int i = 0; i < STARTS; i++) {
            for (Install in : installs) {
                in.launcherMs()[i] = once(List.of(in.launcher().toString()));
                in.plainMs()[i] = once(List.of(java, "-jar", in.jar().toString()));
            }
        }
        report.line("## Start-up: process start to the first `tools/list` answer (stdio, %d runs each, interleaved)",
                STARTS);
        report.line("");
        report.line("| jar built by | launcher's first start (makes the AOT cache) | cache valid after | launcher ms,"
                + " median (min–max) | `java -jar` ms, median (min–max) | launcher / `java -jar` |");
        report.line("|---|---|---|---|---|---|");
        for (Install in : installs) {
            long[] l = sorted(in.launcherMs());
            long[] p = sorted(in.plainMs());
            report.line("| %s | %d ms | %s | %d (%d–%d) | %d (%d–%d) | %.2f× |", in.builtBy(), in.firstStartMs(),
                    in.cached() ? "yes" : "**no**", l[STARTS / 2], l[0], l[STARTS - 1], p[STARTS / 2], p[0],
                    p[STARTS - 1], (double) l[STARTS / 2] / p[STARTS / 2]);
        }
        report.line("");
        report.line("Each jar sits in its own copy of `bin/` and `target/` with no AOT cache, as a fresh build leaves it;"
                + " the launcher (C1 only, SerialGC, the JDK 25 AOT cache it made) against plain `java -jar` with the"
                + " JDK's defaults.");
        report.line("");
    }

    /** The jars to start: {@code -Dbench.startup.jars=label=path,...}, else the jar in target/. */
    private static Map<String, Path> builds() throws IOException {
        Map<String, Path> builds = new LinkedHashMap<>();
        String spec = System.getProperty("bench.startup.jars", "");
        for (String entry : spec.split(",")) {
            if (!entry.isBlank()) {
                String[] kv = entry.split("=", 2);
                builds.put(kv[0].trim(), Path.of(kv[1].trim()));
            }
        }
        if (builds.isEmpty()) {
            builds.put("this build", Benchmark.jar());
        }
        return builds;
    }

    private static long[] sorted(long[] ms) {
        long[] copy = ms.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static long once(List<String> command) {
        long start = System.nanoTime();
        // a long initialisation timeout: a first launch builds the AOT cache, and a loaded machine is slow to start
        McpSyncClient client = McpClient.sync(new StdioClientTransport(ServerParameters.builder(command.get(0))
                        .args(command.subList(1, command.size())).env(ENV).build(), McpJsonDefaults.getMapper()))
                .initializationTimeout(Duration.ofMinutes(3)).requestTimeout(Duration.ofMinutes(3)).build();
        client.initialize();
        client.listTools();
        long ms = (System.nanoTime() - start) / 1_000_000;
        client.closeGracefully();
        return ms;
    }
}
