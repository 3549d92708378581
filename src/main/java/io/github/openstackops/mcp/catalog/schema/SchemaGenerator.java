package io.github.openstackops.mcp.catalog.schema;

import io.micronaut.core.annotation.Nullable;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives JSON schemas from the Java records that tools take and return, so a tool's schema is its code. Input
 * records describe their components with {@link Param} or a shared piece ({@link Limit}, {@link Marker}, {@link Wait},
 * {@link Timeout}, {@link IdOrName}); output records with {@link Doc} and {@code @Nullable}.
 * Names follow {@link ToolJson} (snake_case); the maps keep a stable order for snapshots.
 */
public final class SchemaGenerator {

    private SchemaGenerator() {
    }

    /** The JSON schema of a tool's arguments: a closed object, required arguments listed. */
    public static Map<String, Object> inputSchema(Class<? extends Record> argsType) {
        return objectSchema(argsType, true);
    }

    /** The JSON schema of a tool's structured result. */
    public static Map<String, Object> outputSchema(Class<?> resultType) {
        if (!resultType.isRecord()) {
            throw new IllegalArgumentException("tool results must be records: " + resultType.getName());
        }
        return objectSchema(resultType, false);
    }

    private static Map<String, Object> objectSchema(Class<?> type, boolean input) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        Doc typeDoc = type.getAnnotation(Doc.class);
        if (typeDoc != null) {
            schema.put("description", typeDoc.value());
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String name = ToolJson.jsonName(component);
            Map<String, Object> property = typeSchema(component.getGenericType(), input, type.getSimpleName() + "." + name);
            if (input) {
                ArgumentSpec param = ArgumentSpec.of(component);
                if (param == null) {
                    throw new IllegalArgumentException("argument " + type.getSimpleName() + "." + name
                            + " has no @Param (or @Limit, @Marker, @Wait, @Timeout, @IdOrName)");
                }
                if (component.getType().isPrimitive()) {
                    throw new IllegalArgumentException("argument " + type.getSimpleName() + "." + name
                            + " must be a boxed type: absent arguments are null");
                }
                applyParam(property, param);
                if (param.required()) {
                    required.add(name);
                }
            } else {
                Doc doc = component.getAnnotation(Doc.class);
                if (doc != null) {
                    property = withDescription(property, doc.value());
                }
                if (!component.getAccessor().isAnnotationPresent(Nullable.class)) {
                    required.add(name);
                }
            }
            properties.put(name, property);
        }
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        if (input) {
            schema.put("additionalProperties", false);
        }
        return schema;
    }

    /** The field's own description wins over the generic one of its type (e.g. a nested record's @Doc). */
    private static Map<String, Object> withDescription(Map<String, Object> property, String description) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("description", description);
        property.forEach((key, value) -> {
            if (!key.equals("description")) {
                described.put(key, value);
            }
        });
        return described;
    }

    private static void applyParam(Map<String, Object> property, ArgumentSpec param) {
        Map<String, Object> copy = new LinkedHashMap<>(property);
        property.clear();
        property.put("description", param.description());
        property.putAll(copy);
        Map<String, Object> target = "array".equals(property.get("type")) ? itemsOf(property) : property;
        if (param.min() != Param.UNSET) {
            target.put("minimum", param.min());
        }
        if (param.max() != Param.UNSET) {
            target.put("maximum", param.max());
        }
        if (param.minLength() >= 0) {
            target.put("minLength", param.minLength());
        }
        if (param.maxLength() >= 0) {
            target.put("maxLength", param.maxLength());
        }
        if (!param.pattern().isEmpty()) {
            target.put("pattern", param.pattern());
        }
        if (!param.format().isEmpty()) {
            target.put("format", param.format());
        }
        if (param.maxItems() >= 0) {
            property.put("maxItems", param.maxItems());
        }
        if (!param.defaultValue().isEmpty()) {
            property.put("default", ToolJson.readValue(param.defaultValue()));
        }
        if (!param.examples().isEmpty()) {
            property.put("examples", param.examples());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> itemsOf(Map<String, Object> arraySchema) {
        return (Map<String, Object>) arraySchema.get("items");
    }

    private static Map<String, Object> typeSchema(Type type, boolean input, String where) {
        if (type instanceof WildcardType wildcard) {
            return typeSchema(wildcard.getUpperBounds()[0], input, where);
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] args = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                Map<String, Object> schema = new LinkedHashMap<>();
                schema.put("type", "array");
                schema.put("items", typeSchema(args[0], input, where + "[]"));
                return schema;
            }
            if (Map.class.isAssignableFrom(raw)) {
                if (args[0] != String.class) {
                    throw new IllegalArgumentException(where + ": map keys must be strings");
                }
                Map<String, Object> schema = new LinkedHashMap<>();
                schema.put("type", "object");
                if (args[1] != Object.class) {
                    schema.put("additionalProperties", typeSchema(args[1], input, where + "{}"));
                }
                return schema;
            }
            throw new IllegalArgumentException(where + ": unsupported generic type " + type);
        }
        Class<?> cls = (Class<?>) type;
        Map<String, Object> schema = new LinkedHashMap<>();
        if (cls == String.class) {
            schema.put("type", "string");
        } else if (cls == Integer.class || cls == int.class || cls == Long.class || cls == long.class) {
            schema.put("type", "integer");
        } else if (cls == Double.class || cls == double.class || cls == Float.class || cls == float.class) {
            schema.put("type", "number");
        } else if (cls == Boolean.class || cls == boolean.class) {
            schema.put("type", "boolean");
        } else if (cls.isEnum()) {
            schema.put("type", "string");
            schema.put("enum", Arrays.stream(cls.getEnumConstants()).map(e -> ToolJson.enumValue((Enum<?>) e)).toList());
        } else if (cls.isRecord()) {
            return objectSchema(cls, input);
        } else if (cls == Object.class) {
            return schema; // any JSON value
        } else {
            throw new IllegalArgumentException(where + ": unsupported type " + cls.getName());
        }
        return schema;
    }
}
