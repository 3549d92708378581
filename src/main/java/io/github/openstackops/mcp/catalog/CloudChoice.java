package io.github.openstackops.mcp.catalog;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clouds this server offers ({@code OS_CLOUDS=prod,staging}, clouds.yaml entry names). With one cloud or none,
 * nothing changes: no argument, no schema change. With several, every tool takes a required {@code cloud} argument
 * (an enum of the names), the invoker runs the call in that cloud ({@link ActingIdentity#cloud()}) and every result
 * names the cloud that answered, so a model cannot mistake one cloud's answer for another's.
 */
@Singleton
public class CloudChoice {

    /** The argument that selects the cloud. */
    public static final String ARGUMENT = "cloud";

    private static final CloudChoice SINGLE = new CloudChoice(List.of());

    private final List<String> names;

    @Inject
    public CloudChoice(@Value("${openstack.clouds:}") String configured) {
        this(parse(configured));
    }

    public CloudChoice(List<String> names) {
        List<String> distinct = names.stream().map(String::trim).filter(n -> !n.isEmpty()).distinct().toList();
        if (distinct.size() != names.stream().map(String::trim).filter(n -> !n.isEmpty()).count()) {
            throw new IllegalArgumentException("OS_CLOUDS names a cloud twice: " + String.join(",", names) + ".");
        }
        this.names = distinct;
    }

    /** One cloud (the OS_CLOUD / OS_* configuration): no selection. */
    public static CloudChoice single() {
        return SINGLE;
    }

    static List<String> parse(@Nullable String configured) {
        return configured == null ? List.of() : Arrays.stream(configured.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** True when several clouds are offered and every call must name one. */
    public boolean multiple() {
        return names.size() > 1;
    }

    /** The configured names, in order (the first is the default); empty when OS_CLOUDS is unset. */
    public List<String> names() {
        return names;
    }

    /** The cloud calls with no choice of their own (resource reads, completions) use: the first; null if single. */
    @Nullable
    public String defaultCloud() {
        return multiple() ? names.get(0) : null;
    }

    /**
     * The cloud a call named (several clouds), or null (one cloud: nothing to choose). Missing or unknown → an
     * invalid-argument sentence listing the names.
     */
    @Nullable
    public String select(@Nullable Object given) {
        if (!multiple()) {
            return null;
        }
        if (given instanceof String name && names.contains(name.trim())) {
            return name.trim();
        }
        String choices = "one of: " + String.join(", ", names) + ".";
        throw new ToolException(ToolException.Kind.INVALID_ARGUMENTS, given == null || given.toString().isBlank()
                ? "This server offers several clouds: set the argument 'cloud' to " + choices
                : "Unknown cloud '" + Secrets.scrub(given.toString()) + "': set 'cloud' to " + choices);
    }

    /** An input schema with the required {@code cloud} property (unchanged with one cloud). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> withCloudArgument(Map<String, Object> schema) {
        if (!multiple()) {
            return schema;
        }
        Map<String, Object> out = new LinkedHashMap<>(schema);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(ARGUMENT, Map.of("type", "string", "enum", names,
                "description", "The cloud to act in (cloud_list describes them)"));
        if (schema.get("properties") instanceof Map<?, ?> given) {
            properties.putAll((Map<String, Object>) given);
        }
        out.put("properties", properties);
        List<Object> required = new ArrayList<>();
        required.add(ARGUMENT);
        if (schema.get("required") instanceof List<?> given) {
            required.addAll(given);
        }
        out.put("required", required);
        return out;
    }

    /** An output schema with the {@code cloud} property every result carries (unchanged with one cloud). */
    @SuppressWarnings("unchecked")
    @Nullable
    public Map<String, Object> withCloudResult(@Nullable Map<String, Object> schema) {
        if (!multiple() || schema == null || !(schema.get("properties") instanceof Map<?, ?> given)) {
            return schema;
        }
        Map<String, Object> out = new LinkedHashMap<>(schema);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(ARGUMENT, Map.of("type", "string", "description", "The cloud that answered"));
        properties.putAll((Map<String, Object>) given);
        out.put("properties", properties);
        return out;
    }

    /** The result as every surface shows it: the cloud that answered first (unchanged with one cloud). */
    public ToolOutcome named(@Nullable String cloud, ToolOutcome outcome) {
        if (cloud == null) {
            return outcome;
        }
        return switch (outcome) {
            case ToolOutcome.Success s -> {
                Map<String, Object> structured = new LinkedHashMap<>();
                structured.put(ARGUMENT, cloud);
                s.structured().forEach((k, v) -> {
                    if (!k.equals(ARGUMENT)) {
                        structured.put(k, v);
                    }
                });
                yield new ToolOutcome.Success(structured);
            }
            case ToolOutcome.Error e -> new ToolOutcome.Error(e.failure(), "[cloud " + cloud + "] " + e.message(),
                    e.retryAfter());
        };
    }
}
