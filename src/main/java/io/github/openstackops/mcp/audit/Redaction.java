package io.github.openstackops.mcp.audit;

import io.github.openstackops.mcp.catalog.Secrets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Arguments as the audit trail records them: values under secret-looking names (password, secret, token, credential,
 * key material, user data, admin pass, ...) replaced by "***" at any depth, and every remaining string scrubbed of
 * the secrets this process knows ({@link Secrets#scrub}).
 */
public final class Redaction {

    public static final String MASK = "***";
    /** Argument names whose values never reach the audit trail. Names such as key_name or keypair stay visible. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "password|passwd|passphrase|secret|token|credential|authorization|private|key_material|user_?data"
                    + "|admin_?pass|^key$|_key$");

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
        new java.util.TreeMap<>(arguments).forEach((name, value) ->
                out.put(name, value != null && isSecretName(name) ? MASK : redact(value)));
        return out;
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
