package io.github.openstackops.mcp.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.openstackops.mcp.catalog.Secrets;

/** {@code %maskedMsg}: the log message with every known secret replaced by ***. */
public class MaskedMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Secrets.scrub(super.convert(event));
    }
}
