package io.github.openstackops.mcp.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.Secrets;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.services.KeystoneClient;
import io.github.openstackops.mcp.identity.AccessRecords.ApplicationCredential;
import io.github.openstackops.mcp.identity.AccessRecords.ApplicationCredentialCreated;
import io.github.openstackops.mcp.identity.AccessRecords.ApplicationCredentialPage;
import io.github.openstackops.mcp.identity.IdentityRecords.Deleted;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Keystone application credentials: list, get, create (for this server's own user: Keystone lets only the user
 * itself create them), delete. The secret is returned once, at creation, and registered so no log can show it.
 */
@Singleton
public class ApplicationCredentialService {

    private final KeystoneClient keystone;
    private final Identities identities;
    private final CloudSession cloud;

    public ApplicationCredentialService(KeystoneClient keystone, Identities identities, CloudSession cloud) {
        this.keystone = keystone;
        this.identities = identities;
        this.cloud = cloud;
    }

    public ApplicationCredentialPage list(@Nullable String user, @Nullable String name, int limit) {
        JsonNode body = keystone.get(collection(ownerId(user)), name == null ? null : Map.of("name", name));
        List<ApplicationCredential> all = Identities.byName(KeystoneClient.items(body, "application_credentials",
                ApplicationCredentialService::credential), ApplicationCredential::name, ApplicationCredential::id);
        Capped<ApplicationCredential> page = Capped.of(all, limit, KeystoneClient.truncatedByKeystone(body));
        return new ApplicationCredentialPage(page.items(), page.items().size(), page.truncated());
    }

    public ApplicationCredential get(String credential, @Nullable String user) {
        return credential(resolve(credential, ownerId(user)));
    }

    public ApplicationCredentialCreated create(String name, @Nullable String description, @Nullable List<String> roles,
                                               @Nullable String expiresAt, boolean unrestricted) {
        String userId = ownerId(null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name.trim());
        Json.putIfSet(body, "description", description);
        if (roles != null && !roles.isEmpty()) {
            body.put("roles", roles.stream().map(r -> Map.of("name", r.trim())).toList());
        }
        if (expiresAt != null) {
            body.put("expires_at", futureTime(expiresAt));
        }
        if (unrestricted) {
            body.put("unrestricted", true);
        }
        JsonNode created = keystone.create(collection(userId), "application_credential", body,
                "This user already has an application credential named '" + name.trim() + "'; choose another name,"
                        + " or delete that one first.");
        String secret = Json.text(created, "secret");
        Secrets.register(secret);
        ApplicationCredential result = credential(created);
        return new ApplicationCredentialCreated(result, secret, "Application credential '" + result.name() + "' ("
                + result.id() + ") created for user " + userId + " on project " + result.projectId() + " with roles "
                + result.roles() + (result.expiresAt() == null ? ", without expiry" : ", expiring " + result.expiresAt())
                + ". Authenticate with OS_AUTH_TYPE=v3applicationcredential, OS_APPLICATION_CREDENTIAL_ID=" + result.id()
                + " and OS_APPLICATION_CREDENTIAL_SECRET set to the secret above. Store the secret now: Keystone keeps"
                + " only its hash and it is never shown again.");
    }

    public Preview deletePreview(String credential, @Nullable String user) {
        JsonNode c = deletable(credential, ownerId(user));
        ApplicationCredential a = credential(c);
        List<String> warnings = new ArrayList<>();
        warnings.add("Everything that authenticates with this credential (scripts, CI jobs, other servers) stops"
                + " working at once, and the tokens issued from it are revoked. Deleting cannot be undone.");
        if (a.unrestricted()) {
            warnings.add("It is unrestricted: the credentials and trusts created with it may go with it.");
        }
        return new Preview("delete application credential", "Delete application credential '" + a.name() + "' ("
                + a.id() + ") of user " + a.userId() + ", scoped to project " + a.projectId() + " with roles "
                + a.roles() + ".", List.of(new Preview.Resource("application_credential", a.id(), a.name(), "deleted")),
                warnings);
    }

    public Deleted delete(String credential, @Nullable String user) {
        String userId = ownerId(user);
        JsonNode c = deletable(credential, userId);
        String id = Json.nonEmpty(c, "id");
        String name = Json.nonEmpty(c, "name");
        keystone.delete(collection(userId) + "/" + Json.segment(id));
        return new Deleted(id, name, "Application credential '" + name + "' (" + id + ") is deleted; it no longer"
                + " authenticates.");
    }

    private JsonNode deletable(String credential, String userId) {
        JsonNode c = resolve(credential, userId);
        String id = Json.nonEmpty(c, "id");
        if (Objects.equals(id, cloud.profile().applicationCredentialId())) {
            throw ToolException.refused("Refusing to delete application credential '" + Json.nonEmpty(c, "name")
                    + "' (" + id + "): it is the credential this server authenticates with; deleting it would cut"
                    + " this server off from the cloud.");
        }
        return c;
    }

    private JsonNode resolve(String credential, String userId) {
        String path = collection(userId);
        return Lookup.byIdOrName("Application credential", credential,
                id -> keystone.find(path + "/" + Json.segment(id), "application_credential"),
                name -> KeystoneClient.items(keystone.get(path, Map.of("name", name)), "application_credentials",
                        Function.identity()),
                n -> Json.nonEmpty(n, "name"), n -> Json.nonEmpty(n, "id"));
    }

    /** The owner: the named user (reading another user's credentials needs an admin), else this server's own. */
    private String ownerId(@Nullable String user) {
        if (user == null || user.isBlank()) {
            String self = identities.self().userId();
            if (self == null) {
                throw ToolException.invalid("This server's token names no user; give 'user'.");
            }
            return self;
        }
        return Json.nonEmpty(identities.user(user, null), "id");
    }

    private static String collection(String userId) {
        return "/users/" + Json.segment(userId) + "/application_credentials";
    }

    /** ISO-8601 in the future, as Keystone stores it (UTC, no offset). */
    static String futureTime(String text) {
        Instant at;
        String value = text.trim();
        try {
            at = value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$") ? OffsetDateTime.parse(value).toInstant()
                    : LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ToolException.invalid("expires_at must be an ISO-8601 time such as 2027-06-30T00:00:00Z; got '"
                    + value + "'.");
        }
        if (!at.isAfter(Instant.now())) {
            throw ToolException.invalid("expires_at must be in the future; " + value + " has passed.");
        }
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC).toString();
    }

    static ApplicationCredential credential(JsonNode n) {
        List<String> roles = Json.array(n, "roles").stream().map(r -> Json.nonEmpty(r, "name")).filter(Objects::nonNull)
                .sorted().toList();
        return new ApplicationCredential(Json.nonEmpty(n, "id"), Json.nonEmpty(n, "name"),
                Json.nonEmpty(n, "description"), Json.nonEmpty(n, "user_id"), Json.nonEmpty(n, "project_id"), roles,
                n.path("unrestricted").asBoolean(false), Json.nonEmpty(n, "expires_at"));
    }
}
