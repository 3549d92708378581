package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.github.openstackops.mcp.compute.ServerDiagnosticRecords.ActionEvent;
import io.github.openstackops.mcp.compute.ServerDiagnosticRecords.ConsoleLog;
import io.github.openstackops.mcp.compute.ServerDiagnosticRecords.ConsoleUrl;
import io.github.openstackops.mcp.compute.ServerDiagnosticRecords.ServerAction;
import io.github.openstackops.mcp.compute.ServerDiagnosticRecords.ServerActionPage;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.openstack4j.core.transport.HttpMethod;

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
    private final NovaClient nova;
    private final ServerService servers;
    private final ServerActions actions;

    public ServerDiagnosticService(CloudSession cloud, NovaClient nova, ServerService servers, ServerActions actions) {
        this.cloud = cloud;
        this.nova = nova;
        this.servers = servers;
        this.actions = actions;
    }

    public ServerActionPage actions(String server, int limit, @Nullable String marker, boolean withEvents) {
        if (withEvents && limit > MAX_WITH_EVENTS) {
            throw ToolException.invalid("with_events fetches each action's events one request at a time: use a limit"
                    + " of at most " + MAX_WITH_EVENTS + ".");
        }
        NovaServer s = servers.resolve(server);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("limit", Paging.fetchSize(limit));
        if (ServerService.notBlank(marker)) {
            query.put("marker", marker.trim());
        }
        String base = "/servers/" + s.id() + "/os-instance-actions";
        List<JsonNode> fetched = Json.array(nova.at(ACTIONS_MICROVERSION).get(base, query), "instanceActions");
        Paging.Slice<JsonNode> page = Paging.slice(fetched, limit, a -> Json.text(a, "request_id"));
        List<ServerAction> out = page.items().stream().map(a -> {
            List<ActionEvent> events = null;
            if (withEvents) {
                JsonNode detail = nova.at(ACTIONS_MICROVERSION).get(base + "/" + Json.text(a, "request_id"), Map.of()).get("instanceAction");
                events = Json.array(detail, "events").stream().map(e -> new ActionEvent(
                        Json.text(e, "event"), Json.text(e, "result"),
                        Json.text(e, "start_time"), Json.text(e, "finish_time"),
                        Json.text(e, "host"))).toList();
            }
            return new ServerAction(Json.text(a, "action"), Json.text(a, "request_id"),
                    Json.text(a, "start_time"), Json.text(a, "updated_at"),
                    Json.text(a, "user_id"), Json.text(a, "message"), events);
        }).toList();
        return new ServerActionPage(s.id(), s.name(), out, out.size(), page.nextMarker());
    }

    public ConsoleLog consoleLog(String server, int lines) {
        NovaServer s = servers.resolve(server);
        JsonNode answer = actions.action(s, "read the console log of",
                Map.of("os-getConsoleOutput", Map.of("length", lines)), null);
        String output = Json.text(answer, "output");
        output = output == null ? "" : output;
        String trimmed = output.endsWith("\n") ? output.substring(0, output.length() - 1) : output;
        return new ConsoleLog(s.id(), s.name(), trimmed.isEmpty() ? 0 : trimmed.split("\n", -1).length,
                output);
    }

    public ConsoleUrl consoleUrl(String server, ConsoleType type) {
        NovaServer s = servers.resolve(server);
        JsonNode answer = actions.send(HttpMethod.POST, "/servers/" + s.id() + "/remote-consoles",
                Map.of("remote_console", Map.of("protocol", type.protocol, "type", type.type)),
                CONSOLE_MICROVERSION,
                "get a " + type.type + " console URL for server '" + s.name() + "'");
        JsonNode console = answer.get("remote_console");
        return new ConsoleUrl(s.id(), s.name(), Json.text(console, "protocol"),
                Json.text(console, "type"), Json.text(console, "url"));
    }
}
