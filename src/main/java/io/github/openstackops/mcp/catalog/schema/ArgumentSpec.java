package io.github.openstackops.mcp.catalog.schema;

import io.micronaut.core.annotation.Nullable;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the schema says about one argument, read from its {@link Param} or from the shared piece it is declared with
 * ({@link Limit}, {@link Marker}, {@link Wait}, {@link Timeout}, {@link IdOrName}), so that every tool's "limit" or
 * "wait_until_done" is the same schema.
 */
record ArgumentSpec(String description, boolean required, String defaultValue, long min, long max, int minLength,
                    int maxLength, String pattern, String format, int maxItems, List<String> examples) {

    static final String TIMEOUT = "Longest wait in seconds";

    private static ArgumentSpec described(String description) {
        return new ArgumentSpec(description, false, "", Param.UNSET, Param.UNSET, -1, -1, "", "", -1, List.of());
    }

    /** The spec of a component, null when it is declared with none of the annotations. */
    @Nullable
    static ArgumentSpec of(RecordComponent component) {
        List<ArgumentSpec> found = new ArrayList<>(1);
        Param p = component.getAnnotation(Param.class);
        if (p != null) {
            found.add(new ArgumentSpec(p.value(), p.required(), p.defaultValue(), p.min(), p.max(), p.minLength(),
                    p.maxLength(), p.pattern(), p.format(), p.maxItems(), Arrays.asList(p.examples())));
        }
        Limit limit = component.getAnnotation(Limit.class);
        if (limit != null) {
            found.add(described(limit.value()).withDefault(String.valueOf(Limit.DEFAULT)).between(1, Limit.MAX));
        }
        Marker marker = component.getAnnotation(Marker.class);
        if (marker != null) {
            found.add(described(marker.value()));
        }
        Wait wait = component.getAnnotation(Wait.class);
        if (wait != null) {
            found.add(described(wait.value()).withDefault("true"));
        }
        Timeout timeout = component.getAnnotation(Timeout.class);
        if (timeout != null) {
            found.add(described(TIMEOUT).withDefault(String.valueOf(timeout.seconds())).between(1, timeout.max()));
        }
        IdOrName ref = component.getAnnotation(IdOrName.class);
        if (ref != null) {
            found.add(new ArgumentSpec(ref.value(), true, "", Param.UNSET, Param.UNSET, 1, 255, "", "", -1,
                    List.of()));
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException("argument " + component.getDeclaringRecord().getSimpleName() + "."
                    + component.getName() + " is declared twice: use one of @Param, @Limit, @Marker, @Wait,"
                    + " @Timeout, @IdOrName");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private ArgumentSpec withDefault(String literal) {
        return new ArgumentSpec(description, required, literal, min, max, minLength, maxLength, pattern, format,
                maxItems, examples);
    }

    private ArgumentSpec between(long lowest, long highest) {
        return new ArgumentSpec(description, required, defaultValue, lowest, highest, minLength, maxLength, pattern,
                format, maxItems, examples);
    }
}
