package io.github.openstackops.mcp.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every secret value this process knows (OpenStack password, application-credential secret, bearer secret, Keystone
 * tokens), so that any text leaving the process (tool errors, log lines) can be scrubbed of them. Defence in depth:
 * nothing is supposed to put a secret in a message in the first place.
 */
public final class Secrets {

    private static final String MASK = "***";
    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();
    private static volatile List<String> longestFirst = List.of();
    /** Keystone/JWT-looking tokens and "password": "..." pairs, whatever their origin. */
    private static final Pattern PATTERNS = Pattern.compile(
            "(?i)(\"?(?:password|secret|admin_?pass|token|x-auth-token|x-subject-token)\"?\\s*[:=]\\s*\"?)([^\",\\s}]{4,})");

    private Secrets() {
    }

    /**
     * Values shorter than this are not scrubbed by value: a 4-letter testbed password like "demo" would otherwise
     * mangle every message that names the demo project. Nothing puts a secret in a message in the first place.
     */
    static final int MIN_LENGTH = 8;

    public static void register(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH && VALUES.add(secret)) {
            longestFirst = VALUES.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        }
    }

    public static void forget(String secret) {
        if (secret != null && VALUES.remove(secret)) {
            longestFirst = VALUES.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        }
    }

    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : longestFirst) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return PATTERNS.matcher(out).replaceAll("$1" + MASK);
    }
}
