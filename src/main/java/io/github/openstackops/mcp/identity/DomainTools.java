package io.github.openstackops.mcp.identity;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.identity.AccessRecords.DomainChange;
import io.github.openstackops.mcp.identity.AccessRecords.DomainDetail;
import io.github.openstackops.mcp.identity.IdentityRecords.Deleted;
import jakarta.inject.Singleton;

import java.util.List;

/** Domain tools beside domain_list: get, create, update, delete. All admin only. */
@Singleton
public class DomainTools implements ToolProvider {

    static final String DOMAIN = "Domain id, or its exact name";
    static final String GUARDED = " Refused for the default domain and this server's own.";

    public record GetArgs(@IdOrName(DOMAIN) String domain) {
    }

    public record CreateArgs(
            @Param(value = "Name of the new domain (unique in the cloud)", required = true, minLength = 1, maxLength = 64) String name,
            @Param(value = "Description", maxLength = 255) String description,
            @Param(value = "Whether the domain starts enabled", defaultValue = "true") Boolean enabled) {
    }

    public record UpdateArgs(
            @IdOrName(DOMAIN) String domain,
            @Param(value = "New name", minLength = 1, maxLength = 64) String name,
            @Param(value = "New description (empty text clears it)", maxLength = 255) String description,
            @Param("true enables the domain, false disables it (its users can no longer authenticate; nothing is deleted)") Boolean enabled) {
    }

    private final DomainService domains;

    public DomainTools(DomainService domains) {
        this.domains = domains;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("domain_get", Toolset.IDENTITY, GetArgs.class, DomainDetail.class)
                        .adminOnly()
                        .title("Domains: Get")
                        .description("One domain: description, enabled state and how many projects, users and groups"
                                + " it holds. Admin only.")
                        .handler((ctx, a) -> domains.get(a.domain()))
                        .build(),
                ToolDefinition.write("domain_create", Toolset.IDENTITY, CreateArgs.class, DomainChange.class)
                        .adminOnly()
                        .title("Domains: Create")
                        .description("Create a domain, a namespace for projects, users and groups. Admin only.")
                        .handler((ctx, a) -> domains.create(a.name(), a.description(), !Boolean.FALSE.equals(a.enabled())))
                        .build(),
                ToolDefinition.write("domain_update", Toolset.IDENTITY, UpdateArgs.class, DomainChange.class)
                        .adminOnly()
                        .title("Domains: Update")
                        .description("Rename a domain, change its description, or enable/disable it (disabling is the"
                                + " reversible way to cut off all its users). Only what is given changes. Admin only."
                                + " Disabling or renaming is" + GUARDED.replace(" Refused", " refused"))
                        .handler((ctx, a) -> domains.update(a.domain(), a.name(), a.description(), a.enabled()))
                        .build(),
                ToolDefinition.destructive("domain_delete", Toolset.IDENTITY, GetArgs.class, Deleted.class)
                        .adminOnly()
                        .title("Domains: Delete")
                        .description("Disable and delete a domain with every project, user and group in it; the"
                                + " preview names them and warns that servers, volumes and networks of its projects"
                                + " are orphaned, not deleted. Admin only." + GUARDED)
                        .preview((ctx, a) -> domains.deletePreview(a.domain()))
                        .handler((ctx, a) -> domains.delete(a.domain()))
                        .build());
    }
}
