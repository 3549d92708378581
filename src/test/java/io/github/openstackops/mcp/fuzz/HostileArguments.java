package io.github.openstackops.mcp.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Malformed and hostile argument sets for one tool, generated from its own input schema with a seeded random source
 * (the same seed gives the same sets): values of the wrong type, just past each boundary, huge, empty, unicode, NUL
 * and control characters, strings that look like injections, dot segments and separators for ids, enum values that
 * are not in the enum, required arguments left out, keys the tool does not take. Most sets start from a valid-looking
 * base and break one or two things in it, so the call gets past the first check and reaches the code behind it.
 */
final class HostileArguments {

    /** Strings no caller should send and every tool must refuse or survive. */
    static final List<String> HOSTILE = List.of(
            "", " ", ".", "..", "../../etc/passwd", "..%2f..%2f", "%2e%2e", "a/b", "a\\b", "/", "//", "?all_tenants=1",
            "#x", "x\u0000y", "\u0000", "\r\nX-Injected: 1", "' OR '1'='1", "\"; DROP TABLE servers; --",
            "$(reboot)", "`id`", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "<script>alert(1)</script>",
            "\u202egnp.exe", "e\u0301\u0301\u0301", "\ud83d\udca5\ud83d\udd25", "\ud800", "\uffff", "NaN", "-1",
            "9999999999999999999999", "00000000-0000-0000-0000-000000000000", "3f2a0000-0000-4000-8000-00000000000",
            "*", "%", "%00", "null", "true", "[]", "{}", "http://127.0.0.1:1/x", "file:///etc/shadow",
            "\t", "x".repeat(300), "é".repeat(1000));
    static final List<Object> NUMBERS = List.of(0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
            Long.MIN_VALUE, 1.5, -0.0, 1e308, -1e308, 3);
    static final List<String> EXTRA_KEYS = List.of("confirm", "Confirm", "__proto__", "constructor", "all_projects",
            "project_id", "x".repeat(200), "", " ", "password", "../x", "\u0000");

    private final Random random;

