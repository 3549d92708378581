package io.github.openstackops.mcp.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Breaks testbed services on purpose through {@code testbed/fault.sh} (stop, hang, and their undoing) and restores
 * them all, always: after every case, at the end, and from a shutdown hook should the JVM be stopped mid-fault.
 */
final class TestbedFaults {

    private static final Path SCRIPT = Path.of(System.getProperty("project.root", ".")).resolve("testbed/fault.sh");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestbedFaults::restore, "restore-testbed"));
    }

    private TestbedFaults() {
    }

    static void stop(String daemon) {
        run("stop", daemon);
    }

    /** Starts the daemon again and returns once its API answers (RabbitMQ: once an AMQP login works). */
    static void start(String daemon) {
        run("start", daemon);
    }

    static void hang(String daemon) {
        run("hang", daemon);
    }

    static void resume(String daemon) {
        run("resume", daemon);
    }

    /** Resumes every hung service and starts every stopped one; never throws (it runs in finally blocks). */
    static void restore() {
        try {
            run("restore", "");
        } catch (RuntimeException e) {
            System.err.println("restoring the testbed failed: " + e.getMessage());
        }
    }

    private static void run(String operation, String daemon) {
        try {
            Process p = new ProcessBuilder("bash", SCRIPT.toString(), operation, daemon).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("fault.sh " + operation + " " + daemon + " timed out: " + out);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("fault.sh " + operation + " " + daemon + " failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
