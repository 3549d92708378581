package io.github.openstackops.mcp.catalog.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The page size of a list tool, the same everywhere: 1 to {@value #MAX}, {@value #DEFAULT} when absent. Stands for a
 * {@link Param}; only the description is the tool's own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Limit {
    int DEFAULT = 50;
    int MAX = 200;

    /** What is counted, e.g. "Servers per page". */
    String value() default "Items per page";
}
