package io.github.openstackops.mcp.catalog.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an enum: its JSON values are the constant names as written (e.g. Nova's {@code SHUTOFF}), instead of the
 * lower-case default. Schema and serialisation both honour it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Verbatim {
}
