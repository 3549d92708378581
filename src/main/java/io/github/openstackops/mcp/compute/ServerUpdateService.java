package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.compute.ServerRecords.ServerUpdated;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.core.transport.HttpMethod;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Renaming a server and changing its description (Nova microversion 2.19 for the description). */
@Singleton
public class ServerUpdateService {

    static final String DESCRIPTION_MICROVERSION = "2.19";

    private final ServerService servers;
    private final ServerActions actions;

    public ServerUpdateService(ServerService servers, ServerActions actions) {
        this.servers = servers;
        this.actions = actions;
    }

    /** An empty description clears it. */
    public ServerUpdated update(String server, @Nullable String name, @Nullable String description) {
        if (!ServerService.notBlank(name) && description == null) {
            throw ToolException.invalid("Give 'name' (a new name) or 'description' (\"\" clears it): there is"
                    + " nothing to change.");
        }
        NovaServer s = servers.resolve(server);
        Map<String, Object> changes = new LinkedHashMap<>();
        if (ServerService.notBlank(name)) {
            changes.put("name", name.trim());
        }
        if (description != null) {
            changes.put("description", description.isEmpty() ? null : description);
        }
        JsonNode answer = actions.send(HttpMethod.PUT, "/servers/" + s.id(), Map.of("server", changes),
                DESCRIPTION_MICROVERSION, "update server '" + s.name() + "'");
        JsonNode now = answer.get("server");
        String newName = Json.text(now, "name");
        String message = "Server " + s.id() + (Objects.equals(s.name(), newName) ? " ('" + newName + "')"
                : " is renamed from '" + s.name() + "' to '" + newName + "'")
                + (description == null ? "" : description.isEmpty() ? "; its description is cleared"
                : "; its description is set") + ".";
        return new ServerUpdated(s.id(), s.name(), newName, Json.text(now, "description"), message);
    }
}
