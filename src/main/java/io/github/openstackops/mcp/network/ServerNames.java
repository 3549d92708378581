package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.cloud.Lookup;
import jakarta.inject.Singleton;
import org.openstack4j.api.exceptions.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Names of the servers ports belong to, for a whole page at once: one Nova call (the server itself when there is
 * one, else a list of ids and names; every project's servers when the token is admin's), never one call per port or
 * floating IP. A server the call does not
 * return (another project, or beyond the first thousand) keeps its id only; a failure of Nova never fails the call.
 */
@Singleton
public class ServerNames {

    private static final Logger LOG = LoggerFactory.getLogger(ServerNames.class);
    static final int NOVA_PAGE = 1000;

    private final NeutronApi neutron;

    public ServerNames(NeutronApi neutron) {
        this.neutron = neutron;
    }

    /** id → name for the given server ids (ids that are null or blank are ignored; no ids, no call). */
    public Map<String, String> of(Collection<String> serverIds) {
        Set<String> wanted = new LinkedHashSet<>();
        serverIds.stream().filter(Objects::nonNull).filter(s -> !s.isBlank()).forEach(wanted::add);
        Map<String, String> names = new HashMap<>();
        if (wanted.isEmpty()) {
            return names;
        }
        try {
            if (wanted.size() == 1) {
                String id = wanted.iterator().next();
                JsonNode server = neutron.compute("/servers/" + id, null).path("server");
                names.put(id, NeutronJson.text(server, "name"));
                return names;
            }
            Map<String, Object> query = new HashMap<>();
            query.put("limit", NOVA_PAGE);
            if (neutron.isAdmin()) {
                query.put("all_tenants", 1);
            }
            for (JsonNode s : neutron.compute("/servers", query).path("servers")) {
                String id = NeutronJson.text(s, "id");
                if (wanted.contains(id)) {
                    names.put(id, NeutronJson.text(s, "name"));
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("server names unavailable: {}", e.toString());
        }
        return names;
    }

    /** A server by id, or by exact name when that name is unique in the project (Nova). */
    public JsonNode resolve(String ref) {
        return Lookup.byIdOrName("Server", ref, id -> {
            try {
                return neutron.compute("/servers/" + id, null).path("server");
            } catch (ResponseException e) {
                if (e.getStatus() == 404) {
                    return null;
                }
                throw e;
            }
        }, name -> {
            List<JsonNode> found = new ArrayList<>();
            neutron.compute("/servers", Map.of("name", "^" + Lookup.regexLiteral(name) + "$")).path("servers")
                    .forEach(found::add);
            return found;
        }, s -> NeutronJson.text(s, "name"), s -> NeutronJson.text(s, "id"));
    }

    /** Whether a port belongs to a server (Nova's device owners are "compute:<zone>"). */
    static boolean isServerPort(JsonNode port) {
        String owner = NeutronJson.text(port, "device_owner");
        return owner != null && owner.startsWith("compute:");
    }
}
