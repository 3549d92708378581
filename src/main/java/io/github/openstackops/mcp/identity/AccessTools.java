package io.github.openstackops.mcp.identity;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.identity.AccessRecords.ApplicationCredential;
import io.github.openstackops.mcp.identity.AccessRecords.ApplicationCredentialCreated;
import io.github.openstackops.mcp.identity.AccessRecords.ApplicationCredentialPage;
import io.github.openstackops.mcp.identity.AccessRecords.CloudPage;
import io.github.openstackops.mcp.identity.AccessRecords.Region;
import io.github.openstackops.mcp.identity.AccessRecords.RegionPage;
import io.github.openstackops.mcp.identity.IdentityRecords.Deleted;
import jakarta.inject.Singleton;

import java.util.List;

import static io.github.openstackops.mcp.identity.IdentityTools.LIMIT;
import static io.github.openstackops.mcp.identity.IdentityTools.UNPAGED;

/** Application credentials (list, get, create, delete), regions (list, get) and the clouds offered. */
@Singleton
public class AccessTools implements ToolProvider {

    static final String CREDENTIAL = "Application credential id, or its exact name";
    static final String OWNER = "User (id or name) whose credentials these are; default: this server's own user."
            + " Another user's need an admin";

    public record CredentialListArgs(
            @Param(value = OWNER, maxLength = 255) String user,
            @Param(value = "Only the credential with exactly this name", maxLength = 255) String name,
            @Limit(LIMIT) Integer limit) {
    }

    public record CredentialArgs(
            @IdOrName(CREDENTIAL) String credential,
            @Param(value = OWNER, maxLength = 255) String user) {
    }

    public record CredentialCreateArgs(
            @Param(value = "Name of the new credential (unique for this user)", required = true, minLength = 1, maxLength = 255) String name,
            @Param(value = "Description", maxLength = 255) String description,
            @Param(value = "Role names it carries, a subset of this server's roles on its project (default: all of them)", maxItems = 20) List<String> roles,
            @Param(value = "When it expires, ISO-8601 (e.g. 2027-06-30T00:00:00Z); default: never", maxLength = 64) String expiresAt,
            @Param(value = "true lets it create further credentials and trusts: avoid unless a tool needs it", defaultValue = "false") Boolean unrestricted) {
    }

    public record RegionListArgs(
            @Param(value = "Only the child regions of this region id", maxLength = 255) String parent) {
    }

    public record RegionArgs(
            @Param(value = "Region id, e.g. RegionOne", required = true, minLength = 1, maxLength = 255) String region) {
    }

    private final ApplicationCredentialService credentials;
    private final RegionService regions;

    public AccessTools(ApplicationCredentialService credentials, RegionService regions) {
        this.credentials = credentials;
        this.regions = regions;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("application_credential_list", Toolset.IDENTITY, CredentialListArgs.class,
                                ApplicationCredentialPage.class)
                        .title("Application Credentials: List")
                        .description("A user's application credentials (default: this server's own user): name,"
                                + " project, roles, expiry. Secrets are never shown." + UNPAGED)
                        .handler((ctx, a) -> credentials.list(a.user(), a.name(), a.limit()))
                        .build(),
                ToolDefinition.read("application_credential_get", Toolset.IDENTITY, CredentialArgs.class,
                                ApplicationCredential.class)
                        .title("Application Credentials: Get")
                        .description("One application credential: its project, roles, whether it is unrestricted and"
                                + " when it expires. The secret is never shown.")
                        .handler((ctx, a) -> credentials.get(a.credential(), a.user()))
                        .build(),
                ToolDefinition.write("application_credential_create", Toolset.IDENTITY, CredentialCreateArgs.class,
                                ApplicationCredentialCreated.class)
                        .title("Application Credentials: Create")
                        .description("Create an application credential for this server's own user, scoped to its"
                                + " project, optionally with fewer roles and an expiry (Keystone lets only a user"
                                + " create its own). The secret is returned this once and never again.")
                        .handler((ctx, a) -> credentials.create(a.name(), a.description(), a.roles(), a.expiresAt(),
                                Boolean.TRUE.equals(a.unrestricted())))
                        .build(),
                ToolDefinition.destructive("application_credential_delete", Toolset.IDENTITY, CredentialArgs.class,
                                Deleted.class)
                        .title("Application Credentials: Delete")
                        .description("Delete an application credential: whatever authenticates with it stops working"
                                + " at once. Refused for the credential this server itself uses.")
                        .preview((ctx, a) -> credentials.deletePreview(a.credential(), a.user()))
                        .handler((ctx, a) -> credentials.delete(a.credential(), a.user()))
                        .build(),
                ToolDefinition.read("region_list", Toolset.IDENTITY, RegionListArgs.class, RegionPage.class)
                        .title("Regions: List")
                        .description("The cloud's regions (where endpoints live), optionally only the children of"
                                + " one region.")
                        .handler((ctx, a) -> regions.list(a.parent()))
                        .build(),
                ToolDefinition.read("cloud_list", Toolset.IDENTITY, IdentityTools.NoArgs.class, CloudPage.class)
                        .title("Clouds: List")
                        .description("The clouds this server offers: Keystone URL, region, project, the default,"
                                + " and each one's regions.")
                        .handler((ctx, a) -> regions.clouds())
                        .build(),
                ToolDefinition.read("region_get", Toolset.IDENTITY, RegionArgs.class, Region.class)
                        .title("Regions: Get")
                        .description("One region: its description and parent region.")
                        .handler((ctx, a) -> regions.get(a.region()))
                        .build());
    }
}