    HostileArguments(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} argument sets for a tool with this input schema; each is a JSON-able value (mostly a map). */
    List<Object> generate(Map<String, Object> schema, int count) {
        List<Object> sets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sets.add(switch (i % 10) {
                case 0 -> wrongWhole();
                case 1 -> randomObject(schema);
                case 2 -> withExtraKeys(valid(schema));
                case 3 -> withoutRequired(schema);
                default -> mutateOne(schema, 1 + random.nextInt(i % 10 == 9 ? 3 : 1));
            });
        }
        return sets;
    }

    /** Not an object at all (surfaces that take a body can send this; the invoker API gets an empty map). */
    private Object wrongWhole() {
        return pick(List.<Object>of("a string", List.of(1, 2), 42, true, List.of(), Map.of("arguments", "x")));
    }

    /** A base that satisfies the schema as far as simple rules go. */
    @SuppressWarnings("unchecked")
    Map<String, Object> valid(Map<String, Object> schema) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        List<String> required = (List<String>) schema.getOrDefault("required", List.of());
        properties.forEach((name, s) -> {
            if (required.contains(name) || random.nextInt(3) == 0) {
                out.put(name, validValue((Map<String, Object>) s));
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private Object validValue(Map<String, Object> s) {
        if (s.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(random.nextInt(values.size()));
        }
        if (s.get("default") != null && random.nextBoolean()) {
            return s.get("default");
        }
        return switch (String.valueOf(s.get("type"))) {
            case "integer" -> {
                long min = s.get("minimum") instanceof Number n ? n.longValue() : 0;
                long max = s.get("maximum") instanceof Number n ? n.longValue() : min + 100;
                yield min + (max > min ? Math.floorMod(random.nextLong(), Math.min(max - min, 1000)) : 0);
            }
            case "number" -> 1.5;
            case "boolean" -> random.nextBoolean();
            case "array" -> s.get("items") instanceof Map<?, ?> items
                    ? List.of(validValue((Map<String, Object>) items)) : List.of();
            case "object" -> s.get("properties") instanceof Map<?, ?> ? valid(s) : Map.of("k", "v");
            default -> pick(List.of("web-1", "90cb27f0-bdba-446b-991e-46d1a4093507", "demo", "x1"));
        };
    }

    /** A hostile value for a property of this schema: wrong type, past a boundary, or a hostile string. */
    @SuppressWarnings("unchecked")
    Object hostileValue(Map<String, Object> s) {
        String type = String.valueOf(s.get("type"));
        return switch (random.nextInt(6)) {
            case 0 -> wrongType(type);
            case 1 -> boundary(s, type);
            case 2 -> pick(HOSTILE);
            case 3 -> s.get("enum") instanceof List<?> values && !values.isEmpty()
                    ? String.valueOf(values.get(0)).toUpperCase() + "x" : pick(HOSTILE);
            case 4 -> "array".equals(type) ? Collections.nCopies(1 + random.nextInt(300),
                    s.get("items") instanceof Map<?, ?> items ? hostileValue((Map<String, Object>) items) : "x")
                    : "object".equals(type) ? randomObject(s) : huge();
            default -> null;
        };
    }

    private Object wrongType(String type) {
        List<Object> candidates = new ArrayList<>(List.of("text", 7, 2.5, true, List.of("a"), Map.of("a", 1)));
        candidates.removeIf(v -> switch (type) {
            case "string" -> v instanceof String;
            case "integer", "number" -> v instanceof Number;
            case "boolean" -> v instanceof Boolean;
            case "array" -> v instanceof List<?>;
            case "object" -> v instanceof Map<?, ?>;
            default -> false;
        });
        return pick(candidates);
    }

    private Object boundary(Map<String, Object> s, String type) {
        if ("integer".equals(type) || "number".equals(type)) {
            List<Object> edges = new ArrayList<>(NUMBERS);
            if (s.get("minimum") instanceof Number min) {
                edges.add(min.longValue() - 1);
            }
            if (s.get("maximum") instanceof Number max) {
                edges.add(max.longValue() + 1);
            }
            return pick(edges);
        }
        if ("string".equals(type)) {
            int max = s.get("maxLength") instanceof Number n ? n.intValue() : 255;
            return pick(List.of("", "x".repeat(max + 1), "é".repeat(max + 1)));
        }
        if ("array".equals(type)) {
            int max = s.get("maxItems") instanceof Number n ? n.intValue() : 50;
            return Collections.nCopies(max + 1, "x");
        }
        return wrongType(type);
    }

    private String huge() {
        return pick(List.of("a".repeat(100_000), "\u0000".repeat(1000), "\ud83d\udca5".repeat(20_000)));
    }

    /** A valid base with one to three properties replaced by hostile values. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> mutateOne(Map<String, Object> schema, int mutations) {
        Map<String, Object> args = valid(schema);
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        List<String> names = new ArrayList<>(properties.keySet());
        if (names.isEmpty()) {
            return withExtraKeys(args);
        }
        for (int i = 0; i < mutations; i++) {
            String name = pick(names);
            Object value = hostileValue((Map<String, Object>) properties.get(name));
            args.put(name, value); // null stays: an explicit JSON null
        }
        return args;
    }

    private Map<String, Object> withExtraKeys(Map<String, Object> args) {
        Map<String, Object> out = new LinkedHashMap<>(args);
        out.put(pick(EXTRA_KEYS), pick(List.<Object>of("x", 1, List.of(), Map.of(), "1767225600.AAAAAAAAAAAAAAAA."
                + "B".repeat(43))));
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> withoutRequired(Map<String, Object> schema) {
        Map<String, Object> args = valid(schema);
        List<String> required = (List<String>) schema.getOrDefault("required", List.of());
        if (required.isEmpty()) {
            args.put(pick(EXTRA_KEYS), pick(HOSTILE));
        } else {
            args.remove(pick(required));
        }
        return args;
    }

    /** An object of random keys and values, nested a little. */
    private Map<String, Object> randomObject(Map<String, Object> schema) {
        Map<String, Object> out = new HashMap<>();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            out.put(random.nextBoolean() ? pick(EXTRA_KEYS) : "k" + random.nextInt(1000),
                    random.nextInt(4) == 0 ? Map.of("nested", pick(HOSTILE)) : pick(HOSTILE));
        }
        return out;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
