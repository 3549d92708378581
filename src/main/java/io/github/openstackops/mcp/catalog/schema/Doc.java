package io.github.openstackops.mcp.catalog.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a field of a tool's output record in the generated output schema. A field is required in the schema
 * unless its accessor is {@code @Nullable}; null fields are omitted from results.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface Doc {
    String value();
}
