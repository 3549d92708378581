package io.github.openstackops.mcp.transport;

import io.github.openstackops.mcp.catalog.AdminTier;
import io.github.openstackops.mcp.catalog.ToolCallObserver;
import io.github.openstackops.mcp.cloud.CloudSession;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Tells the admin tier ({@code MCP_ADMIN_TOOLS=auto}) whether the configured identity holds the admin role: once
 * Keystone first answers (asked in the background when an MCP server starts, again after a failure, backing off, at
 * most {@value #ATTEMPTS} times) and again after every executed call (from the cached token: no extra request).
 */
@Singleton
public class AdminRoleWatcher implements ToolCallObserver {

    private static final Logger LOG = LoggerFactory.getLogger(AdminRoleWatcher.class);
    private static final int ATTEMPTS = 5;

    private final AdminTier tier;
    private final CloudSession session;
    private volatile Thread probe;

    public AdminRoleWatcher(AdminTier tier, CloudSession session) {
        this.tier = tier;
        this.session = session;
    }

    /** Asks Keystone in the background until it answers (auto only). */
    public synchronized void start() {
        if (tier.setting() != AdminTier.Setting.AUTO || probe != null) {
            return;
        }
        probe = Thread.ofVirtual().name("admin-role-probe").start(() -> {
            Duration wait = Duration.ofSeconds(2);
            for (int attempt = 1; attempt <= ATTEMPTS && !Thread.currentThread().isInterrupted(); attempt++) {
                try {
                    boolean admin = session.isAdmin();
                    LOG.info("the configured identity {} the admin role: admin operations are {}",
                            admin ? "holds" : "does not hold", admin ? "offered" : "hidden (MCP_ADMIN_TOOLS=auto)");
                    tier.observed(admin);
                    return;
                } catch (RuntimeException e) {
                    LOG.debug("admin role not known yet: {}", e.getMessage());
                }
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
                wait = wait.multipliedBy(2);
            }
            LOG.info("Keystone has not answered yet: admin operations stay offered until a call succeeds");
        });
    }

    @Override
    public void onCall(Event event) {
        // a call made with a caller's own credential says nothing about the configured identity
        if (tier.setting() == AdminTier.Setting.AUTO && event.outcome() == Outcome.EXECUTED
                && event.caller().credential() == null) {
            try {
                tier.observed(session.isAdmin());
            } catch (RuntimeException e) {
                LOG.debug("admin role not readable after a call: {}", e.getMessage());
            }
        }
    }

    @PreDestroy
    void stop() {
        Thread t = probe;
        if (t != null) {
            t.interrupt();
        }
    }
}
