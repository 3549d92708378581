package io.github.openstackops.mcp.launch;

import java.lang.management.ManagementFactory;

/** A stand-in server for {@link LauncherAotCacheTest}: prints the JVM options the launcher started it with. */
public final class JvmArguments {

    private JvmArguments() {
    }

    public static void main(String[] args) {
        System.out.println(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }
}
