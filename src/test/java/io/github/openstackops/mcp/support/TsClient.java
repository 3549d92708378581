package io.github.openstackops.mcp.support;

import com.fasterxml.jackson.core.type.TypeReference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The official TypeScript v2 MCP client ({@code @modelcontextprotocol/client}, pinned in src/test/node/ts-client)
 * driving the server: {@code client.mjs} runs one plan (transport, negotiation, calls, a confirmed destructive call,
 * a subscription) and reports what happened as JSON. The package is installed once into target/ts-client with npm
 * (from npm's cache when it has it); node and npm must be on the PATH.
 */
public final class TsClient {

    private static final Path SOURCE = Path.of(System.getProperty("project.root", "."), "src/test/node/ts-client");
    private static final Path HOME = Path.of(System.getProperty("project.root", "."), "target/ts-client");

    private TsClient() {
    }

    /** Runs a plan (see client.mjs) and returns its report; fails when the client failed. */
    public static Map<String, Object> run(Map<String, Object> plan, Duration timeout) {
        Map<String, Object> report = attempt(plan, timeout);
        if (report.get("error") != null) {
            throw new AssertionError("the TypeScript client failed: " + report.get("error") + " (report " + report + ")");
        }
        return report;
    }

    /** Runs a plan and returns its report, failed or not. */
    public static Map<String, Object> attempt(Map<String, Object> plan, Duration timeout) {
        install();
        try {
            Process process = new ProcessBuilder("node", HOME.resolve("client.mjs").toString(), HttpSurfaces.write(plan))
                    .directory(HOME.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the TypeScript client did not finish within " + timeout);
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            String last = text.lines().reduce((a, b) -> b).orElse("{}");
            return HttpSurfaces.read(last, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void install() {
        try {
            Files.createDirectories(HOME);
            for (String file : List.of("package.json", "client.mjs")) {
                Files.copy(SOURCE.resolve(file), HOME.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.isDirectory(HOME.resolve("node_modules/@modelcontextprotocol/client"))) {
                return;
            }
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefer-offline",
                    "--silent").directory(HOME.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm install of the TypeScript MCP client failed in " + HOME);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
