package io.github.openstackops.mcp.catalog.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON conventions of every tool argument and result: snake_case names, nulls omitted, enums as lower-case names
 * (read case-insensitively), unknown arguments rejected. {@link SchemaGenerator} follows the same conventions.
 */
public final class ToolJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addModule(new SimpleModule("lower-case-enums").addSerializer(Enum.class, new LowerCaseEnumSerializer()))
            .build();

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private ToolJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The JSON name of a Java record component or field. */
    public static String jsonName(String javaName) {
        return PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(javaName);
    }

    /** The JSON name of a record component: its {@code @JsonProperty} name, else the snake_case of its name. */
    public static String jsonName(java.lang.reflect.RecordComponent component) {
        // @JsonProperty does not target record components: javac propagates it to the accessor
        com.fasterxml.jackson.annotation.JsonProperty explicit =
                component.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        return explicit != null && !explicit.value().isEmpty() ? explicit.value() : jsonName(component.getName());
    }

    /** An enum's JSON value: lower-case name, or the name as written for {@link Verbatim} enums. */
    public static String enumValue(Enum<?> value) {
        return value.getDeclaringClass().isAnnotationPresent(Verbatim.class) ? value.name()
                : value.name().toLowerCase(Locale.ROOT);
    }

    /** A result record as the JSON object clients receive. */
    public static Map<String, Object> toMap(Object value) {
        return MAPPER.convertValue(value, MAP);
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses any JSON value (used for {@link Param#defaultValue()} literals). */
    public static Object readValue(String json) {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON literal: " + json, e);
        }
    }

    public static Map<String, Object> readMap(String json) {
        try {
            return MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("rawtypes")
    private static final class LowerCaseEnumSerializer extends JsonSerializer<Enum> {
        @Override
        public void serialize(Enum value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(enumValue(value));
        }
    }
}
