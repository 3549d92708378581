package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.compute.ServerDiagnosticRecords.ConsoleLog;
import io.github.openstackops.mcp.compute.ServerDiagnosticRecords.ConsoleUrl;
import io.github.openstackops.mcp.compute.ServerDiagnosticRecords.ServerActionPage;
import io.github.openstackops.mcp.compute.ServerDiagnosticService.ConsoleType;
import jakarta.inject.Singleton;

import java.util.List;

import static io.github.openstackops.mcp.compute.ServerTools.SERVER;

/** A server's history, console log and console URL (the last two only with ALLOW_SENSITIVE_DATA=true). */
@Singleton
public class ServerDiagnosticTools implements ToolProvider {

    public record ActionListArgs(
            @IdOrName(SERVER) String server,
            @Param(value = "Actions per page", defaultValue = "20", min = 1, max = Paging.MAX_LIMIT) Integer limit,
            @Param(value = "Request id of the last action of the previous page (its 'next_marker')", maxLength = 64)
            String marker,
            @Param(value = "Also fetch each action's events (one request per action; limit at most "
                    + ServerDiagnosticService.MAX_WITH_EVENTS + ")", defaultValue = "false") Boolean withEvents) {
    }

    public record ConsoleLogArgs(
            @IdOrName(SERVER) String server,
            @Param(value = "Number of lines from the end of the log", defaultValue = "50", min = 1, max = 1000)
            Integer lines) {
    }

    public record ConsoleUrlArgs(
            @IdOrName(SERVER) String server,
            @Param(value = "Console type; the cloud must have it enabled", defaultValue = "\"novnc\"")
            ConsoleType type) {
    }

    private final ServerDiagnosticService diagnostics;

    public ServerDiagnosticTools(ServerDiagnosticService diagnostics) {
        this.diagnostics = diagnostics;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("server_action_list", Toolset.COMPUTE, ActionListArgs.class, ServerActionPage.class)
                        .title("Servers: Action List")
                        .description("What was done to a server, newest first: create, stop, resize, migrate, ...,"
                                + " who asked, when, and the error message of failed ones; with_events adds each"
                                + " action's steps and their results. Use it to find out why a server is in ERROR or"
                                + " why an operation did not take effect. Pass 'next_marker' as 'marker' for more.")
                        .handler((ctx, a) -> diagnostics.actions(a.server(), a.limit(), a.marker(), a.withEvents()))
                        .build(),
                ToolDefinition.read("server_console_log", Toolset.COMPUTE, ConsoleLogArgs.class, ConsoleLog.class)
                        .title("Servers: Console Log")
                        .description("The last lines of a server's console (serial) log, e.g. to see why it does not"
                                + " boot. Can contain secrets printed by the guest.")
                        .sensitive()
                        .handler((ctx, a) -> diagnostics.consoleLog(a.server(), a.lines()))
                        .build(),
                ToolDefinition.read("server_console_url", Toolset.COMPUTE, ConsoleUrlArgs.class, ConsoleUrl.class)
                        .title("Servers: Console URL")
                        .description("A URL to a server's remote console (noVNC by default) for a human to open in a"
                                + " browser. It carries an access token valid for a few minutes: treat it as a"
                                + " secret.")
                        .sensitive()
                        .handler((ctx, a) -> diagnostics.consoleUrl(a.server(), a.type()))
                        .build());
    }
}
