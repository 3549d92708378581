package io.github.openstackops.mcp.catalog;

import io.micronaut.core.annotation.Nullable;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The OpenStack identity the current thread acts with: a caller's {@link OpenStackCredential}, or none for this
 * server's own (service) identity. The invoker makes the caller's credential current for the whole call; the cloud
 * session reads it to pick the token. A thread started inside a call does not inherit it: every executor used inside
 * a tool must hand its tasks through {@link #carried}, which captures the identity where the task is created and
 * installs it where it runs (a fan-out that silently fell back to the service identity would let a caller act as the
 * server). The cloud the call acts in ({@code OS_CLOUDS}, several clouds) is thread state of the same kind, carried the
 * same way: a fan-out that silently switched clouds would read or change the wrong cloud.
 */
public final class ActingIdentity {

    private static final ThreadLocal<OpenStackCredential> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<String> CLOUD = new ThreadLocal<>();

    private ActingIdentity() {
    }

    /** Restores the identity that was current before {@link #enter}. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** The caller's credential this thread acts with, or null for the service identity. */
    @Nullable
    public static OpenStackCredential current() {
        return CURRENT.get();
    }

    /** Makes {@code credential} (null: the service identity) current until the scope is closed. */
    public static Scope enter(@Nullable OpenStackCredential credential) {
        OpenStackCredential before = CURRENT.get();
        set(credential);
        return () -> set(before);
    }

    /** The clouds.yaml name of the cloud this thread acts in, or null: the only (or default) cloud. */
    @Nullable
    public static String cloud() {
        return CLOUD.get();
    }

    /** Makes {@code cloud} (null: the only or default cloud) current until the scope is closed. */
    public static Scope enterCloud(@Nullable String cloud) {
        String before = CLOUD.get();
        setCloud(cloud);
        return () -> setCloud(before);
    }

    /** The task, run on whatever thread with the identity and cloud current here and now. */
    public static <T> Callable<T> carried(Callable<T> task) {
        OpenStackCredential captured = CURRENT.get();
        String cloud = CLOUD.get();
        return () -> {
            try (Scope ignored = enter(captured); Scope in = enterCloud(cloud)) {
                return task.call();
            }
        };
    }

    /** As {@link #carried(Callable)} for a supplier. */
    public static <T> Supplier<T> carried(Supplier<T> task) {
        OpenStackCredential captured = CURRENT.get();
        String cloud = CLOUD.get();
        return () -> {
            try (Scope ignored = enter(captured); Scope in = enterCloud(cloud)) {
                return task.get();
            }
        };
    }

    private static void setCloud(@Nullable String cloud) {
        if (cloud == null) {
            CLOUD.remove();
        } else {
            CLOUD.set(cloud);
        }
    }

    private static void set(@Nullable OpenStackCredential credential) {
        if (credential == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(credential);
        }
    }
}
