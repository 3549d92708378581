package io.github.openstackops.mcp.transport.stateless;

import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code tools/list} of 2026-07-28: the caller's whole list in one page, cacheable privately (it depends on who asks)
 * for {@code ttlMs}, with the list's fingerprint in {@code _meta}.
 */
@Singleton
class ToolsListMethod implements StatelessMethod.Named {

    private final CacheableToolList tools;

    ToolsListMethod(CacheableToolList tools) {
        this.tools = tools;
    }

    @Override
    public String method() {
        return "tools/list";
    }

    @Override
    public CompletableFuture<StatelessReply> handle(StatelessRequest request) {
        CacheableToolList.Listed listed = tools.visibleTo(request.caller());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tools", listed.tools());
        result.put("ttlMs", listed.ttlMs());
        result.put("cacheScope", "private");
        result.put("_meta", Map.of(CacheableToolList.META_FINGERPRINT, listed.fingerprint()));
        return CompletableFuture.completedFuture(StatelessReply.result(result));
    }
}
