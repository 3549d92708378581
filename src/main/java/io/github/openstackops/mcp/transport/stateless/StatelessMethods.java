package io.github.openstackops.mcp.transport.stateless;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The methods a stateless (2026-07-28) request may name, on both transports: every {@link StatelessMethod.Named} bean,
 * plus handlers registered in code. One name, one handler: registering a taken name replaces it (so an extension may
 * wrap a built-in method, e.g. {@code tools/call}, by looking it up first).
 */
@Singleton
public class StatelessMethods {

    private final Map<String, StatelessMethod> methods = new ConcurrentHashMap<>();

    public StatelessMethods(List<StatelessMethod.Named> named) {
        for (StatelessMethod.Named method : named) {
            methods.put(method.method(), method);
        }
    }

    /** Serves {@code method} with {@code handler} from now on. */
    public void register(String method, StatelessMethod handler) {
        methods.put(method, handler);
    }

    public Optional<StatelessMethod> find(String method) {
        return Optional.ofNullable(methods.get(method));
    }

    /** The method names served, for logs and tests. */
    public java.util.Set<String> names() {
        return java.util.Set.copyOf(methods.keySet());
    }
}
