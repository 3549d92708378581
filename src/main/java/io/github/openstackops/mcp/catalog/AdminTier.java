package io.github.openstackops.mcp.catalog;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Whether operations only a cloud administrator can use are offered ({@code MCP_ADMIN_TOOLS}). On and off are fixed;
 * auto offers them until Keystone has answered, then hides them when the configured identity holds no admin role,
 * and tells its listeners (the MCP servers send {@code notifications/tools/list_changed}) whenever that changes.
 */
@Singleton
public class AdminTier {

    public enum Setting {
        AUTO, ON, OFF;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Setting parse(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "auto", "" -> AUTO;
                case "on", "true" -> ON;
                case "off", "false" -> OFF;
                default -> throw new ConfigurationException("MCP_ADMIN_TOOLS=" + value + ": expected auto, on or off");
            };
        }
    }

    private final Setting setting;
    /** OS_IDENTITY_MODE caller or both: HTTP callers may act with their own identity, whose roles decide for them. */
    private final boolean perCaller;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Boolean admin;

    @Inject
    public AdminTier(CatalogSettings settings, @Value("${mcp.identity.mode:service}") String identityMode) {
        this(settings.admin(), !identityMode.trim().equalsIgnoreCase("service"));
    }

    public AdminTier(Setting setting) {
        this(setting, false);
    }

    public AdminTier(Setting setting, boolean perCaller) {
        this.setting = setting;
        this.perCaller = perCaller;
    }

    public Setting setting() {
        return setting;
    }

    /** What Keystone said about the configured identity, or empty while it has not answered. */
    public Optional<Boolean> knownAdmin() {
        return Optional.ofNullable(admin);
    }

    /**
     * True when admin-only operations are not offered now, to anyone. With per-caller identities (auto) they stay
     * registered: each caller's own roles decide ({@link #hidesFrom}).
     */
    public boolean hides() {
        if (perCaller && setting == Setting.AUTO) {
            return false;
        }
        return hidesFromService();
    }

    /** True when admin-only operations are hidden from this caller: by its own token's roles when it brought one. */
    public boolean hidesFrom(Caller caller) {
        if (setting != Setting.AUTO || caller.credential() == null) {
            return hidesFromService();
        }
        return !caller.credential().admin();
    }

    private boolean hidesFromService() {
        return switch (setting) {
            case ON -> false;
            case OFF -> true;
            case AUTO -> Boolean.FALSE.equals(admin);
        };
    }

    /** Records whether the configured identity holds the admin role; listeners hear of it when the offer changes. */
    public void observed(boolean isAdmin) {
        boolean before = hides();
        admin = isAdmin;
        if (before != hides()) {
            listeners.forEach(Runnable::run);
        }
    }

    /** Called whenever the set of offered operations changes. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** The reason an admin-only operation is refused now. */
    String refusal(String operation) {
        return refusal(operation, null);
    }

    /** The reason an admin-only operation is refused to this caller now. */
    String refusal(String operation, @Nullable Caller caller) {
        if (caller != null && caller.credential() != null && setting == Setting.AUTO) {
            return "'" + operation + "' needs the cloud's admin role, which the OpenStack identity you present ("
                    + caller.credential() + ") does not hold.";
        }
        return "'" + operation + "' needs the cloud's admin role, " + (setting == Setting.OFF
                ? "and MCP_ADMIN_TOOLS=off hides admin operations."
                : "which this server's OpenStack user does not hold (MCP_ADMIN_TOOLS=auto).");
    }
}
