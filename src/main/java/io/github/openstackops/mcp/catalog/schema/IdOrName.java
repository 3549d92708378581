package io.github.openstackops.mcp.catalog.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A required reference to one resource by id or name (1 to 255 characters), e.g. the server a tool acts on. Stands for
 * a {@link Param}; optional references and filters use {@link Param}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface IdOrName {
    /** e.g. "Server name or id". */
    String value();
}
