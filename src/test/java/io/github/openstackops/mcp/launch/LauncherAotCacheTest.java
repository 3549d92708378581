package io.github.openstackops.mcp.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * However the jar was built (./mvnw verify or package leave no AOT cache), bin/openstack-ops-mcp starts it with a
 * valid JDK 25 AOT cache: built when missing, rebuilt when the jar changed. A copy of the launcher runs a small jar
 * whose main prints the JVM options it got.
 */
class LauncherAotCacheTest {

    @TempDir
    Path home;

    @Test
    void the_launcher_builds_a_missing_cache_and_rebuilds_a_stale_one() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25");
        Path jar = install();
        Path aot = home.resolve("target/openstack-ops-mcp-9.9.9.aot");

        assertThat(launch()).contains("-XX:AOTCache=" + aot);
        String firstKey = Files.readString(Path.of(aot + ".key"));

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5))); // a new build of the jar
        assertThat(launch()).contains("-XX:AOTCache=" + aot);
        assertThat(Files.readString(Path.of(aot + ".key"))).isNotEqualTo(firstKey).contains(jar.toString());
        assertThat(launch()).contains("-XX:AOTCache=" + aot); // valid now: used as it is
    }

    /** The launcher scripts and a jar of {@link JvmArguments} laid out as a checkout with a built target/. */
    private Path install() throws IOException {
        Files.createDirectories(home.resolve("bin"));
        for (String script : new String[] {"openstack-ops-mcp", "build-aot-cache", "java-home"}) {
            Path copy = home.resolve("bin").resolve(script);
            Files.copy(Path.of("bin", script), copy);
            copy.toFile().setExecutable(true);
        }
        Path jar = Files.createDirectories(home.resolve("target")).resolve("openstack-ops-mcp-9.9.9.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, JvmArguments.class.getName());
        String entry = JvmArguments.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(entry));
            try (var in = JvmArguments.class.getClassLoader().getResourceAsStream(entry)) {
                in.transferTo(out);
            }
        }
        return jar;
    }

    private String launch() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/openstack-ops-mcp").toString(), "--list-tools")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_OPTS");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
