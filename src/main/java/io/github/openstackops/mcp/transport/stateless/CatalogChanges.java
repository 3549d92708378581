package io.github.openstackops.mcp.transport.stateless;

import io.github.openstackops.mcp.catalog.AdminTier;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who listens for changes of the tool catalog ({@code subscriptions/listen}) and when it changes: the admin tier
 * resolving ({@code MCP_ADMIN_TOOLS=auto}) adds or removes the admin operations for every caller. Each caller may keep
 * a bounded number of listeners open; at shutdown every listener is ended gracefully.
 */
@Singleton
public class CatalogChanges {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogChanges.class);

    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> perCaller = new ConcurrentHashMap<>();
    private final int maxPerCaller;

    /** One open subscription: told of changes, ended at shutdown. */
    public interface Listener {
        void toolsChanged();

        void end();
    }

    public CatalogChanges(AdminTier adminTier,
                          @Value("${mcp.stateless.max-listens-per-caller:8}") int maxPerCaller) {
        this.maxPerCaller = maxPerCaller;
        adminTier.onChange(this::toolsChanged);
    }

    /** Adds a listener for this caller, or empty when the caller already holds as many as allowed. */
    public Optional<Runnable> listen(String principal, Listener listener) {
        AtomicInteger open = perCaller.computeIfAbsent(principal, p -> new AtomicInteger());
        if (open.incrementAndGet() > maxPerCaller) {
            open.decrementAndGet();
            return Optional.empty();
        }
        listeners.add(listener);
        AtomicInteger once = new AtomicInteger();
        return Optional.of(() -> {
            if (once.getAndIncrement() == 0 && listeners.remove(listener)) {
                open.decrementAndGet();
            }
        });
    }

    /** The most listeners one caller may hold. */
    public int maxPerCaller() {
        return maxPerCaller;
    }

    /** Tells every listener that the tool list changed. */
    public void toolsChanged() {
        for (Listener listener : listeners) {
            try {
                listener.toolsChanged();
            } catch (RuntimeException e) {
                LOG.debug("a listener could not be told of a tool list change: {}", e.toString());
            }
        }
    }

    @PreDestroy
    void endAll() {
        for (Listener listener : listeners) {
            try {
                listener.end();
            } catch (RuntimeException e) {
                LOG.debug("a listener could not be ended: {}", e.toString());
            }
        }
    }
}
