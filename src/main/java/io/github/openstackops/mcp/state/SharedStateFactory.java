package io.github.openstackops.mcp.state;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** MCP_STATE_STORE unset or {@code memory}: {@link LocalState}; {@code redis://...}: {@link RedisState}. */
@Factory
public class SharedStateFactory {

    public static final String PROPERTY = "mcp.state-store";
    private static final Logger LOG = LoggerFactory.getLogger(SharedStateFactory.class);

    @Singleton
    @Bean(preDestroy = "close")
    SharedState sharedState(@Nullable @Value("${" + PROPERTY + ":}") String store) {
        SharedState state = store == null || store.isBlank() || store.equals("memory") ? new LocalState()
                : new RedisState(store);
        LOG.info("shared state (confirmations used, rate limits): {}", state.where());
        return state;
    }
}
