package io.github.openstackops.mcp.catalog.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Whether a tool waits for OpenStack to finish what it started; true when absent. Stands for a {@link Param}. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Wait {
    /** What is waited for, e.g. "Wait until the volume is available, reporting progress". */
    String value();
}
