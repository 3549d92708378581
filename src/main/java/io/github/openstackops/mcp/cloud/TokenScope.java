package io.github.openstackops.mcp.cloud;

import io.micronaut.core.annotation.Nullable;
import org.openstack4j.model.identity.v3.Token;

import java.time.Instant;
import java.util.List;

/**
 * What the cached token says about this server's identity and scope, never the token itself: who it is, which
 * project or domain it acts in, with which roles, and how long the token lasts.
 */
public record TokenScope(@Nullable Named user, @Nullable Named userDomain, @Nullable Named project,
                         @Nullable Named projectDomain, @Nullable Named domain, List<String> roles,
                         List<String> methods, @Nullable Instant issuedAt, @Nullable Instant expiresAt,
                         int catalogServices) {

    /** An id and its name. */
    public record Named(String id, @Nullable String name) {
    }

    static TokenScope of(Token token) {
        return new TokenScope(
                token.getUser() == null ? null : new Named(token.getUser().getId(), token.getUser().getName()),
                token.getUser() == null || token.getUser().getDomain() == null ? null
                        : new Named(token.getUser().getDomain().getId(), token.getUser().getDomain().getName()),
                token.getProject() == null ? null : new Named(token.getProject().getId(), token.getProject().getName()),
                token.getProject() == null || token.getProject().getDomain() == null ? null
                        : new Named(token.getProject().getDomain().getId(), token.getProject().getDomain().getName()),
                token.getDomain() == null ? null : new Named(token.getDomain().getId(), token.getDomain().getName()),
                token.getRoles() == null ? List.of() : token.getRoles().stream().map(r -> r.getName()).sorted().toList(),
                token.getMethods() == null ? List.of() : List.copyOf(token.getMethods()),
                token.getIssuedAt() == null ? null : token.getIssuedAt().toInstant(),
                token.getExpires() == null ? null : token.getExpires().toInstant(),
                token.getCatalog() == null ? 0 : token.getCatalog().size());
    }
}
