package io.github.openstackops.mcp.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Ref;
import io.github.openstackops.mcp.cloud.CloudProfile;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.TokenScope;
import io.github.openstackops.mcp.cloud.services.KeystoneClient;
import io.github.openstackops.mcp.identity.IdentityRecords.Catalog;
import io.github.openstackops.mcp.identity.IdentityRecords.CatalogService;
import io.github.openstackops.mcp.identity.IdentityRecords.Domain;
import io.github.openstackops.mcp.identity.IdentityRecords.DomainPage;
import io.github.openstackops.mcp.identity.IdentityRecords.Endpoint;
import io.github.openstackops.mcp.identity.IdentityRecords.TokenInfo;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Who this server is (token_info), the service catalog, and domains. */
@Singleton
public class IdentityService {

    private final CloudSession cloud;
    private final KeystoneClient keystone;

    public IdentityService(CloudSession cloud, KeystoneClient keystone) {
        this.cloud = cloud;
        this.keystone = keystone;
    }

    /** From the cached token; its id never leaves this method (it is not even read). */
    public TokenInfo tokenInfo() {
        TokenScope token = cloud.scope();
        CloudProfile profile = cloud.profile();
        Instant expires = token.expiresAt();
        return new TokenInfo(ref(token.user()), ref(token.userDomain()), ref(token.project()),
                ref(token.projectDomain()), ref(token.domain()), token.roles(),
                token.roles().stream().anyMatch(r -> r.equalsIgnoreCase("admin")), token.methods(),
                token.issuedAt() == null ? null : token.issuedAt().toString(),
                expires == null ? null : expires.toString(),
                expires == null ? null : Math.max(0, Duration.between(Instant.now(), expires).toSeconds()),
                token.catalogServices(), profile.authUrl().toString(), profile.region(), profile.facing().value());
    }

    @Nullable
    private static Ref ref(@Nullable TokenScope.Named named) {
        return named == null ? null : new Ref(named.id(), named.name());
    }

    /**
     * The catalog as Keystone gives it to this token now ({@code GET /v3/auth/catalog}: any user may read it),
     * filtered here: the catalog is one small document that Keystone cannot filter.
     */
    public Catalog catalog(@Nullable String service, @Nullable String iface, @Nullable String region) {
        JsonNode body = keystone.get("/auth/catalog", null);
        List<CatalogService> services = new ArrayList<>();
        int endpoints = 0;
        for (JsonNode s : body.path("catalog")) {
            String type = Json.nonEmpty(s, "type");
            String name = Json.nonEmpty(s, "name");
            if (service != null && !service.equalsIgnoreCase(type) && !service.equalsIgnoreCase(name)) {
                continue;
            }
            List<Endpoint> eps = new ArrayList<>();
            for (JsonNode e : s.path("endpoints")) {
                String epInterface = Json.nonEmpty(e, "interface");
                String epRegion = Json.nonEmpty(e, "region_id") != null ? Json.nonEmpty(e, "region_id")
                        : Json.nonEmpty(e, "region");
                if (iface != null && !iface.equalsIgnoreCase(epInterface)
                        || region != null && !region.equals(epRegion)) {
                    continue;
                }
                eps.add(new Endpoint(Json.nonEmpty(e, "id"), epInterface, epRegion, Json.nonEmpty(e, "url")));
            }
            if (eps.isEmpty() && (iface != null || region != null)) {
                continue;
            }
            eps.sort(Comparator.comparing((Endpoint e) -> String.valueOf(e.region()))
                    .thenComparing(e -> String.valueOf(e.iface())));
            endpoints += eps.size();
            services.add(new CatalogService(type, name, Json.nonEmpty(s, "id"), eps));
        }
        services.sort(Comparator.comparing((CatalogService s) -> String.valueOf(s.type()))
                .thenComparing(s -> String.valueOf(s.name())));
        return new Catalog(services, services.size(), endpoints);
    }

    public DomainPage domains(@Nullable String name, @Nullable Boolean enabled, int limit) {
        Map<String, Object> query = new LinkedHashMap<>();
        if (name != null) {
            query.put("name", name);
        }
        if (enabled != null) {
            query.put("enabled", enabled.toString().toLowerCase(Locale.ROOT));
        }
        JsonNode body = keystone.get("/domains", query);
        List<Domain> all = Identities.byName(KeystoneClient.items(body, "domains", Identities::domain), Domain::name,
                Domain::id);
        Capped<Domain> page = Capped.of(all, limit, KeystoneClient.truncatedByKeystone(body));
        return new DomainPage(page.items(), page.items().size(), page.truncated());
    }
}
