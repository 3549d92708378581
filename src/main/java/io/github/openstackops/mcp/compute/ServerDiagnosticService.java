package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudApi;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.compute.ServerDiagnosticRecords.ActionEvent;
import io.github.openstackops.mcp.compute.ServerDiagnosticRecords.ConsoleLog;
import io.github.openstackops.mcp.compute.ServerDiagnosticRecords.ConsoleUrl;
import io.github.openstackops.mcp.compute.ServerDiagnosticRecords.ServerAction;
import io.github.openstackops.mcp.compute.ServerDiagnosticRecords.ServerActionPage;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.core.transport.HttpMethod;
import org.openstack4j.model.compute.Server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A server's history (instance actions and their events), console output and remote console URL. */
@Singleton
public class ServerDiagnosticService {

    /** Paginated instance actions (2.58) whose events name their host (2.62). */
    static final String ACTIONS_MICROVERSION = "2.62";
    /** remote-consoles with every protocol, including mks (2.8). */
    static final String CONSOLE_MICROVERSION = "2.8";
    /** Most actions whose events are fetched in one call (one request each). */
    static final int MAX_WITH_EVENTS = 20;

    /** Remote console kinds, as Nova's remote-consoles API names them. */
    public enum ConsoleType {
        NOVNC("vnc", "novnc"), SPICE_HTML5("spice", "spice-html5"), SERIAL("serial", "serial"),
        RDP_HTML5("rdp", "rdp-html5"), WEBMKS("mks", "webmks");

        final String protocol;
        final String type;

        ConsoleType(String protocol, String type) {
            this.protocol = protocol;
            this.type = type;
        }
    }

    private final CloudSession cloud;
    private final CloudApi api;
    private final ServerService servers;
    private final ServerActions actions;

    public ServerDiagnosticService(CloudSession cloud, CloudApi api, ServerService servers, ServerActions actions) {
        this.cloud = cloud;
        this.api = api;
        this.servers = servers;
        this.actions = actions;
    }

    public ServerActionPage actions(String server, int limit, @Nullable String marker, boolean withEvents) {
        if (withEvents && limit > MAX_WITH_EVENTS) {
            throw ToolException.invalid("with_events fetches each action's events one request at a time: use a limit"
                    + " of at most " + MAX_WITH_EVENTS + ".");
        }
        return cloud.call(os -> {
            Server s = servers.resolve(os, server);
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("limit", Paging.fetchSize(limit));
            if (ServerService.notBlank(marker)) {
                query.put("marker", marker.trim());
            }
            String base = "/servers/" + s.getId() + "/os-instance-actions";
            List<JsonNode> fetched = Json.array(api.get(ServiceType.COMPUTE, base, query,
                    CloudApi.nova(ACTIONS_MICROVERSION)), "instanceActions");
            Paging.Slice<JsonNode> page = Paging.slice(fetched, limit, a -> Json.text(a, "request_id"));
            List<ServerAction> out = page.items().stream().map(a -> {
                List<ActionEvent> events = null;
                if (withEvents) {
                    JsonNode detail = api.get(ServiceType.COMPUTE, base + "/" + Json.text(a, "request_id"),
                            Map.of(), CloudApi.nova(ACTIONS_MICROVERSION)).get("instanceAction");
                    events = Json.array(detail, "events").stream().map(e -> new ActionEvent(
                            Json.text(e, "event"), Json.text(e, "result"),
                            Json.text(e, "start_time"), Json.text(e, "finish_time"),
                            Json.text(e, "host"))).toList();
                }
                return new ServerAction(Json.text(a, "action"), Json.text(a, "request_id"),
                        Json.text(a, "start_time"), Json.text(a, "updated_at"),
                        Json.text(a, "user_id"), Json.text(a, "message"), events);
            }).toList();
            return new ServerActionPage(s.getId(), s.getName(), out, out.size(), page.nextMarker());
        });
    }

    public ConsoleLog consoleLog(String server, int lines) {
        return cloud.call(os -> {
            Server s = servers.resolve(os, server);
            JsonNode answer = actions.action(s, "read the console log of",
                    Map.of("os-getConsoleOutput", Map.of("length", lines)), Map.of());
            String output = Json.text(answer, "output");
            output = output == null ? "" : output;
            String trimmed = output.endsWith("\n") ? output.substring(0, output.length() - 1) : output;
            return new ConsoleLog(s.getId(), s.getName(), trimmed.isEmpty() ? 0 : trimmed.split("\n", -1).length,
                    output);
        });
    }

    public ConsoleUrl consoleUrl(String server, ConsoleType type) {
        return cloud.call(os -> {
            Server s = servers.resolve(os, server);
            JsonNode answer = actions.send(HttpMethod.POST, "/servers/" + s.getId() + "/remote-consoles",
                    Map.of("remote_console", Map.of("protocol", type.protocol, "type", type.type)),
                    CloudApi.nova(CONSOLE_MICROVERSION),
                    "get a " + type.type + " console URL for server '" + s.getName() + "'");
            JsonNode console = answer.get("remote_console");
            return new ConsoleUrl(s.getId(), s.getName(), Json.text(console, "protocol"),
                    Json.text(console, "type"), Json.text(console, "url"));
        });
    }
}
