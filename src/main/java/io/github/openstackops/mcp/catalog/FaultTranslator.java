package io.github.openstackops.mcp.catalog;

import java.util.Optional;

/**
 * Turns an exception from a cloud client library into a {@link ToolException} with a sentence a model can act on.
 * Implemented by the cloud package; the invoker consults it for anything a handler did not translate itself.
 */
public interface FaultTranslator {
    Optional<ToolException> translate(Throwable failure);
}
