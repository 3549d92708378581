package io.github.openstackops.mcp.catalog;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every secret value this process knows (OpenStack password, application-credential secret, bearer secret, Keystone
 * tokens), so that any text leaving the process (tool errors, log lines) can be scrubbed of them. Defence in depth:
 * nothing is supposed to put a secret in a message in the first place.
 * <p>
 * Registrations are counted: a value registered for the span of one call (a new user's password) and then forgotten
 * stays scrubbed when something else registered the same value too (the server's own OS_PASSWORD, say).
 */
public final class Secrets {

    private static final String MASK = "***";
    /** How many registrations each known value has; guarded by the class lock. */
    private static final Map<String, Integer> REGISTRATIONS = new HashMap<>();
    private static volatile List<String> longestFirst = List.of();
    /** Secret-looking pairs ("password": "...", X-Auth-Token: ..., token=...), whatever their origin. */
    private static final Pattern PAIRS = Pattern.compile(
            "(?i)(\"?(?:password|secret|admin_?pass|token|x-auth-token|x-subject-token)\"?\\s*[:=]\\s*\"?)([^\",\\s}]{4,})");
    /**
     * A bearer credential after its scheme ("Authorization: Bearer abc..."), whatever its origin; a challenge's
     * parameters (Bearer realm="...") and short words ("Bearer token") are not one.
     */
    private static final Pattern BEARER = Pattern.compile(
            "(?i)(\\bBearer\\s+)(?![A-Za-z_]+=\")[A-Za-z0-9\\-._~+/]{8,}=*");
    /** A JWT (base64url JSON header starting {"...), standing alone in any text, whatever its origin. */
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");

    private Secrets() {
    }

    /**
     * Values shorter than this are not scrubbed by value: a 4-letter testbed password like "demo" would otherwise
     * mangle every message that names the demo project. Nothing puts a secret in a message in the first place.
     */
    static final int MIN_LENGTH = 8;

    /** Scrubs this value from now on, until every registration of it has been {@linkplain #forget forgotten}. */
    public static synchronized void register(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH
                && REGISTRATIONS.merge(secret, 1, Integer::sum) == 1) {
            reorder();
        }
    }

    /** Withdraws one registration of this value; it stays scrubbed while another registration of it remains. */
    public static synchronized void forget(String secret) {
        if (secret != null && REGISTRATIONS.containsKey(secret)
                && REGISTRATIONS.computeIfPresent(secret, (s, n) -> n == 1 ? null : n - 1) == null) {
            reorder();
        }
    }

    private static void reorder() {
        longestFirst = REGISTRATIONS.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
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
        out = PAIRS.matcher(out).replaceAll("$1" + MASK);
        out = BEARER.matcher(out).replaceAll("$1" + MASK);
        return JWT.matcher(out).replaceAll(MASK);
    }
}
