package io.github.openstackops.mcp.audit;

import io.github.openstackops.mcp.catalog.ConfirmationTokens;
import io.github.openstackops.mcp.catalog.Secrets;
import io.github.openstackops.mcp.cloud.RemoteUrl;
import io.micronaut.core.annotation.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Arguments as the audit trail records them.
 * <ul>
 *   <li>Values under secret-ish names are "***" at any depth; names match case-insensitively and by part (pass, pwd,
 *       secret, token, key, credential, auth, private, user data...), so {@code Passwd}, {@code x-api-key} and
 *       {@code db_PWD} are caught; a few names that only look so (key_name, keypair) stay visible.</li>
 *   <li>Values that look like a confirmation token or a JWT are masked under any name, and every string is scrubbed of
 *       the secrets this process knows ({@link Secrets#scrub}).</li>
 *   <li>Top-level arguments the tool does not take (a misspelt {@code Confirm}, say) are not recorded at all.</li>
 *   <li>Heat {@code parameters} and {@code environment} keep their keys with every value masked; a {@code template}
 *       is recorded by its size; URLs without their credentials and query.</li>
 *   <li>Size is capped so a hostile call cannot flood the audit file or the log, and the line is still written:
 *       long strings and keys are cut with a marker, long maps and lists keep their first entries, depth is bounded,
 *       and once the whole record reaches its budget the remaining values are replaced by a marker.</li>
 * </ul>
 */
public final class Redaction {

    public static final String MASK = "***";
    /** What an argument the tool does not take is recorded as. */
    public static final String UNKNOWN = "(not an argument of this tool, not recorded)";
    static final int MAX_STRING = 512;
    static final int MAX_KEY = 128;
    static final int MAX_ENTRIES = 64;
    static final int MAX_DEPTH = 8;
    /** Characters of argument values one audit line records at most. */
    static final int BUDGET = 8_000;

    private static final Pattern SECRET_NAME = Pattern.compile(
            "pass|pwd|secret|token|key|credential|auth|private|cert|signature|cookie|user_?data");
    /** Names that contain a secret-ish part but hold no secret. */
    private static final Set<String> NOT_SECRET = Set.of("key_name", "keypair", "keypair_name", "key_pairs",
            "delete_keys");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");

    /** Arguments whose values are all masked, whatever their names; the keys stay to show what was set. */
    private static final Set<String> VALUES_MASKED = Set.of("parameters", "environment");
    /** Arguments recorded by their size only: whole documents, too large and too free-form to scrub. */
    private static final Set<String> SIZE_ONLY = Set.of("template");
    /** Arguments that hold a URL: recorded as {@link RemoteUrl#shownOrNull}. */
    private static final Pattern URL_NAME = Pattern.compile("(^|_)url$");

    private Redaction() {
    }

    public static boolean isSecretName(String name) {
        String normalised = name.toLowerCase(Locale.ROOT).replace('-', '_');
        return !NOT_SECRET.contains(normalised) && SECRET_NAME.matcher(normalised).find();
    }

    public static Map<String, Object> arguments(Map<String, Object> arguments) {
        return arguments(arguments, null);
    }

    /**
     * @param known the tool's argument names; others are not recorded (null: record every name)
     */
    public static Map<String, Object> arguments(@Nullable Map<String, Object> arguments, @Nullable Collection<String> known) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (arguments == null) {
            return out;
        }
        Budget budget = new Budget();
        int n = 0;
        for (Map.Entry<String, Object> e : new TreeMap<>(arguments).entrySet()) {
            if (n++ == MAX_ENTRIES) {
                out.put("…", (arguments.size() - MAX_ENTRIES) + " more, not recorded");
                break;
            }
            String name = key(e.getKey());
            out.put(name, known != null && !known.contains(e.getKey()) ? UNKNOWN : argument(name, e.getValue(), budget));
        }
        return out;
    }

    /** A text recorded beside the arguments (the outcome's detail): scrubbed and capped the same way. */
    public static String text(String text) {
        return text == null ? null : string(text, new Budget());
    }

    private static Object argument(String name, Object value, Budget budget) {
        if (value == null) {
            return null;
        }
        if (isSecretName(name)) {
            return MASK;
        }
        String normalised = name.toLowerCase(Locale.ROOT);
        if (SIZE_ONLY.contains(normalised)) {
            return value instanceof CharSequence text ? "(" + text.length() + " characters, not recorded)"
                    : "(not recorded)";
        }
        if (URL_NAME.matcher(normalised).find() && value instanceof CharSequence text) {
            String shown = RemoteUrl.shownOrNull(text.length() > 8 * MAX_STRING ? "" : text.toString());
            return shown == null ? "(not a URL, not recorded)" : string(shown, budget);
        }
        if (VALUES_MASKED.contains(normalised)) {
            return maskValues(value instanceof CharSequence text ? parsed(text.toString()) : value, 0);
        }
        return redact(value, budget, 0);
    }

    /** A YAML or JSON document as maps and lists, or the text itself when it is not one (then masked whole). */
    private static Object parsed(String text) {
        if (text.length() > 64 * 1024) {
            return text;
        }
        try {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            return document instanceof Map<?, ?> || document instanceof List<?> ? document : text;
        } catch (RuntimeException e) {
            return text;
        }
    }

    private static Object maskValues(Object value, int depth) {
        if (value instanceof Map<?, ?> map) {
            if (depth >= MAX_DEPTH) {
                return "(nested too deep, not recorded)";
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            int n = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (n++ == MAX_ENTRIES) {
                    copy.put("…", (map.size() - MAX_ENTRIES) + " more, not recorded");
                    break;
                }
                copy.put(key(String.valueOf(e.getKey())), maskValues(e.getValue(), depth + 1));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            return depth >= MAX_DEPTH ? "(nested too deep, not recorded)" : capped(list, v -> maskValues(v, depth + 1));
        }
        return value == null ? null : MASK;
    }

    private static Object redact(Object value, Budget budget, int depth) {
        if (value instanceof Map<?, ?> map) {
            if (depth >= MAX_DEPTH) {
                return "(nested too deep, not recorded)";
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            int n = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (n++ == MAX_ENTRIES) {
                    copy.put("…", (map.size() - MAX_ENTRIES) + " more, not recorded");
                    break;
                }
                String key = key(String.valueOf(e.getKey()));
                copy.put(key, e.getValue() != null && isSecretName(key) ? MASK : redact(e.getValue(), budget, depth + 1));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            return depth >= MAX_DEPTH ? "(nested too deep, not recorded)" : capped(list, v -> redact(v, budget, depth + 1));
        }
        if (value instanceof CharSequence text) {
            return string(text.toString(), budget);
        }
        return value;
    }

    private static List<Object> capped(List<?> list, java.util.function.Function<Object, Object> each) {
        List<Object> copy = new ArrayList<>(Math.min(list.size(), MAX_ENTRIES + 1));
        for (int i = 0; i < list.size(); i++) {
            if (i == MAX_ENTRIES) {
                copy.add((list.size() - MAX_ENTRIES) + " more, not recorded");
                break;
            }
            copy.add(each.apply(list.get(i)));
        }
        return copy;
    }

    /** A string value: cut to its first characters, tokens masked by shape, known secrets scrubbed. */
    private static String string(String text, Budget budget) {
        if (budget.remaining <= 0) {
            return "(not recorded: the audit line is full)";
        }
        int limit = Math.min(MAX_STRING, budget.remaining);
        String head = text.length() > limit ? text.substring(0, limit) : text;
        head = ConfirmationTokens.SHAPE.matcher(head).replaceAll(MASK);
        head = JWT.matcher(Secrets.scrub(head)).replaceAll(MASK);
        budget.remaining -= head.length();
        return text.length() > limit ? head + "… (" + text.length() + " characters, truncated)" : head;
    }

    private static String key(String key) {
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) + "… (" + key.length() + " characters, truncated)" : key;
    }

    /** How many characters of values a record may still hold. */
    private static final class Budget {
        int remaining = BUDGET;
    }
}
