package io.github.openstackops.mcp.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.identity.IdentityRecords.Catalog;
import io.github.openstackops.mcp.identity.IdentityRecords.DomainPage;
import io.github.openstackops.mcp.identity.IdentityRecords.TokenInfo;
import jakarta.inject.Singleton;

import java.util.List;

/** Identity basics: who this server is, the service catalog, domains. */
@Singleton
public class IdentityTools implements ToolProvider {

    /** How every Keystone list works, for the descriptions. */
    static final String UNPAGED = " Keystone does not paginate: the filters are applied by Keystone, then at most"
            + " 'limit' items are returned, sorted by name, and 'truncated' is true when more matched (narrow the"
            + " filters or raise 'limit').";
    static final String LIMIT = "Most items to return (Keystone has no pagination; see 'truncated')";

    public record NoArgs() {
    }

    public enum Interface { PUBLIC, INTERNAL, ADMIN }

    public record CatalogArgs(
            @Param(value = "Only this service, by type or name (e.g. compute, nova, volumev3)", maxLength = 255) String service,
            @JsonProperty("interface") @Param("Only endpoints of this interface") Interface iface,
            @Param(value = "Only endpoints in this region (e.g. RegionOne)", maxLength = 255) String region) {
    }

    public record DomainListArgs(
            @Param(value = "Only the domain with exactly this name", maxLength = 255) String name,
            @Param("Only enabled (true) or disabled (false) domains") Boolean enabled,
            @Limit(LIMIT) Integer limit) {
    }

    private final IdentityService identity;

    public IdentityTools(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("token_info", Toolset.IDENTITY, NoArgs.class, TokenInfo.class)
                        .title("Token: Info")
                        .description("Who this server is in the cloud: its user, project and domain, its roles there"
                                + " (and whether they make it an administrator), when its Keystone token expires,"
                                + " and how many services its catalog holds. Read from the cached token: no call to"
                                + " the cloud, and the token itself is never shown. Use it first to know what the"
                                + " other tools are allowed to do.")
                        .handler((ctx, a) -> identity.tokenInfo())
                        .build(),
                ToolDefinition.read("catalog_list", Toolset.IDENTITY, CatalogArgs.class, Catalog.class)
                        .title("Catalog: List")
                        .description("The service catalog as Keystone gives it to this server's token: every service"
                                + " (type, name) with its endpoint URLs per interface (public, internal, admin) and"
                                + " region, optionally only one service, interface or region. Use it to see which"
                                + " services the cloud offers and where they listen.")
                        .handler((ctx, a) -> identity.catalog(a.service(),
                                a.iface() == null ? null : a.iface().name().toLowerCase(java.util.Locale.ROOT),
                                a.region()))
                        .build(),
                ToolDefinition.read("domain_list", Toolset.IDENTITY, DomainListArgs.class, DomainPage.class)
                        .adminOnly()
                        .title("Domains: List")
                        .description("List Keystone domains (the namespaces of projects, users and groups),"
                                + " optionally by exact name or enabled state. Admin only." + UNPAGED)
                        .handler((ctx, a) -> identity.domains(a.name(), a.enabled(), a.limit()))
                        .build());
    }
}
