package io.github.openstackops.mcp.audit;

import io.github.openstackops.mcp.catalog.Secrets;
import io.github.openstackops.mcp.cloud.RemoteUrl;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Arguments as the audit trail records them: values under secret-looking names (password, secret, token, credential,
 * key material, user data, admin pass, ...) replaced by "***" at any depth, and every remaining string scrubbed of
 * the secrets this process knows ({@link Secrets#scrub}). Arguments that carry values whose names say nothing (Heat
 * {@code parameters} and {@code environment}, where a hidden parameter is a password) keep their keys with every value
 * masked; a {@code template} is recorded by its size only; URLs ({@code source_url}, {@code template_url}, ...) without
 * their credentials and query, where pre-signed URLs carry their signature.
 */
public final class Redaction {

    public static final String MASK = "***";
    /** Argument names whose values never reach the audit trail. Names such as key_name or keypair stay visible. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "password|passwd|passphrase|secret|token|credential|authorization|private|key_material|user_?data"
                    + "|admin_?pass|^key$|_key$");

    /** Arguments whose values are all masked, whatever their names; the keys stay to show what was set. */
    private static final Set<String> VALUES_MASKED = Set.of("parameters", "environment");
    /** Arguments recorded by their size only: whole documents, too large and too free-form to scrub. */
    private static final Set<String> SIZE_ONLY = Set.of("template");
    /** Arguments that hold a URL: recorded as {@link RemoteUrl#shownOrNull}. */
    private static final Pattern URL_NAME = Pattern.compile("(^|_)url$");

    private Redaction() {
    }

    public static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT).replace('-', '_')).find();
    }

    public static Map<String, Object> arguments(Map<String, Object> arguments) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (arguments == null) {
            return out;
        }
        new TreeMap<>(arguments).forEach((name, value) -> out.put(name, argument(name, value)));
        return out;
    }

    private static Object argument(String name, Object value) {
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
            String shown = RemoteUrl.shownOrNull(text.toString());
            return shown == null ? "(not a URL, not recorded)" : Secrets.scrub(shown);
        }
        if (VALUES_MASKED.contains(normalised)) {
            return maskValues(value instanceof CharSequence text ? parsed(text.toString()) : value);
        }
        return redact(value);
    }

    /** A YAML or JSON document as maps and lists, or the text itself when it is not one (then masked whole). */
    private static Object parsed(String text) {
        try {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            return document instanceof Map<?, ?> || document instanceof List<?> ? document : text;
        } catch (RuntimeException e) {
            return text;
        }
    }

    @SuppressWarnings("unchecked")
    private static Object maskValues(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<Object, Object>) map).forEach((k, v) -> copy.put(String.valueOf(k), maskValues(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(maskValues(v)));
            return copy;
        }
        return value == null ? null : MASK;
    }

    @SuppressWarnings("unchecked")
    private static Object redact(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<Object, Object>) map).forEach((k, v) -> {
                String key = String.valueOf(k);
                copy.put(key, v != null && isSecretName(key) ? MASK : redact(v));
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(redact(v)));
            return copy;
        }
        if (value instanceof CharSequence text) {
            return Secrets.scrub(text.toString());
        }
        return value;
    }
}
