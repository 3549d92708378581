package io.github.openstackops.mcp.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.openstackops.mcp.catalog.Secrets;

/** {@code %maskedEx}: stack traces (stderr only) with every known secret replaced by ***. */
public class MaskedThrowableConverter extends ThrowableProxyConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Secrets.scrub(super.convert(event));
    }
}
