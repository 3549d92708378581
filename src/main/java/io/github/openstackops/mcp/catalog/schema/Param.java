package io.github.openstackops.mcp.catalog.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one argument of a tool's input record: the generated JSON schema and the argument binder both read it,
 * so the schema a model sees and the validation a call goes through cannot drift apart.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Param {
    long UNSET = Long.MIN_VALUE;

    /** What the argument means, written for a model. */
    String value();

    boolean required() default false;

    /** JSON literal of the default (e.g. {@code "50"}, {@code "true"}, {@code "\"soft\""}); applied when absent. */
    String defaultValue() default "";

    long min() default UNSET;

    long max() default UNSET;

    int minLength() default -1;

    int maxLength() default -1;

    /** ECMA regex the value must match (strings, or each item of a string array). */
    String pattern() default "";

    /** JSON schema format hint, e.g. {@code date-time}. */
    String format() default "";

    int maxItems() default -1;

    /** Example values, shown to the model. */
    String[] examples() default {};
}
