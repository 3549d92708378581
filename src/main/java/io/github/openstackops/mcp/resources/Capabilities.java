package io.github.openstackops.mcp.resources;

import io.github.openstackops.mcp.ServerInfo;
import io.github.openstackops.mcp.catalog.Secrets;
import io.github.openstackops.mcp.catalog.ToolCatalog;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.cloud.CloudProfile;
import io.github.openstackops.mcp.cloud.CloudSession;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What this server is and can do, as a client attaches it for context: the server, the cloud it talks to (name, auth
 * URL, region), whom it acts as (user, project, roles; never a secret), the services in the cloud's
 * catalog, and which tools are on and why the others are off. The cloud part says what went wrong instead when the
 * cloud cannot be reached or refuses the credentials.
 */
@Singleton
public class Capabilities {

    private final CloudSession session;
    private final ToolCatalog catalog;

    public Capabilities(CloudSession session, ToolCatalog catalog) {
        this.session = session;
        this.catalog = catalog;
    }

    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("server", Map.of("name", ServerInfo.NAME, "version", ServerInfo.VERSION));
        out.put("cloud", cloud());
        out.put("tools", tools());
        return out;
    }

    private Map<String, Object> cloud() {
        Map<String, Object> cloud = new LinkedHashMap<>();
        CloudProfile profile;
        try {
            profile = session.profile();
        } catch (RuntimeException e) {
            cloud.put("error", Secrets.scrub(e.getMessage()));
            return cloud;
        }
        cloud.put("name", profile.cloudName());
        cloud.put("auth_url", profile.authUrl().toString());
        cloud.put("region", profile.region());
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("user", profile.username() != null ? profile.username() : profile.userId());
        identity.put("project", profile.projectName() != null ? profile.projectName() : profile.projectId());
        identity.put("auth_method", profile.method().name().toLowerCase(java.util.Locale.ROOT));
        cloud.put("identity", identity);
        try {
            identity.put("roles", session.scope().roles());
            cloud.put("services", session.catalogServices());
        } catch (RuntimeException e) {
            cloud.put("error", "The cloud could not be reached or refused the credentials: "
                    + Secrets.scrub(e.getMessage()));
        }
        return cloud;
    }

    private Map<String, Object> tools() {
        List<String> enabled = new ArrayList<>();
        Map<String, List<String>> disabled = new TreeMap<>();
        for (ToolDefinition<?, ?> tool : catalog.all()) {
            var refusal = catalog.gate().serverRefusal(tool);
            if (refusal.isEmpty()) {
                enabled.add(tool.name());
            } else {
                String reason = refusal.get().replace("'" + tool.name() + "'", "it");
                disabled.computeIfAbsent(reason, r -> new ArrayList<>()).add(tool.name());
            }
        }
        Map<String, Object> tools = new LinkedHashMap<>();
        tools.put("enabled_count", enabled.size());
        tools.put("enabled", enabled);
        List<Map<String, Object>> off = new ArrayList<>();
        disabled.forEach((reason, names) -> off.add(Map.of("reason", reason, "tools", names)));
        tools.put("disabled", off);
        return tools;
    }
}
