package io.github.openstackops.mcp.bench;

import java.util.Arrays;
import java.util.Locale;

/** The markdown report a benchmark run writes, and the small statistics its sections share. */
final class Report {

    private final StringBuilder text = new StringBuilder();

    void line(String line) {
        text.append(line).append('\n');
    }

    void line(String format, Object... args) {
        line(String.format(Locale.ROOT, format, args));
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** The q-quantile (0..1) of values, sorted in place. */
    static long quantile(long[] values, double q) {
        if (values.length == 0) {
            return 0;
        }
        Arrays.sort(values);
        return values[Math.min(values.length - 1, (int) Math.floor(q * values.length))];
    }

    static String verdict(boolean met) {
        return met ? "**met**" : "**not met**";
    }

    /** Resident memory of a process, in KiB. */
    /** The machine's 1-minute load average (/proc/loadavg): the other work sharing the CPUs during a run. */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static long rssKb(long pid) {
        try {
            for (String l : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("\\D", ""));
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }
}
