package io.github.openstackops.mcp.catalog;

import io.micronaut.core.annotation.Nullable;

/**
 * Who is calling, as far as the gate, the confirmation tokens and the audit trail care.
 *
 * @param principal  a stable identity: "stdio", "static-token", a JWT subject, or "anonymous" when HTTP auth is off
 * @param method     how the caller was authenticated
 * @param mayModify  whether this caller may see and call WRITE and DESTRUCTIVE tools at all (a JWT without the write
 *                   scope may not); the server-wide {@code ALLOW_MODIFY_OPERATIONS} applies on top of this
 * @param credential the Keystone application credential the caller presented and Keystone accepted
 *                   ({@code OS_IDENTITY_MODE=caller|both}): its calls act with its token; null = this server's own
 *                   OpenStack identity
 */
public record Caller(String principal, AuthMethod method, boolean mayModify, @Nullable OpenStackCredential credential) {

    public Caller(String principal, AuthMethod method, boolean mayModify) {
        this(principal, method, mayModify, null);
    }

    /** The same caller acting in OpenStack with this credential. */
    public Caller withCredential(@Nullable OpenStackCredential presented) {
        return new Caller(principal, method, mayModify, presented);
    }

    /**
     * Who owns what this caller starts (tasks, confirmation rounds): how it authenticated, its principal and the
     * OpenStack identity it acts with. Two people sharing a principal (auth off, one static token) but presenting
     * different application credentials are different owners.
     */
    public String identityKey() {
        return method + "\n" + principal + "\n" + (credential == null ? "service" : credential.key());
    }

    public enum AuthMethod { LOCAL, NONE, STATIC_TOKEN, JWT }

    /** The local operator on the other end of a stdio pipe. */
    public static final Caller STDIO = new Caller("stdio", AuthMethod.LOCAL, true);

    /** An HTTP caller while authentication is disabled (the operator's choice; the server-wide gate still holds). */
    public static final Caller ANONYMOUS = new Caller("anonymous", AuthMethod.NONE, true);

    /**
     * The fallback when a request reaches a tool without a caller its transport resolved: it may only read, so a path
     * that forgot to attach the caller fails closed.
     */
    public static final Caller UNRESOLVED = new Caller("unresolved", AuthMethod.NONE, false);

    public static final Caller STATIC_TOKEN = new Caller("static-token", AuthMethod.STATIC_TOKEN, true);
}
