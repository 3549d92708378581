package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.catalog.schema.Timeout;
import io.github.openstackops.mcp.catalog.schema.Wait;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.compute.MigrationRecords.MigrationControlled;
import io.github.openstackops.mcp.compute.MigrationRecords.MigrationDetail;
import io.github.openstackops.mcp.compute.MigrationRecords.MigrationPage;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;

import static io.github.openstackops.mcp.compute.ServerTools.SERVER;

/** Migrations (admin): list and get, past and in progress; abort or force-complete a live migration. */
@Singleton
public class MigrationTools implements ToolProvider {

    public record ListArgs(
            @Param(value = "Migrations per page", defaultValue = "" + Paging.DEFAULT_LIMIT, min = 1,
                    max = Paging.MAX_LIMIT) Integer limit,
            @Param(value = "The 'next_marker' of the previous page", maxLength = 64) String marker,
            @Param(value = "Only migrations of this server (id or exact name)", maxLength = 255) String server,
            @Param(value = "Only migrations from or to this compute host", maxLength = 255) String host,
            @Param(value = "Only migrations in this status, e.g. running, completed, error", maxLength = 32)
            String status,
            @Param("Only migrations of this type") MigrationService.Type type,
            @Param(value = "Only migrations changed since this time (ISO-8601)", format = "date-time",
                    maxLength = 64) String changesSince) {
    }

    public record GetArgs(
            @Param(value = SERVER, required = true, minLength = 1, maxLength = 255) String server,
            @Param(value = "Migration id (number) or uuid", required = true, minLength = 1, maxLength = 64)
            String migration) {
    }

    public record ControlArgs(
            @IdOrName(SERVER) String server,
            @Param(value = "Migration id (number) or uuid; the server's live migration in progress when omitted",
                    maxLength = 64) String migration,
            @JsonProperty("wait") @Wait("Wait until the migration has ended, reporting progress") Boolean waitUntilDone,
            @Timeout(seconds = 300, max = 1800) Integer timeoutSeconds) {
    }

    private final MigrationService migrations;

    public MigrationTools(MigrationService migrations) {
        this.migrations = migrations;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("migration_list", Toolset.COMPUTE, ListArgs.class, MigrationPage.class)
                        .adminOnly()
                        .title("Migrations: List")
                        .description("Admin only. Migrations of servers between compute hosts, newest first, past"
                                + " and in progress: cold migrations, resizes, live migrations and evacuations, with"
                                + " status and source and destination hosts. Filter by server, host, status, type or"
                                + " time; Nova filters and pages. Pass 'next_marker' as 'marker' for the next page.")
                        .handler((ctx, a) -> migrations.list(a.limit(), a.marker(), new MigrationService.Filters(
                                a.server(), a.host(), a.status(), a.type(), a.changesSince())))
                        .build(),
                ToolDefinition.read("migration_get", Toolset.COMPUTE, GetArgs.class, MigrationDetail.class)
                        .adminOnly()
                        .title("Migrations: Get")
                        .description("Admin only. One migration of a server (by number or uuid from"
                                + " migration_list); while a live migration runs, also how much memory and disk is"
                                + " copied and left.")
                        .handler((ctx, a) -> migrations.get(a.server(), a.migration()))
                        .build(),
                ToolDefinition.write("migration_abort", Toolset.COMPUTE, ControlArgs.class, MigrationControlled.class)
                        .adminOnly()
                        .title("Migrations: Abort")
                        .description("Admin only. Abort a live migration in progress (queued, preparing or"
                                + " running): the copy stops and the server keeps running on its source host, as"
                                + " before (a write, not destructive: nothing is lost). Waits until Nova marks it"
                                + " cancelled and says where the server runs. Refused when it is not in progress.")
                        .handler((ctx, a) -> migrations.control(MigrationService.Control.ABORT, a.server(),
                                a.migration(), a.waitUntilDone(), Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.write("migration_force_complete", Toolset.COMPUTE, ControlArgs.class,
                                MigrationControlled.class)
                        .adminOnly()
                        .title("Migrations: Force Complete")
                        .description("Admin only. Finish a running live migration that does not converge: the"
                                + " guest is paused while the rest of its memory is copied, then runs on the"
                                + " destination host (a write: a short pause, no data lost; the move was already"
                                + " requested). Waits until it is completed. Refused when it is not running.")
                        .handler((ctx, a) -> migrations.control(MigrationService.Control.FORCE_COMPLETE,
                                a.server(), a.migration(), a.waitUntilDone(), Duration.ofSeconds(a.timeoutSeconds()),
                                ctx))
                        .build());
    }
}
