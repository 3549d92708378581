package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** What happened to a server (its actions and their events), its console output and console URL. */
public final class ServerDiagnosticRecords {

    private ServerDiagnosticRecords() {
    }

    @Doc("One step of a server action")
    public record ActionEvent(
            @Doc("Event, e.g. compute_stop_instance") String event,
            @Nullable @Doc("Success or Error; absent while it runs") String result,
            @Nullable @Doc("Start time") String startTime,
            @Nullable @Doc("Finish time") String finishTime,
            @Nullable @Doc("Compute host it ran on (admins only)") String host) {
    }

    @Doc("An action taken on a server (create, stop, resize, ...)")
    public record ServerAction(
            @Doc("The action, e.g. create, stop, resize, live-migration") String action,
            @Doc("Request id, to find it in the cloud's logs") String requestId,
            @Nullable @Doc("Start time") String startTime,
            @Nullable @Doc("Last update") String updatedAt,
            @Nullable @Doc("User who asked") String userId,
            @Nullable @Doc("Error message, when it failed") String message,
            @Nullable @Doc("Its events, when asked for (with_events)") List<ActionEvent> events) {
    }

    @Doc("One page of a server's actions, newest first")
    public record ServerActionPage(
            @Doc("Server id") String serverId,
            @Doc("Server name") String serverName,
            @Doc("Actions on this page") List<ServerAction> actions,
            @Doc("Number of actions on this page") int count,
            @Nullable @Doc("Pass as 'marker' to get the next page; absent on the last page") String nextMarker) {
    }

    @Doc("The end of a server's console log")
    public record ConsoleLog(
            @Doc("Server id") String serverId,
            @Doc("Server name") String serverName,
            @Doc("Number of lines returned") int lines,
            @Doc("The console output") String output) {
    }

    @Doc("A URL to a server's remote console")
    public record ConsoleUrl(
            @Doc("Server id") String serverId,
            @Doc("Server name") String serverName,
            @Doc("Protocol, e.g. vnc") String protocol,
            @Doc("Console type, e.g. novnc") String type,
            @Doc("The URL; it carries a short-lived access token, treat it as a secret") String url) {
    }
}
