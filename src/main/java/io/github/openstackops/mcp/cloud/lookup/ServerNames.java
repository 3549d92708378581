package io.github.openstackops.mcp.cloud.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Names of servers for the families that show servers by id: the servers volumes are attached to (storage), ports
 * and floating IPs belong to (network). A whole page is named at once: one Nova call (the server itself when one
 * server is not named yet, else one list of ids and names, every project's when the token is admin's), never one
 * call per item. Names are kept for a minute (all those a listing returned), so the next page asks only for servers
 * not named yet. A server the call does not return (deleted, another project, beyond the first thousand) keeps its
 * id only; a failure of Nova never fails the call and is not remembered.
 */
@Singleton
public class ServerNames {

    private static final Logger LOG = LoggerFactory.getLogger(ServerNames.class);
    static final int NOVA_PAGE = 1000;

    private final NovaClient nova;
    private final CloudSession cloud;
    /** identity|id → name; empty for a server Nova said does not exist. */
    private final Cache<String, Optional<String>> names = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(20_000).build();

    public ServerNames(NovaClient nova, CloudSession cloud) {
        this.nova = nova;
        this.cloud = cloud;
    }

    /** Names are kept per OpenStack identity: one caller never sees a name only another's token could read. */
    private static String key(String id) {
        return CloudSession.identityKey() + "|" + id;
    }

    /** id → name for the given server ids (null or blank ids are ignored; servers without a name are left out). */
    public Map<String, String> of(Collection<String> serverIds) {
        Set<String> unnamed = new LinkedHashSet<>();
        Map<String, String> out = new HashMap<>();
        serverIds.stream().filter(Objects::nonNull).filter(s -> !s.isBlank()).forEach(id -> {
            Optional<String> known = names.getIfPresent(key(id));
            if (known == null) {
                unnamed.add(id);
            } else {
                known.ifPresent(name -> out.put(id, name));
            }
        });
        if (unnamed.isEmpty()) {
            return out;
        }
        try {
            if (unnamed.size() == 1) {
                String id = unnamed.iterator().next();
                Optional<String> name = Optional.ofNullable(nova.server(id)).map(s -> Json.text(s, "name"));
                names.put(key(id), name);
                name.ifPresent(n -> out.put(id, n));
                return out;
            }
            Map<String, Object> query = new HashMap<>();
            query.put("limit", NOVA_PAGE);
            if (cloud.isAdmin()) {
                query.put("all_tenants", 1);
            }
            for (JsonNode s : nova.get("/servers", query).path("servers")) {
                String id = Json.text(s, "id");
                String name = Json.text(s, "name");
                if (id == null) {
                    continue;
                }
                names.put(key(id), Optional.ofNullable(name));
                if (unnamed.contains(id) && name != null) {
                    out.put(id, name);
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("server names unavailable: {}", e.toString());
        }
        return out;
    }

    /** A server by id, or by exact name when that name is unique in the project. */
    public JsonNode resolve(String ref) {
        return Lookup.byIdOrName("Server", ref, nova::server, name -> {
            List<JsonNode> found = new ArrayList<>();
            nova.get("/servers", Map.of("name", "^" + Lookup.regexLiteral(name) + "$")).path("servers")
                    .forEach(found::add);
            return found;
        }, s -> Json.text(s, "name"), s -> Json.text(s, "id"));
    }
}
